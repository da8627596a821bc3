from __future__ import annotations

import json
from pathlib import Path

from ficshelf.evaluate.tags import evaluate_synonym_table, table_kind
from ficshelf.wrangle.kb import Character, KnowledgeBase


def test_report_counts_mapped_misses_and_false_merges(tmp_path: Path) -> None:
    kb = KnowledgeBase(
        characters=[
            Character("Pip Thistlewood", "Orchard", "m", ("Pipkin",)),
            Character("Wren Alder", "Orchard", "f", ("Pipkin Alder",)),
        ]
    )
    path = tmp_path / "table.csv"
    path.write_text(
        "canonical_tag,synonym1,synonym2,synonym3\n"
        "Pip Thistlewood,Pipkin,Pip Thistlewood (mentioned),Pipkin Alder\n"
        "Wren Alder,Wren,Mystery Name,\n",
        encoding="utf-8",
    )
    report = evaluate_synonym_table(path, kb)
    assert report.fandom == "Orchard"
    assert (report.synonyms, report.mapped) == (5, 3)
    assert [o.synonym for o in report.false_merges] == ["Pipkin Alder"]
    assert [o.synonym for o in report.misses] == ["Mystery Name"]
    assert json.loads(report.to_json())["share_mapped"] == 0.6
    assert "false merges: 1" in report.to_text()


def _orchard_kb() -> KnowledgeBase:
    return KnowledgeBase(
        characters=[
            Character("Pip Thistlewood", "Orchard", "m", ("Pipkin",)),
            Character("Wren Alder", "Orchard", "f", ()),
        ]
    )


def test_a_table_of_tags_that_only_mention_characters_is_a_freeform_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "freeforms.csv"
    path.write_text(
        "canonical,synonym1\n"
        "Pip Thistlewood Is a Good Friend,pip is a good friend\n"
        "Wren Alder Is Tired,wren is tired\n"
        "Orchard Picnics,picnic in the orchard\n",
        encoding="utf-8",
    )
    assert table_kind(path, _orchard_kb()) == "freeforms"
    assert evaluate_synonym_table(path, _orchard_kb()).kind == "freeforms"
    asked = evaluate_synonym_table(path, _orchard_kb(), kind="characters")
    assert asked.kind == "characters"


def test_a_table_of_characters_own_names_is_a_character_table(tmp_path: Path) -> None:
    path = tmp_path / "characters.csv"
    path.write_text(
        "canonical,synonym1\nPip Thistlewood,Pipkin\nWren Alder,wren alder\n", encoding="utf-8"
    )
    assert table_kind(path, _orchard_kb()) == "characters"


def test_a_freeform_table_about_characters_reads_them_in_their_fandom(tmp_path: Path) -> None:
    path = tmp_path / "freeforms.csv"
    path.write_text(
        "canonical,synonym1,synonym2\n"
        "Good Pip Thistlewood,Good!Pip,Pipkin is good\n"
        "Wren Alder Bashing,bashing!Wren,wren bashing\n"
        "Orchard Picnics,picnic in the orchard,\n",
        encoding="utf-8",
    )
    report = evaluate_synonym_table(path, _orchard_kb(), kind="freeforms")
    assert report.fandom == "Orchard"  # told from the characters the canonicals are about
    assert report.mapped == 4
    assert [m.synonym for m in report.misses] == ["picnic in the orchard"]

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.errors import UnreadableFile
from ficshelf.model import TagType
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.learn import learn_from_works
from ficshelf.wrangle.loaders import load_ao3_tag_dump, load_synonym_table

from .conftest import raw_work

DUMP = """id,type,name,canonical,cached_count,merger_id
1,Freeform,Found Family,TRUE,500,
2,Freeform,found fam,FALSE,3,1
3,Fandom,Moonlit Orchard (Web Serial),TRUE,40,
4,Fandom,Moonlit Orchard,FALSE,2,3
5,Character,Umino Iruka,TRUE,900,
6,Character,Iruka Dolphin-sensei,FALSE,1,5
7,Rating,General Audiences,TRUE,10,
"""

TABLE = """canonical_tag,synonym1,synonym2
Pip Thistlewood,Pipkin Thistlewood,Pip T
Found Family,,
"""


def test_ao3_dump_adds_synonyms(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "tags.csv"
    path.write_text(DUMP, encoding="utf-8")
    grown = kb.extended(load_ao3_tag_dump(path, kb))
    assert grown.freeform("found fam") == "Found Family"
    fandom = grown.fandom("Moonlit Orchard")
    assert fandom is not None and fandom.name == "Moonlit Orchard (Web Serial)"
    match = resolver_for(grown).resolve("Iruka Dolphin-sensei", frozenset({"Naruto"}))
    assert match.character is not None and match.character.name == "Umino Iruka"


def test_synonym_table_adds_characters_to_a_fandom(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "chars.csv"
    path.write_text(TABLE, encoding="utf-8")
    grown = kb.extended(load_synonym_table(path, TagType.CHARACTER, kb, fandom="Naruto"))
    match = resolver_for(grown).resolve("Pipkin Thistlewood", frozenset({"Naruto"}))
    assert match.character is not None and match.character.name == "Pip Thistlewood"


def test_a_file_that_is_not_a_dump_is_one_clear_error(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="not an AO3 tag dump"):
        load_ao3_tag_dump(path, kb)


def test_library_learns_characters_from_ao3_works(kb: KnowledgeBase) -> None:
    ao3 = raw_work(
        origin="ao3",
        fandoms=("Moonlit Orchard (Web Serial)",),
        characters=("Pip Thistlewood", "Wren Alder"),
        relationships=("Pip Thistlewood/Wren Alder",),
    )
    grown = kb.extended(learn_from_works([ao3], kb))
    work = wrangle(raw_work(relationships=("Pip/Wren",)), kb=grown)
    assert [t.name for t in work.fandoms] == ["Moonlit Orchard (Web Serial)"]
    assert [t.name for t in work.relationships] == ["Pip Thistlewood/Wren Alder"]

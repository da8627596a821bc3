"""``ficshelf tags``: counts, synonyms, filters, the review list, and ``--why``."""

from __future__ import annotations

from pathlib import Path

from .conftest import Shelf, text_story

KAKAIRU = ("relationship", "Hatake Kakashi/Umino Iruka")


def test_tags_counts_works_and_lists_every_written_form(naruto_shelf: Shelf) -> None:
    tags = naruto_shelf.tags()
    assert tags[("fandom", "Naruto")]["works"] == 3
    assert tags[KAKAIRU]["works"] == 2
    assert set(tags[KAKAIRU]["synonyms"]) == {"Iruka/Kakashi", "Kakashi/Iruka"}
    assert tags[("freeform", "Hurt/Comfort")]["synonyms"] == ["h/c"]
    assert not tags[("freeform", "Fluff")]["unwrangled"]
    assert tags[("freeform", "lantern mishaps")]["unwrangled"]


def test_tags_filter_by_type_sort_and_limit(naruto_shelf: Shelf) -> None:
    relationships = naruto_shelf.json("tags", "--type", "relationship")
    assert [line["name"] for line in relationships] == [
        "Hatake Kakashi/Umino Iruka",
        "Uchiha Sasuke/Uzumaki Naruto",
    ]
    by_name = [line["name"] for line in naruto_shelf.json("tags", "--sort", "name")]
    assert by_name == sorted(by_name, key=str.casefold)
    assert len(naruto_shelf.json("tags", "--limit", "2")) == 2
    by_count = [(line["works"], line["name"]) for line in naruto_shelf.json("tags")]
    assert by_count == sorted(by_count, key=lambda pair: (-pair[0], pair[1]))
    assert by_count[0][0] == 3


def test_tags_table_for_people(naruto_shelf: Shelf) -> None:
    shown = naruto_shelf.ok("tags", "--type", "relationship").stdout
    assert "Hatake Kakashi/Umino Iruka" in shown
    assert "Kakashi/Iruka" in shown


def test_unwrangled_lists_the_tags_to_review_with_a_suggestion(shelf: Shelf) -> None:
    shelf.write("a.txt", text_story("Ink", "Pairing: Iruka/Kakashi", "Tags: Alternate Iniverse"))
    shelf.write("b.txt", text_story("Paper", "Pairing: Iruka/Kakashi", "Tags: lantern mishaps"))
    shelf.import_stories()
    review = {line["name"]: line for line in shelf.json("tags", "--unwrangled")}
    assert set(review) == {"Alternate Iniverse", "lantern mishaps"}
    assert review["Alternate Iniverse"]["suggestion"] == "Alternate Universe"
    assert review["lantern mishaps"]["suggestion"] is None
    assert review["lantern mishaps"]["reason"].startswith("unknown")
    table = shelf.ok("tags", "--unwrangled").stdout
    assert "Alternate Universe" in table
    assert shelf.json("tags", "--unwrangled", "--type", "fandom") == []


def test_why_gives_each_written_form_its_reason_and_its_works(naruto_shelf: Shelf) -> None:
    (account,) = naruto_shelf.json("tags", "--why", "Hatake Kakashi/Umino Iruka")
    forms = {form["written"]: form for form in account["forms"]}
    assert set(forms) == {"Iruka/Kakashi", "Kakashi/Iruka"}
    assert all(len(form["works"]) == 1 for form in forms.values())
    assert "Kakashi" in forms["Kakashi/Iruka"]["how"]
    (fandom,) = naruto_shelf.json("tags", "--why", "naruto", "--type", "fandom")
    assert fandom["forms"][0]["how"].startswith("inferred from characters")
    assert fandom["forms"][0]["written"] == ""


def test_why_finds_a_tag_by_a_form_it_was_written_in(naruto_shelf: Shelf) -> None:
    (account,) = naruto_shelf.json("tags", "--why", "h/c")
    assert account["name"] == "Hurt/Comfort"
    shown = naruto_shelf.ok("tags", "--why", "h/c").stdout
    assert '"h/c"' in shown
    assert "The Scroll Room" in shown


def test_why_of_an_unknown_tag_is_one_error_line(naruto_shelf: Shelf) -> None:
    result = naruto_shelf.run("tags", "--why", "Nonexistent Thing")
    assert result.exit_code == 2
    assert result.stderr == "error: no tag 'Nonexistent Thing' on any work in the library\n"


def test_tags_without_a_library_is_an_error_not_a_new_library(tmp_path: Path) -> None:
    shelf = Shelf(tmp_path)  # a folder library: a PostgreSQL database always exists
    result = shelf.run("tags")
    assert result.exit_code == 2
    assert "no library" in result.stderr
    assert not shelf.library_dir.exists()

"""The library teaches itself: AO3 downloads and loaded tag data grow the knowledge base that
places plain-text stories, and what was learned is kept in the library."""

from __future__ import annotations

from .conftest import Shelf, ao3_download, text_story

SKYREACH = "Skyreach Chronicles"


def _write_ao3_work(shelf: Shelf, folder: str = "stories") -> None:
    shelf.write(
        "ember-rising.html",
        ao3_download(
            "Ember Rising",
            SKYREACH,
            characters=("Zara Quillfeather", "Mott Ember"),
            freeforms=("Found Family",),
        ),
        folder,
    )


def _write_harbour_story(shelf: Shelf, folder: str = "stories") -> None:
    shelf.write("harbour.txt", text_story("Harbour Lights", "Pairing: Zara/Mott"), folder)


def test_a_plain_text_story_is_placed_by_what_ao3_works_taught(shelf: Shelf) -> None:
    _write_ao3_work(shelf, "ao3")
    shelf.import_stories("ao3")
    _write_harbour_story(shelf, "text")
    shelf.import_stories("text")
    assert shelf.fandoms()["Harbour Lights"] == [SKYREACH]
    relationships = shelf.json("tags", "--type", "relationship")
    assert [line["name"] for line in relationships] == ["Mott Ember/Zara Quillfeather"]
    (account,) = shelf.json("tags", "--why", SKYREACH)
    reasons = {form["how"] for form in account["forms"]}
    assert "inferred from characters: Zara, Mott" in reasons
    (learned,) = shelf.json("kb", "learned")
    assert (learned["fandoms"], learned["characters"]) == (1, 2)


def test_without_the_ao3_work_the_fandom_is_not_found(shelf: Shelf) -> None:
    _write_harbour_story(shelf)
    shelf.import_stories()
    assert SKYREACH not in shelf.fandoms()["Harbour Lights"]


def test_a_story_imported_in_the_same_run_is_placed_too(shelf: Shelf) -> None:
    _write_ao3_work(shelf)
    _write_harbour_story(shelf)
    assert shelf.import_stories()["imported"] == 2
    assert shelf.fandoms() == {"Ember Rising": [SKYREACH], "Harbour Lights": [SKYREACH]}


def test_load_table_grows_the_base_for_later_imports(shelf: Shelf) -> None:
    table = shelf.write(
        "skyreach.csv",
        "canonical,synonym1,synonym2\nZara Quillfeather,Zee,Captain Zara\nMott Ember,Motty\n",
        "data",
    )
    added = shelf.json("kb", "load-table", table, "--type", "character", "--fandom", SKYREACH)
    assert added == [
        {"fandoms": 0, "characters": 2, "freeforms": 0, "relationships": 0, "aliases": 3}
    ]
    assert shelf.json("kb", "load-table", table, "--fandom", SKYREACH)[0]["characters"] == 0
    shelf.write("wharf.txt", text_story("Wharf", "Pairing: Zee/Motty"))
    shelf.import_stories()
    assert shelf.fandoms()["Wharf"] == [SKYREACH]
    assert shelf.tags()[("relationship", "Mott Ember/Zara Quillfeather")]["works"] == 1


def test_load_ao3_dump_then_wrangle_all_places_works_already_imported(shelf: Shelf) -> None:
    shelf.write(
        "antics.txt", text_story("Antics", "Pairing: Iruka/Kakashi", "Tags: sky ship antics")
    )
    shelf.import_stories()
    assert shelf.tags()[("freeform", "sky ship antics")]["unwrangled"]
    dump = shelf.write(
        "tags.csv",
        "id,type,name,canonical,cached_count,merger_id\n"
        "10,Freeform,Airship Shenanigans,true,40,\n"
        "11,Freeform,sky ship antics,false,2,10\n"
        "12,Media,Anime & Manga,true,900,\n",
        "data",
    )
    shown = shelf.ok("kb", "load-ao3-dump", dump).stdout
    assert shown.startswith("added 0 fandoms, 0 characters, 1 freeforms, 0 relationships, 1 ")
    assert "ficshelf wrangle --all" in shown
    assert shelf.ok("wrangle", "--all").stdout == "re-wrangled 1 work: 1 changed (#1)\n"
    tags = shelf.tags()
    assert ("freeform", "sky ship antics") not in tags
    assert tags[("freeform", "Airship Shenanigans")]["synonyms"] == ["sky ship antics"]
    assert shelf.json("tags", "--unwrangled") == []


def test_tag_files_that_cannot_be_read_are_one_error_line(shelf: Shelf) -> None:
    not_a_dump = shelf.write("table.csv", "canonical,synonym1\nFluff,fluffy\n", "data")
    result = shelf.run("kb", "load-ao3-dump", not_a_dump)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {not_a_dump}: not an AO3 tag dump")
    missing = shelf.run("kb", "load-table", shelf.root / "nope.csv")
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr


def test_ao3_spellings_of_known_characters_become_aliases_not_new_ones(shelf: Shelf) -> None:
    shelf.write(
        "chalk.html",
        ao3_download("Chalk", "Naruto", characters=("Iruka Umino", "Hatake Kakashi")),
        "ao3",
    )
    shelf.import_stories("ao3")
    (learned,) = shelf.json("kb", "learned")
    assert (learned["characters"], learned["aliases"]) == (0, 1)
    shelf.write("dust.txt", text_story("Chalk Dust", "Pairing: Iruka/Kakashi"), "text")
    shelf.import_stories("text")
    tags = shelf.tags("--type", "relationship")
    assert list(tags) == [("relationship", "Hatake Kakashi/Umino Iruka")]

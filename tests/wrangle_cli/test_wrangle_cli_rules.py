"""``ficshelf wrangle``: rules recorded once, applied at once to every affected work, and
kept through re-imports."""

from __future__ import annotations

from .conftest import Shelf, text_story

KAKAIRU = ("relationship", "Hatake Kakashi/Umino Iruka")


def test_synonym_rule_rewrangles_the_works_at_once(naruto_shelf: Shelf) -> None:
    ids = naruto_shelf.ids()
    result = naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    changed = sorted([ids["Ramen After Rain"], ids["The Scroll Room"]])
    assert result.stdout.splitlines() == [
        'rule #1: freeform "lantern mishaps" is a synonym of "Fluff"',
        f"re-wrangled 3 works: 2 changed (#{changed[0]}, #{changed[1]})",
    ]
    tags = naruto_shelf.tags()
    assert tags[("freeform", "Fluff")]["works"] == 3
    assert ("freeform", "lantern mishaps") not in tags
    assert "lantern mishaps" in tags[("freeform", "Fluff")]["synonyms"]
    assert naruto_shelf.json("tags", "--unwrangled") == []


def test_why_names_the_rule_that_decided(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    (account,) = naruto_shelf.json("tags", "--why", "Fluff")
    forms = {form["written"]: form for form in account["forms"]}
    assert forms["lantern mishaps"]["how"] == "user rule: synonym"
    assert len(forms["lantern mishaps"]["works"]) == 2
    assert [rule["says"] for rule in account["rules"]] == [
        'freeform "lantern mishaps" is a synonym of "Fluff"'
    ]
    shown = naruto_shelf.ok("tags", "--why", "Fluff").stdout
    assert "rule #1" in shown
    assert "user rule: synonym" in shown


def test_merge_moves_the_works_and_keeps_the_name_as_a_synonym(naruto_shelf: Shelf) -> None:
    before = naruto_shelf.tags()
    assert before[("freeform", "Alternate Universe")]["works"] == 1
    result = naruto_shelf.json("wrangle", "Alternate Universe", "--merge", "Hurt/Comfort")
    assert result[0]["changed"] == [naruto_shelf.ids()["Ramen After Rain"]]
    after = naruto_shelf.tags()
    assert ("freeform", "Alternate Universe") not in after
    assert after[("freeform", "Hurt/Comfort")]["works"] == 2
    assert "Alternate Universe" in after[("freeform", "Hurt/Comfort")]["synonyms"]


def test_rename_keeps_the_old_name_as_a_synonym(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "Hatake Kakashi/Umino Iruka", "--rename", "KakaIru")
    tags = naruto_shelf.tags()
    assert KAKAIRU not in tags
    renamed = tags[("relationship", "KakaIru")]
    assert renamed["works"] == 2
    assert "Hatake Kakashi/Umino Iruka" in renamed["synonyms"]
    assert "Iruka/Kakashi" in renamed["synonyms"]


def test_parent_rule_gives_a_meta_tag(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "Fluff", "--parent", "Comfort Reads")
    tags = naruto_shelf.tags()
    assert tags[("freeform", "Fluff")]["parents"] == ["Comfort Reads"]
    assert tags[("freeform", "Comfort Reads")]["works"] == 1
    (meta,) = naruto_shelf.json("tags", "--why", "Comfort Reads")
    assert meta["children"] == ["Fluff"]


def test_list_and_remove_put_the_works_back(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    naruto_shelf.ok("wrangle", "Fluff", "--parent", "Comfort Reads")
    rules = naruto_shelf.json("wrangle", "--list")
    assert [(rule["id"], rule["kind"], rule["source"]) for rule in rules] == [
        (1, "synonym", "lantern mishaps"),
        (2, "parent", "Fluff"),
    ]
    assert "Comfort Reads" in naruto_shelf.ok("wrangle", "--list").stdout
    removed = naruto_shelf.ok("wrangle", "--remove", "1").stdout
    assert removed.startswith('removed #1: freeform "lantern mishaps" is a synonym of "Fluff"')
    tags = naruto_shelf.tags()
    assert tags[("freeform", "lantern mishaps")]["works"] == 2
    assert tags[("freeform", "Fluff")]["works"] == 1
    assert "lantern mishaps" not in tags[("freeform", "Fluff")]["synonyms"]
    naruto_shelf.ok("wrangle", "--remove", "2")
    assert ("freeform", "Comfort Reads") not in naruto_shelf.tags()
    assert naruto_shelf.json("wrangle", "--list") == []


def test_a_new_rule_for_the_same_variant_replaces_the_old(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Hurt/Comfort")
    tags = naruto_shelf.tags()
    assert tags[("freeform", "Fluff")]["works"] == 1
    assert tags[("freeform", "Hurt/Comfort")]["works"] == 2
    assert len(naruto_shelf.json("wrangle", "--list")) == 1


def test_rules_survive_reimporting_an_edited_file(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    naruto_shelf.write(
        "ramen.txt",
        text_story(
            "Ramen After Rain",
            "Pairing: Iruka/Kakashi",
            "Tags: lantern mishaps, AU",
            body="The rain stopped, started again, and the stall kept its lamps lit all night.",
        ),
    )
    report = naruto_shelf.import_stories()
    assert (report["updated"], report["unchanged"]) == (1, 2)
    tags = naruto_shelf.tags()
    assert tags[("freeform", "Fluff")]["works"] == 3
    assert ("freeform", "lantern mishaps") not in tags


def test_rules_apply_to_new_imports(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "lantern mishaps", "--to", "Fluff")
    naruto_shelf.write(
        "late.txt", text_story("Late", "Pairing: Iruka/Kakashi", "Tags: lantern mishaps")
    )
    naruto_shelf.import_stories()
    assert naruto_shelf.tags()[("freeform", "Fluff")]["works"] == 4


def test_the_type_is_taken_from_the_library_or_asked_for(naruto_shelf: Shelf) -> None:
    naruto_shelf.ok("wrangle", "Kakashi/Iruka", "--to", "KakaIru")
    assert naruto_shelf.json("wrangle", "--list")[0]["type"] == "relationship"
    unknown = naruto_shelf.run("wrangle", "sky pirates", "--to", "Pirates")
    assert unknown.exit_code == 2
    assert "--type" in unknown.stderr
    naruto_shelf.ok("wrangle", "sky pirates", "--to", "Pirates", "--type", "freeform")


def test_user_mistakes_are_one_line_and_exit_2(naruto_shelf: Shelf) -> None:
    for args, message in [
        (("wrangle", "--remove", "7"), "error: there is no wrangle rule #7"),
        (("wrangle", "Fluff", "--merge", "fluff"), 'error: "Fluff" cannot be merged into itself'),
        (("wrangle", "Fluff"), "give exactly one of"),
        (("wrangle", "Fluff", "--to", "A", "--merge", "B"), "give exactly one of"),
        (("wrangle", "--to", "Fluff"), "say which TAG"),
    ]:
        result = naruto_shelf.run(*args)
        assert result.exit_code == 2, args
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.output


def test_a_rule_that_changes_nothing_suggests_the_right_verb(naruto_shelf: Shelf) -> None:
    by_name = naruto_shelf.ok("wrangle", "Hurt/Comfort", "--to", "Angst")
    assert "0 changed" in by_name.stdout
    assert 'hint: "Hurt/Comfort" is the name of a tag' in by_name.stderr
    by_form = naruto_shelf.ok("wrangle", "h/c", "--merge", "Angst")
    assert 'hint: "h/c" is how files wrote a tag' in by_form.stderr

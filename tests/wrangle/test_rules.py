from __future__ import annotations

from ficshelf.model import TagType
from ficshelf.wrangle import Rule, wrangle

from .conftest import raw_work


def test_synonym_rule_wins_over_the_knowledge_base() -> None:
    rules = [Rule("synonym", TagType.FREEFORM, "AU", "Alternate Universe - Canon Divergence")]
    work = wrangle(raw_work(freeforms=("AU",)), rules=rules)
    assert [(t.name, t.how) for t in work.freeforms] == [
        ("Alternate Universe - Canon Divergence", "user rule: synonym")
    ]


def test_synonym_rule_for_an_unknown_character() -> None:
    rules = [Rule("synonym", TagType.CHARACTER, "Blorp", "Umino Iruka")]
    work = wrangle(raw_work(fandoms=("Naruto",), characters=("Blorp",)), rules=rules)
    assert [t.name for t in work.characters] == ["Umino Iruka"]


def test_merge_rule_folds_one_canonical_into_another() -> None:
    rules = [Rule("merge", TagType.FREEFORM, "Fluff", "Tooth-Rotting Fluff")]
    work = wrangle(raw_work(freeforms=("fluffy", "Angst")), rules=rules)
    assert [t.name for t in work.freeforms] == ["Tooth-Rotting Fluff", "Angst"]
    assert work.freeforms[0].written == "fluffy"


def test_rename_rule() -> None:
    rules = [Rule("rename", TagType.FANDOM, "Naruto", "NARUTO (Anime & Manga)")]
    work = wrangle(raw_work(fandoms=("Naruto",)), rules=rules)
    assert [t.name for t in work.fandoms] == ["NARUTO (Anime & Manga)"]


def test_parent_rule_adds_the_meta_tag() -> None:
    rules = [Rule("parent", TagType.FREEFORM, "Hurt/Comfort", "Comfort")]
    work = wrangle(raw_work(freeforms=("h/c",)), rules=rules)
    assert [t.name for t in work.freeforms] == ["Hurt/Comfort", "Comfort"]


def test_merged_duplicates_collapse() -> None:
    rules = [Rule("merge", TagType.FREEFORM, "Fluff", "Angst")]
    work = wrangle(raw_work(freeforms=("Fluff", "Angst")), rules=rules)
    assert [t.name for t in work.freeforms] == ["Angst"]

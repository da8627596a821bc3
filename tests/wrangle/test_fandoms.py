from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb, raw_work


@pytest.mark.parametrize(
    ("stated", "canonical"),
    [
        ("HP", "Harry Potter - J. K. Rowling"),
        ("Harry Potter", "Harry Potter - J. K. Rowling"),
        ("Naruto Shippuden", "Naruto"),
        ("BBC Sherlock", "Sherlock (TV)"),
        ("The Sentinel", "The Sentinel"),
        ("Gundam Wing/AC", "Gundam Wing"),  # a slash inside a fandom's own name
        ("House", "House M.D."),
    ],
)
def test_stated_fandoms_become_canonical(stated: str, canonical: str) -> None:
    work = wrangle(raw_work(fandoms=(stated,)))
    assert [t.name for t in work.fandoms] == [canonical]
    assert not work.fandom_inferred


def test_stated_crossover_splits_into_both() -> None:
    work = wrangle(raw_work(fandoms=("Naruto/Harry Potter crossover",)))
    assert {t.name for t in work.fandoms} == {"Naruto", "Harry Potter - J. K. Rowling"}


def test_unknown_fandom_kept_as_written_for_review() -> None:
    work = wrangle(raw_work(fandoms=("Some Tiny Webcomic",)))
    assert [(t.name, t.known) for t in work.fandoms] == [("Some Tiny Webcomic", False)]


def test_fandom_inferred_from_characters() -> None:
    work = wrangle(raw_work(characters=("Cloud S., Zack F.",)))
    assert [t.name for t in work.fandoms] == ["Final Fantasy VII"]
    assert work.fandom_inferred
    assert "Cloud S." in work.fandoms[0].how


def test_crossover_inferred_from_characters_of_two_fandoms() -> None:
    work = wrangle(raw_work(relationships=("Kakashi/Iruka", "Draco Malfoy/Hermione Granger")))
    assert {t.name for t in work.fandoms} == {"Naruto", "Harry Potter - J. K. Rowling"}


def test_no_fandom_guessed_from_one_ambiguous_name() -> None:
    work = wrangle(raw_work(characters=("John",)))  # a lead of several fandoms
    assert work.fandoms == ()
    assert not work.fandom_inferred


_TIDE = {
    "name": "Tidewater Saga",
    "characters": {
        "male": {"Roy Calloway": ["Roy"], "Bram Hollis": ["Bram"]},
        "female": {"Isolde Vane": ["Isolde"]},
    },
}


@pytest.fixture(scope="module")
def tide() -> KnowledgeBase:
    return fandom_kb(_TIDE, "tidewater.toml")


def test_a_common_given_name_beside_a_stranger_tells_no_fandom(tide: KnowledgeBase) -> None:
    # "Ed/Roy" from a fandom the knowledge base lacks is not a story about the Roy it knows.
    work = wrangle(raw_work(relationships=("Ed/Roy",)), tide)
    assert work.fandoms == ()
    assert [t.name for t in work.relationships] == ["Ed/Roy"]
    assert not work.relationships[0].known
    assert "no fandom to read it in" in work.relationships[0].how


def test_a_rare_name_beside_a_stranger_still_tells_its_fandom(tide: KnowledgeBase) -> None:
    # "Isolde/Marnie": Marnie may be an original character; Isolde is no everyday name.
    work = wrangle(raw_work(relationships=("Isolde/Marnie",)), tide)
    assert [t.name for t in work.fandoms] == ["Tidewater Saga"]
    assert [t.name for t in work.relationships] == ["Isolde Vane/Marnie"]


def test_a_common_given_name_beside_someone_known_tells_its_fandom(tide: KnowledgeBase) -> None:
    work = wrangle(raw_work(relationships=("Roy/Bram",)), tide)
    assert [t.name for t in work.fandoms] == ["Tidewater Saga"]
    assert [t.name for t in work.relationships] == ["Bram Hollis/Roy Calloway"]


def test_a_common_given_name_resolves_once_the_fandom_is_stated(tide: KnowledgeBase) -> None:
    work = wrangle(raw_work(fandoms=("Tidewater Saga",), relationships=("Ed/Roy",)), tide)
    assert [t.name for t in work.relationships] == ["Ed/Roy Calloway"]


@pytest.mark.parametrize(
    ("stated", "canonical"),
    [
        ("Naruto (anime)", "Naruto"),  # a medium in brackets AO3 would not write
        ("Sherlock [BBC]", "Sherlock (TV)"),
    ],
)
def test_stated_fandom_with_its_medium_in_brackets(stated: str, canonical: str) -> None:
    work = wrangle(raw_work(fandoms=(stated,)))
    assert [(t.name, t.known) for t in work.fandoms] == [(canonical, True)]


def test_stated_crossover_with_a_fandom_we_lack_keeps_the_one_we_know() -> None:
    work = wrangle(raw_work(fandoms=("Naruto/Some Tiny Webcomic crossover",)))
    assert [(t.name, t.known) for t in work.fandoms] == [
        ("Naruto", True),
        ("Some Tiny Webcomic", False),
    ]


def test_a_title_with_and_is_not_split_into_fandoms() -> None:
    work = wrangle(raw_work(fandoms=("Naruto and the Tiny Webcomic",)))
    assert [(t.name, t.known) for t in work.fandoms] == [("Naruto and the Tiny Webcomic", False)]


_DECKHANDS = ("Arlo", "Brisk", "Cobb", "Dunmore", "Elric", "Fenn", "Gage", "Holt", "Ives")


def _two_fandoms_sharing_names() -> KnowledgeBase:
    """Two invented fandoms whose casts share the given names Bram and Isolde: the leads of
    one, an extra and a lead of the other."""
    lighthouse, keepers = (
        fandom_kb(
            {
                "name": "Lighthouse Keepers",
                "characters": {
                    "male": {"Bram Ostler": ["Bram"], "Tobin Reyes": [], "Ezra Pike": []},
                    "female": {"Isolde Marsh": ["Isolde"], "Wren Hale": []},
                },
            },
            "lighthouse.toml",
        ),
        fandom_kb(
            {
                "name": "Salt Roads",
                "characters": {
                    "male": {
                        "Corin Vale": [],
                        "Aldous Penn": [],
                        **{f"{given} Saltby": [] for given in _DECKHANDS},
                        "Bram Kettle": ["Bram"],  # an extra, far down the cast
                    },
                    "female": {"Isolde Crane": ["Isolde"], "Mara Quill": [], "Nell Dace": []},
                },
            },
            "saltroads.toml",
        ),
    )
    return KnowledgeBase(
        fandoms=[*lighthouse.fandoms, *keepers.fandoms],
        characters=[*lighthouse.characters, *keepers.characters],
    )


def test_a_tie_between_fandoms_goes_to_the_one_where_the_names_are_leads() -> None:
    kb = _two_fandoms_sharing_names()
    work = wrangle(raw_work(relationships=("Bram/Isolde",)), kb)
    assert [t.name for t in work.fandoms] == ["Lighthouse Keepers"]
    assert [t.name for t in work.relationships] == ["Bram Ostler/Isolde Marsh"]


def test_a_tie_with_no_clear_leads_is_not_broken() -> None:
    kb = _two_fandoms_sharing_names()
    work = wrangle(raw_work(characters=("Isolde",)), kb)  # a lead in both
    assert work.fandoms == ()


def test_names_written_alone_that_no_fandom_shares_tell_no_fandom() -> None:
    # Wren is of one fandom, Mara of the other: an original pairing as likely as a crossover.
    kb = _two_fandoms_sharing_names()
    paired = wrangle(raw_work(relationships=("Wren/Mara",)), kb)
    assert paired.fandoms == ()
    assert [(t.name, t.known) for t in paired.relationships] == [("Mara/Wren", False)]
    listed = wrangle(raw_work(characters=("Wren, Mara",)), kb)
    assert listed.fandoms == ()
    assert [(t.name, t.known) for t in listed.characters] == [("Wren", False), ("Mara", False)]


def test_whole_names_of_two_fandoms_are_a_crossover() -> None:
    kb = _two_fandoms_sharing_names()
    work = wrangle(raw_work(relationships=("Wren Hale/Mara Quill",)), kb)
    assert {t.name for t in work.fandoms} == {"Lighthouse Keepers", "Salt Roads"}
    assert [t.name for t in work.relationships] == ["Mara Quill/Wren Hale"]

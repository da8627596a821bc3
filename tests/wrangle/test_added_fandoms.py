"""Headers in fandoms the knowledge base learnt later: the fandom is inferred from the pairing
and the pairing is named canonically, and names shared with older fandoms still go home."""

from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle

from .conftest import raw_work


@pytest.mark.parametrize(
    ("pairing", "fandom", "relationship"),
    [
        (
            "Inuyasha/Kagome",
            "Inuyasha (Anime & Manga)",
            "Higurashi Kagome/Inuyasha (Character)",
        ),
        (
            "Sesshomaru x Kagome",
            "Inuyasha (Anime & Manga)",
            "Higurashi Kagome/Sesshoumaru (InuYasha)",
        ),
        ("Ed/Roy", "Fullmetal Alchemist - All Media Types", "Edward Elric/Roy Mustang"),
        ("Light/Ryuuzaki", "Death Note (Anime & Manga)", "L (Death Note)/Yagami Light"),
        ("Kaiba/Joey", "Yu-Gi-Oh! Duel Monsters", "Jounouchi Katsuya/Kaiba Seto"),
        ("Kurama/Hiei", "Yu Yu Hakusho", "Hiei (Yu Yu Hakusho)/Kurama (Yu Yu Hakusho)"),
        ("Edward/Bella", "Twilight Series - Stephenie Meyer", "Bella Swan/Edward Cullen"),
        (
            "Enjolras/Grantaire",
            "Les Misérables - Victor Hugo",
            "Enjolras (Les Misérables)/Grantaire (Les Misérables)",
        ),
        ("Fraser/Kowalski", "due South", "Benton Fraser/Ray Kowalski"),
        ("Jack/Will", "Pirates of the Caribbean (Movies)", "Jack Sparrow/Will Turner"),
        ("Roy/Jamie", "Ted Lasso (TV)", "Jamie Tartt/Roy Kent"),
        ("Stede/Ed", "Our Flag Means Death (TV)", "Edward Teach/Stede Bonnet"),
        ("Vegeta/Bulma", "Dragon Ball", "Bulma (Dragon Ball)/Vegeta (Dragon Ball)"),
        ("Kenshin/Kaoru", "Rurouni Kenshin", "Himura Kenshin/Kamiya Kaoru"),
        ("Josh/Donna", "The West Wing", "Donna Moss/Josh Lyman"),
        ("Buck/Eddie", "9-1-1 (TV)", 'Eddie Diaz/Evan "Buck" Buckley'),
        ("Daryl/Rick", "The Walking Dead (TV)", "Daryl Dixon/Rick Grimes"),
        ("Komaeda/Hinata", "Dangan Ronpa - All Media Types", "Hinata Hajime/Komaeda Nagito"),
        ("Haru/Rin", "Free!", "Matsuoka Rin/Nanase Haruka"),
    ],
)
def test_pairing_in_an_added_fandom_infers_it(pairing: str, fandom: str, relationship: str) -> None:
    work = wrangle(raw_work(relationships=(pairing,)))
    assert [t.name for t in work.fandoms] == [fandom]
    assert work.fandom_inferred
    assert [t.name for t in work.relationships] == [relationship]


@pytest.mark.parametrize(
    ("pairing", "fandom"),
    [
        ("Harry/Luna", "Harry Potter - J. K. Rowling"),
        ("James/Lily", "Harry Potter - J. K. Rowling"),
        ("Steve/Bucky", "Marvel Cinematic Universe"),
        ("Hannibal/Will", "Hannibal (TV)"),
        ("Steve/Eddie", "Stranger Things (TV 2016)"),
        ("Magnus/Alec", "Shadowhunters (TV)"),
    ],
)
def test_a_given_name_shared_by_fandoms_goes_with_its_partner(pairing: str, fandom: str) -> None:
    work = wrangle(raw_work(relationships=(pairing,)))
    assert [t.name for t in work.fandoms] == [fandom]


def test_stated_abbreviation_of_an_added_fandom_is_canonical() -> None:
    work = wrangle(raw_work(fandoms=("KHR",), relationships=("Hibari/Mukuro",)))
    assert [t.name for t in work.fandoms] == ["Katekyou Hitman Reborn!"]
    assert [t.name for t in work.relationships] == ["Hibari Kyouya/Rokudou Mukuro"]


def test_ffn_character_list_of_an_added_fandom() -> None:
    work = wrangle(raw_work(characters=("[Kagome H., Inuyasha] Sango",)))
    assert [t.name for t in work.fandoms] == ["Inuyasha (Anime & Manga)"]
    assert [t.name for t in work.relationships] == ["Higurashi Kagome/Inuyasha (Character)"]


def test_ffn_initials_of_a_shortened_romanization() -> None:
    work = wrangle(raw_work(characters=("[Kyo S., Tohru H.] Yuki S.",)))
    assert [t.name for t in work.fandoms] == ["Fruits Basket"]
    assert [t.name for t in work.relationships] == ["Honda Tooru/Souma Kyou"]


@pytest.mark.parametrize(
    ("ship", "fandom", "relationship"),
    [
        ("Royai", "Fullmetal Alchemist - All Media Types", "Riza Hawkeye/Roy Mustang"),
        ("Sesskag", "Inuyasha (Anime & Manga)", "Higurashi Kagome/Sesshoumaru (InuYasha)"),
        ("Swan Queen", "Once Upon a Time (TV)", "Emma Swan/Regina Mills"),
        ("1827", "Katekyou Hitman Reborn!", "Hibari Kyouya/Sawada Tsunayoshi"),
        ("18x27", "Katekyou Hitman Reborn!", "Hibari Kyouya/Sawada Tsunayoshi"),
    ],
)
def test_ship_names_of_added_fandoms(ship: str, fandom: str, relationship: str) -> None:
    work = wrangle(raw_work(relationships=(ship,)))
    assert [t.name for t in work.fandoms] == [fandom]
    assert [t.name for t in work.relationships] == [relationship]

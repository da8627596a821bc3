"""Word counts must agree with the figure AO3 prints, and languages must come out as ISO codes."""

import pytest

from ficshelf.model import RawChapter
from ficshelf.parse import parse
from ficshelf.parse.language import detect_language, language_code
from ficshelf.parse.words import chapter_words, count_words
from ficshelf.read import read_bytes
from ficshelf.wrangle import wrangle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rain fell.", 3),
        ("It's a well-known fact, isn’t it?", 6),
        ("Dashes — between words — do not count", 6),
        ("<p> & ... !!! ---", 1),  # only the letter run "p" is a word
        ("", 0),
        ("日本語です", 5),  # each CJK/kana character is a word, as on AO3
        ("Kakashi読んだ book", 5),
        ("числа 1,942 и 17", 5),
    ],
)
def test_count_words_counts_like_ao3(text: str, expected: int) -> None:
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("stated", "code"),
    [("English", "en"), ("Русский", "ru"), ("français", "fr"), ("de", "de"), ("Klingon", None)],
)
def test_language_names_map_to_iso_codes(stated: str, code: str | None) -> None:
    assert language_code(stated) == code


def test_detects_language_of_story_text_but_not_of_a_scrap() -> None:
    french = "Il pleuvait depuis le matin et personne ne voulait sortir de la maison du village."
    assert detect_language(french) == "fr"
    assert detect_language("Okay.") is None


def test_detects_language_from_the_opening_chapters_of_a_story() -> None:
    chapters = [
        "Der Regen fiel seit dem Morgen, und niemand wollte das Haus verlassen.",
        "Am Abend kamen die Nachbarn mit Kuchen und einer Laterne vorbei.",
    ]
    assert detect_language(chapters) == "de"
    assert detect_language(iter(chapters)) == "de"


def test_parsed_chapters_carry_their_word_counts_and_the_work_adds_them_up() -> None:
    story = (
        b"Title: Two Lamps\nAuthor: Reedwren\n\nChapter 1: Dusk\n\nThe ferry's lamp swung.\n\n"
        b"Chapter 2: Dawn\n\nMorning came slowly over the well-kept docks.\n"
    )
    raw = parse(read_bytes("two-lamps.txt", story))
    assert [chapter.words for chapter in raw.chapters] == [4, 7]
    assert wrangle(raw).words == 11
    # A chapter read back from a library has no count yet: it is counted when asked.
    assert chapter_words(RawChapter("Dusk", "The ferry's lamp swung.")) == 4

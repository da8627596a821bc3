"""How the header scanner tells labels from story, in the shapes fans actually write."""

from __future__ import annotations

import pytest

from ficshelf.errors import NotAStory
from ficshelf.model import Document, RawWork, SourceKind
from ficshelf.parse.plaintext import parse_header_lines, parse_text

STORY = "The kettle sang twice before anyone moved.\n"


def parse(text: str, path: str = "story.txt") -> RawWork:
    return parse_text(Document(path=path, kind=SourceKind.TEXT, encoding="utf-8", text=text))


def body(raw: RawWork) -> str:
    return raw.chapters[0].text


@pytest.mark.parametrize(
    "line",
    [
        "Title: Kettle Song",
        "TITLE: Kettle Song",
        "title - Kettle Song",
        "Title：Kettle Song",
        "**Title:** Kettle Song",
        "Titre : Kettle Song",
        "Название: Kettle Song",
        "Titolo: Kettle Song",
        "Titel: Kettle Song",
    ],
)
def test_title_label_in_any_case_separator_and_language(line: str) -> None:
    raw = parse(f"{line}\nRating: PG\n\n{STORY}")
    assert raw.title == "Kettle Song"
    assert raw.rating == "PG"
    assert body(raw) == STORY.strip()


@pytest.mark.parametrize(
    "label", ["Pairing", "Pairings", "Pairing(s)", "Ship", "Ships", "Relationship(s)", "Couple"]
)
def test_every_pairing_label_feeds_relationships(label: str) -> None:
    raw = parse(f"Title: Kettle Song\n{label}: Harry/Draco; Ron x Hermione\n\n{STORY}")
    assert raw.relationships == ("Harry/Draco; Ron x Hermione",)


def test_value_on_the_line_after_its_label() -> None:
    raw = parse(f"Title:\nKettle Song\nAuthor:\nMossbank\nSummary:\nTea, mostly.\n\n{STORY}")
    assert (raw.title, raw.authors, raw.summary) == ("Kettle Song", ("Mossbank",), "Tea, mostly.")
    assert body(raw) == STORY.strip()


def test_value_wrapped_over_several_lines_is_one_value() -> None:
    raw = parse(
        "Title: Kettle Song\n"
        "Warnings: mild language, a lot of tea, and one scene\n"
        "of peril involving a teapot.\n"
        "Summary: Someone has to make the tea.\n\n" + STORY
    )
    assert raw.warnings == (
        "mild language, a lot of tea, and one scene of peril involving a teapot.",
    )
    assert raw.summary == "Someone has to make the tea."


def test_each_warnings_line_is_its_own_value() -> None:
    raw = parse("Title: T\nWarnings: AU, fluff\n\nOther warnings: swearing\n\n" + STORY)
    assert raw.warnings == ("AU, fluff", "swearing")


def test_unknown_labels_inside_a_header_go_to_extra_as_written() -> None:
    raw = parse("Title: T\nAuthor: Mossbank\nMood: sleepy\nDedication: to Rue\n\n" + STORY)
    assert raw.extra == {"Mood": "sleepy", "dedication": "to Rue"}
    assert body(raw) == STORY.strip()


def test_prose_with_a_colon_is_not_a_label() -> None:
    text = "Title: T\n\nHe said it plainly: nobody touches the kettle.\n\nThen he left.\n"
    raw = parse(text)
    assert body(raw).startswith("He said it plainly: nobody")
    assert raw.extra == {}


def test_a_story_opening_with_a_colon_has_no_header() -> None:
    raw = parse("Morning: the worst time of day, Kakashi thought, and\nhe had seen many.\n")
    assert raw.title is None
    assert body(raw).startswith("Morning: the worst time")


def test_sequel_no_is_kept_as_extra_and_not_a_series() -> None:
    raw = parse("Title: T\nSequel: No\n\n" + STORY)
    assert raw.extra == {"sequel": "No"}
    assert raw.series == ()


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("Slash", "categories"),
        ("Het", "categories"),
        ("Angst, Romance", "freeforms"),
        ("The X-Files", "fandoms"),
    ],
)
def test_category_goes_where_its_value_belongs(value: str, field: str) -> None:
    raw = parse(f"Title: T\nCategory: {value}\n\n{STORY}")
    assert getattr(raw, field) == (value,)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Status: Completed", "complete"),
        ("Completed: Yes", "complete"),
        ("Status: WIP", "in-progress"),
        ("Completed: No", "in-progress"),
        ("Chapters: 3/?", "in-progress"),
        ("Chapters: 4/4", "complete"),
    ],
)
def test_status_from_any_of_its_spellings(line: str, status: str) -> None:
    assert parse(f"Title: T\n{line}\n\n{STORY}").status == status


def test_pipe_separated_labels() -> None:
    raw = parse("Title: T | Author: Mossbank | Rating: PG-13 | Words: 1,200\n\n" + STORY)
    assert (raw.title, raw.authors, raw.rating, raw.words) == ("T", ("Mossbank",), "PG-13", 1200)


def test_russian_size_class_goes_to_extra_and_numbers_to_words() -> None:
    assert parse("Название: Т\nРазмер: мини\n\n" + STORY).extra == {"size": "мини"}
    assert parse("Название: Т\nРазмер: 3 500 слов\n\n" + STORY).words == 3500


def test_title_and_by_line_without_labels() -> None:
    raw = parse("Kettle Song\nby Mossbank\n\n" + STORY)
    assert (raw.title, raw.authors) == ("Kettle Song", ("Mossbank",))
    assert body(raw) == STORY.strip()


def test_repeated_title_and_dividers_are_skipped() -> None:
    raw = parse("Title: Kettle Song\nAuthor: Mossbank\n\n-----\n\nKettle Song\n\n* * *\n\n" + STORY)
    assert body(raw) == STORY.strip()


def test_no_header_takes_the_title_from_the_file_name() -> None:
    raw = parse(STORY * 3, path="library/the_long_watch.txt")
    assert raw.title == "The Long Watch"
    assert raw.authors == ()
    assert body(raw).startswith("The kettle sang")


def test_disclaimer_only_header() -> None:
    raw = parse("Disclaimer: Not mine. Never was.\n\n" + STORY, path="kettle_song.txt")
    assert raw.title == "Kettle Song"
    assert raw.extra == {"disclaimer": "Not mine. Never was."}
    assert body(raw) == STORY.strip()


def test_authors_note_only_header() -> None:
    raw = parse("Author's Note: For Rue, who wanted tea.\n\n" + STORY)
    assert raw.notes == "For Rue, who wanted tea."
    assert body(raw) == STORY.strip()


def test_summary_running_over_paragraphs_until_the_next_label() -> None:
    raw = parse(
        "Summary:\n\nFirst part.\n\nSecond part.\n\nNotes:\n\nThanks.\n\nWork Text:\n\n" + STORY
    )
    assert raw.summary == "First part.\n\nSecond part."
    assert raw.notes == "Thanks."
    assert body(raw) == STORY.strip()


def test_byte_order_mark_and_windows_line_endings_are_tolerated() -> None:
    raw = parse("\ufeffTitle: Kettle Song\r\nRating: G\r\n\r\n" + STORY)
    assert (raw.title, raw.rating) == ("Kettle Song", "G")


def test_empty_text_is_not_a_story() -> None:
    with pytest.raises(NotAStory, match=r"empty\.txt"):
        parse(" \n\n", path="empty.txt")


def test_header_scanner_reports_where_the_story_starts() -> None:
    lines = ["Title: T", "Rating: PG", "", "Once there was tea."]
    header = parse_header_lines(lines)
    assert [entry.key for entry in header.entries] == ["title", "rating"]
    assert header.end == 2


def test_ffn_summary_above_the_rated_line() -> None:
    raw = parse(
        "Ashes Again\nBy: Tallowmere\nCloud returns the sword. A one-shot.\n"
        "Rated: Fiction M - English - Angst/Tragedy - Cloud S., Zack F. - Words: 1,942 - "
        "Complete\n\n" + STORY
    )
    assert raw.authors == ("Tallowmere",)
    assert raw.summary == "Cloud returns the sword. A one-shot."
    assert (raw.rating, raw.words, raw.status) == ("Fiction M", 1942, "complete")
    assert raw.characters == ("Cloud S.", "Zack F.")
    assert raw.freeforms == ("Angst", "Tragedy")


def test_efiction_labels_sharing_a_line() -> None:
    raw = parse(
        "Snowmelt by Birchbark\nSummary: Spring comes late.\n"
        "Rated: PG-13   Categories: Naruto   Characters: Hinata, Neji\n"
        "Series: None   Chapters: 1   Completed: No\n\n" + STORY
    )
    assert (raw.title, raw.authors) == ("Snowmelt", ("Birchbark",))
    assert (raw.rating, raw.fandoms, raw.characters) == ("PG-13", ("Naruto",), ("Hinata, Neji",))
    assert raw.series == ()
    assert raw.status == "in-progress"


def test_a_lone_short_line_is_a_title_only_when_it_reads_like_one() -> None:
    assert parse("Konoha Autumn\n\n" + STORY).title == "Konoha Autumn"
    raw = parse("Konoha, late autumn\n\n" + STORY, path="konoha_autumn.txt")
    assert raw.title == "Konoha Autumn"
    assert body(raw).startswith("Konoha, late autumn")


def test_a_title_with_a_colon_on_the_first_line() -> None:
    raw = parse("Naruto: The Long Road Home\nWritten by: Saltmarsh\n\n" + STORY)
    assert (raw.title, raw.authors) == ("Naruto: The Long Road Home", ("Saltmarsh",))
    assert raw.extra == {}


def test_an_unknown_label_opening_a_header_is_kept_in_extra() -> None:
    raw = parse("Challenge: winter prompts\nTitle: Frost\nAuthor: Lark\n\n" + STORY)
    assert raw.title == "Frost"
    assert raw.extra == {"challenge": "winter prompts"}

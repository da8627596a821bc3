"""Where a header ends and the story begins, in the awkward shapes real archives hold."""

from __future__ import annotations

import pytest

from ficshelf.model import Document, RawWork, SourceKind
from ficshelf.parse.plaintext import parse_text
from ficshelf.parse.plaintext.values import split_authors

STORY = "The kettle sang twice before anyone moved.\n\nThen the door opened.\n"


def parse(text: str, path: str = "story.txt") -> RawWork:
    return parse_text(Document(path=path, kind=SourceKind.TEXT, encoding="utf-8", text=text))


def body(raw: RawWork) -> str:
    return raw.chapters[0].text


def test_a_summary_followed_by_the_story_without_a_blank_line_stops_at_the_story() -> None:
    raw = parse(
        "Title: The Borrowed Coat\nSummary: Ron borrows a coat. Hermione notices.\n"
        "Ron had not meant to take the coat. It had simply been on the hook by the door, and "
        "it had been raining, and his own coat was somewhere under a cat.\n\nLater, he did.\n"
    )
    assert raw.summary == "Ron borrows a coat. Hermione notices."
    assert body(raw).startswith("Ron had not meant to take the coat.")


def test_hard_wrapped_values_go_on_until_a_short_line_ends_the_paragraph() -> None:
    raw = parse(
        "Title: Harbour Lights\n"
        "Summary: A night ashore, a borrowed lantern, and a conversation neither of\n"
        "them will repeat.\n"
        "Notes: For the midsummer swap. Thanks to J. for the beta and the\n"
        "nautical corrections.\n"
        "The lantern had belonged to the harbourmaster, and Archie had every\n"
        "intention of returning it before anyone noticed it was gone.\n"
    )
    assert raw.summary == (
        "A night ashore, a borrowed lantern, and a conversation neither of them will repeat."
    )
    assert (
        raw.notes
        == "For the midsummer swap. Thanks to J. for the beta and the nautical corrections."
    )
    assert body(raw).startswith("The lantern had belonged")


def test_one_sentence_per_line_stays_in_the_value_while_labels_follow() -> None:
    raw = parse("Title: T\nSummary: Sam runs.\nDean follows.\nRating: PG\n\n" + STORY)
    assert raw.summary == "Sam runs. Dean follows."
    assert raw.rating == "PG"


def test_notes_over_several_paragraphs_end_at_the_divider() -> None:
    raw = parse(
        "Title: The Quiet Year\nNotes: This started as a drabble.\n\n"
        "Thanks to everyone who answered my questions about Welsh weather.\n\n* * *\n\n" + STORY
    )
    assert raw.notes == (
        "This started as a drabble.\n\n"
        "Thanks to everyone who answered my questions about Welsh weather."
    )
    assert body(raw).startswith("The kettle sang")


def test_a_long_paragraph_before_a_scene_break_is_story_not_notes() -> None:
    paragraph = "She walked to the harbour and back again, counting the boats. " * 10
    raw = parse(f"Title: T\nNotes: Short note.\n\n{paragraph}\n\n* * *\n\nLater.\n")
    assert raw.notes == "Short note."
    assert body(raw).startswith("She walked to the harbour")


def test_number_words_are_chapters_only_when_they_count_upwards() -> None:
    counting = parse("Title: T\n\nOne\n\nFirst letter.\n\nTwo\n\nSecond letter.\n")
    assert [chapter.title for chapter in counting.chapters] == ["One", "Two"]
    countdown = parse("Title: T\n\nHe began to count.\n\nTen\n\nShe stared.\n\nNine\n\nOh.\n")
    assert len(countdown.chapters) == 1
    assert "Ten\n\nShe stared." in body(countdown)


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Salt and Pepper", ["Salt and Pepper"]),
        ("Mira Holt and Jun Park", ["Mira Holt", "Jun Park"]),
        ("inkwell_07 and paperkite", ["inkwell_07", "paperkite"]),
        ("Moth & Lark", ["Moth", "Lark"]),
        ("Ash, Birch and Cedar", ["Ash", "Birch", "Cedar"]),
        ("Vesper (vesper@example.com)", ["Vesper"]),
    ],
)
def test_and_separates_authors_only_between_names(written: str, names: list[str]) -> None:
    assert split_authors(written) == names


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Feedback to: something", "feedback"),
        ("FEEDBACK: something", "feedback"),
        ("Disclaimer : something", "disclaimer"),
        ("Бета: something", "beta"),
        ("Beta'd by: something", "beta"),
        ("Widmung: something", "dedication"),
        ("Посвящение: something", "dedication"),
        ("Sequel to -- something", "sequel"),
        ("Spoilers: something", "spoilers"),
        ("E-mail: something", "email"),
        ("Recipient: something", "recipient"),
        ("Request: something", "prompt"),
    ],
)
def test_known_extra_labels_share_one_key_per_meaning(line: str, key: str) -> None:
    raw = parse(f"Title: T\nAuthor: A\n{line}\n\n" + STORY)
    assert raw.extra == {key: "something"}


def test_a_label_in_two_languages_is_read_by_the_part_we_know() -> None:
    raw = parse("Titel: T\nPairing: Thiel/Boerne\nRating/Altersfreigabe: P12\n\n" + STORY)
    assert raw.relationships == ("Thiel/Boerne",)
    assert raw.rating == "P12"


def test_kapitel_with_an_open_total_is_in_progress() -> None:
    assert parse("Titel: T\nKapitel: 3/7\n\n" + STORY).status == "in-progress"


def test_a_quoted_title_with_a_byline_on_one_line() -> None:
    raw = parse('"A Study in Umbrellas" by Bellwether\n\nRating: G\n\n' + STORY)
    assert (raw.title, raw.authors, raw.rating) == ("A Study in Umbrellas", ("Bellwether",), "G")
    assert body(raw).startswith("The kettle sang")


def test_dialogue_opening_a_story_is_not_a_quoted_title() -> None:
    raw = parse('"Come on," he said, and pulled her along.\n\n' + STORY)
    assert raw.title is None
    assert body(raw).startswith('"Come on," he said')


def test_the_series_named_in_part_of_the_x_series_drops_the_article() -> None:
    raw = parse("Title: T\nSeries: Part 3 of the Harbour series\n\n" + STORY)
    assert [(series.name, series.position) for series in raw.series] == [("Harbour", 3)]


def test_a_category_line_mixing_orientation_and_genres_splits_them() -> None:
    raw = parse("Title: T\nCategory: Slash, Angst, Romance\n\n" + STORY)
    assert raw.categories == ("Slash",)
    assert raw.freeforms == ("Angst, Romance",)


@pytest.mark.parametrize("path", ["story.txt", "chapter_3.txt", "New Text Document.txt"])
def test_generic_file_names_give_no_title(path: str) -> None:
    assert parse("It rained all week, and nobody minded at all.\n", path).title is None


def test_a_lone_title_line_over_prose_is_the_title_of_a_headerless_story() -> None:
    raw = parse("Winter Roads\n\nThe roads had been closed since Tuesday.\n")
    assert raw.title == "Winter Roads"
    assert body(raw) == "The roads had been closed since Tuesday."

"""to_fts5 against a real SQLite FTS5 table: right rows, and nothing a user types is syntax."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from ficshelf.search import parse_query, to_fts5

STORIES = {
    1: "Rain on the roof woke her before the bells.",
    2: "Snow fell all night; by morning the rain had stopped.",
    3: "A hail storm flattened the orchard.",
    4: 'The sign read NEAR the col: and a stray " quote.',
    5: "Raindrops and rainbows over the harbor.",
}


@pytest.fixture
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE story USING fts5(body)")
    connection.executemany("INSERT INTO story(rowid, body) VALUES (?, ?)", STORIES.items())
    yield connection
    connection.close()


def search(connection: sqlite3.Connection, text: str) -> set[int]:
    query = parse_query(text)
    assert query.text is not None
    found = {
        row[0]
        for row in connection.execute(
            "SELECT rowid FROM story WHERE story MATCH ?", (to_fts5(query.text),)
        )
    }
    if query.text_exclude is not None:
        found -= {
            row[0]
            for row in connection.execute(
                "SELECT rowid FROM story WHERE story MATCH ?", (to_fts5(query.text_exclude),)
            )
        }
    return found


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("rain", {1, 2}),
        ("rain*", {1, 2, 5}),
        ('"rain on the roof"', {1}),
        ('"roof the on rain"', set()),
        ("rain snow", {2}),
        ("rain OR hail", {1, 2, 3}),
        ("rain -snow", {1}),
        ("(rain OR hail) -orchard", {1, 2}),
        ("(rain -snow) OR hail", {1, 3}),
        ("NEAR(rain roof)", set()),
        ('"col:"', {4}),
        ("col", {4}),
        ("^rain", {1, 2}),
        ('"a stray \\" quote"', {4}),
        ("1=1 --", set()),
        ("rain OR 1=1", {1, 2}),
    ],
)
def test_matches_what_a_reader_expects(fts: sqlite3.Connection, text: str, rows: set[int]) -> None:
    assert search(fts, text) == rows


@pytest.mark.parametrize(
    "text",
    [
        'x") OR ("a',
        '"body:rain"',
        "rain* NOT roof",
        'NEAR("rain" "roof", 2)',
        "{body} rain",
        "a + b",
    ],
)
def test_user_words_are_always_quoted(fts: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    assert query.text is not None
    expression = to_fts5(query.text)
    fts.execute("SELECT rowid FROM story WHERE story MATCH ?", (expression,)).fetchall()
    unquoted = expression
    for part in expression.split('"')[1::2]:
        unquoted = unquoted.replace(f'"{part}"', "", 1)
    assert set(unquoted) <= set("()* ANDORT")

"""Every header style we promise to read, as whole story files with what a reader expects.

Each ``tests/fixtures/text/NAME.txt`` has a ``NAME.json`` beside it holding the RawWork fields
a careful reader would take from it; fields the JSON does not mention are not checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ficshelf.model import Document, RawWork, SourceKind
from ficshelf.parse.plaintext import parse_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "text"
CASES = sorted(path.stem for path in FIXTURES.glob("*.txt"))
TUPLE_FIELDS = (
    "authors",
    "fandoms",
    "warnings",
    "categories",
    "relationships",
    "characters",
    "freeforms",
)
SCALAR_FIELDS = ("title", "rating", "summary", "notes", "language", "words", "status")


def _parse(name: str) -> RawWork:
    path = FIXTURES / f"{name}.txt"
    text = path.read_text("utf-8")
    return parse_text(Document(path=path.name, kind=SourceKind.TEXT, encoding="utf-8", text=text))


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("name", CASES)
def test_header_fields_are_read_as_written(name: str) -> None:
    raw, expected = _parse(name), _expected(name)
    for field in TUPLE_FIELDS:
        if field in expected:
            assert list(getattr(raw, field)) == expected[field], field
    for field in SCALAR_FIELDS:
        if field in expected:
            assert getattr(raw, field) == expected[field], field
    for field in ("published", "updated"):
        if field in expected:
            assert str(getattr(raw, field)) == expected[field], field
    if "series" in expected:
        assert [{"name": s.name, "position": s.position} for s in raw.series] == expected["series"]
    for key, value in expected.get("extra", {}).items():
        assert raw.extra.get(key) == value, key


@pytest.mark.parametrize("name", CASES)
def test_story_starts_at_its_first_sentence(name: str) -> None:
    raw, expected = _parse(name), _expected(name)
    assert raw.format == "text"
    assert raw.origin == "header"
    assert raw.chapters[0].text.startswith(expected["body_starts_with"])
    assert len(raw.chapters) == expected["chapters"]
    if "chapter_titles" in expected:
        assert [chapter.title for chapter in raw.chapters] == expected["chapter_titles"]

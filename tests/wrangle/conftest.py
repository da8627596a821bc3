"""Shared helpers for wrangle tests: a RawWork built from keyword arguments."""

from __future__ import annotations

from typing import Any

import pytest

from ficshelf.model import RawChapter, RawWork
from ficshelf.wrangle.kb import KnowledgeBase, parse_fandom_file


def raw_work(**fields: Any) -> RawWork:
    fields.setdefault("path", "story.txt")
    fields.setdefault("format", "text")
    fields.setdefault("encoding", "utf-8")
    return RawWork(**fields)


def chapter(text: str) -> RawChapter:
    return RawChapter(title=None, text=text)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def fandom_kb(data: dict[str, Any], file: str) -> KnowledgeBase:
    """A knowledge base of one invented fandom, read as if from the fandom file ``file``."""
    fandom, cast = parse_fandom_file(data, file)
    return KnowledgeBase(fandoms=[fandom], characters=cast)

"""A real library in a temp folder, and a folder of fixture stories in several encodings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ficshelf.library import Library

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "library"))

from library_stories import write_stories


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library") as opened:
        yield opened


@pytest.fixture
def stories(tmp_path: Path) -> dict[str, Path]:
    return write_stories(tmp_path / "stories")

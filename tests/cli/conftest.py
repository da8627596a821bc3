"""A folder of fixture stories and a library folder, for running the real CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "library"))

from library_stories import write_stories


@pytest.fixture
def stories(tmp_path: Path) -> dict[str, Path]:
    return write_stories(tmp_path / "stories")


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"

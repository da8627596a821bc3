"""Fixtures for the AO3 parsers: the synthetic downloads and pages in tests/fixtures/ao3/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ficshelf.model import Document
from ficshelf.read import read_path

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ao3"


@pytest.fixture
def ao3_doc() -> Callable[[str], Document]:
    """Read a fixture file the way the import does (through the read stage)."""

    def load(name: str) -> Document:
        return read_path(FIXTURES / name)

    return load

"""Every search-service test runs on both backends, on a real library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "library")]

from backends import BACKENDS, Location, library_location  # noqa: E402
from ficshelf.library import Library  # noqa: E402


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def location(backend: str, tmp_path: Path) -> Iterator[Location]:
    with library_location(backend, tmp_path / "library") as found:
        yield found


@pytest.fixture
def library(location: Location) -> Iterator[Library]:
    with location.open() as opened:
        yield opened

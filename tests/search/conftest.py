"""Shared fixtures: one seeded synthetic library, indexed with small buckets so that every
code path of the columns (whole buckets, sliced ends, cumulative bitmaps) is exercised."""

from __future__ import annotations

import pytest
from synthetic import SyntheticLibrary, synthetic_library

from ficshelf.search import FilterIndex

LIBRARY_SIZE = 6000


@pytest.fixture(scope="session")
def library() -> SyntheticLibrary:
    return synthetic_library(LIBRARY_SIZE, seed=7)


@pytest.fixture(scope="session")
def index(library: SyntheticLibrary) -> FilterIndex:
    return FilterIndex.build(library.works, buckets=40)

"""Real libraries on a temp dir with a few short stories, and the web app over them.

``client`` serves the shared serve fixtures (one gated work); ``series_client`` serves the
three-part series "The Lamp Room" in ``stories/``, two of its parts gated for different
reasons (Mature; Creator Chose Not To Use Archive Warnings), imported out of series order,
with a tag family wrangled in: "Bonfires" a synonym of "Beacon Fires", "Storms" a sub-tag of
"Weather".
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from ficshelf.library import Library
from ficshelf.library.importer import import_paths
from ficshelf.library.rewrangle import add_rule
from ficshelf.model import TagType
from ficshelf.serve import create_app
from ficshelf.wrangle.rules import Rule

FIXTURES = Path(__file__).parent.parent / "fixtures" / "serve"
SERIES_STORIES = Path(__file__).parent / "stories"

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


SERIES_RULES = (
    Rule("synonym", TagType.FREEFORM, "Bonfires", "Beacon Fires"),
    Rule("parent", TagType.FREEFORM, "Storms", "Weather"),
)


def _library(folder: Path, stories: Path, rules: tuple[Rule, ...] = ()) -> Path:
    with Library.open(folder) as library:
        report = import_paths(library, [stories], strict=True)
        for rule in rules:
            add_rule(library, rule)
    assert report.ok, report.failures
    return folder


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return _library(tmp_path / "library", FIXTURES)


@pytest.fixture
def client(library_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(library_dir), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def series_app_dir(tmp_path: Path) -> Path:
    return _library(tmp_path / "series-library", SERIES_STORIES, SERIES_RULES)


@pytest.fixture
def series_client(series_app_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(series_app_dir), base_url="http://testserver") as test_client:
        yield test_client

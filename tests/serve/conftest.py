"""A real library on a temp dir with a few short stories, and the web app over it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from ficshelf.library import Library
from ficshelf.library.importer import import_paths
from ficshelf.serve import create_app

FIXTURES = Path(__file__).parent.parent / "fixtures" / "serve"

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        report = import_paths(library, [FIXTURES], strict=True)
    assert report.ok, report.failures
    return folder


@pytest.fixture
def client(library_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(library_dir), base_url="http://testserver") as test_client:
        yield test_client

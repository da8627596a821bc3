"""A real library of six short stories on a temp dir, the web app over it (in process and on a
real loopback port), and the Atom/OPDS schema the feeds must satisfy."""

from __future__ import annotations

import shutil
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from lxml import etree
from starlette.testclient import TestClient

from ficshelf.library import Library
from ficshelf.library.importer import import_paths
from ficshelf.serve import create_app

# The real epubcheck run the export tests use, for the EPUBs the catalog hands out.
sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "epub_validation"))
from epubcheck_runner import epubcheck  # noqa: F401 - the fixture, for the tests here

FIXTURES = Path(__file__).parent.parent / "fixtures" / "opds"
STORIES = FIXTURES / "stories"

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


@pytest.fixture(scope="session")
def pristine_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("opds") / "library"
    with Library.open(folder) as library:
        report = import_paths(library, [STORIES], strict=True)
    assert report.ok, report.failures
    return folder


@pytest.fixture
def library_dir(pristine_library: Path, tmp_path: Path) -> Path:
    """A copy of the imported library per test: downloads write into its cache folder."""
    return Path(shutil.copytree(pristine_library, tmp_path / "library"))


@pytest.fixture
def client(library_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(library_dir), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def live_url(library_dir: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, as an e-reader would reach it."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(library_dir), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(FIXTURES / "atom-opds.rng")))

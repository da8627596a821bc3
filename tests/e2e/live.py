"""A live ficshelf server in a thread and Debian's Chromium, for the browser tests and the
README screenshots."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, Playwright
from starlette.applications import Starlette

from ficshelf.library import Library
from ficshelf.library.importer import import_paths
from ficshelf.library.rewrangle import add_rule
from ficshelf.model import TagType
from ficshelf.serve import create_app
from ficshelf.wrangle.rules import Rule

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "serve"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SERIES_STORIES = HERE.parent / "serve" / "stories"
SERIES_RULES = (  # as tests/serve/conftest.py wrangles them
    Rule("synonym", TagType.FREEFORM, "Bonfires", "Beacon Fires"),
    Rule("parent", TagType.FREEFORM, "Storms", "Weather"),
)

LONG_CHAPTER = "\n\n".join(
    f"The tide turned for the {n}th time that night, and the keeper wrote it down in the log "
    "in the same careful hand, noting the wind, the swell, and the lights out on the water."
    for n in range(1, 90)
)
LONG_STORY = f"""Title: The Long Watch
Author: Wren Ashdown
Fandom: Original Work
Rating: General Audiences
Warnings: No Archive Warnings Apply
Tags: Lighthouses
Summary: A keeper logs one very long night.

Chapter 1: Dusk

{LONG_CHAPTER}

Chapter 2: Dawn

{LONG_CHAPTER}
"""


def make_library(folder: Path) -> Path:
    """A library with the serve fixtures, one story long enough to scroll, and the series
    "The Lamp Room" (two gated parts) with a synonym and a meta tag wrangled in."""
    stories = folder / "stories"
    stories.mkdir(parents=True)
    for fixture in [*FIXTURES.iterdir(), *SERIES_STORIES.iterdir()]:
        (stories / fixture.name).write_bytes(fixture.read_bytes())
    (stories / "the-long-watch.txt").write_text(LONG_STORY, encoding="utf-8")
    library_dir = folder / "library"
    with Library.open(library_dir) as library:
        report = import_paths(library, [stories], strict=True)
        for rule in SERIES_RULES:
            add_rule(library, rule)
    assert report.ok, report.failures
    return library_dir


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(library_dir: Path) -> Iterator[str]:
    """Serve ``library_dir`` on a free loopback port; yields the base URL."""
    with serving_app(create_app(library_dir)) as url:
        yield url


@contextmanager
def serving_app(app: Starlette) -> Iterator[str]:
    """Serve ``app`` on a free loopback port; yields the base URL. The test keeps ``app``, to
    look at or set up its state (an import job) the way a running server would have it."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )

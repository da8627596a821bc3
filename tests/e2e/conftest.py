"""Browser tests: a live server over a real library, Debian's Chromium through Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live import CHROMIUM, launch_chromium, make_library, serving_app
from playwright.sync_api import Browser, Page, sync_playwright
from starlette.applications import Starlette

from ficshelf.serve import create_app

if not CHROMIUM.exists():
    pytest.skip("needs /usr/bin/chromium (scripts/test installs it)", allow_module_level=True)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Starlette:
    """The app the live server runs, over a library made for these tests."""
    return create_app(make_library(tmp_path_factory.mktemp("e2e")))


@pytest.fixture(scope="session")
def base_url(live_app: Starlette) -> Iterator[str]:
    with serving_app(live_app) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh reader (own cookies) for every test; fails on any script error."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def upload(tmp_path: Path) -> Path:
    story = tmp_path / "harbour-lights.txt"
    story.write_text(
        "Title: Harbour Lights\nAuthor: Ottoline Fay\nFandom: Original Work\n"
        "Rating: General Audiences\n\nThe harbour lights came on one at a time.\n",
        encoding="utf-8",
    )
    return story

"""Take the README's screenshots: ``.venv/bin/python tests/e2e/screenshots.py``.

Serves the bundled demo library and photographs the works index, a work behind its content
notice, and a chapter in the dark theme into docs/screenshots/.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from live import launch_chromium, serving
from playwright.sync_api import Page, expect, sync_playwright

from ficshelf.demo import demo_library_path
from ficshelf.library import Library
from ficshelf.library.importer import import_paths

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
GATED = "The Long Road to Gongaga"
CHAPTERED = "The Lantern Keeper"


def work_href(page: Page, title: str) -> str:
    page.goto("/works?q=per-page:100")
    href = page.get_by_role("link", name=title, exact=True).get_attribute("href")
    assert href, title
    return href


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        library_dir = Path(folder) / "library"
        with Library.open(library_dir) as library:
            import_paths(library, [demo_library_path()])
        with serving(library_dir) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(base_url=base_url, viewport={"width": 1280, "height": 860})
            page.goto("/works")
            page.screenshot(path=OUT / "works-index.png")
            page.goto(work_href(page, GATED))
            page.screenshot(path=OUT / "content-notice.png")
            chapter = work_href(page, CHAPTERED) + "/chapters/1"
            page.goto("/preferences")
            page.get_by_label("Theme").select_option("dark")
            page.get_by_role("button", name="Save preferences").click()
            expect(page.get_by_role("status")).to_contain_text("saved")
            page.goto(chapter)
            page.screenshot(path=OUT / "reader-dark.png")
            browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()

"""axe-core (from the npm registry, see package.json) on every page type and theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from live import AXE
from playwright.sync_api import Page, expect
from starlette.applications import Starlette

from ficshelf.library.importer import ImportProgress
from ficshelf.serve.imports import ImportJob, ImportJobs

if not AXE.exists():
    pytest.skip("run `npm ci` in tests/e2e first (scripts/test does)", allow_module_level=True)

SERIOUS = ("serious", "critical")


def violations(page: Page) -> list[str]:
    """axe's serious and critical findings on the current page, one line each.

    axe is evaluated through the DevTools protocol, so the page's own CSP (no inline script)
    stays on while it runs.
    """
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))"
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['nodes'][:3])}"
        for v in found
        if v["impact"] in SERIOUS
    ]


def work_url(page: Page, title: str) -> str:
    page.goto("/works?q=per-page:100")
    href = page.get_by_role("link", name=title, exact=True).get_attribute("href")
    assert href
    return href


RUNNING_JOB = "e2e-running"
STATUS = {"/works?q=ratin:g": 400, "/nowhere": 404}  # every other page answers 200


@pytest.fixture
def running_import(live_app: Starlette) -> str:
    """An import job the server shows as still running (real imports here finish before a
    page could be checked): its progress page, as import.js and the <noscript> refresh see it."""
    progress = ImportProgress(1, 3, 100, 300, "the-lamp-room.zip/part-two.txt")
    jobs: ImportJobs = live_app.state.imports
    jobs._jobs[RUNNING_JOB] = ImportJob(RUNNING_JOB, ("the-lamp-room.zip",), progress)
    return f"/import/jobs/{RUNNING_JOB}"


@pytest.fixture
def lamp_files(tmp_path: Path) -> list[Path]:
    """A story and a file that cannot be read, for an import summary with a failure."""
    story = tmp_path / "lamp-oil.txt"
    story.write_text(
        "Title: Lamp Oil\nAuthor: Corin Vale\nFandom: Lamp Room Stories\n"
        "Rating: General Audiences\n\nThe oil came by cart once a month.\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"PK\x03\x04 not a zip after all")
    return [story, broken]


def set_preferences(page: Page, theme: str) -> None:
    page.goto("/preferences")
    page.get_by_label("Theme").select_option(theme)
    page.get_by_label("Blocked tags").fill("Fluff")
    page.get_by_label("Collapse them to title and warnings, click to reveal").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("saved")


def check(page: Page, problems: dict[str, list[str]], label: str) -> None:
    if found := violations(page):
        problems[label] = found


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_every_page_type_has_no_serious_violations(
    page: Page, theme: str, running_import: str, lamp_files: list[Path]
) -> None:
    storm = work_url(page, "Storm Warning")
    letters = work_url(page, "Letters from the Garden")
    harbour = work_url(page, "The Quiet Harbour")
    set_preferences(page, theme)
    paths = [
        "/works",
        "/works?q=ratin:g",
        storm,
        letters,
        f"{letters}/chapters/2",
        f"{letters}?view=full",
        "/tags/Original%20Work",
        "/tags/Weather",  # synonyms and sub-tags
        "/tags/Storms",  # a meta tag, waiting for review
        "/tags/Beacon%20Fires",
        "/authors/Wren%20Ashdown",
        "/series/The%20Lamp%20Room",
        "/fandoms",
        "/preferences",
        "/history",
        "/import",
        running_import,
        "/wrangling",
        "/wrangling?done=1",
        "/wrangling?done=invalid",
        "/opds/address",
        harbour,  # blocked: the "hidden by your filters" notice
        "/nowhere",
    ]
    problems: dict[str, list[str]] = {}
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == STATUS.get(path, 200), path
        check(page, problems, path)
    for label, state in STATES.items():
        state(page, lamp_files)
        check(page, problems, label)
    assert not problems, problems


def import_summary(page: Page, files: list[Path]) -> None:
    page.goto("/import")
    page.get_by_label("Story files or zips").set_input_files(files)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name="Failures")).to_be_visible()


def empty_import(page: Page, _files: list[Path]) -> None:
    page.goto("/import")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one file")


def bad_request(page: Page, _files: list[Path]) -> None:
    """The 400 page: a wrangling rule that merges a tag into itself."""
    page.goto("/wrangling")
    name = page.locator(".review-tag a").first.inner_text()
    page.locator("#kind-1").select_option("merge")
    page.locator("#target-1").fill(name)
    page.locator(".review-form").first.get_by_role("button").click()
    expect(page.get_by_role("heading", name="Something went wrong")).to_be_visible()


STATES: dict[str, Callable[[Page, list[Path]], None]] = {
    "import summary (with a failure)": import_summary,
    "import with no file (400)": empty_import,
    "bad request (400)": bad_request,
}

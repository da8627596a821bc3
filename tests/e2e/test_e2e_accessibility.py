"""axe-core (from the npm registry, see package.json) on every page type and theme."""

from __future__ import annotations

import pytest
from live import AXE
from playwright.sync_api import Page, expect

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


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_every_page_type_has_no_serious_violations(page: Page, theme: str) -> None:
    storm = work_url(page, "Storm Warning")
    letters = work_url(page, "Letters from the Garden")
    harbour = work_url(page, "The Quiet Harbour")
    page.goto("/preferences")
    page.get_by_label("Theme").select_option(theme)
    page.get_by_label("Blocked tags").fill("Fluff")
    page.get_by_label("Collapse them to title and warnings, click to reveal").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("saved")
    paths = [
        "/works",
        "/works?q=ratin:g",
        storm,
        letters,
        f"{letters}/chapters/2",
        f"{letters}?view=full",
        "/tags/Original%20Work",
        "/authors/Wren%20Ashdown",
        "/fandoms",
        "/preferences",
        "/history",
        "/import",
        "/wrangling",
        harbour,  # blocked: the "hidden by your filters" notice
        "/nowhere",
    ]
    problems = {}
    for path in paths:
        page.goto(path)
        if found := violations(page):
            problems[path] = found
    assert not problems, problems

"""What a reader does, in a real browser: browse, filter, pass a gate, block, read, import."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect


def open_work(page: Page, title: str) -> None:
    page.goto("/works?q=per-page:100")
    page.get_by_role("link", name=title, exact=True).click()


def expect_chapter_ready(page: Page, number: int) -> None:
    """The reader's keys work once its deferred script has run, i.e. at DOMContentLoaded."""
    expect(page).to_have_url(re.compile(rf"/chapters/{number}$"))
    page.wait_for_load_state("domcontentloaded")


def test_browse_from_the_index_to_a_work(page: Page) -> None:
    page.goto("/works")
    expect(page.get_by_role("heading", name="Works", level=1)).to_be_visible()
    page.get_by_role("link", name="Letters from the Garden").click()
    expect(page.get_by_role("heading", name="Letters from the Garden", level=1)).to_be_visible()
    expect(page.get_by_text("your tomatoes are leaning")).to_be_visible()


def test_filter_with_include_and_exclude(page: Page) -> None:
    page.goto("/works")
    include = page.get_by_label("Include tags")
    include.fill("Garde")
    expect(page.locator('#tag-suggestions option[value="Gardening"]')).to_have_count(1)
    include.fill("Original Work")
    page.get_by_label("Exclude tags").fill("Angst")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"q=tag%3A%22Original\+Work%22\+-tag%3AAngst"))
    results = page.get_by_role("list", name="Works")
    expect(results).to_contain_text("Letters from the Garden")
    expect(results).not_to_contain_text("Storm Warning")


def test_a_warned_work_asks_before_showing_anything(page: Page) -> None:
    open_work(page, "Storm Warning")
    expect(page.get_by_role("heading", name="Content notice")).to_be_visible()
    expect(page.get_by_text("Major Character Death")).to_be_visible()
    expect(page.get_by_text("The storm takes more than")).to_have_count(0)
    page.get_by_role("button", name="Proceed").click()
    expect(page.get_by_text("The barometer fell all afternoon")).to_be_visible()
    page.goto(page.url)  # asked once: a second visit goes straight in
    expect(page.get_by_text("The barometer fell all afternoon")).to_be_visible()


def test_blocking_a_tag_makes_its_works_vanish(page: Page) -> None:
    page.goto("/works")
    expect(page.get_by_role("list", name="Works")).to_contain_text("Storm Warning")
    page.get_by_role("link", name="Preferences", exact=True).click()
    page.get_by_label("Blocked tags").fill("Shipwreck")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("saved")
    page.goto("/works")
    expect(page.get_by_role("list", name="Works")).not_to_contain_text("Storm Warning")
    page.goto("/fandoms")
    original = page.get_by_role("listitem").filter(has_text="Original Work")
    expect(original).to_contain_text("(3 works)")


def test_read_leave_and_come_back_to_the_same_place(page: Page) -> None:
    open_work(page, "The Long Watch")
    page.get_by_role("link", name="Dawn").first.click()
    expect_chapter_ready(page, 2)
    with page.expect_response(lambda response: "/position" in response.url):
        page.evaluate(
            "window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)"
        )
    page.goto("/works")
    open_work(page, "The Long Watch")
    page.get_by_role("link", name="continue where you stopped").click()
    expect(page).to_have_url(re.compile(r"/chapters/2$"))
    page.wait_for_function("window.scrollY > 0")
    fraction = page.evaluate("scrollY / (document.documentElement.scrollHeight - innerHeight)")
    assert abs(fraction - 0.5) < 0.05
    page.goto("/history")
    expect(page.get_by_role("link", name="The Long Watch")).to_be_visible()


def test_keyboard_moves_between_chapters(page: Page) -> None:
    open_work(page, "Letters from the Garden")
    page.get_by_role("link", name="The First Letter").click()
    expect_chapter_ready(page, 1)
    page.keyboard.press("j")
    expect_chapter_ready(page, 2)
    page.keyboard.press("ArrowRight")
    expect_chapter_ready(page, 3)
    page.keyboard.press("k")
    expect_chapter_ready(page, 2)


def test_reading_settings_change_the_page(page: Page) -> None:
    open_work(page, "Letters from the Garden")
    page.get_by_label("Theme").select_option("dark")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 18, 18)"


def test_import_through_the_page(page: Page, upload: Path) -> None:
    page.goto("/import")
    page.get_by_label("Story files or zips").set_input_files(upload)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("row", name="imported 1")).to_be_visible()
    page.goto("/works")
    expect(page.get_by_role("list", name="Works")).to_contain_text("Harbour Lights")

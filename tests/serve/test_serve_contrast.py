"""WCAG 2.2 AA contrast for every theme, computed from the CSS variables in style.css."""

from __future__ import annotations

import re
from importlib import resources

import pytest

CSS = resources.files("ficshelf.data").joinpath("web/static/style.css").read_text("utf-8")
THEMES = ("light", "dark", "sepia")
TEXT = 4.5  # normal text (SC 1.4.3)
NON_TEXT = 3.0  # borders and focus rings (SC 1.4.11)

# (foreground, background, minimum ratio) in every theme
THEME_PAIRS = [
    ("fg", "bg", TEXT),
    ("muted", "bg", TEXT),
    ("link", "bg", TEXT),
    ("link-visited", "bg", TEXT),
    ("fg", "surface", TEXT),
    ("muted", "surface", TEXT),
    ("link", "surface", TEXT),
    ("accent-fg", "accent-bg", TEXT),
    ("mark-fg", "mark-bg", TEXT),
    ("error-fg", "error-bg", TEXT),
    ("border", "bg", NON_TEXT),
    ("focus", "bg", NON_TEXT),
    ("focus", "surface", NON_TEXT),
]
SYMBOLS = [
    "general", "teen", "mature", "explicit", "notrated", "warning", "chose-not", "none",
    "ff", "fm", "gen", "mm", "multi", "complete", "wip",
]  # fmt: skip


def variables(selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert block, f"no {selector} block in style.css"
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", block.group(1)))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_matches_known_values() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("fg", "bg", "minimum"), THEME_PAIRS)
def test_theme_colours_meet_aa(theme: str, fg: str, bg: str, minimum: float) -> None:
    colours = variables(f':root[data-theme="{theme}"]')
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{theme}: --{fg} on --{bg} is {ratio:.2f}:1, needs {minimum}:1"


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_required_tag_symbols_are_legible(symbol: str) -> None:
    colours = {
        name: value for name, value in re.findall(r"--(sym-[\w-]+):\s*(#[0-9a-fA-F]{6})", CSS)
    }
    ratio = contrast(colours["sym-fg"], colours[f"sym-{symbol}"])
    assert ratio >= TEXT, f"symbol {symbol}: {ratio:.2f}:1"

"""The bundled demo library: every file reads and parses into the story it was written as.

The demo is what a new user sees first (``scripts/demo``), so each file must come out with its
title, format, encoding and the first words of the story proper, never a header line.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ficshelf.demo import demo_broken_path, demo_library_path
from ficshelf.errors import NotAStory
from ficshelf.library.importer import read_work
from ficshelf.model import Category, Rating
from ficshelf.parse import parse
from ficshelf.read import read_path

# file -> (format, encoding, title, first words of the story proper)
DEMO = {
    "chalk-and-rain.txt": ("text", "utf-8", "Chalk and Rain", "The roof of the Academy"),
    "the-long-stakeout.txt": ("text", "utf-8", "The Long Stakeout", "By the ninth hour"),
    "ramen-on-a-tuesday.txt": (
        "text",
        "utf-8-sig",
        "Ramen on a Tuesday",
        "Every Tuesday, Naruto got",
    ),
    "the-map-of-small-rooms.txt": (
        "text",
        "cp1252",
        "The Map of Small Rooms",
        "The Marauder’s Map was finished",
    ),
    "sedmoe-nebo.txt": ("text", "utf-8", "Седьмое небо после закрытия", "Тифа Локхарт любила"),
    "perimeter-watch.txt": ("text", "utf-16", "Perimeter Watch", "At 0200 the Preventers"),
    "the-lending-library.md": (
        "markdown",
        "utf-8",
        "The Lending Library",
        "The lending library opened",
    ),
    "the-long-road-to-gongaga.html": (
        "ao3-html",
        "utf-8",
        "The Long Road to Gongaga",
        "The truck broke down",
    ),
    "the-kettle-at-221b.html": (
        "ao3-html",
        "utf-8",
        "The Kettle at 221B",
        "The kettle at 221B Baker Street",
    ),
    "the-violin-at-three.html": (
        "ao3-html",
        "utf-8",
        "The Violin at Three",
        "Sherlock played the violin",
    ),
    "the-lantern-keeper.epub": ("epub", None, "The Lantern Keeper", "The lighthouse at Vell"),
    # No header at all: the title comes from the file name, the text is the story.
    "snow-at-the-burrow.txt": ("text", "cp1252", "Snow at the Burrow", "The first snow came"),
}
NO_AUTHOR = {"snow-at-the-burrow.txt"}


def test_the_table_lists_every_demo_file() -> None:
    assert sorted(path.name for path in demo_library_path().iterdir()) == sorted(DEMO)


@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_file_reads_as_the_story_it_is(name: str) -> None:
    work_format, encoding, title, first_words = DEMO[name]
    raw = parse(read_path(demo_library_path() / name))
    assert (raw.format, raw.encoding, raw.title) == (work_format, encoding, title)
    assert bool(raw.authors) == (name not in NO_AUTHOR)
    assert raw.chapters[0].text.lstrip().startswith(first_words)


def test_the_multi_chapter_in_progress_work() -> None:
    raw = parse(read_path(demo_library_path() / "the-long-road-to-gongaga.html"))
    assert len(raw.chapters) == 3
    assert raw.status == "in-progress"
    assert raw.warnings == ("Graphic Depictions Of Violence", "Major Character Death")


def test_the_two_part_series() -> None:
    parts = [
        parse(read_path(demo_library_path() / name)).series
        for name in ("the-kettle-at-221b.html", "the-violin-at-three.html")
    ]
    assert [(ref.name, ref.position) for (ref,) in parts] == [
        ("Small Hours at Baker Street", 1),
        ("Small Hours at Baker Street", 2),
    ]


def test_the_broken_demo_file_is_refused_in_one_line() -> None:
    (junk,) = demo_broken_path().iterdir()
    with pytest.raises(NotAStory) as refused:
        read_path(junk)
    assert str(junk) in str(refused.value)
    assert "\n" not in str(refused.value)


def test_the_epub_is_built_from_its_committed_source(tmp_path: Path) -> None:
    """The .epub must match scripts/demo-epub/ so edits to the source are never lost."""
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build", root / "scripts/build_demo_epub.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rebuilt = tmp_path / "rebuilt.epub"
    build.build_epub(build.SOURCE, rebuilt)
    assert rebuilt.read_bytes() == (demo_library_path() / "the-lantern-keeper.epub").read_bytes()


# Header-style files that never name their fandom: the wrangler infers it from the characters.
INFERRED_FANDOMS = {
    "chalk-and-rain.txt": "Naruto",
    "ramen-on-a-tuesday.txt": "Naruto",
    "the-long-stakeout.txt": "The Sentinel",
    "the-map-of-small-rooms.txt": "Harry Potter - J. K. Rowling",
    "perimeter-watch.txt": "Gundam Wing",
}


@pytest.mark.parametrize("name", sorted(INFERRED_FANDOMS))
def test_unnamed_fandoms_are_inferred_from_the_characters(name: str) -> None:
    path = demo_library_path() / name
    work = read_work(str(path), path.read_bytes())
    assert [fandom.name for fandom in work.fandoms] == [INFERRED_FANDOMS[name]]
    assert work.fandom_inferred


def test_the_seed_style_story_wrangles_like_the_design_says() -> None:
    path = demo_library_path() / "chalk-and-rain.txt"
    work = read_work(str(path), path.read_bytes())
    assert work.rating is Rating.MATURE
    assert work.categories == (Category.MM,)
    assert [ref.name for ref in work.relationships] == ["Hatake Kakashi/Umino Iruka"]

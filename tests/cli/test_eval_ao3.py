"""`ficshelf eval ao3` checks AO3 files against their own stated counts and their twins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import main
from ficshelf.export import write_epub
from ficshelf.library.discover import StoryBytes
from ficshelf.library.importer import read_story

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ao3"


def _eval(folder: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["eval", "ao3", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.output)
    return report


def _with_true_word_count(name: str) -> str:
    """The fixture with its stated word count set to the words its chapters really hold
    (the fixtures' stories are abridged; their stats are not)."""
    html = (FIXTURES / name).read_text("utf-8")
    work = read_story(StoryBytes(name, html.encode(), None))
    return html.replace(f"Words: {work.raw.words:,}", f"Words: {work.words:,}", 1)


def test_counts_agree_and_pages_without_the_story_are_reported(tmp_path: Path) -> None:
    for name in ("single_chapter.html", "current_multichapter.html"):
        (tmp_path / name).write_text(_with_true_word_count(name), "utf-8")
    shutil.copy(FIXTURES / "workpage_locked.html", tmp_path / "workpage_locked.html")
    report = _eval(tmp_path)
    assert report["cases"] == 3
    assert report["misses"] == []
    fields = report["fields"]
    assert isinstance(fields, dict)
    assert fields["words (stated vs counted)"]["right"] == 2
    errors = report["errors"]
    assert isinstance(errors, list) and len(errors) == 1
    assert "locked" in errors[0]


def test_a_tampered_word_count_is_a_miss(tmp_path: Path) -> None:
    html = _with_true_word_count("single_chapter.html")
    work = read_story(StoryBytes("x.html", html.encode(), None))
    stated = f"Words: {work.raw.words:,}"
    assert stated in html
    (tmp_path / "tampered.html").write_text(html.replace(stated, "Words: 99,999", 1), "utf-8")
    report = _eval(tmp_path)
    misses = report["misses"]
    assert isinstance(misses, list)
    assert [m["field"] for m in misses] == ["words (stated vs counted)"]


def test_html_and_epub_of_one_work_are_compared_field_by_field(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "current_multichapter.html", tmp_path / "work.html")
    work = read_story(StoryBytes("work.html", (tmp_path / "work.html").read_bytes(), None))
    write_epub(work, tmp_path / "work.epub")
    report = _eval(tmp_path)
    fields = report["fields"]
    assert isinstance(fields, dict)
    assert fields["html = epub: relationships"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert fields["html = epub: words"]["right"] == 1

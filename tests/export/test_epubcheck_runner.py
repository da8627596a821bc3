"""The epubcheck gate itself: anything but a clean report fails, wherever epubcheck puts it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from epubcheck_runner import EpubCheck, report_problems, run_epubcheck
from export_helpers import make_work

from ficshelf.export import write_epub

CLEAN_COUNTS = {"nFatal": 0, "nError": 0, "nWarning": 0, "nUsage": 0}


def _report(*messages: dict[str, object], **counts: int) -> dict[str, object]:
    return {"messages": list(messages), "checker": {**CLEAN_COUNTS, **counts}}


def _message(severity: str, locations: list[dict[str, object]]) -> dict[str, object]:
    return {"severity": severity, "ID": "OPF-999", "message": "something", "locations": locations}


def test_a_clean_report_passes_and_usage_or_info_notes_are_not_problems() -> None:
    notes = (_message("USAGE", []), _message("INFO", [{"path": "a.xhtml", "line": 3}]))
    assert report_problems(_report(*notes, nUsage=1), 0) == []


def test_a_warning_or_error_without_a_location_fails() -> None:
    # epubcheck counts it but gives no place: the old per-location check let it through
    for severity in ("WARNING", "ERROR", "FATAL"):
        problems = report_problems(_report(_message(severity, [])), 0)
        assert problems == [f"{severity} OPF-999 (no location): something"]


def test_every_location_of_a_message_is_reported() -> None:
    places = [{"path": "a.xhtml", "line": 1}, {"path": "b.xhtml", "line": 2}]
    problems = report_problems(_report(_message("ERROR", places), nError=1), 1)
    assert problems[:2] == [
        "ERROR OPF-999 a.xhtml:1: something",
        "ERROR OPF-999 b.xhtml:2: something",
    ]


def test_counts_or_exit_status_alone_fail() -> None:
    assert report_problems(_report(nWarning=1), 0) == ["epubcheck counted 1 warning(s)"]
    assert report_problems(_report(), 1) == ["epubcheck exited with status 1"]
    assert report_problems({"error": "no such file"}, 0) == ["not an epubcheck report: ['error']"]


def test_a_broken_book_fails_the_real_check(tmp_path: Path, epubcheck: EpubCheck) -> None:
    good = tmp_path / "good.epub"
    write_epub(make_work(), good)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            if member.filename != "mimetype":  # the OCF container's first, required member
                target.writestr(member, source.read(member))

    problems = run_epubcheck(broken)

    assert any(line.startswith("ERROR PKG-006") for line in problems), problems
    assert "epubcheck exited with status 1" in problems
    epubcheck(good)  # and the same book, whole, passes

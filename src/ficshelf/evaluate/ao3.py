"""Score reading of AO3 downloads on a folder of real files, where no expected.json exists.

AO3 files check themselves: the preface states the word and chapter counts, which the story text
we read must reproduce, and a work downloaded both as HTML and as EPUB ("<name>.html" and
"<name>.epub") must read the same in every field. Files AO3 served without the story (locked,
hidden, deleted pages) are listed as errors with their one-line reason.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ficshelf.errors import FicshelfError
from ficshelf.evaluate.headers import FieldScore, HeadersReport, Miss
from ficshelf.library.discover import StoryBytes
from ficshelf.library.importer import read_story
from ficshelf.model import Work
from ficshelf.record import work_record

_SUFFIXES = frozenset({".html", ".htm", ".epub"})
# AO3's own counter and ours differ on rare tokens (a URL, a stray symbol): a hair's breadth.
_WORDS_TOLERANCE = 0.005
# Fields that legitimately differ between the HTML and the EPUB of one work.
_FORMAT_FIELDS = frozenset({"path", "format", "encoding", "raw"})


def evaluate_ao3(directory: Path) -> HeadersReport:
    """Check every AO3 HTML/EPUB file in ``directory`` (not recursive)."""
    if not directory.is_dir():
        raise FicshelfError(f"{directory}: not a folder of AO3 files")
    report = HeadersReport()
    twins: dict[str, list[tuple[str, Work]]] = defaultdict(list)
    for path in sorted(p for p in directory.iterdir() if p.suffix.lower() in _SUFFIXES):
        report.cases += 1
        try:
            work = read_story(StoryBytes(str(path), path.read_bytes(), None))
        except (FicshelfError, OSError) as error:
            report.errors.append(str(error))
            continue
        _check_stated_counts(path.name, work, report)
        twins[path.stem].append((path.name, work))
    for pair in twins.values():
        if len(pair) == 2:
            _check_twins(pair[0], pair[1], report)
    return report


def _check_stated_counts(case: str, work: Work, report: HeadersReport) -> None:
    stated_words = work.raw.words
    if stated_words and work.raw.chapter_count == len(work.chapters):
        close = abs(work.words - stated_words) <= _WORDS_TOLERANCE * stated_words
        _score(report, case, "words (stated vs counted)", stated_words, work.words, close)
    if work.raw.chapter_count is not None:
        found = len(work.chapters)
        right = found == work.raw.chapter_count
        _score(report, case, "chapters (stated vs found)", work.raw.chapter_count, found, right)


def _check_twins(first: tuple[str, Work], second: tuple[str, Work], report: HeadersReport) -> None:
    (first_name, first_work), (second_name, second_work) = first, second
    first_record, second_record = work_record(first_work), work_record(second_work)
    case = f"{first_name} = {second_name}"
    for name, value in first_record.items():
        if name not in _FORMAT_FIELDS:
            got = second_record.get(name)
            _score(report, case, f"html = epub: {name}", value, got, value == got)


def _score(
    report: HeadersReport, case: str, field: str, expected: object, got: object, right: bool
) -> None:
    score = report.fields.setdefault(field, FieldScore())
    score.total += 1
    if right:
        score.right += 1
    else:
        report.misses.append(Miss(case, field, expected, got))

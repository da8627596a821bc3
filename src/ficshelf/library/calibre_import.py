"""``ficshelf import --calibre LIBRARY_DIR``: a calibre library's books into ficshelf.

Each book is imported from one of its files (EPUB first, then HTML, then text; see
``data/calibre.toml``) through the normal import pipeline, so re-importing changes nothing and
an edited file updates its work, exactly as for files imported by path: the source path is the
book file's path and the content hash is the file's. Between parse and wrangle, calibre's own
metadata fills what the file lacks (``calibre_metadata.overlay``). Books with no file ficshelf
reads are reported one line each and left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ficshelf.library.calibre_db import BookFile, CalibreBook, read_calibre_library
from ficshelf.library.calibre_metadata import calibre_raw_work, overlay, readable_files
from ficshelf.library.discover import StoryBytes
from ficshelf.library.importer import (
    FileResult,
    ImportReport,
    Outcome,
    ProgressCallback,
    import_paths,
)
from ficshelf.library.kbstate import knowledge_base
from ficshelf.library.library import Library
from ficshelf.model import RawWork
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule


@dataclass(frozen=True, slots=True)
class CalibreOverlay:
    """The import's ``transform``: calibre's metadata, by book file path, over each file's.

    A frozen dataclass rather than a closure so it pickles into the import's worker processes.
    """

    books: Mapping[str, RawWork]

    def __call__(self, story: StoryBytes, raw: RawWork) -> RawWork:
        calibre = self.books.get(story.label)
        return overlay(raw, calibre) if calibre is not None else raw


@dataclass(frozen=True, slots=True)
class CalibrePlan:
    """Which file each book is imported from, calibre's metadata for it, and the books left out."""

    files: tuple[Path, ...]
    overlay: CalibreOverlay
    left_out: tuple[FileResult, ...]


def import_calibre_library(
    library: Library,
    library_dir: Path,
    *,
    on_progress: ProgressCallback | None = None,
    strict: bool = False,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import every book of the calibre library in ``library_dir`` (see the module docstring).

    Books without a readable file come back as SKIPPED results whose ``reason`` is the line to
    show. Raises UnreadableFile when ``library_dir`` is not a calibre library.
    """
    kb = kb if kb is not None else knowledge_base(library)
    plan = plan_calibre_import(read_calibre_library(library_dir.absolute()), kb)
    report = ImportReport(list(plan.left_out))
    if plan.files:
        imported = import_paths(
            library,
            plan.files,
            on_progress=on_progress,
            strict=strict,
            kb=kb,
            rules=rules,
            workers=workers,
            transform=plan.overlay,
        )
        report.results.extend(imported.results)
    return report


def plan_calibre_import(books: Sequence[CalibreBook], kb: KnowledgeBase) -> CalibrePlan:
    """The file to import for each book (the first preferred format present on disk)."""
    files: list[Path] = []
    metadata: dict[str, RawWork] = {}
    left_out: list[FileResult] = []
    for book in books:
        chosen = _first_on_disk(readable_files(book.files))
        if chosen is None:
            left_out.append(
                FileResult(str(book.folder), Outcome.SKIPPED, reason=_why_left_out(book))
            )
            continue
        label = str(chosen.path)
        files.append(chosen.path)
        metadata[label] = calibre_raw_work(book, label, kb)
    return CalibrePlan(tuple(files), CalibreOverlay(metadata), tuple(left_out))


def _first_on_disk(files: Sequence[BookFile]) -> BookFile | None:
    return next((file for file in files if file.path.is_file()), None)


def _why_left_out(book: CalibreBook) -> str:
    """One line: the book, and what it has instead of a file ficshelf reads."""
    named = f"calibre book {book.id} {book.title!r}"
    missing = readable_files(book.files)
    if missing:
        listed = ", ".join(str(file.path) for file in missing)
        return f"{named}: its {missing[0].format} file is missing ({listed})"
    others = ", ".join(file.format for file in book.files)
    has = f" (only {others})" if others else " (no files)"
    return f"{named}: no EPUB/HTML/TXT file{has}"

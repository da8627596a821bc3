"""Which files an import (or ``inspect``) looks at, and the stories inside each.

Folders are walked recursively in a stable (sorted) order. Hidden files and folders and the
library's own folder are passed over silently; files whose name says they are something else
(images, office documents...) are reported as skipped. Files named on the command line are
always tried, whatever their name. A zip of fics yields each member as its own story, labelled
``archive.zip!/member.txt``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ficshelf.errors import UnreadableFile
from ficshelf.read import Limits, is_fic_archive, iter_archive, read_path

# Names a story file can have. A file without a suffix is tried too (old archives had none).
STORY_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml", ".epub", ".zip"}
)
ARCHIVE_SEPARATOR = "!/"


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file on disk to import, and its size for progress reporting."""

    path: Path
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class Discovery:
    files: tuple[FoundFile, ...]
    skipped: tuple[Path, ...]
    # Added up once: an import reports it with every file, and a sum per file was quadratic.
    total_bytes: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total_bytes", sum(found.size for found in self.files))


@dataclass(frozen=True, slots=True)
class StoryBytes:
    """One story's bytes and the label it is known by (its path, or archive!/member)."""

    label: str
    data: bytes
    mtime: float | None


def discover(paths: Sequence[Path], *, exclude: Path | None = None) -> Discovery:
    """Every file to look at under ``paths``; UnreadableFile if a path does not exist."""
    excluded = exclude.resolve() if exclude else None
    files: list[FoundFile] = []
    skipped: list[Path] = []
    require_existing(paths)
    for path in paths:
        if path.is_dir():
            for found in _walk(path, excluded):
                if _looks_like_story(found):
                    files.append(_found(found))
                else:
                    skipped.append(found)
        else:
            files.append(_found(path))
    return Discovery(tuple(files), tuple(skipped))


def require_existing(paths: Sequence[Path]) -> None:
    """UnreadableFile for the first path that does not exist, before any work starts."""
    for path in paths:
        if not path.exists():
            raise UnreadableFile(str(path), "no such file or folder")


def stories_in(found: FoundFile) -> Iterator[StoryBytes]:
    """The stories in one file: itself, or each member of a zip of fics.

    Raises UnreadableFile/UnsafeArchive for the file (or, part-way, for the rest of an archive).
    Files are read whole but only after the size bound of the read stage is checked.
    """
    label = str(found.path)
    if is_fic_archive(found.path):
        for member, data in iter_archive(found.path):
            yield StoryBytes(f"{label}{ARCHIVE_SEPARATOR}{member}", data, found.mtime)
        return
    if found.size > Limits.default().max_file_bytes:
        read_path(found.path)  # refuses the file with the read stage's own one-line reason
    try:
        data = found.path.read_bytes()
    except OSError as error:
        raise UnreadableFile(label, error.strerror or str(error)) from error
    yield StoryBytes(label, data, found.mtime)


def _walk(folder: Path, excluded: Path | None) -> Iterator[Path]:
    for root, folders, names in os.walk(folder):
        here = Path(root)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and (here / name).resolve() != excluded
        )
        for name in sorted(names):
            if not name.startswith("."):
                yield here / name


def _looks_like_story(path: Path) -> bool:
    suffix = path.suffix.lower()
    return not suffix or suffix in STORY_SUFFIXES


def _found(path: Path) -> FoundFile:
    absolute = path.absolute()
    try:
        info = absolute.stat()
    except OSError:
        return FoundFile(absolute, 0, 0.0)  # reading it will report why
    return FoundFile(absolute, info.st_size, info.st_mtime)

"""Writing export files safely: atomically (a reader never sees half a book) and named
predictably from the work, so re-exporting replaces the earlier copy instead of adding one."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from unidecode import unidecode

from ficshelf.errors import FicshelfError
from ficshelf.model import Work

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60
_FILE_MODE = 0o644


class ExportError(FicshelfError):
    """The export could not be written (folder missing rights, disk full...)."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def write_atomically(dest: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``dest`` through a temporary file in the same folder, then rename it into place.

    Raises ExportError (one line, naming the file) when the file system refuses.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    except OSError as error:
        raise ExportError(dest, error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(_FILE_MODE)
        Path(temporary).replace(dest)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(dest, error.strerror or str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(dest: Path, text: str) -> None:
    data = text.encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(dest, write)


def file_stem(work: Work) -> str:
    """ "the-lantern-keeper-by-someone": ASCII, lower case, stable for the same work."""
    title = _slug(work.title) or "untitled"
    author = _slug(work.authors[0]) if work.authors else ""
    return f"{title}-by-{author}" if author else title


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", unidecode(text).lower()).strip("-")[:_MAX_SLUG].strip("-")

"""Errors a user can cause. Each is caught once, at the CLI or web edge, and shown as one line.

Anything that is not a ``FicshelfError`` is a programming error and is allowed to crash loudly.
"""

from __future__ import annotations


class FicshelfError(Exception):
    """Base of every user-facing error; ``str(error)`` is the one line we show."""


class UnreadableFile(FicshelfError):
    """A file that cannot be turned into a story: names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnsafeArchive(UnreadableFile):
    """A zip or EPUB that breaks our bounds (entry count, size, ratio) or escapes its folder."""


class NotAStory(UnreadableFile):
    """Readable, but binary, empty, or otherwise not fiction we can import."""


class LibraryError(FicshelfError):
    """The library folder or database is missing, locked, or from a newer ficshelf."""


class QueryError(FicshelfError):
    """A search query we cannot understand; the message points at the bad part."""

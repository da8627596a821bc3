"""Zips of fics: tell them from EPUBs and walk their stories safely.

The archive's central directory is checked as a whole before the first member is inflated
(count, names, declared sizes), and each member is read within the same ``Limits`` as an EPUB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ficshelf.errors import UnreadableFile
from ficshelf.read.limits import Limits
from ficshelf.read.reader import file_size
from ficshelf.read.safezip import MemberReader, SafeMember, checked_members, open_zip
from ficshelf.read.sniff import EPUB_CONTAINER, looks_like_zip

_MAGIC_BYTES = 4
# Folders that archivers add beside the real files (macOS resource forks).
_SKIPPED_FOLDERS = frozenset({"__MACOSX"})


def is_fic_archive(path: Path) -> bool:
    """True for a zip that holds stories: any zip except an EPUB (decided by content, not name).

    A damaged zip answers False, so reading it as a story reports the damage in one line.
    """
    try:
        with path.open("rb") as stream:
            if not looks_like_zip(stream.read(_MAGIC_BYTES)):
                return False
        with open_zip(str(path), str(path)) as archive:
            names = set(archive.namelist())
    except (OSError, UnreadableFile):
        return False
    return "mimetype" not in names and EPUB_CONTAINER not in names


def iter_archive(path: Path, limits: Limits | None = None) -> Iterator[tuple[str, bytes]]:
    """Yield ``(member name, bytes)`` for each file in a zip of fics, skipping folders,
    ``__MACOSX`` and dotfiles. Raises ``UnsafeArchive`` or ``UnreadableFile`` for the archive.
    """
    limits = limits or Limits.default()
    label = str(path)
    file_size(path)
    with open_zip(label, label) as archive:
        members = checked_members(archive, label, limits)
        reader = MemberReader(archive, label, limits)
        for member in members:
            if _is_story_candidate(member):
                yield member.name, reader.read(member)


def _is_story_candidate(member: SafeMember) -> bool:
    if member.is_dir:
        return False
    parts = PurePosixPath(member.name.replace("\\", "/")).parts
    if any(part in _SKIPPED_FOLDERS for part in parts):
        return False
    return not parts[-1].startswith(".")

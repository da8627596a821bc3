"""Turn one story file, on disk or in memory, into a ``Document``.

A file is refused before anything is read when it is too large, empty or not a regular file;
then a zip is opened safely (an EPUB becomes a Document of members, anything else is
refused), and text is checked for binary junk, decoded, checked for letters and sniffed.
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

from ficshelf.errors import NotAStory, UnreadableFile
from ficshelf.model import Document, SourceKind
from ficshelf.read.decode import decode_bytes
from ficshelf.read.limits import Limits, human_size
from ficshelf.read.safezip import MemberReader, checked_members, open_zip
from ficshelf.read.sniff import is_epub, looks_like_zip, text_kind
from ficshelf.read.verdict import refuse_binary, refuse_office_zip, refuse_textless


def read_path(path: Path, limits: Limits | None = None) -> Document:
    """Read a story file from disk; raises ``UnreadableFile`` or a subclass with one clear line.

    The size is checked with ``stat`` first, so a multi-gigabyte file is refused unread.
    """
    limits = limits or Limits.default()
    label = str(path)
    size = file_size(path)
    refuse_size(label, size, limits)
    data = _read_at_most(path, limits.max_file_bytes + 1)
    return read_bytes(label, data, limits)


def read_bytes(name: str, data: bytes, limits: Limits | None = None) -> Document:
    """Read a story held in memory (e.g. a member of a zip of fics); ``name`` labels errors."""
    limits = limits or Limits.default()
    refuse_size(name, len(data), limits)
    if looks_like_zip(data):
        return _epub_document(name, data, limits)
    refuse_binary(name, data)
    decoded = decode_bytes(data)
    refuse_textless(name, decoded.text)
    return Document(
        path=name,
        kind=text_kind(name, decoded.text),
        encoding=decoded.encoding,
        text=decoded.text,
        size=len(data),
    )


def file_size(path: Path) -> int:
    """The size of a regular file, or ``UnreadableFile`` saying why it cannot be read."""
    label = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(label, "no such file") from None
    except PermissionError:
        raise UnreadableFile(label, "permission denied") from None
    except OSError as error:
        raise UnreadableFile(label, error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(label, "a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(label, "not a regular file")
    return info.st_size


def refuse_size(label: str, size: int, limits: Limits) -> None:
    """``NotAStory`` for an empty file or one larger than any story we accept."""
    if size == 0:
        raise NotAStory(label, "empty file")
    if size > limits.max_file_bytes:
        raise NotAStory(
            label,
            f"file is {human_size(size)}, larger than the "
            f"{human_size(limits.max_file_bytes)} limit for one story",
        )


def _read_at_most(path: Path, count: int) -> bytes:
    """Read no more than ``count`` bytes: the file may have grown since it was measured."""
    try:
        with path.open("rb") as stream:
            return stream.read(count)
    except OSError as error:
        raise UnreadableFile(str(path), error.strerror or str(error)) from None


def _epub_document(name: str, data: bytes, limits: Limits) -> Document:
    with open_zip(io.BytesIO(data), name) as archive:
        members = checked_members(archive, name, limits)
        reader = MemberReader(archive, name, limits)
        contents = {member.name: reader.read(member) for member in members if not member.is_dir}
    if not is_epub(contents.keys(), contents.get("mimetype")):
        refuse_office_zip(name, contents.keys())
        raise NotAStory(
            name,
            f"a zip archive of {len(contents)} files, not an EPUB; "
            "import the archive itself to read the stories in it",
        )
    return Document(
        path=name,
        kind=SourceKind.EPUB,
        encoding=None,
        text="",
        members=contents,
        size=len(data),
    )

"""Open untrusted zips (EPUBs, zips of fics) with stdlib ``zipfile``, inside ``Limits``.

Every check happens before or while a member is inflated, never after: the member count and
names are checked from the central directory, each member is read in chunks and abandoned as
soon as it passes its bound, so a header that lies about sizes cannot make us inflate a bomb.
Problems the archive's author caused raise ``UnsafeArchive``; damage (truncation, bad CRC,
encryption, unknown compression) raises ``UnreadableFile``.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from ficshelf.errors import UnreadableFile, UnsafeArchive
from ficshelf.read.limits import Limits, human_size

_CHUNK = 64 * 1024
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


@dataclass(frozen=True, slots=True)
class SafeMember:
    """A member that passed the name and header checks; ``name`` is as stored in the zip."""

    name: str
    info: zipfile.ZipInfo

    @property
    def is_dir(self) -> bool:
        return self.info.is_dir()


@contextmanager
def open_zip(source: str | IO[bytes], label: str) -> Iterator[zipfile.ZipFile]:
    """Open a zip, turning a damaged or non-zip file into ``UnreadableFile`` naming ``label``."""
    try:
        with zipfile.ZipFile(source) as archive:
            yield archive
    except UnreadableFile:
        raise
    except _DAMAGE as error:
        raise UnreadableFile(label, f"damaged zip archive ({_reason(error)})") from error


def checked_members(archive: zipfile.ZipFile, label: str, limits: Limits) -> list[SafeMember]:
    """All members, after checking count, names, kinds and declared sizes against ``limits``."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnsafeArchive(
            label, f"{len(infos)} entries, more than the limit of {limits.max_members}"
        )
    declared_total = 0
    members = []
    for info in infos:
        _check_name(info.filename, label)
        _check_kind(info, label)
        _check_declared_size(info, label, limits)
        declared_total += info.file_size
        members.append(SafeMember(info.filename, info))
    if declared_total > limits.max_total_bytes:
        raise UnsafeArchive(
            label,
            f"unpacks to {human_size(declared_total)}, "
            f"more than the {human_size(limits.max_total_bytes)} limit",
        )
    return members


class MemberReader:
    """Reads members one by one while keeping a running total against the archive's bound."""

    def __init__(self, archive: zipfile.ZipFile, label: str, limits: Limits) -> None:
        self._archive = archive
        self._label = label
        self._limits = limits
        self._total = 0

    def read(self, member: SafeMember) -> bytes:
        """The member's bytes, stopping as soon as any bound is passed, whatever the header says."""
        budget = min(
            member.info.file_size,
            self._limits.max_member_bytes,
            self._limits.max_total_bytes - self._total,
        )
        where = f"{self._label}: {member.name}"
        try:
            data = self._read_bounded(member.info, budget, where)
        except UnreadableFile:
            raise
        except _DAMAGE as error:
            raise UnreadableFile(where, f"damaged zip member ({_reason(error)})") from error
        self._total += len(data)
        return data

    def _read_bounded(self, info: zipfile.ZipInfo, budget: int, where: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        with self._archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > budget:
                    raise UnsafeArchive(where, _overrun_problem(info, size))
                chunks.append(chunk)
        return b"".join(chunks)


def _overrun_problem(info: zipfile.ZipInfo, size: int) -> str:
    if size > info.file_size:
        return f"holds more data than its header declares ({human_size(info.file_size)})"
    return "unpacks past the size limits for one archive"


def _check_name(name: str, label: str) -> None:
    """Refuse names that could escape a folder if anyone ever extracted them."""
    unix = name.replace("\\", "/")
    parts = PurePosixPath(unix).parts
    if "\x00" in name:
        raise UnsafeArchive(label, f"entry name with a NUL byte: {name!r}")
    if unix.startswith("/") or (len(unix) > 1 and unix[1] == ":"):
        raise UnsafeArchive(label, f"entry with an absolute path: {name}")
    if ".." in parts:
        raise UnsafeArchive(label, f"entry that escapes the archive folder: {name}")


def _check_kind(info: zipfile.ZipInfo, label: str) -> None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UnsafeArchive(label, f"entry is a symbolic link: {info.filename}")
    if info.flag_bits & 0x1:
        raise UnreadableFile(label, f"entry is encrypted: {info.filename}")


def _check_declared_size(info: zipfile.ZipInfo, label: str, limits: Limits) -> None:
    if info.file_size > limits.max_member_bytes:
        raise UnsafeArchive(
            label,
            f"entry {info.filename} unpacks to {human_size(info.file_size)}, "
            f"more than the {human_size(limits.max_member_bytes)} limit",
        )
    if info.file_size > limits.ratio_floor_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise UnsafeArchive(
                label,
                f"entry {info.filename} is compressed {ratio:.0f}:1, "
                f"beyond the {limits.max_ratio}:1 limit (a zip bomb?)",
            )


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text or type(error).__name__

"""Size and count bounds for reading untrusted files, with defaults from ``data/limits.toml``.

Callers that want other bounds (a server with a stricter budget, a test) pass their own
``Limits``; everything else uses ``Limits.default()``.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

_UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB")


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one story file, and one EPUB or zip of fics, may hold."""

    max_file_bytes: int = 64 * 1024**2
    max_members: int = 2_000
    max_total_bytes: int = 256 * 1024**2
    max_member_bytes: int = 64 * 1024**2
    max_ratio: int = 100
    ratio_floor_bytes: int = 1024**2

    @classmethod
    @functools.cache
    def default(cls) -> Limits:
        """The shipped bounds (``data/limits.toml``), read once."""
        text = resources.files("ficshelf.data").joinpath("limits.toml").read_text("utf-8")
        table = tomllib.loads(text)
        archive = table["archive"]
        return cls(
            max_file_bytes=int(table["file"]["max_bytes"]),
            max_members=int(archive["max_members"]),
            max_total_bytes=int(archive["max_total_bytes"]),
            max_member_bytes=int(archive["max_member_bytes"]),
            max_ratio=int(archive["max_ratio"]),
            ratio_floor_bytes=int(archive["ratio_floor_bytes"]),
        )


def human_size(size: int) -> str:
    """A byte count as people read it in an error line: "512 bytes", "64 MiB", "2.0 GiB"."""
    value = float(size)
    for unit in _UNITS:
        if value < 1024 or unit == _UNITS[-1]:
            break
        value /= 1024
    if unit == "bytes":
        return f"{size} bytes"
    return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"

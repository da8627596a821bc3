"""Zip containers with identical bytes for identical input (fixed timestamps and order)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Entries in the given order; an EPUB's ``mimetype`` (first, stored) is written as-is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            stored = name == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=None if stored else 6)
    return buffer.getvalue()

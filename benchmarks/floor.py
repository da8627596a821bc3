"""The floor the import is measured against: read every file, decode it, count its words.

Nothing an importer can skip: the bytes must be read, decoded and looked at once. Decoding here
is the cheapest correct one (BOM, else UTF-8, else Windows-1252), without charset detection.
"""

from __future__ import annotations

import codecs
import io
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ficshelf.parse.words import count_words

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class FloorResult:
    files: int
    megabytes: float
    words: int
    seconds: float


def decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def corpus_files(root: Path) -> list[Path]:
    """Every file under ``root`` (a corpus's ``stories`` folder) in a stable order."""
    return sorted(path for path in root.rglob("*") if path.is_file())


def texts(data: bytes) -> Iterator[str]:
    """The decoded text of a file, or of each member when it is a zip (EPUB or bundle)."""
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    yield decode(archive.read(info))
    else:
        yield decode(data)


def measure_floor(root: Path) -> FloorResult:
    started = time.perf_counter()
    files = corpus_files(root)
    size = words = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        words += sum(count_words(text) for text in texts(data))
    return FloorResult(len(files), size / 1e6, words, time.perf_counter() - started)

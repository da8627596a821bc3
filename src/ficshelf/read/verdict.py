"""Decide early, with simple explainable rules, that a file is not a story we can import.

Two moments: on the raw bytes (a known binary signature, NUL bytes, many control bytes) and
on the decoded text (nothing but whitespace, or no letters at all). Each refusal is a
``NotAStory`` whose message says which rule fired.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Collection
from importlib import resources
from typing import Any

from ficshelf.errors import NotAStory

# Bytes sampled for the control-byte rule: enough to judge, cheap on large files.
_SAMPLE = 64 * 1024
# Text uses few C0 control bytes besides tab, line breaks and the DOS end-of-file mark, while
# binary data is full of them; 2 % leaves room for the odd stray byte in a real text.
_MAX_CONTROL_SHARE = 0.02
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1a")
# Every byte but the control bytes text never holds: deleting these leaves just those (in C).
_NOT_BINARY_CONTROLS = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@functools.cache
def _table() -> dict[str, Any]:
    text = resources.files("ficshelf.data").joinpath("binary_signatures.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def _signatures() -> tuple[tuple[bytes, str], ...]:
    return tuple((bytes.fromhex(row["magic"]), str(row["what"])) for row in _table()["signature"])


@functools.cache
def _zip_signatures() -> tuple[tuple[frozenset[str], str], ...]:
    rows = _table()["zip_signature"]
    return tuple((frozenset(row["members"]), str(row["what"])) for row in rows)


def refuse_binary(name: str, data: bytes) -> None:
    """Raise ``NotAStory`` when ``data`` is not text in any encoding we read."""
    if not data:
        raise NotAStory(name, "empty file")
    for magic, what in _signatures():
        if data.startswith(magic):
            raise NotAStory(name, f"{what}, not a story text")
    if data.startswith(_UTF16_32_BOMS):
        return  # wide encodings are full of NUL bytes by design
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise NotAStory(name, "binary data, not text (it contains NUL bytes)")
    controls = len(sample.translate(None, _NOT_BINARY_CONTROLS))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise NotAStory(name, "binary data, not text (it is full of control bytes)")


def refuse_textless(name: str, text: str) -> None:
    """Raise ``NotAStory`` when decoded text holds no words a story could be made of."""
    if not text.strip():
        raise NotAStory(name, "no text in it (only whitespace)")
    if not any(char.isalpha() for char in text):
        raise NotAStory(name, "no letters in it, so no story text")


def refuse_office_zip(name: str, member_names: Collection[str]) -> None:
    """Raise ``NotAStory`` for zip-based documents (.docx, .odt) we do not read."""
    present = set(member_names)
    for members, what in _zip_signatures():
        if members <= present:
            raise NotAStory(name, f"{what}, not a format ficshelf reads; save it as text or HTML")

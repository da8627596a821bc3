"""Text to bytes the way old files were saved: legacy code pages, BOMs, CRLF line endings."""

from __future__ import annotations

import codecs

# Latin-1 has no curly quotes or dashes; editors that saved Latin-1 wrote these instead.
_LATIN1_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "—": "--", "–": "-", "…": "..."}
)


def encode_text(text: str, encoding: str, newline: str) -> tuple[bytes, str]:
    """Encode ``text``; returns the bytes and the encoding actually used (UTF-8 when the text
    has characters the requested code page cannot hold, as a real editor would have forced)."""
    if newline == "crlf":
        text = text.replace("\n", "\r\n")
    if encoding == "latin-1":
        text = text.translate(_LATIN1_FOLD)
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:
        return text.encode("utf-8"), "utf-8"

"""Bytes to text: pick the encoding, repair mojibake, normalise line endings.

The order, most certain first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) settles it;
2. an HTML file's own ``<meta charset>`` (ISO-8859-1 and ASCII mean Windows-1252, as in
   browsers), unless it names a legacy charset and the bytes are valid UTF-8 with non-ASCII
   characters: editors re-save pages as UTF-8 and leave the old declaration behind;
3. strict UTF-8, which random legacy bytes almost never pass;
4. a legacy encoding. Fan fiction in Latin-script languages was mostly written on Windows,
   so when most letters are ASCII the text is Windows-1252 (Latin-1 if it has the five bytes
   Windows-1252 leaves undefined); charset-normalizer decides only for text in another script
   (Cyrillic, Greek, CJK...). It is unreliable on short Western text, hence the rule.

Then ftfy repairs mojibake (UTF-8 read as Windows-1252: "Ã©" -> "é", "â€™" -> "’") with every
fixer that changes normal text switched off, CRLF and lone CR become LF, and a DOS
end-of-file mark (Ctrl-Z) is dropped.
"""

from __future__ import annotations

import codecs
import re
import string
from dataclasses import dataclass

import charset_normalizer
import ftfy

from ficshelf.read.sniff import looks_like_html_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_META_SEARCH_BYTES = 4096
# WHATWG: pages that declare these are decoded as Windows-1252 by every browser.
_DECLARED_AS_CP1252 = frozenset({"latin-1", "ascii", "cp1252"})
# Python's codec names for the few spellings we report differently, to match the names
# people know ("latin-1" rather than "iso8859-1").
_REPORTED_NAMES = {"iso8859-1": "latin-1"}
# Latin-script text written in a legacy encoding has a few accented letters among many
# ASCII ones; when most letters are non-ASCII bytes the text is in another script.
_MIN_ASCII_LETTER_SHARE_FOR_LATIN = 0.7
_SCRIPT_SAMPLE_CHARS = 64 * 1024
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Repair encoding accidents only: no HTML unescaping, ligature or width folding, quote
# uncurling or Unicode normalisation, which would alter text that was written that way.
_REPAIR_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)
# UTF-8 read as Windows-1252 or Latin-1 turns each multi-byte character into a lead
# character in Â..ô followed by what a continuation byte (0x80-0xBF) decodes to; Latin-1
# also leaves C1 control characters. Text without either has no mojibake for ftfy to find.
_CONTINUATION = "\u0080-\u00bf" + re.escape(
    bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
)
# Written to start with one character class, not a choice of two: the regex engine then skips
# ahead to the next candidate character in C, over twice as fast on long stories.
_SUSPECT = re.compile(f"[\u0080-\u009f\u00c2-\u00f4](?:(?<=[\u0080-\u009f])|[{_CONTINUATION}])")
_LINE_BREAK = re.compile(r"\r\n?")
# Old DOS editors ended text files with Ctrl-Z; it is not part of the story.
_DOS_END_OF_FILE = "\x1a"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode story bytes to repaired text with LF line endings, naming the encoding used.

    The encoding is Python's spelling ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1").
    Never fails: every byte string decodes in some single-byte encoding.
    """
    encoding, text = _choose_encoding(data)
    if text is None:
        text = data.decode(encoding, errors="replace")
    text = text.rstrip(_DOS_END_OF_FILE)
    return Decoded(text=repair_mojibake(_normalise_line_breaks(text)), encoding=encoding)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-legacy accidents, line by line as ftfy itself works.

    ftfy runs at about 1.5 MB/s, slower than the rest of the import together, so it only
    sees lines holding a sequence mojibake cannot do without (see ``_SUSPECT``).
    """
    if text.isascii():
        return text
    pieces: list[str] = []
    done = 0  # text before this offset is in ``pieces``
    while match := _SUSPECT.search(text, done):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        pieces += (text[done:start], str(ftfy.fix_text(text[start:end], _REPAIR_ONLY)))
        done = end
    return "".join((*pieces, text[done:])) if pieces else text


def _choose_encoding(data: bytes) -> tuple[str, str | None]:
    """The encoding, and the text when finding the encoding decoded it already (most stories
    are UTF-8: decoding them is how that is known)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    declared = _declared_html_charset(data)
    if declared is not None and _trust_declared(data, declared):
        return declared, None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy_encoding(data), None


def _declared_html_charset(data: bytes) -> str | None:
    if not looks_like_html_bytes(data):
        return None
    match = _META_CHARSET.search(data[:_META_SEARCH_BYTES])
    if match is None:
        return None
    name = _python_name(match.group(1).decode("ascii"))
    if name in _DECLARED_AS_CP1252:
        return "cp1252"
    if name is None or name.startswith(("utf-16", "utf-32")):
        return None  # a page that reached us without a BOM is not really in a wide encoding
    return name


def _trust_declared(data: bytes, declared: str) -> bool:
    """A declaration counts if it decodes the bytes and is not a stale legacy label on UTF-8."""
    if not _decodes(data, declared):
        return False
    return declared == "utf-8" or not _is_non_ascii_utf8(data)


def _legacy_encoding(data: bytes) -> str:
    western = "cp1252" if _decodes(data, "cp1252") else "latin-1"
    if _reads_as_latin_script(data.decode(western)):
        return western
    best = charset_normalizer.from_bytes(data).best()
    guessed = _python_name(best.encoding) if best is not None else None
    return guessed or western


def _reads_as_latin_script(text: str) -> bool:
    """True when most letters are ASCII, as in any Latin-script language."""
    sample = text[:_SCRIPT_SAMPLE_CHARS]
    ascii_part = sample.encode("ascii", "ignore")
    ascii_letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    other_letters = sum(1 for char in _NON_ASCII.findall(sample) if char.isalpha())
    letters = ascii_letters + other_letters
    return ascii_letters >= _MIN_ASCII_LETTER_SHARE_FOR_LATIN * letters > 0


def _is_non_ascii_utf8(data: bytes) -> bool:
    return not data.isascii() and _decodes(data, "utf-8")


def _python_name(label: str) -> str | None:
    """Python's codec name for a charset label, or None when Python has no such codec."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _REPORTED_NAMES.get(name, name)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _normalise_line_breaks(text: str) -> str:
    return _LINE_BREAK.sub("\n", text)

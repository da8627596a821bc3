"""Decide what kind of source a file is from its content, using its name only as a tie-breaker.

Zip containers are told apart by their members (an EPUB carries ``mimetype`` or
``META-INF/container.xml``); text is HTML when it opens with markup, Markdown when it opens
with YAML front matter or is named ``.md``, and plain text otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import PurePath

from ficshelf.model import SourceKind
from ficshelf.read.frontmatter import split_front_matter

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
EPUB_MIMETYPE = b"application/epub+zip"
EPUB_CONTAINER = "META-INF/container.xml"
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
# A '.txt' name with a '---' block on top is a plain-text header between rules, which the
# plain-text parser reads better than a YAML reading would.
_PLAIN_SUFFIXES = frozenset({".txt", ".text"})

# Leading markup: optional XML declaration and comments (browsers write a "saved from"
# comment), then a doctype or one of the document's outer elements.
_HTML_START = re.compile(
    r"""\A\ufeff?\s*
        (?:<\?xml[^>]*\?>\s*)?
        (?:<!--.*?-->\s*)*
        (?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_HTML_PREFIX_CHARS = 4096


def looks_like_zip(data: bytes) -> bool:
    return data.startswith(_ZIP_MAGICS)


def is_epub(member_names: Collection[str], mimetype: bytes | None) -> bool:
    """An EPUB by its ``mimetype`` member or, for sloppy tools that omit it, its container."""
    if mimetype is not None and mimetype.strip() == EPUB_MIMETYPE:
        return True
    return EPUB_CONTAINER in member_names


def looks_like_html(text: str) -> bool:
    """True when the text opens (after BOM, whitespace, comments) with HTML document markup."""
    return _HTML_START.match(text[:_HTML_PREFIX_CHARS]) is not None


def looks_like_html_bytes(data: bytes) -> bool:
    """``looks_like_html`` on raw bytes of any ASCII-compatible encoding, before decoding."""
    return looks_like_html(data[:_HTML_PREFIX_CHARS].decode("latin-1"))


def text_kind(name: str, text: str) -> SourceKind:
    """HTML, MARKDOWN or TEXT for decoded text; ``name`` only breaks the Markdown/text tie."""
    if looks_like_html(text):
        return SourceKind.HTML
    suffix = PurePath(name).suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return SourceKind.MARKDOWN
    if suffix not in _PLAIN_SUFFIXES and split_front_matter(text) is not None:
        return SourceKind.MARKDOWN
    return SourceKind.TEXT

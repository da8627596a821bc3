"""ficshelf's own exports (EPUB and HTML) read back in.

Exports lay out their preface like an AO3 download, so the AO3 reader reads them; they are told
apart by the ``generator`` mark they carry, and get their own format and origin. Their tags are
canonical already (``origin="ficshelf"``), but they are our own wrangling, not AO3's: the
knowledge base never learns from them, or it would learn its own guesses back.
"""

from __future__ import annotations

import dataclasses
import re

from ficshelf.model import Document, RawWork
from ficshelf.parse.ao3_epub import parse_ao3_epub
from ficshelf.parse.ao3_html import read_ao3_download
from ficshelf.parse.epub_container import Package
from ficshelf.parse.markup import parse_html

GENERATOR = "ficshelf"
ORIGIN = "ficshelf"

_GENERATOR_META = re.compile(
    rf"""<meta\s+name=["']generator["']\s+content=["']{GENERATOR}["']""", re.IGNORECASE
)


def looks_like_ficshelf_html(html: str) -> bool:
    return _GENERATOR_META.search(html[:4000]) is not None


def parse_ficshelf_html(doc: Document) -> RawWork:
    raw = read_ao3_download(
        parse_html(doc.text), path=doc.path, encoding=doc.encoding, fmt="ficshelf-html"
    )
    return dataclasses.replace(raw, origin=ORIGIN)


def parse_ficshelf_epub(package: Package, encoding: str | None) -> RawWork:
    raw = parse_ao3_epub(package, encoding, fmt="ficshelf-epub")
    return dataclasses.replace(raw, origin=ORIGIN)

"""AO3's EPUB download -> RawWork, through the same reader as the HTML download.

AO3 builds its EPUB with calibre from the HTML download, which splits the page into several
XHTML files and renames classes but keeps the preface ``dl.tags``, the labels and the ids.
Joining the spine's bodies back into one tree lets ``ao3_html`` read it unchanged.
"""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

from ficshelf.model import RawWork
from ficshelf.parse.ao3_html import looks_like_ao3_download, read_ao3_download
from ficshelf.parse.ao3_labels import ao3_labels
from ficshelf.parse.epub_container import Package
from ficshelf.parse.markup import child_elements, first, parse_html
from ficshelf.parse.opf_metadata import OpfMetadata


def is_ao3_epub(package: Package, metadata: OpfMetadata) -> bool:
    """AO3 names itself as publisher; older AO3 EPUBs are recognised by the preface markup."""
    if metadata.publisher == ao3_labels().phrases["site_name"]:
        return True
    documents = package.documents()[:2]
    return any(looks_like_ao3_download(package.document_text(d.item)) for d in documents)


def parse_ao3_epub(package: Package, encoding: str | None, fmt: str = "ao3-epub") -> RawWork:
    return read_ao3_download(joined_spine(package), path=package.path, encoding=encoding, fmt=fmt)


def joined_spine(package: Package) -> HtmlElement:
    """Every spine document's body in one tree, in reading order, as the HTML download has it."""
    root = lxml.html.document_fromstring("<html><body></body></html>")
    joined = first(root, "//body")
    assert joined is not None  # we just wrote it
    for entry in package.documents():
        page = parse_html(package.document_text(entry.item))
        body = first(page, "//body")
        for child in list(child_elements(body if body is not None else page)):
            joined.append(child)
    return root

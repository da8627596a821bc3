"""EPUB -> RawWork: open the package, recognise the flavour, hand it to that flavour's reader.

Flavours, most specific first: ficshelf's own export (its generator mark), AO3's EPUB (its
preface, read like the HTML download), FanFicFare's (its title page), then any other EPUB from
the OPF metadata and the spine ("calibre-epub" when calibre made or last touched it, else
"epub").
"""

from __future__ import annotations

from ficshelf.errors import NotAStory
from ficshelf.model import Document, RawWork
from ficshelf.parse.ao3_epub import is_ao3_epub, parse_ao3_epub
from ficshelf.parse.epub_chapters import spine_chapters
from ficshelf.parse.epub_container import Package, open_package
from ficshelf.parse.fanficfare_epub import is_fanficfare_epub, parse_fanficfare_epub
from ficshelf.parse.ficshelf_export import GENERATOR, parse_ficshelf_epub
from ficshelf.parse.html_text import html_to_text
from ficshelf.parse.language import language_code
from ficshelf.parse.opf_metadata import OpfMetadata, read_opf_metadata


def parse_epub(doc: Document) -> RawWork:
    """Parse an opened EPUB (``doc.members``). Raises UnreadableFile/NotAStory with one line."""
    package = open_package(doc)
    metadata = read_opf_metadata(package.opf)
    if not package.documents():
        raise NotAStory(doc.path, "EPUB has no readable documents in its spine")
    if metadata.generator == GENERATOR:
        return parse_ficshelf_epub(package, doc.encoding)
    if is_ao3_epub(package, metadata):
        return parse_ao3_epub(package, doc.encoding)
    if is_fanficfare_epub(package, metadata):
        return parse_fanficfare_epub(package, metadata, doc.encoding)
    return _plain_epub(package, metadata, doc.encoding)


def _plain_epub(package: Package, metadata: OpfMetadata, encoding: str | None) -> RawWork:
    """Any other EPUB: what the OPF says, subjects as freeform tags, chapters from the spine."""
    description = html_to_text(metadata.description).strip() if metadata.description else ""
    return RawWork(
        path=package.path,
        format="calibre-epub" if metadata.made_by_calibre else "epub",
        encoding=encoding,
        origin="header",
        title=metadata.title,
        authors=metadata.creators,
        freeforms=metadata.subjects,
        summary=description or None,
        series=metadata.series,
        language=language_code(metadata.language),
        published=metadata.published,
        updated=metadata.modified,
        chapters=tuple(spine_chapters(package)),
        extra={"Publisher": metadata.publisher} if metadata.publisher else {},
    )

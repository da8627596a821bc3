"""Plain-text stories with a free-form header, in every style fans write them.

``parse_text`` reads a decoded text Document into a RawWork (format "text", origin "header");
``parse_header_lines`` is the header scanner alone, for other parsers that meet such a header
inside HTML or Markdown.
"""

from __future__ import annotations

from ficshelf.errors import NotAStory
from ficshelf.model import Document, RawWork
from ficshelf.parse.plaintext.body import story_start
from ficshelf.parse.plaintext.chapters import split_chapters
from ficshelf.parse.plaintext.fields import HeaderFields, header_fields
from ficshelf.parse.plaintext.filename import title_from_path
from ficshelf.parse.plaintext.header import Entry, Header, parse_header_lines

__all__ = [
    "Entry",
    "Header",
    "HeaderFields",
    "header_fields",
    "parse_header_lines",
    "parse_text",
    "title_from_path",
]


def parse_text(doc: Document) -> RawWork:
    """Read the header and chapters of a plain-text story.

    Raises NotAStory when the document holds no text at all.
    """
    text = doc.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotAStory(doc.path, "the file holds no text")
    lines = text.split("\n")
    header = parse_header_lines(lines)
    fields = header_fields(header)
    chapters = split_chapters(lines[story_start(lines, header.end) :])
    return RawWork(
        path=doc.path,
        format="text",
        encoding=doc.encoding,
        origin="header",
        title=fields.title or title_from_path(doc.path),
        authors=fields.authors,
        fandoms=fields.fandoms,
        rating=fields.rating,
        warnings=fields.warnings,
        categories=fields.categories,
        relationships=fields.relationships,
        characters=fields.characters,
        freeforms=fields.freeforms,
        summary=fields.summary,
        notes=fields.notes,
        series=fields.series,
        language=fields.language,
        words=fields.words,
        chapter_count=fields.chapter_count or len(chapters) or None,
        chapters_expected=fields.chapters_expected,
        status=fields.status,
        published=fields.published,
        updated=fields.updated,
        chapters=chapters,
        extra=fields.extra,
    )

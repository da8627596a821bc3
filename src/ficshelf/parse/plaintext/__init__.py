"""Plain-text stories with a free-form header, in every style fans write them.

``parse_text`` reads a decoded text Document into a RawWork (format "text", origin "header");
``parse_header_lines`` is the header scanner alone, for other parsers that meet such a header
inside HTML or Markdown.
"""

from __future__ import annotations

import dataclasses

from ficshelf.errors import NotAStory
from ficshelf.model import Document, RawWork
from ficshelf.parse.plaintext.body import story_start
from ficshelf.parse.plaintext.chapters import split_chapters
from ficshelf.parse.plaintext.fields import header_fields
from ficshelf.parse.plaintext.filename import title_from_path
from ficshelf.parse.plaintext.header import Entry, Header, parse_header_lines

__all__ = [
    "Entry",
    "Header",
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
    stated = header_fields(header, path=doc.path, encoding=doc.encoding)
    chapters = split_chapters(lines[story_start(lines, header.end) :])
    return dataclasses.replace(
        stated,
        title=stated.title or title_from_path(doc.path),
        chapter_count=stated.chapter_count or len(chapters) or None,
        chapters=chapters,
    )

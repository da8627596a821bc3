"""parse stage: ``Document`` -> ``RawWork``, the metadata exactly as the file states it.

``parse`` picks the format parser from the Document's kind and, for HTML, from the page's own
signature: an AO3 download (preface tag list), a saved AO3 work page (AO3's page chrome), or
any other HTML. ``RawWork.format`` names the parser's reading: "text", "markdown", "html",
"ao3-html", "ao3-workpage", "epub", "ao3-epub", "fanficfare-epub", "calibre-epub", or
"ficshelf-html" / "ficshelf-epub" for ficshelf's own exports.

Format parsers are imported when first needed, so reading one kind of file never pays for
the others. Every chapter leaves parse with its words counted: a fact of the text, like the
text itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ficshelf.model import Document, RawWork, SourceKind
from ficshelf.parse.words import counted

Parser = Callable[[Document], RawWork]


def parse(doc: Document) -> RawWork:
    """Read a Document with the parser for its format; raises ``UnreadableFile`` subclasses."""
    raw = _parser_for(doc)(doc)
    return dataclasses.replace(raw, chapters=tuple(counted(chapter) for chapter in raw.chapters))


def _parser_for(doc: Document) -> Parser:
    if doc.kind is SourceKind.TEXT:
        from ficshelf.parse.plaintext import parse_text

        return parse_text
    if doc.kind is SourceKind.MARKDOWN:
        from ficshelf.parse.markdown import parse_markdown

        return parse_markdown
    if doc.kind is SourceKind.EPUB:
        from ficshelf.parse.epub import parse_epub

        return parse_epub
    return _html_parser_for(doc.text)


def _html_parser_for(html: str) -> Parser:
    """ficshelf's export, AO3's download, AO3's web page, then generic HTML: most specific
    signature first (an export of an AO3 work also looks like an AO3 download)."""
    from ficshelf.parse.ficshelf_export import looks_like_ficshelf_html, parse_ficshelf_html

    if looks_like_ficshelf_html(html):
        return parse_ficshelf_html
    from ficshelf.parse.ao3_html import looks_like_ao3_download, parse_ao3_html

    if looks_like_ao3_download(html):
        return parse_ao3_html
    from ficshelf.parse.ao3_workpage import looks_like_ao3_workpage, parse_ao3_workpage

    if looks_like_ao3_workpage(html):
        return parse_ao3_workpage
    from ficshelf.parse.generic_html import parse_generic_html

    return parse_generic_html

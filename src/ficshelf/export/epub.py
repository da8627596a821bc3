"""Work -> EPUB 3 that passes epubcheck with no errors and no warnings.

Layout: an SVG cover (itself the first spine item and the ``cover-image``), a title page, a
preface in AO3's layout, one XHTML document per chapter, an afterword for end notes, the EPUB 3
navigation document plus an NCX for older readers. The OPF carries the full metadata: creators,
language, dates, every tag as ``dc:subject``, the summary, series both as EPUB 3
``belongs-to-collection`` and as calibre's ``calibre:series`` metas.

The file is reproducible: the identifier derives from the work, ZIP timestamps are fixed and
members are written in a fixed order, so exporting the same work twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ficshelf.export.chapters import ChapterPage, chapter_pages
from ficshelf.export.clean import printable_work
from ficshelf.export.cover import cover_svg
from ficshelf.export.files import write_atomically
from ficshelf.export.labels import labels
from ficshelf.export.preface import Preface, iso_date, preface, tag_values
from ficshelf.export.templates import render
from ficshelf.model import SeriesRef, Work

_NAMESPACE = uuid.UUID("9b0f8c52-6a43-4c1e-9d0b-5f3e2a7c8d11")  # ficshelf's work identifiers
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3
_MEMBER_MODE = 0o644 << 16
_FOLDER = "OEBPS"
_UNKNOWN_LANGUAGE = "und"
_UNKNOWN_DATE = dt.date(2000, 1, 1)
_XHTML = "application/xhtml+xml"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    href: str
    media_type: str
    properties: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """A navigation entry (table of contents or landmark)."""

    label: str
    href: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Book:
    """Everything the package templates print, decided before any template runs."""

    identifier: str
    title: str
    authors: tuple[str, ...]
    language: str
    rtl: bool
    published: str | None
    modified: str
    subjects: tuple[str, ...]
    description: str | None
    series: tuple[SeriesRef, ...]
    calibre_series: SeriesRef | None
    manifest: tuple[Item, ...]
    spine: tuple[Item, ...]
    toc: tuple[Entry, ...]
    landmarks: tuple[Entry, ...]


def write_epub(work: Work, dest: Path) -> None:
    """Write ``work`` as an EPUB 3 file at ``dest`` (atomically; ExportError on I/O errors)."""
    printable = printable_work(work)
    write_atomically(dest, lambda stream: write_epub_stream(printable, stream))


def write_epub_stream(work: Work, stream: BinaryIO) -> None:
    """Write the EPUB's ZIP to ``stream``; ``work`` must already be ``printable_work``-clean."""
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in epub_members(work):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.create_system = _UNIX
            info.external_attr = _MEMBER_MODE
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def book_identifier(work: Work) -> str:
    """ "urn:uuid:..." from title, authors and first publication: stable across re-exports."""
    published = work.published.isoformat() if work.published else ""
    key = "\x1f".join((work.title, *work.authors, published))
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}"


def epub_members(work: Work) -> Iterator[tuple[str, bytes]]:
    """The archive's members in order; ``mimetype`` first, as the OCF container requires."""
    facts = preface(work)
    pages = list(chapter_pages(work, "xhtml"))
    book = _book(work, facts, pages)
    context = {
        "book": book,
        "preface": facts,
        "phrases": labels().phrases,
        "sections": labels().sections,
    }
    yield "mimetype", b"application/epub+zip"
    yield (
        "META-INF/container.xml",
        _utf8(render("epub/container.xml.j2", opf_path=f"{_FOLDER}/content.opf")),
    )
    yield f"{_FOLDER}/content.opf", _utf8(render("epub/content.opf.j2", **context))
    yield f"{_FOLDER}/nav.xhtml", _utf8(render("epub/nav.xhtml.j2", **context))
    yield f"{_FOLDER}/toc.ncx", _utf8(render("epub/toc.ncx.j2", **context))
    yield f"{_FOLDER}/style.css", _utf8(render("style.css"))
    yield f"{_FOLDER}/cover.svg", _utf8(cover_svg(work.title, work.authors))
    yield f"{_FOLDER}/title.xhtml", _utf8(render("epub/title.xhtml.j2", **context))
    yield f"{_FOLDER}/preface.xhtml", _utf8(render("epub/preface.xhtml.j2", **context))
    for page in pages:
        yield f"{_FOLDER}/{page.file}", _utf8(render("epub/chapter.xhtml.j2", page=page, **context))
    if facts.end_notes:
        yield f"{_FOLDER}/afterword.xhtml", _utf8(render("epub/afterword.xhtml.j2", **context))


def _book(work: Work, facts: Preface, pages: list[ChapterPage]) -> Book:
    spine = _spine(pages, has_afterword=facts.end_notes is not None)
    fixed = (
        Item("nav", "nav.xhtml", _XHTML, "nav"),
        Item("ncx", "toc.ncx", "application/x-dtbncx+xml"),
        Item("style", "style.css", "text/css"),
    )
    language = work.language or _UNKNOWN_LANGUAGE
    return Book(
        identifier=book_identifier(work),
        title=work.title,
        authors=work.authors,
        language=language,
        rtl=language in labels().right_to_left,
        published=iso_date(work.published) if work.published else None,
        modified=f"{iso_date(work.updated or work.published or _UNKNOWN_DATE)}T00:00:00Z",
        subjects=_subjects(work),
        description=work.summary,
        series=work.series,
        calibre_series=work.series[0] if work.series else None,
        manifest=fixed + spine,
        spine=spine,
        toc=_toc(pages, has_afterword=facts.end_notes is not None),
        landmarks=_landmarks(pages),
    )


def _spine(pages: list[ChapterPage], *, has_afterword: bool) -> tuple[Item, ...]:
    items = [
        Item("cover-image", "cover.svg", "image/svg+xml", "cover-image"),
        Item("title-page", "title.xhtml", _XHTML),
        Item("preface", "preface.xhtml", _XHTML),
    ]
    items.extend(Item(f"chapter-{page.number:03d}", page.file, _XHTML) for page in pages)
    if has_afterword:
        items.append(Item("afterword", "afterword.xhtml", _XHTML))
    return tuple(items)


def _toc(pages: list[ChapterPage], *, has_afterword: bool) -> tuple[Entry, ...]:
    phrases = labels().phrases
    entries = [
        Entry(phrases["title_page"], "title.xhtml"),
        Entry(phrases["preface"], "preface.xhtml"),
    ]
    entries.extend(Entry(page.heading, page.file) for page in pages)
    if has_afterword:
        entries.append(Entry(phrases["afterword"], "afterword.xhtml"))
    return tuple(entries)


def _landmarks(pages: list[ChapterPage]) -> tuple[Entry, ...]:
    phrases = labels().phrases
    entries = [
        Entry(phrases["cover"], "cover.svg", "cover"),
        Entry(phrases["title_page"], "title.xhtml", "titlepage"),
    ]
    if pages:
        entries.append(Entry(phrases["start"], pages[0].file, "bodymatter"))
    return tuple(entries)


def _subjects(work: Work) -> tuple[str, ...]:
    """Every tag once, in the preface's order (rating, warnings, categories, fandoms...)."""
    names = (name for values in tag_values(work).values() for name in values)
    return tuple(dict.fromkeys(name for name in names if name))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")

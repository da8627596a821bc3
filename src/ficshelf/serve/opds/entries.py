"""A work as an OPDS acquisition entry, with its rating and warnings before everything else.

An e-reader shows an entry's summary or content before the reader taps "download", and
cannot show the web's content gate; so both start with the rating and the archive warnings
(the reader protection rule: no summary before them), then the tags in AO3's preface order
and wording (shared with the exports), then the summary.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from ficshelf.export.labels import labels, language_name
from ficshelf.library.blurbs import WorkBlurb
from ficshelf.model import Status
from ficshelf.serve.opds.atom import (
    ACQUISITION_REL,
    ACQUISITION_TYPE,
    EPUB_TYPE,
    HTML_TYPE,
    Category,
    Entry,
    Link,
    Paragraph,
    Person,
)
from ficshelf.serve.opds.words import catalog_words


class WorkLinks(Protocol):
    """Where a work entry points; the catalog's routes know the URLs (and the reader token)."""

    def download(self, work_id: int) -> str: ...

    def web_page(self, work_id: int) -> str: ...

    def author(self, name: str) -> str: ...

    def series(self, name: str) -> str: ...

    def tag_scheme(self, field: str) -> str: ...


def work_entry(blurb: WorkBlurb, entry_id: str, updated: dt.datetime, links: WorkLinks) -> Entry:
    """``blurb`` as an acquisition entry. ``updated`` is when the work last changed (Atom
    requires one even for works that never state a date)."""
    words = catalog_words().entries
    notice = content_notice(blurb)
    return Entry(
        id=entry_id,
        title=blurb.title,
        updated=updated,
        authors=tuple(Person(name, links.author(name)) for name in blurb.authors),
        language=blurb.language,
        issued=blurb.published,
        categories=categories(blurb, links),
        summary=_plain(notice, blurb.summary),
        content=(*notice, *details(blurb), *summary_paragraphs(blurb.summary)),
        links=(
            Link(ACQUISITION_REL, links.download(blurb.id), EPUB_TYPE, words["download"]),
            Link("alternate", links.web_page(blurb.id), HTML_TYPE, words["web_page"]),
            *(
                Link(
                    "related",
                    links.author(name),
                    ACQUISITION_TYPE,
                    words["more_by"].format(name=name),
                )
                for name in blurb.authors
            ),
            *(
                Link(
                    "related",
                    links.series(ref.name),
                    ACQUISITION_TYPE,
                    words["more_in_series"].format(name=ref.name),
                )
                for ref in blurb.series
            ),
        ),
    )


def content_notice(blurb: WorkBlurb) -> tuple[Paragraph, ...]:
    """The rating and archive warnings, labelled as AO3 labels them."""
    warnings = tuple(warning.value for warning in blurb.warnings) or (
        catalog_words().entries["no_warnings_stated"],
    )
    return (
        Paragraph(blurb.rating.value, _label("rating", 1)),
        Paragraph(", ".join(warnings), _label("warnings", len(blurb.warnings) or 1)),
    )


def details(blurb: WorkBlurb) -> tuple[Paragraph, ...]:
    """Everything else AO3's preface lists: tags, language, series, stats."""
    tag_fields = (
        ("categories", tuple(category.value for category in blurb.categories)),
        ("fandoms", blurb.fandoms),
        ("relationships", blurb.relationships),
        ("characters", blurb.characters),
        ("freeforms", blurb.freeforms),
    )
    found = [
        Paragraph(", ".join(values), _label(field, len(values)))
        for field, values in tag_fields
        if values
    ]
    if language := language_name(blurb.language):
        found.append(Paragraph(language, _label("language", 1)))
    found.extend(
        Paragraph(_series_line(ref.name, ref.position), _label("series", 1)) for ref in blurb.series
    )
    found.append(Paragraph(_stats(blurb), _label("stats", 1)))
    return tuple(found)


def summary_paragraphs(summary: str | None) -> tuple[Paragraph, ...]:
    """The summary's paragraphs, the first one labelled "Summary"."""
    blocks = [" ".join(block.split()) for block in (summary or "").split("\n\n")]
    blocks = [block for block in blocks if block]
    heading = labels().sections["summary"]
    return tuple(
        Paragraph(block, heading if number == 0 else None) for number, block in enumerate(blocks)
    )


def categories(blurb: WorkBlurb, links: WorkLinks) -> tuple[Category, ...]:
    """Every tag, rating and warning as an Atom category, its kind in the scheme."""
    fields = (
        ("rating", (blurb.rating.value,)),
        ("warnings", tuple(warning.value for warning in blurb.warnings)),
        ("categories", tuple(category.value for category in blurb.categories)),
        ("fandoms", blurb.fandoms),
        ("relationships", blurb.relationships),
        ("characters", blurb.characters),
        ("freeforms", blurb.freeforms),
    )
    return tuple(
        Category(links.tag_scheme(field), name, name) for field, names in fields for name in names
    )


def _plain(notice: tuple[Paragraph, ...], summary: str | None) -> str:
    """The Atom summary (plain text): the notice lines, then the summary."""
    lines = [f"{paragraph.label}: {paragraph.text}" for paragraph in notice]
    if summary and summary.strip():
        lines.append("")
        lines.append(summary.strip())
    return "\n".join(lines)


def _stats(blurb: WorkBlurb) -> str:
    names = labels().stats
    stats: list[tuple[str, str]] = []
    if blurb.published is not None:
        stats.append((names["published"], blurb.published.isoformat()))
    if blurb.updated is not None and blurb.updated != blurb.published:
        key = "completed" if blurb.status is Status.COMPLETE else "updated"
        stats.append((names[key], blurb.updated.isoformat()))
    stats.append((names["words"], f"{blurb.words:,}"))
    if blurb.status is not None:
        expected = str(blurb.chapters) if blurb.status is Status.COMPLETE else "?"
        stats.append((names["chapters"], f"{blurb.chapters}/{expected}"))
    return " ".join(f"{label}: {value}" for label, value in stats)


def _series_line(name: str, position: int | None) -> str:
    if position is None:
        return name
    return f"{labels().phrases['series_part'].format(position=position)} {name}"


def _label(field: str, count: int) -> str:
    return next(entry for entry in labels().preface if entry.field == field).for_count(count)

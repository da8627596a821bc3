"""FanFicFare's EPUB -> RawWork, from its ``title_page.xhtml`` ("<b>Label:</b> value" lines).

FanFicFare writes the title page either as lines (``<b>Label:</b> value<br/>``) or as a table
(``<tr><td><b>Label:</b></td><td>value</td></tr>``); splitting the page's markup on the bold
labels reads both. Labels map through ``data/fanficfare_labels.toml``; labels we do not map
go to ``extra``. Chapters come from the spine, front matter skipped.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ficshelf.model import RawWork, SeriesRef, Status
from ficshelf.parse.dates import parse_date
from ficshelf.parse.epub_chapters import spine_chapters
from ficshelf.parse.epub_container import Package
from ficshelf.parse.html_text import html_to_text
from ficshelf.parse.language import language_code
from ficshelf.parse.markup import first, inner_html, parse_html, text_of
from ficshelf.parse.opf_metadata import OpfMetadata

_LABEL = re.compile(r"<b[^>]*>\s*([^<]{1,60}?)\s*:\s*</b>", re.IGNORECASE)
_SERIES = re.compile(r"^(.*?)\s*\[(\d+)\]\s*$")
_MARKERS = ("fanficfare", "fanficdownloader")


@dataclass(frozen=True, slots=True)
class _Labels:
    fields: dict[str, str]
    lists: frozenset[str]
    complete: frozenset[str]
    in_progress: frozenset[str]
    ao3_sites: frozenset[str]


@functools.cache
def _labels() -> _Labels:
    raw = resources.files("ficshelf.data").joinpath("fanficfare_labels.toml").read_text("utf-8")
    data = tomllib.loads(raw)

    def folded(values: list[str]) -> frozenset[str]:
        return frozenset(value.casefold() for value in values)

    return _Labels(
        fields={label.casefold(): name for name, ls in data["fields"].items() for label in ls},
        lists=frozenset(data["lists"]["fields"]),
        complete=folded(data["status"]["complete"]),
        in_progress=folded(data["status"]["in_progress"]),
        ao3_sites=folded(data["sites"]["ao3"]),
    )


def is_fanficfare_epub(package: Package, metadata: OpfMetadata) -> bool:
    by_tool = any(m in who.lower() for who in metadata.contributors for m in _MARKERS)
    return by_tool or _title_page(package) is not None


def _title_page(package: Package) -> str | None:
    for item in package.manifest.values():
        if (
            item.path.rsplit("/", 1)[-1].lower() == "title_page.xhtml"
            and item.path in package.members
        ):
            return package.document_text(item)
    return None


def title_page_fields(markup: str) -> dict[str, str]:
    """{label: plain-text value} in page order, read from a FanFicFare title page."""
    root = parse_html(markup)
    body = first(root, "//body")
    page = inner_html(body if body is not None else root)
    pieces = _LABEL.split(page)
    values: dict[str, str] = {}
    for label, value_markup in zip(pieces[1::2], pieces[2::2], strict=True):
        value = html_to_text(value_markup).strip()
        if value:
            values.setdefault(" ".join(label.split()), value)
    return values


def parse_fanficfare_epub(package: Package, metadata: OpfMetadata, encoding: str | None) -> RawWork:
    page = _title_page(package)
    stated = title_page_fields(page) if page else {}
    labels = _labels()
    mapped: dict[str, str] = {}
    extra: dict[str, str] = {}
    for label, value in stated.items():
        name = labels.fields.get(label.casefold())
        if name is None:
            extra[label] = value
        else:
            mapped.setdefault(name, value)
    site = mapped.get("site", "").casefold()
    chapters = _chapter_numbers(mapped.get("chapters", ""))
    return RawWork(
        path=package.path,
        format="fanficfare-epub",
        encoding=encoding,
        origin="ao3" if site in labels.ao3_sites else "header",
        title=metadata.title or _heading_title(page),
        authors=metadata.creators,
        fandoms=_list(mapped, "fandoms"),
        rating=mapped.get("rating"),
        warnings=_list(mapped, "warnings"),
        categories=_list(mapped, "categories"),
        relationships=_list(mapped, "relationships"),
        characters=_list(mapped, "characters"),
        freeforms=_list(mapped, "freeforms"),
        summary=mapped.get("summary") or _description(metadata),
        series=_series(mapped.get("series")) or metadata.series,
        language=language_code(mapped.get("language")) or language_code(metadata.language),
        words=_number(mapped.get("words", "")),
        chapter_count=chapters,
        status=_status(mapped.get("status", "")),
        published=parse_date(mapped.get("published", "")) or metadata.published,
        updated=parse_date(mapped.get("updated", "")),
        chapters=tuple(spine_chapters(package)),
        extra={**extra, **({"Source URL": mapped["source_url"]} if "source_url" in mapped else {})},
    )


def _list(mapped: dict[str, str], name: str) -> tuple[str, ...]:
    value = mapped.get(name)
    if not value:
        return ()
    if name not in _labels().lists:
        return (value,)
    return tuple(part.strip() for part in value.split(", ") if part.strip())


def _status(text: str) -> str | None:
    folded = text.strip().casefold()
    if folded in _labels().complete:
        return Status.COMPLETE.value
    if folded in _labels().in_progress:
        return Status.IN_PROGRESS.value
    return None


def _series(text: str | None) -> tuple[SeriesRef, ...]:
    if not text:
        return ()
    match = _SERIES.match(text)
    return (SeriesRef(match[1], int(match[2])),) if match else (SeriesRef(text.strip()),)


def _number(text: str) -> int | None:
    digits = re.sub(r"[,.\s]", "", text)
    return int(digits) if digits.isdigit() else None


def _chapter_numbers(text: str) -> int | None:
    match = re.match(r"\s*(\d+)", text)
    return int(match[1]) if match else None


def _heading_title(page: str | None) -> str | None:
    if not page:
        return None
    link = first(parse_html(page), "//h3/a")
    return text_of(link) if link is not None else None


def _description(metadata: OpfMetadata) -> str | None:
    return html_to_text(metadata.description).strip() or None if metadata.description else None

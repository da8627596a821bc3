"""The OPF package's metadata (Dublin Core, calibre's metas, EPUB3 refinements) as written.

Covers EPUB2 (``opf:role``, ``opf:event`` attributes, ``calibre:series`` metas) and EPUB3
(``refines`` metas for roles, ``belongs-to-collection`` with ``group-position``,
``dcterms:modified``). Values are kept as the file states them; mapping them onto a RawWork
is the flavour parser's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from ficshelf.model import SeriesRef
from ficshelf.parse.dates import parse_date
from ficshelf.parse.epub_container import XmlElement

_OPF = "{http://www.idpf.org/2007/opf}"


@dataclass(frozen=True, slots=True)
class OpfMetadata:
    title: str | None = None
    creators: tuple[str, ...] = ()
    language: str | None = None
    subjects: tuple[str, ...] = ()
    description: str | None = None
    """As stored: calibre and AO3 put escaped HTML here."""
    published: dt.date | None = None
    modified: dt.date | None = None
    publisher: str | None = None
    source: str | None = None
    contributors: tuple[str, ...] = ()
    series: tuple[SeriesRef, ...] = ()
    made_by_calibre: bool = False
    generator: str | None = None


def read_opf_metadata(opf: XmlElement) -> OpfMetadata:
    dc = _dublin_core(opf)
    metas = _metas(opf)
    refinements = _refinements(opf)
    dates = _dates(opf)
    contributors = tuple(dc.get("contributor", ()))
    return OpfMetadata(
        title=_first(dc.get("title")),
        creators=_authors(opf, refinements),
        language=_first(dc.get("language")),
        subjects=tuple(dc.get("subject", ())),
        description=_first(dc.get("description")),
        published=dates.get("publication") or dates.get("creation") or dates.get(""),
        modified=dates.get("modification") or _date(metas.get("dcterms:modified")),
        publisher=_first(dc.get("publisher")),
        source=_first(dc.get("source")),
        contributors=contributors,
        series=_calibre_series(metas) or _collections(opf, refinements),
        made_by_calibre=any(name.startswith("calibre:") for name in metas)
        or any("calibre" in who.lower() for who in contributors),
        generator=metas.get("generator"),
    )


def _text(node: XmlElement) -> str:
    return " ".join("".join(str(part) for part in node.itertext()).split())


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _children(opf: XmlElement) -> list[XmlElement]:
    found = opf.xpath("//*[local-name()='metadata']//*")
    return [n for n in found if isinstance(n, etree._Element)] if isinstance(found, list) else []


def _local(node: XmlElement) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _is_dc(node: XmlElement) -> bool:
    return isinstance(node.tag, str) and etree.QName(node).namespace == (
        "http://purl.org/dc/elements/1.1/"
    )


def _dublin_core(opf: XmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in _children(opf):
        if _is_dc(node) and _text(node):
            values.setdefault(_local(node), []).append(_text(node))
    return values


def _metas(opf: XmlElement) -> dict[str, str]:
    """``<meta name=... content=...>`` (EPUB2) and unrefined ``<meta property=...>`` (EPUB3)."""
    metas: dict[str, str] = {}
    for node in _children(opf):
        if _local(node) != "meta":
            continue
        if node.get("name"):
            metas.setdefault(node.get("name") or "", node.get("content") or "")
        elif node.get("property") and not node.get("refines"):
            metas.setdefault(node.get("property") or "", _text(node))
    return metas


def _refinements(opf: XmlElement) -> dict[str, dict[str, str]]:
    """EPUB3 ``<meta refines="#id" property="p">v</meta>`` -> {id: {p: v}}."""
    refined: dict[str, dict[str, str]] = {}
    for node in _children(opf):
        target = (node.get("refines") or "").lstrip("#")
        if _local(node) == "meta" and target and node.get("property"):
            refined.setdefault(target, {})[node.get("property") or ""] = _text(node)
    return refined


def _authors(opf: XmlElement, refinements: dict[str, dict[str, str]]) -> tuple[str, ...]:
    names = []
    for node in _children(opf):
        if not (_is_dc(node) and _local(node) == "creator") or not _text(node):
            continue
        role = node.get(f"{_OPF}role") or node.get("role")
        role = role or refinements.get(node.get("id") or "", {}).get("role")
        if role in (None, "", "aut"):
            names.append(_text(node))
    return tuple(names)


def _date(text: str | None) -> dt.date | None:
    return parse_date(text[:10]) if text else None


def _dates(opf: XmlElement) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    for node in _children(opf):
        if _is_dc(node) and _local(node) == "date":
            event = (node.get(f"{_OPF}event") or node.get("event") or "").lower()
            found = _date(_text(node))
            if found is not None:
                dates.setdefault(event, found)
    return dates


def _position(text: str | None) -> int | None:
    try:
        number = float(text) if text else None
    except ValueError:
        return None
    return int(number) if number is not None and number.is_integer() else None


def _calibre_series(metas: dict[str, str]) -> tuple[SeriesRef, ...]:
    name = metas.get("calibre:series", "").strip()
    if not name:
        return ()
    return (SeriesRef(name, _position(metas.get("calibre:series_index"))),)


def _collections(opf: XmlElement, refinements: dict[str, dict[str, str]]) -> tuple[SeriesRef, ...]:
    refs = []
    for node in _children(opf):
        if _local(node) != "meta" or node.get("property") != "belongs-to-collection":
            continue
        details = refinements.get(node.get("id") or "", {})
        if details.get("collection-type", "series") in ("series", "set") and _text(node):
            refs.append(SeriesRef(_text(node), _position(details.get("group-position"))))
    return tuple(refs)

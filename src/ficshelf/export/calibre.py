"""Works -> a folder calibre adds with its metadata intact (``calibredb add -r OUT_DIR``).

One folder per work holds the EPUB and, beside it, an OPF 2 file in calibre's own dialect
(``calibre:series``, ``calibre:series_index``, ``dc:subject`` per tag, an HTML
``dc:description``, the source URL as an identifier). How calibre uses it (calibre 6,
``db/adding.py`` and ``ebooks/metadata/meta.py``): when it scans a folder it groups files by
name without extension, and a group that holds an ``.opf`` takes its metadata from that OPF
when the OPF carries a ``calibre`` identifier; the OPF itself is not added as a format. The OPF
is therefore named after the EPUB (``<name>.opf``), not ``metadata.opf``: with ``add -r`` (one
book per name) a lone ``metadata.opf`` would be a book of its own, with no file, and the EPUB
would then be refused as its duplicate. A single-file ``calibredb add book.epub`` also reads
``book.opf`` beside it. The EPUB's own OPF carries the same metadata, for readers and for
calibre when the sidecar is lost.
"""

from __future__ import annotations

import functools
import html
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ficshelf.export.clean import printable_work
from ficshelf.export.epub import book_identifier, write_epub_stream
from ficshelf.export.files import file_stem, write_atomically
from ficshelf.export.preface import tag_values
from ficshelf.model import Work

_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_ROLE = f"{{{_OPF_NS}}}role"
_SCHEME = f"{{{_OPF_NS}}}scheme"
_SOURCE_URL = "Source URL"
# The package with calibre's namespace declarations; the metadata is added to its first child.
_SKELETON = (
    f'<package xmlns="{_OPF_NS}" unique-identifier="uuid_id" version="2.0">'
    f'<metadata xmlns:dc="{_DC_NS}" xmlns:opf="{_OPF_NS}"/><guide/></package>'
).encode()


@dataclass(frozen=True, slots=True)
class CalibreBookFiles:
    """What one work became: its folder, the EPUB and the sidecar OPF."""

    folder: Path
    epub: Path
    opf: Path


@dataclass(frozen=True, slots=True)
class _ExportSettings:
    status_tags: dict[str, str]
    producer: str


@functools.cache
def _settings() -> _ExportSettings:
    text = resources.files("ficshelf.data").joinpath("calibre.toml").read_text("utf-8")
    table = tomllib.loads(text)["export"]
    return _ExportSettings(dict(table["status_tags"]), str(table["producer"]))


def export_calibre_book(work: Work, work_id: int, out_dir: Path) -> CalibreBookFiles:
    """Write ``work`` as ``out_dir/<name>-<id>/<name>.epub`` plus ``<name>.opf``.

    Re-exporting replaces both files (atomically). Raises ExportError on I/O errors.
    """
    printable = printable_work(work)
    stem = file_stem(printable)
    folder = out_dir / f"{stem}-{work_id}"
    files = CalibreBookFiles(folder, folder / f"{stem}.epub", folder / f"{stem}.opf")
    write_atomically(files.epub, lambda stream: write_epub_stream(printable, stream))
    opf = calibre_opf(printable, work_id)

    def write_opf(stream: BinaryIO) -> None:
        stream.write(opf)

    write_atomically(files.opf, write_opf)
    return files


def calibre_opf(work: Work, work_id: int) -> bytes:
    """The OPF 2 metadata file calibre reads for ``work`` (as calibre writes its own).

    ``work_id`` fills the ``calibre`` identifier calibre requires before it trusts an OPF; on
    adding, calibre gives the book its own id, so any number does.
    """
    package = etree.fromstring(_SKELETON)
    metadata = package[0]
    book_uuid = book_identifier(work).removeprefix("urn:uuid:")
    _dc(metadata, "identifier", str(work_id), {_SCHEME: "calibre", "id": "calibre_id"})
    _dc(metadata, "identifier", book_uuid, {_SCHEME: "uuid", "id": "uuid_id"})
    _dc(metadata, "title", work.title)
    for author in work.authors:
        _dc(metadata, "creator", author, {_ROLE: "aut"})
    _dc(metadata, "contributor", _settings().producer, {_ROLE: "bkp"})
    if work.published is not None:
        _dc(metadata, "date", work.published.isoformat())
    if work.summary:
        _dc(metadata, "description", description_html(work.summary))
    if work.language:
        _dc(metadata, "language", work.language)
    if source := work.raw.extra.get(_SOURCE_URL):
        _dc(metadata, "identifier", source, {_SCHEME: "URL"})
    for tag in calibre_tags(work):
        _dc(metadata, "subject", tag)
    for name, content in _series_metas(work):
        etree.SubElement(metadata, f"{{{_OPF_NS}}}meta", name=name, content=content)
    return etree.tostring(package, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _dc(
    parent: etree._Element, name: str, text: str, attributes: dict[str, str] | None = None
) -> None:
    element = etree.SubElement(parent, f"{{{_DC_NS}}}{name}", attrib=attributes or {})
    element.text = text


def calibre_tags(work: Work) -> tuple[str, ...]:
    """calibre's tags for a work: every tag once (rating, warnings, categories, fandoms,
    relationships, characters, freeforms), then its status as FanFicFare words it."""
    names = [name for values in tag_values(work).values() for name in values]
    if work.status is not None:
        names.append(_settings().status_tags[work.status.value])
    return tuple(dict.fromkeys(name for name in names if name))


def description_html(summary: str) -> str:
    """The summary as calibre's comments hold it: HTML paragraphs."""
    paragraphs = [part.strip() for part in summary.split("\n\n") if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(html.escape(line) for line in part.splitlines()) + "</p>"
        for part in paragraphs
    )


def _series_metas(work: Work) -> list[tuple[str, str]]:
    """calibre keeps one series per book: the first."""
    if not work.series:
        return []
    series = work.series[0]
    index = series.position if series.position is not None else 1
    return [("calibre:series", series.name), ("calibre:series_index", str(index))]

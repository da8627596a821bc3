"""An EPUB's structure: ``META-INF/container.xml`` -> OPF package -> manifest, spine, TOC labels.

Only structure lives here (which member is which, in what order, under which TOC label); the
OPF's metadata is read by ``opf_metadata``. XML is parsed with entity resolution and network
access off, in recover mode, because EPUBs are untrusted and often slightly broken.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from ficshelf.errors import UnreadableFile
from ficshelf.model import Document
from ficshelf.parse.markup import decode_markup, elements, parse_html

_CONTAINER = "META-INF/container.xml"
_NCX_TYPE = "application/x-dtbncx+xml"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})

XmlElement = etree._Element


@dataclass(frozen=True, slots=True)
class ManifestItem:
    id: str
    path: str
    """Member name inside the zip, resolved against the OPF's folder."""
    media_type: str
    properties: frozenset[str] = frozenset()

    @property
    def is_document(self) -> bool:
        return self.media_type in _XHTML_TYPES or self.path.endswith((".xhtml", ".html", ".htm"))


@dataclass(frozen=True, slots=True)
class SpineItem:
    item: ManifestItem
    linear: bool = True


@dataclass(frozen=True, slots=True)
class Package:
    path: str
    """The EPUB file, for error messages."""
    opf_path: str
    opf: XmlElement
    manifest: Mapping[str, ManifestItem]
    spine: tuple[SpineItem, ...]
    toc_labels: Mapping[str, str]
    """Member path -> the first TOC (NCX or EPUB3 nav) label pointing into it."""
    guide: Mapping[str, str]
    """Member path -> guide reference type ("toc", "title-page", "cover", ...)."""
    members: Mapping[str, bytes]

    def document_text(self, item: ManifestItem) -> str:
        return decode_markup(self.members.get(item.path, b""))

    def documents(self) -> list[SpineItem]:
        """Spine entries that are (X)HTML documents present in the archive, in reading order."""
        return [s for s in self.spine if s.item.is_document and s.item.path in self.members]


def parse_xml(data: bytes) -> XmlElement | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return None


def open_package(doc: Document) -> Package:
    """Find and read the OPF package. Raises UnreadableFile when there is none to read."""
    members = doc.members
    opf_path = _opf_path(doc.path, members)
    opf = parse_xml(members[opf_path])
    if opf is None:
        raise UnreadableFile(doc.path, f"EPUB package file {opf_path} is not readable XML")
    manifest = _manifest(opf, opf_path, members)
    spine = _spine(opf, manifest)
    return Package(
        path=doc.path,
        opf_path=opf_path,
        opf=opf,
        manifest=manifest,
        spine=spine,
        toc_labels=_toc_labels(opf, manifest, members),
        guide=_guide(opf, opf_path),
        members=members,
    )


def _opf_path(path: str, members: Mapping[str, bytes]) -> str:
    container = members.get(_CONTAINER)
    declared = None
    if container is not None:
        root = parse_xml(container)
        if root is not None:
            paths = root.xpath("//*[local-name()='rootfile']/@full-path")
            declared = str(paths[0]) if isinstance(paths, list) and paths else None
    if declared is not None and declared in members:
        return declared
    opfs = sorted(name for name in members if name.lower().endswith(".opf"))
    if opfs:
        return opfs[0]  # container.xml missing or wrong, but the package is there
    if declared is not None:
        raise UnreadableFile(path, f"EPUB has no package file: container.xml names {declared}")
    raise UnreadableFile(path, "EPUB has no package file (no META-INF/container.xml, no .opf)")


def resolve(base_member: str, href: str) -> str:
    """A relative, URL-encoded href inside ``base_member`` -> member name (fragment dropped)."""
    target = unquote(href.split("#", 1)[0])
    joined = posixpath.join(posixpath.dirname(base_member), target)
    return posixpath.normpath(joined).lstrip("/")


def _by_local_name(root: XmlElement, name: str) -> list[XmlElement]:
    found = root.xpath(f"//*[local-name()='{name}']")
    return (
        [node for node in found if isinstance(node, etree._Element)]
        if isinstance(found, list)
        else []
    )


def _manifest(
    opf: XmlElement, opf_path: str, members: Mapping[str, bytes]
) -> dict[str, ManifestItem]:
    lowered = {name.lower(): name for name in members}
    items: dict[str, ManifestItem] = {}
    for node in _by_local_name(opf, "item"):
        item_id, href = node.get("id"), node.get("href")
        if not item_id or not href:
            continue
        path = resolve(opf_path, href)
        path = path if path in members else lowered.get(path.lower(), path)
        items[item_id] = ManifestItem(
            id=item_id,
            path=path,
            media_type=(node.get("media-type") or "").strip().lower(),
            properties=frozenset((node.get("properties") or "").split()),
        )
    return items


def _spine(opf: XmlElement, manifest: Mapping[str, ManifestItem]) -> tuple[SpineItem, ...]:
    entries = []
    for node in _by_local_name(opf, "itemref"):
        item = manifest.get(node.get("idref") or "")
        if item is not None:
            entries.append(SpineItem(item, linear=(node.get("linear") or "yes") != "no"))
    return tuple(entries)


def _guide(opf: XmlElement, opf_path: str) -> dict[str, str]:
    return {
        resolve(opf_path, node.get("href") or ""): (node.get("type") or "").lower()
        for node in _by_local_name(opf, "reference")
        if node.get("href")
    }


def _toc_labels(
    opf: XmlElement, manifest: Mapping[str, ManifestItem], members: Mapping[str, bytes]
) -> dict[str, str]:
    labels: dict[str, str] = {}
    for item in manifest.values():
        if "nav" in item.properties and item.path in members:
            labels.update(_nav_labels(item.path, members[item.path]))
    spine_toc = [n.get("toc") for n in _by_local_name(opf, "spine")]
    for item in manifest.values():
        is_ncx = item.media_type == _NCX_TYPE or item.id in spine_toc
        if is_ncx and item.path in members:
            for path, label in _ncx_labels(item.path, members[item.path]).items():
                labels.setdefault(path, label)
    return labels


def _ncx_labels(ncx_path: str, data: bytes) -> dict[str, str]:
    root = parse_xml(data)
    labels: dict[str, str] = {}
    if root is None:
        return labels
    for point in _by_local_name(root, "navPoint"):
        texts = point.xpath("./*[local-name()='navLabel']/*[local-name()='text']/text()")
        sources = point.xpath("./*[local-name()='content']/@src")
        if isinstance(texts, list) and texts and isinstance(sources, list) and sources:
            label = " ".join(str(texts[0]).split())
            labels.setdefault(resolve(ncx_path, str(sources[0])), label)
    return labels


def _nav_labels(nav_path: str, data: bytes) -> dict[str, str]:
    root = parse_html(decode_markup(data))
    navs = elements(root, "//nav")
    tocs = [nav for nav in navs if nav.get("epub:type") == "toc"] or navs[:1]
    labels: dict[str, str] = {}
    for nav in tocs:
        for link in elements(nav, ".//a[@href]"):
            label = " ".join(link.text_content().split())
            if label:
                labels.setdefault(resolve(nav_path, link.get("href") or ""), label)
    return labels

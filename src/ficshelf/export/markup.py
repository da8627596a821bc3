"""Story HTML and plain text -> markup that epubcheck and an HTML5 validator accept.

Chapter HTML arrives sanitized (nothing runs, nothing loads) but not necessarily valid:
HTML4 presentational elements, blocks inside inline elements, list items outside lists,
relative links to files an export does not carry. ``story_fragment`` parses it with
lxml.html and rewrites what HTML5 forbids by the rules in ``data/export/xhtml.toml``; the
``Fragment`` it returns serialises as XHTML (EPUB) or as HTML (the HTML export).
"""

from __future__ import annotations

import functools
import html
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

# Characters XML 1.0 cannot carry, plus C1 controls and noncharacters HTML forbids.
_NOT_XML = re.compile(
    "[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_INTEGER = re.compile(r"^-?\d{1,9}$")
_COLSPAN = re.compile(r"^[1-9]\d{0,2}$")
_ROWSPAN = re.compile(r"^\d{1,4}$")
_CSS_VALUE = re.compile(r"^[\w\s.,%#-]+$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\^{}|]")
# Children a definition list or table may have, in the order HTML5 requires.
_DL_ORDER = re.compile(r"^(?:(?:dt )+(?:dd )+)*$")
_TABLE_ORDER = re.compile(
    r"^(?:caption )?(?:colgroup )*(?:thead )?(?:(?:tbody )*|(?:tr )*)(?:tfoot )?$"
)
_ORDERED: Mapping[str, re.Pattern[str]] = {"dl": _DL_ORDER, "table": _TABLE_ORDER}


@dataclass(frozen=True, slots=True)
class _Rules:
    renamed: Mapping[str, tuple[str, str]]
    kept: frozenset[str]
    phrasing_only: frozenset[str]
    flow_only: frozenset[str]
    dropped_when_misplaced: frozenset[str]
    parents: Mapping[str, frozenset[str]]
    children: Mapping[str, frozenset[str]]
    attributes: Mapping[str, frozenset[str]]
    style_properties: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    raw = resources.files("ficshelf.data").joinpath("export/xhtml.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    elements = data["elements"]
    return _Rules(
        renamed={old: (new, css) for old, (new, css) in data["renamed"].items()},
        kept=frozenset(elements["kept"]),
        phrasing_only=frozenset(elements["phrasing_only"]),
        flow_only=frozenset(elements["flow_only"]),
        dropped_when_misplaced=frozenset(elements["dropped_when_misplaced"]),
        parents={tag: frozenset(names) for tag, names in data["parents"].items()},
        children={tag: frozenset(names) for tag, names in data["children"].items()},
        attributes={tag: frozenset(names) for tag, names in data["attributes"].items()},
        style_properties=frozenset(data["style"]["properties"]),
    )


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold (control codes...)."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Fragment:
    """Cleaned story markup: the children of ``root`` (a ``<div>`` that is not itself output)."""

    root: HtmlElement

    def xhtml(self) -> str:
        """Well-formed XHTML (``<br/>``, characters instead of entities) for EPUB documents."""
        return self._serialise(
            lambda node: etree.tostring(node, method="xml", encoding="unicode", with_tail=True)
        )

    def html(self) -> str:
        """HTML syntax (``<br>``) for the single-file HTML export."""
        return self._serialise(
            lambda node: lxml.html.tostring(node, method="html", encoding="unicode")
        )

    def _serialise(self, write: Callable[[HtmlElement], str]) -> str:
        parts = [html.escape(self.root.text or "", quote=False)]
        parts.extend(write(child) for child in self.root)
        return "".join(parts)


def story_fragment(markup: str) -> Fragment:
    """Sanitized story HTML as a Fragment that is valid XHTML5 and HTML5."""
    root = lxml.html.fragment_fromstring(xml_safe(markup), create_parent="div")
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(root.iterdescendants()):
        _normalise(element)
    for element in list(root.iterdescendants()):
        if _is_attached(element, root):
            _fit_structure(element, root)
    return Fragment(root)


def text_fragment(text: str) -> Fragment:
    """Plain story text as paragraphs (blank lines) with line breaks (single newlines)."""
    root = lxml.html.fragment_fromstring("<div></div>")
    for block in _PARAGRAPH_BREAK.split(xml_safe(text).strip()):
        if block.strip():
            _add_paragraph(root, block)
    return Fragment(root)


def _add_paragraph(root: HtmlElement, block: str) -> None:
    paragraph = etree.SubElement(root, "p")
    lines = [line.strip() for line in block.strip().split("\n")]
    paragraph.text = lines[0]
    for line in lines[1:]:
        etree.SubElement(paragraph, "br").tail = line


def _normalise(element: HtmlElement) -> None:
    """Rename obsolete elements, unwrap unknown ones, keep only valid attribute values."""
    rules = _rules()
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if tag in rules.renamed:
        tag, css = rules.renamed[tag]
        if css:
            element.set("class", css)
    if tag not in rules.kept:
        element.drop_tag()
        return
    element.tag = tag
    _clean_attributes(element)


def _clean_attributes(element: HtmlElement) -> None:
    rules = _rules()
    allowed = rules.attributes.get("*", frozenset()) | rules.attributes.get(
        element.tag, frozenset()
    )
    align = element.get("align")
    for name, value in list(element.attrib.items()):
        del element.attrib[name]
        cleaned = _attribute_value(name, value.strip()) if name in allowed else None
        if cleaned is not None:
            element.set(name, cleaned)
    if align and align.strip().lower() in {"left", "right", "center", "justify"}:
        style = element.get("style")
        alignment = f"text-align: {align.strip().lower()}"
        element.set("style", f"{style}; {alignment}" if style else alignment)


def _attribute_value(name: str, value: str) -> str | None:
    """The value to keep for an allowed attribute, or None when HTML5 would reject it."""
    checks: dict[str, Callable[[str], str | None]] = {
        "href": _url,
        "lang": lambda v: v if _LANGUAGE_TAG.match(v) else None,
        "dir": lambda v: v.lower() if v.lower() in {"ltr", "rtl", "auto"} else None,
        "style": _style,
        "start": lambda v: v if _INTEGER.match(v) else None,
        "value": lambda v: v if _INTEGER.match(v) else None,
        "type": lambda v: v if v in {"1", "a", "A", "i", "I"} else None,
        "reversed": lambda _v: "reversed",
        "colspan": lambda v: v if _COLSPAN.match(v) else None,
        "rowspan": lambda v: v if _ROWSPAN.match(v) else None,
        "scope": lambda v: (
            v.lower() if v.lower() in {"row", "col", "rowgroup", "colgroup"} else None
        ),
        "title": lambda v: v or None,
        "class": lambda v: v or None,
    }
    check = checks.get(name)
    return check(value) if check is not None else None


def _url(value: str) -> str | None:
    """Absolute web and mail links only: relative ones point at files an export lacks."""
    if _URL_FORBIDDEN.search(value) or _BAD_PERCENT.search(value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return None
    if parts.scheme in {"http", "https"} and parts.hostname:
        return value
    if parts.scheme == "mailto" and parts.path:
        return value
    return None


def _style(value: str) -> str | None:
    kept = []
    for declaration in value.split(";"):
        name, colon, setting = declaration.partition(":")
        name, setting = name.strip().lower(), setting.strip()
        if colon and name in _rules().style_properties and _CSS_VALUE.match(setting):
            kept.append(f"{name}: {setting}")
    return "; ".join(kept) or None


def _is_attached(element: HtmlElement, root: HtmlElement) -> bool:
    return any(ancestor is root for ancestor in element.iterancestors())


def _fit_structure(element: HtmlElement, root: HtmlElement) -> None:
    """Make ``element`` legal where it stands; parents are fixed before their children."""
    rules = _rules()
    tag = element.tag
    inline = _in_phrasing(element, root)
    if _misplaced(element, tag, inline, root):
        if tag in rules.dropped_when_misplaced:
            element.drop_tree()
            return
        _downgrade(element, inline)
    elif not _children_fit(element):
        _downgrade(element, inline)


def _misplaced(element: HtmlElement, tag: str, inline: bool, root: HtmlElement) -> bool:
    rules = _rules()
    parent = element.getparent()
    parent_tag = parent.tag if parent is not None and parent is not root else ""
    if inline and tag in rules.flow_only:
        return True
    if tag in rules.parents and parent_tag not in rules.parents[tag]:
        return True
    if tag == "summary" and parent is not None and _element_children(parent)[0] is not element:
        return True
    if tag == "a" and any(ancestor.tag == "a" for ancestor in _ancestors(element, root)):
        return True
    return tag == "bdo" and element.get("dir") not in {"ltr", "rtl"}


def _children_fit(element: HtmlElement) -> bool:
    """Containers with a fixed content model: only the allowed children, in order, no text."""
    allowed = _rules().children.get(element.tag)
    if allowed is None:
        return True
    children = _element_children(element)
    if any(child.tag not in allowed for child in children):
        return False
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return False
    order = _ORDERED.get(element.tag)
    return order is None or bool(order.match("".join(f"{child.tag} " for child in children)))


def _downgrade(element: HtmlElement, inline: bool) -> None:
    """Turn an element that cannot stand here into a plain container, keeping its text."""
    element.tag = "span" if inline else "div"
    global_attributes = _rules().attributes.get("*", frozenset())
    for name in list(element.attrib):
        if name not in global_attributes:
            del element.attrib[name]


def _in_phrasing(element: HtmlElement, root: HtmlElement) -> bool:
    phrasing = _rules().phrasing_only
    return any(ancestor.tag in phrasing for ancestor in _ancestors(element, root))


def _ancestors(element: HtmlElement, root: HtmlElement) -> list[HtmlElement]:
    found = []
    for ancestor in element.iterancestors():
        if ancestor is root:
            break
        found.append(ancestor)
    return found


def _element_children(element: HtmlElement) -> list[HtmlElement]:
    return [child for child in element if isinstance(child.tag, str)]

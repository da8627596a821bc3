"""AO3's "Download > HTML" file (and the same markup inside AO3's EPUB) -> RawWork.

Layout read here, in every template generation we know of: a preface (``dl.tags`` of labelled
fields, ``h1`` title, ``.byline``, "Summary"/"Notes" paragraphs each labelling the
``blockquote`` after it), ``#chapters`` (per chapter an ``h2`` heading, labelled summary and
notes, a ``div.userstuff`` body, then "Chapter End Notes"), and an afterword ("End Notes",
"Works inspired by this one"). Labels are matched through ``data/ao3_labels.toml``; structure
is matched loosely (calibre renames classes to ``userstuff1``, ``calibre7`` ...), so one walker
reads both the download and the EPUB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ficshelf.errors import NotAStory
from ficshelf.model import Document, RawChapter, RawWork
from ficshelf.parse.ao3_labels import ao3_labels
from ficshelf.parse.ao3_preface import (
    Ao3Facts,
    byline_authors,
    chapter_title,
    related_work_label,
    to_raw_work,
)
from ficshelf.parse.html_text import contents_to_text
from ficshelf.parse.markup import (
    child_elements,
    classes,
    elements,
    first,
    has_class,
    inner_html_of,
    parse_html,
    previous_element,
    text_of,
)
from ficshelf.parse.sanitize import sanitize_html

_BODY_CLASS = re.compile(r"^userstuff\d*$")
_HEADINGS = frozenset({"h1", "h2", "h3"})
_PREFACE_DL = f"//dl[{has_class('.', 'tags')}]"
_CHAPTERS = "//*[@id='chapters']"


def looks_like_ao3_download(html: str) -> bool:
    """Cheap check for the dispatcher: an AO3 preface tag list plus AO3's own wording."""
    head = html[:20000]
    return 'class="tags"' in head and ao3_labels().phrases["site_name"] in head


def parse_ao3_html(doc: Document) -> RawWork:
    """Parse an AO3 HTML download. Raises NotAStory when the AO3 preface is missing."""
    return read_ao3_download(parse_html(doc.text), path=doc.path, encoding=doc.encoding)


def read_ao3_download(
    root: HtmlElement, *, path: str, encoding: str | None, fmt: str = "ao3-html"
) -> RawWork:
    """Read an already parsed AO3 download tree; the EPUB parser passes its merged spine here."""
    tags = first(root, _PREFACE_DL)
    if tags is None:
        raise NotAStory(path, "no AO3 preface (the tag list) in this file")
    facts = Ao3Facts()
    _read_tag_list(tags, facts)
    _read_front_matter(root, facts)
    _read_related_works(root, facts)
    chapters = _read_chapters(root, facts.title)
    return to_raw_work(facts, chapters, path=path, fmt=fmt, encoding=encoding)


def _read_tag_list(tags: HtmlElement, facts: Ao3Facts) -> None:
    labels = ao3_labels()
    label: str | None = None
    for item in child_elements(tags):
        if item.tag == "dt":
            label = labels.field_for(text_of(item))
        elif item.tag == "dd" and label is not None:
            facts.read_field(label, item)


def _outside_chapters(root: HtmlElement, xpath: str) -> list[HtmlElement]:
    return [
        found
        for found in elements(root, xpath)
        if not any(ancestor.get("id") == "chapters" for ancestor in found.iterancestors())
    ]


def _read_front_matter(root: HtmlElement, facts: Ao3Facts) -> None:
    headings = _outside_chapters(root, "//h1")
    facts.title = text_of(headings[0]) if headings else _fallback_title(root)
    bylines = _outside_chapters(root, f"//*[{has_class('.', 'byline')}]")
    if bylines:
        facts.authors = byline_authors(bylines[0])
    for quote in _outside_chapters(root, "//blockquote"):
        section = _section_of(quote)
        if section in ("summary", "notes", "end_notes"):
            text = contents_to_text([quote]).strip() or None
            setattr(facts, section, text)
    for link in elements(root, f"//p[{has_class('.', 'message')}]//a[contains(@href, '/works/')]"):
        facts.extra.setdefault("Source URL", link.get("href") or "")


def _fallback_title(root: HtmlElement) -> str | None:
    bold = first(root, f"//p[{has_class('.', 'message')}]/b")
    if bold is not None:
        return text_of(bold) or None
    title = first(root, "//title")
    if title is None:
        return None
    return text_of(title).split(" - ")[0] or None


def _section_of(quote: HtmlElement) -> str | None:
    """The section a blockquote holds, named by the <p> just before it ("Chapter Notes")."""
    label = previous_element(quote)
    if label is None or label.tag != "p":
        return None
    return ao3_labels().section_for(text_of(label))


def _read_related_works(root: HtmlElement, facts: Ao3Facts) -> None:
    """Translations, "Inspired by" and "Works inspired by this one" go to ``extra``."""
    for item in _outside_chapters(root, "//li"):
        line = text_of(item)
        label = related_work_label(line)
        if label:
            facts.add_extra(label, line)
    for term in _outside_chapters(root, "//dl/dt"):
        label = related_work_label(text_of(term))
        if not label:
            continue
        for value in elements(term, "following-sibling::dd"):
            facts.add_extra(label, text_of(value))


@dataclass(slots=True)
class _ChapterDraft:
    title: str | None
    bodies: list[HtmlElement] = field(default_factory=list)
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None

    def finish(self) -> RawChapter:
        return RawChapter(
            title=self.title,
            text=contents_to_text(self.bodies),
            html=sanitize_html(inner_html_of(self.bodies)),
            summary=self.summary,
            notes=self.notes,
            end_notes=self.end_notes,
        )


def _read_chapters(root: HtmlElement, work_title: str | None) -> list[RawChapter]:
    drafts: list[_ChapterDraft] = []
    for region in elements(root, _CHAPTERS):
        for kind, element in _chapter_events(region):
            if kind == "heading":
                drafts.append(_ChapterDraft(title=chapter_title(text_of(element))))
                continue
            if not drafts:
                drafts.append(_ChapterDraft(title=None))
            if kind == "body":
                drafts[-1].bodies.append(element)
            else:
                _attach_section(drafts[-1], element)
    drafts = [draft for draft in drafts if draft.bodies or draft.summary or draft.notes]
    if len(drafts) == 1 and drafts[0].title == work_title:
        drafts[0].title = None  # single-chapter downloads repeat the work title as a heading
    return [draft.finish() for draft in drafts]


def _attach_section(draft: _ChapterDraft, quote: HtmlElement) -> None:
    section = _section_of(quote)
    text = contents_to_text([quote]).strip() or None
    if section == "chapter_summary":
        draft.summary = text
    elif section == "chapter_notes":
        draft.notes = text
    elif section == "chapter_end_notes":
        draft.end_notes = text


def _chapter_events(element: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """Headings, labelled blockquotes and story bodies inside ``#chapters``, in reading order.

    Bodies are not entered, so a heading inside the story text never starts a chapter.
    """
    for child in child_elements(element):
        if child.tag in _HEADINGS:
            yield "heading", child
        elif child.tag == "blockquote":
            yield "section", child
        elif child.tag == "div" and any(_BODY_CLASS.match(name) for name in classes(child)):
            yield "body", child
        else:
            yield from _chapter_events(child)

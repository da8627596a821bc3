"""An AO3 work page saved from the browser -> RawWork.

The metadata sits in ``dl.work.meta.group`` (each ``dd`` classed by what it holds), the preface
in ``div.preface.group`` (``h2.title``, ``h3.byline``, summary and notes modules), the story in
``#chapters`` (one ``div.chapter`` per chapter when the page shows the whole work, or a bare
``div.userstuff`` for a one-chapter work). Pages AO3 serves instead of a work (404, log-in wall,
unrevealed collection, adult-content notice) hold no story: they raise NotAStory saying which.
"""

from __future__ import annotations

import re

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

_META = f"//dl[{has_class('.', 'work')} and {has_class('.', 'meta')}]"
_NOT_IN_CHAPTERS = "not(ancestor::*[@id='chapters'])"
_WHY_NO_STORY = {
    "deleted": "the work was deleted or never existed (AO3 answered 404)",
    "locked": "the work is locked to logged-in users",
    "hidden": "the work is hidden until its collection reveals it",
    "adult": "it was saved at the adult-content notice, before 'Yes, Continue'",
}
_WORK_ID = re.compile(r"/(?:works|downloads)/(\d+)")


def looks_like_ao3_workpage(html: str) -> bool:
    """Cheap check for the dispatcher: AO3's page chrome (title suffix or work meta list)."""
    site = re.escape(ao3_labels().phrases["site_name"])
    chrome = re.compile(rf"<title>[^<]*(?:\|\s*{site}|\[{site}\])\s*</title>", re.IGNORECASE)
    return 'class="work meta group"' in html or chrome.search(html) is not None


def parse_ao3_workpage(doc: Document) -> RawWork:
    """Parse a saved AO3 work page; NotAStory for locked, hidden, deleted or adult-gate pages."""
    root = parse_html(doc.text)
    meta = first(root, _META)
    story = first(root, "//*[@id='chapters']")
    if meta is None or story is None:
        raise NotAStory(doc.path, f"AO3 page without the story: {_why_no_story(root)}")
    facts = Ao3Facts()
    _read_meta(meta, facts)
    _read_preface(root, facts)
    chapters = _read_chapters(story)
    return to_raw_work(facts, chapters, path=doc.path, fmt="ao3-workpage", encoding=doc.encoding)


def _why_no_story(root: HtmlElement) -> str:
    main = first(root, "//*[@id='main']")
    page = text_of(main if main is not None else root).casefold()
    for reason, phrases in ao3_labels().pages.items():
        if any(phrase.casefold() in page for phrase in phrases):
            return _WHY_NO_STORY[reason]
    return "no work metadata or chapters on it"


def _read_meta(meta: HtmlElement, facts: Ao3Facts) -> None:
    labels = ao3_labels()
    for value in elements(meta, "./dd"):
        name = next(
            (labels.workpage_classes[c] for c in classes(value) if c in labels.workpage_classes),
            None,
        )
        if name is None:
            term = previous_element(value)
            name = labels.field_for(text_of(term)) if term is not None else None
        if name is not None:
            facts.read_field(name, value)


def _module_text(root: HtmlElement, xpath: str) -> str | None:
    quote = first(root, xpath)
    return (contents_to_text([quote]).strip() or None) if quote is not None else None


def _read_preface(root: HtmlElement, facts: Ao3Facts) -> None:
    title = first(root, f"//h2[{has_class('.', 'title')}][{_NOT_IN_CHAPTERS}]")
    facts.title = text_of(title) if title is not None else None
    byline = first(root, f"//h3[{has_class('.', 'byline')}][{_NOT_IN_CHAPTERS}]")
    if byline is not None:
        facts.authors = byline_authors(byline)
    summary = f"//div[{has_class('.', 'summary')}][{_NOT_IN_CHAPTERS}]//blockquote"
    notes = (
        f"//div[{has_class('.', 'notes')}][not({has_class('.', 'end')})]"
        f"[{_NOT_IN_CHAPTERS}]//blockquote"
    )
    end_notes = "//div[@id='work_endnotes']//blockquote"
    facts.summary = _module_text(root, summary)
    facts.notes = _module_text(root, notes)
    facts.end_notes = _module_text(root, end_notes)
    for item in elements(root, f"//ul[{has_class('.', 'associations')}]/li"):
        line = text_of(item)
        facts.add_extra(related_work_label(line) or "Related works", line)
    for item in elements(root, "//*[@id='children']//li"):
        facts.add_extra("Works inspired by this one", text_of(item))
    _read_source_url(root, facts)


def _read_source_url(root: HtmlElement, facts: Ao3Facts) -> None:
    for link in elements(root, f"//ul[{has_class('.', 'navigation')}]//a[@href]"):
        found = _WORK_ID.search(link.get("href") or "")
        if found:
            facts.extra["Source URL"] = f"https://archiveofourown.org/works/{found[1]}"
            return


def _read_chapters(story: HtmlElement) -> list[RawChapter]:
    parts = elements(story, f".//div[{has_class('.', 'chapter')}][starts-with(@id, 'chapter-')]")
    if not parts:
        body = first(story, f".//div[{has_class('.', 'userstuff')}]")
        return [_chapter(None, body)] if body is not None else []
    return [_chapter_from_part(part) for part in parts]


def _chapter_from_part(part: HtmlElement) -> RawChapter:
    heading = first(part, f".//h3[{has_class('.', 'title')}]")
    body = first(part, f".//div[{has_class('.', 'userstuff')}]")
    end = f".//div[{has_class('.', 'end')} and {has_class('.', 'notes')}]//blockquote"
    begin = f".//div[{has_class('.', 'notes')}][not({has_class('.', 'end')})]//blockquote"
    return _chapter(
        chapter_title(text_of(heading)) if heading is not None else None,
        body,
        summary=_module_text(part, f".//div[{has_class('.', 'summary')}]//blockquote"),
        notes=_module_text(part, begin),
        end_notes=_module_text(part, end),
    )


def _chapter(
    title: str | None,
    body: HtmlElement | None,
    *,
    summary: str | None = None,
    notes: str | None = None,
    end_notes: str | None = None,
) -> RawChapter:
    if body is not None:
        for landmark in elements(body, f"./h3[{has_class('.', 'landmark')}]"):
            landmark.drop_tree()  # the hidden "Chapter Text" heading for screen readers
    bodies = [] if body is None else [body]
    return RawChapter(
        title=title,
        text=contents_to_text(bodies),
        html=sanitize_html(inner_html_of(bodies)),
        summary=summary,
        notes=notes,
        end_notes=end_notes,
    )

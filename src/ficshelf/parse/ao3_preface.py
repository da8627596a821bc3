"""The pieces of AO3 metadata every AO3 shape shares: tag lists, stats, series, bylines.

AO3's HTML download, the preface page inside its EPUB, and a work page saved from the browser
all print the same facts with slightly different markup. The functions here take the element
that holds one fact and return it as written, so each format parser only has to find elements.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ficshelf.model import RawChapter, RawWork, SeriesRef, Status
from ficshelf.parse.ao3_labels import ao3_labels, normalize_label
from ficshelf.parse.dates import parse_date
from ficshelf.parse.language import language_code
from ficshelf.parse.markup import classes, elements, is_element, text_of

TAG_FIELDS = (
    "rating",
    "warnings",
    "categories",
    "fandoms",
    "relationships",
    "characters",
    "freeforms",
)
_CHAPTERS = re.compile(r"^\s*(\d[\d,]*)\s*(?:/\s*(\d[\d,]*|\?))?")


@dataclass(frozen=True, slots=True)
class Stats:
    """The Stats line. ``chapters_expected`` is None for "?"; dates are as stated."""

    published: dt.date | None = None
    updated: dt.date | None = None
    completed: dt.date | None = None
    words: int | None = None
    chapter_count: int | None = None
    chapters_expected: int | None = None
    chapters_open: bool = False

    @property
    def status(self) -> str | None:
        """Complete when AO3 says Completed or n/n; in progress for n/m with m > n or n/?."""
        if self.completed is not None:
            return Status.COMPLETE.value
        if self.chapter_count is None:
            return None
        if self.chapters_open:
            return Status.IN_PROGRESS.value
        if self.chapters_expected is not None and self.chapters_expected > self.chapter_count:
            return Status.IN_PROGRESS.value
        return Status.COMPLETE.value

    @property
    def last_change(self) -> dt.date | None:
        return self.completed or self.updated


@dataclass(slots=True)
class Ao3Facts:
    """Everything an AO3 preface or work page states, gathered before building the RawWork."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    series: tuple[SeriesRef, ...] = ()
    language: str | None = None
    stats: Stats = field(default_factory=Stats)
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def read_field(self, name: str, value: HtmlElement) -> None:
        """Store the <dd> of one labelled preface field (``name`` from the label table)."""
        if name in TAG_FIELDS:
            self.tags[name] = self.tags.get(name, ()) + tag_values(value)
        elif name == "language":
            self.language = text_of(value) or None
        elif name == "series":
            self.series += series_refs(value)
        elif name == "collections":
            self.extra["Collections"] = ", ".join(tag_values(value))
        elif name == "stats":
            # itertext keeps "<dd>2020-01-01</dd><dt>Words:</dt>" from running together
            self.stats = parse_stats(" ".join(value.itertext()))

    def add_extra(self, label: str, line: str) -> None:
        """Append a line to an extra field (several translations, several inspirations)."""
        if not line:
            return
        previous = self.extra.get(label)
        self.extra[label] = f"{previous}\n{line}" if previous else line


def to_raw_work(
    facts: Ao3Facts,
    chapters: Iterable[RawChapter],
    *,
    path: str,
    fmt: str,
    encoding: str | None,
) -> RawWork:
    """One place where AO3 facts become a RawWork, so every AO3 format maps fields alike."""
    code = language_code(facts.language)
    extra = dict(facts.extra)
    if facts.language and code is None:
        extra["Language"] = facts.language
    ratings = facts.tags.get("rating", ())
    if len(ratings) > 1:
        extra["Ratings"] = ", ".join(ratings)
    return RawWork(
        path=path,
        format=fmt,
        encoding=encoding,
        origin="ao3",
        title=facts.title,
        authors=facts.authors,
        fandoms=facts.tags.get("fandoms", ()),
        rating=ratings[0] if ratings else None,
        warnings=facts.tags.get("warnings", ()),
        categories=facts.tags.get("categories", ()),
        relationships=facts.tags.get("relationships", ()),
        characters=facts.tags.get("characters", ()),
        freeforms=facts.tags.get("freeforms", ()),
        summary=facts.summary,
        notes=facts.notes,
        end_notes=facts.end_notes,
        series=facts.series,
        language=code,
        words=facts.stats.words,
        chapter_count=facts.stats.chapter_count,
        chapters_expected=facts.stats.chapters_expected,
        status=facts.stats.status,
        published=facts.stats.published,
        updated=facts.stats.last_change,
        chapters=tuple(chapters),
        extra=extra,
    )


def tag_values(value: HtmlElement) -> tuple[str, ...]:
    """One string per tag: the link texts, or the comma-separated text when nothing is linked.

    AO3 forbids commas inside tag names, so splitting unlinked text on commas is safe.
    """
    links = [text_of(link) for link in elements(value, ".//a")]
    names = links if links else text_of(value).split(",")
    return tuple(name for name in (" ".join(n.split()) for n in names) if name)


def parse_stats(text: str) -> Stats:
    """Read "Published: 2020-01-01 Completed: 2020-02-02 Words: 1,234 Chapters: 3/3"."""
    values = _labelled_values(text, ao3_labels().stat_labels())
    published = parse_date(values.get("published", ""))
    updated = parse_date(values.get("updated", ""))
    completed = parse_date(values.get("completed", ""))
    words = _number(values.get("words", ""))
    count, expected, open_ended = _chapters(values.get("chapters", ""))
    return Stats(published, updated, completed, words, count, expected, open_ended)


def _labelled_values(text: str, labels: Iterable[str]) -> dict[str, str]:
    """Split "A: 1 B: 2" on the known labels; map each stat name to the text after its label."""
    table = ao3_labels().stats
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w])({alternatives})\s*:", re.IGNORECASE)
    found = list(pattern.finditer(text))
    values: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        name = table[normalize_label(match.group(1))]
        values.setdefault(name, text[match.end() : end].strip())
    return values


def _number(text: str) -> int | None:
    digits = re.match(r"\s*(\d[\d,.\s]*)", text)
    if not digits:
        return None
    cleaned = re.sub(r"[,.\s]", "", digits.group(1))
    return int(cleaned) if cleaned else None


def _chapters(text: str) -> tuple[int | None, int | None, bool]:
    match = _CHAPTERS.match(text)
    if not match:
        return None, None, False
    count = int(match[1].replace(",", ""))
    total = match[2]
    if total is None:
        return count, None, False
    if total == "?":
        return count, None, True
    return count, int(total.replace(",", "")), False


def series_refs(value: HtmlElement) -> tuple[SeriesRef, ...]:
    """ "Part 2 of <a>Name</a>, Part 1 of <a>Other</a>" -> SeriesRef per series link."""
    part = re.escape(ao3_labels().phrases["series_part"])
    of = re.escape(ao3_labels().phrases["series_of"])
    position = re.compile(rf"{part}\s+(\d+)\s+{of}\s*$", re.IGNORECASE)
    refs: list[SeriesRef] = []
    preceding = ""
    for run in _text_and_links(value):
        if isinstance(run, str):
            preceding += run
            continue
        if not _is_series_link(run):
            preceding = ""
            continue
        found = position.search(preceding.strip())
        name = text_of(run)
        if name:
            refs.append(SeriesRef(name, int(found[1]) if found else None))
        preceding = ""
    if not refs:
        return _series_from_text(text_of(value), part, of)
    return tuple(refs)


def _series_from_text(text: str, part: str, of: str) -> tuple[SeriesRef, ...]:
    pattern = re.compile(rf"{part}\s+(\d+)\s+{of}\s+(.+?)(?=,\s*{part}\s+\d|$)", re.IGNORECASE)
    return tuple(SeriesRef(m[2].strip(), int(m[1])) for m in pattern.finditer(text))


def _is_series_link(link: HtmlElement) -> bool:
    href = link.get("href") or ""
    wanted = not (classes(link) & {"next", "previous"})
    return wanted and ("/series/" in href or not href.startswith(("http", "/")))


def _text_and_links(element: HtmlElement) -> Iterator[str | HtmlElement]:
    """The element's text runs and <a> elements, in reading order."""
    if element.text:
        yield element.text
    for child in element:
        if is_element(child):
            if child.tag == "a":
                yield child
            else:
                yield from _text_and_links(child)
        if child.tail:
            yield child.tail


def byline_authors(byline: HtmlElement) -> tuple[str, ...]:
    """Author names as the byline shows them ("pseud (user)" stays whole), in order."""
    links = [text_of(link) for link in elements(byline, ".//a")]
    if links:
        return tuple(name for name in links if name)
    text = text_of(byline)
    for prefix in ao3_labels().phrase_list("byline_prefix"):
        if text.casefold().startswith(prefix.casefold() + " "):
            text = text[len(prefix) :].strip()
    parts = re.split(r",\s*|\s+and\s+", text)
    return tuple(part.strip() for part in parts if part.strip())


def chapter_title(heading_text: str) -> str | None:
    """ "Chapter 3: The Lake" -> "The Lake"; "Chapter 3" stays (AO3 shows it for untitled ones)."""
    text = " ".join(heading_text.split())
    words = "|".join(re.escape(word) for word in ao3_labels().phrase_list("chapter_word"))
    match = re.match(rf"^(?:{words})\s+\d+\s*[:.]\s*(.+)$", text, re.IGNORECASE)
    if match:
        return match[1].strip()
    return text or None


def related_work_label(line: str) -> str | None:
    """Which extra field a related-work line belongs to ("Translation into ..." -> label)."""
    folded = normalize_label(line)
    for phrase_key, label in _RELATED_LABELS.items():
        for phrase in ao3_labels().phrase_list(phrase_key):
            if folded.startswith(normalize_label(phrase)):
                return label
    return None


_RELATED_LABELS: Mapping[str, str] = {
    "translation_into": "Translations",
    "translation_of": "Translation of",
    "inspired_by": "Inspired by",
    "works_inspired": "Works inspired by this one",
}

"""A small seeded library of wrangled works, and the obvious slow answer to any query over it.

Tags carry written forms ("KakaIru" for "Hatake Kakashi/Umino Iruka"), so synonyms are
exercised; ``META`` lists meta tags the tests record in ``tag_parents``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Iterable

from library_helpers import make_work

from ficshelf.library import Library, SourceFile
from ficshelf.model import Category, Rating, RawChapter, Status, TagRef, TagType, Warning, Work
from ficshelf.search import Query
from ficshelf.search.ast import (
    And,
    AuthorFilter,
    CategoryFilter,
    Filter,
    IdFilter,
    LanguageFilter,
    Not,
    Or,
    Phrase,
    RangeField,
    RangeFilter,
    SeriesFilter,
    StatusFilter,
    TagFilter,
    TextQuery,
    TitleFilter,
    WarningFilter,
    Word,
)
from ficshelf.search.indexed import title_words

# canonical name -> written forms
TAGS: dict[TagType, dict[str, tuple[str, ...]]] = {
    TagType.FANDOM: {"Naruto": ("naruto", "NARUTO"), "Bleach": ("Bleach",), "Sherlock": ("BBC",)},
    TagType.RELATIONSHIP: {
        "Hatake Kakashi/Umino Iruka": ("Kakashi/Iruka", "KakaIru"),
        "Nara Shikamaru/Temari": ("ShikaTema",),
        "John Watson/Sherlock Holmes": ("Johnlock",),
    },
    TagType.CHARACTER: {
        "Hatake Kakashi": ("Kakashi",),
        "Umino Iruka": ("Iruka",),
        "Temari": ("Temari",),
        "John Watson": ("John",),
    },
    TagType.FREEFORM: {
        "Angst": ("angst", "ANGST"),
        "Hurt/Comfort": ("h/c", "hurt comfort"),
        "Fluff": ("fluffy",),
        "Alternate Universe": ("AU",),
        "Alternate Universe - Coffee Shop": ("coffee shop au",),
        "Torture": ("torture",),
    },
}
# (type, sub-tag, meta tag)
META = ((TagType.FREEFORM, "Alternate Universe - Coffee Shop", "Alternate Universe"),)
AUTHORS = ("Saltmarsh", "Inkwell", "Éclair Writes", "owl")
SERIES = ("Festival Nights", "Rainy Days")
WORDS = ("rain", "roof", "lantern", "river", "quiet", "harbor")
WORDS += ("morning", "letter", "glass", "café", "naïve", "storm")


def seeded_works(count: int, seed: int = 5) -> list[Work]:
    rng = random.Random(seed)
    return [_work(rng, number) for number in range(count)]


def _work(rng: random.Random, number: int) -> Work:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40)))
    if rng.random() < 0.2:
        text += " and the rain on the roof kept on."
    if rng.random() < 0.05:
        text += " <script>alert('x')</script>"
    published = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 4000))
    return make_work(
        title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {number}",
        text=text,
        authors=tuple(rng.sample(AUTHORS, rng.choice((1, 1, 2)))),
        fandoms=_tags(rng, TagType.FANDOM, 1, 2),
        relationships=_tags(rng, TagType.RELATIONSHIP, 0, 2),
        characters=_tags(rng, TagType.CHARACTER, 0, 3),
        freeforms=_tags(rng, TagType.FREEFORM, 0, 3),
        rating=rng.choice(list(Rating)),
        warnings=tuple(rng.sample(list(Warning), rng.choice((1, 1, 2)))),
        categories=tuple(rng.sample(list(Category), rng.choice((1, 2)))),
        summary=rng.choice(("A quiet morning.", "Storm at the harbor.", None)),
        series=(),
        language=rng.choice(("en", "en", "de")),
        words=rng.randint(100, 50_000),
        chapters=tuple(RawChapter(f"{i}", text) for i in range(rng.randint(1, 3))),
        status=rng.choice((Status.COMPLETE, Status.IN_PROGRESS, None)),
        published=published,
        updated=None if rng.random() < 0.1 else published + dt.timedelta(days=rng.randint(0, 99)),
    )


def _tags(rng: random.Random, tag_type: TagType, low: int, high: int) -> tuple[TagRef, ...]:
    names = rng.sample(sorted(TAGS[tag_type]), rng.randint(low, high))
    return tuple(TagRef(tag_type, name, rng.choice(TAGS[tag_type][name]), "kb") for name in names)


def store(library: Library, works: Iterable[Work]) -> dict[int, Work]:
    stored: dict[int, Work] = {}
    for number, work in enumerate(works):
        source = SourceFile(f"/stories/{number}.txt", f"hash{number}", 100)
        stored[library.add_work(work, source)] = work
    link_meta_tags(library)
    return stored


def link_meta_tags(library: Library) -> None:
    with library.database.transaction() as connection:
        for tag_type, child, parent in META:
            ids = [
                connection.execute(
                    "SELECT id FROM tags WHERE type = ? AND name = ?", (tag_type.value, name)
                ).fetchone()[0]
                for name in (child, parent)
            ]
            connection.execute(
                "INSERT INTO tag_parents (tag_id, parent_id) VALUES (?, ?) "
                "ON CONFLICT (tag_id, parent_id) DO NOTHING",
                ids,
            )


# --- the slow, obvious answer ---------------------------------------------------------------


def brute_force(works: dict[int, Work], query: Query) -> set[int]:
    return {
        work_id
        for work_id, work in works.items()
        if all(_matches(work_id, work, item) for item in query.include)
        and not any(_matches(work_id, work, item) for item in query.exclude)
        and (query.text is None or _text(work, query.text))
        and (query.text_exclude is None or not _text(work, query.text_exclude))
    }


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def family(tag_type: TagType | None, name: str) -> set[tuple[TagType, str]]:
    """Canonical tags a name stands for (by canonical name or written form), plus sub-tags."""
    found = {
        (kind, canonical)
        for kind, table in TAGS.items()
        for canonical, written in table.items()
        if tag_type in (None, kind) and _fold(name) in {_fold(w) for w in (canonical, *written)}
    }
    found |= {(kind, child) for kind, child, parent in META if (kind, parent) in found}
    return found


def _matches(work_id: int, work: Work, item: Filter) -> bool:
    match item:
        case TagFilter(tag_type, names):
            wanted = set().union(*(family(tag_type, name) for name in names))
            return bool(wanted & {(tag.type, tag.name) for tag in work.tags})
        case WarningFilter(warnings):
            return bool(set(warnings) & set(work.warnings))
        case CategoryFilter(categories):
            return bool(set(categories) & set(work.categories))
        case RangeFilter(field, intervals):
            value = _range_value(work, field)
            return value is not None and any(i.contains(value) for i in intervals)
        case LanguageFilter(codes):
            return work.language in codes
        case StatusFilter(complete):
            return work.status is not None and (work.status is Status.COMPLETE) == complete
        case AuthorFilter(names):
            return bool({_fold(n) for n in names} & {_fold(a) for a in work.authors})
        case SeriesFilter(names):
            return bool({_fold(n) for n in names} & {_fold(s.name) for s in work.series})
        case TitleFilter(words):
            return set(words) <= title_words(work.title)
        case IdFilter(ids):
            return work_id in ids


def _range_value(work: Work, field: RangeField) -> int | None:
    day = {RangeField.PUBLISHED: work.published, RangeField.UPDATED: work.updated}.get(field)
    return {
        RangeField.RATING: work.rating.rank,
        RangeField.WORDS: work.words,
        RangeField.CHAPTERS: len(work.chapters),
    }.get(field, day.toordinal() if day else None)


def _tokens(text: str) -> list[str]:
    words = re.findall(r"[^\W_]+", text.lower())
    return [
        "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
        for w in words
    ]


def _text(work: Work, query: TextQuery) -> bool:
    columns = [
        _tokens(work.title),
        _tokens(work.summary or ""),
        _tokens("\n\n".join(chapter.text for chapter in work.chapters)),
    ]
    return _holds(columns, query)


def _holds(columns: list[list[str]], query: TextQuery) -> bool:
    match query:
        case Word(text, prefix):
            return _sequence(columns, _tokens(text), prefix)
        case Phrase(text):
            return _sequence(columns, _tokens(text), False)
        case Or(items):
            return any(_holds(columns, item) for item in items)
        case And(items):
            return all(
                not _holds(columns, item.item) if isinstance(item, Not) else _holds(columns, item)
                for item in items
            )
        case Not(item):
            return not _holds(columns, item)


def _sequence(columns: list[list[str]], wanted: list[str], prefix: bool) -> bool:
    if not wanted:
        return False
    for tokens in columns:
        for start in range(len(tokens) - len(wanted) + 1):
            window = tokens[start : start + len(wanted)]
            if window[:-1] == wanted[:-1] and (
                window[-1].startswith(wanted[-1]) if prefix else window[-1] == wanted[-1]
            ):
                return True
    return False

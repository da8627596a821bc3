"""wrangle stage: RawWork (metadata as written) -> Work (canonical tags, each with its reason).

``wrangle`` is pure: the knowledge base and the user's rules come in, a ``Work`` comes out.
Files from AO3 carry AO3's own wrangled tags and are trusted as they are; free-form headers
are read for what a careful fan would take from them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ficshelf.model import Rating, RawWork, Work
from ficshelf.parse.language import detect_language, language_code
from ficshelf.parse.words import chapter_words
from ficshelf.vocab import rating_from, status_from
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.header import wrangle_header_tags
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule, apply_rules
from ficshelf.wrangle.trusted import wrangle_ao3_tags

__all__ = ["KnowledgeBase", "Rule", "wrangle"]

# Sources whose tags are already canonical names: AO3's wrangling, and ficshelf's own exports.
_CANONICAL_ORIGINS = frozenset({"ao3", "ficshelf"})


def wrangle(raw: RawWork, kb: KnowledgeBase | None = None, rules: Sequence[Rule] = ()) -> Work:
    """The canonical ``Work`` for ``raw``; ``kb`` defaults to the shipped knowledge base."""
    kb = kb if kb is not None else KnowledgeBase.default()
    if raw.origin in _CANONICAL_ORIGINS:
        tags = wrangle_ao3_tags(raw, kb, rules)
    else:
        tags = wrangle_header_tags(raw, kb, rules, resolver_for(kb))
    rating = rating_from(raw.rating)
    decisions = list(tags.decisions)
    if raw.rating and rating is None:
        decisions.append(f"rating {raw.rating!r} is not a known rating: Not Rated")
    return Work(
        raw=raw,
        title=(raw.title or "").strip() or "Untitled",
        authors=raw.authors,
        fandoms=apply_rules(tags.fandoms, rules),
        rating=rating or Rating.NOT_RATED,
        warnings=tuple(tags.warnings),
        categories=tuple(tags.categories),
        relationships=apply_rules(tags.relationships, rules),
        characters=apply_rules(tags.characters, rules),
        freeforms=apply_rules(tags.freeforms, rules),
        summary=raw.summary,
        notes=_notes(raw.notes, tags.notes),
        series=raw.series,
        language=_language(raw),
        words=sum(chapter_words(chapter) for chapter in raw.chapters),
        chapters=raw.chapters,
        status=status_from(raw.status),
        published=raw.published,
        updated=raw.updated,
        fandom_inferred=tags.fandom_inferred,
        decisions=tuple(decisions),
    )


def _language(raw: RawWork) -> str | None:
    """The stated language as ISO 639-1, else a guess from the story text."""
    if raw.language:
        return language_code(raw.language) or raw.language
    return detect_language(chapter.text for chapter in raw.chapters)


def _notes(raw_notes: str | None, remarks: Sequence[str]) -> str | None:
    if not remarks:
        return raw_notes
    remark_text = "Header remarks: " + "; ".join(remarks) + "."
    return f"{raw_notes}\n\n{remark_text}" if raw_notes else remark_text

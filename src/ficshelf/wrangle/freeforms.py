"""Freeform tags: fold case, spacing, punctuation and common synonyms onto one canonical tag."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ficshelf.model import TagRef, TagType
from ficshelf.vocab import chatter, words
from ficshelf.wrangle.freeform_words import freeform_by_words
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule, synonym_for

_WORD_SPAN = re.compile(r"[\w'’+/-]+")
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")


def split_freeform_list(text: str) -> list[str]:
    """One header value into tags: commas and semicolons separate ("Hurt/Comfort" stays whole)."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


@functools.lru_cache(maxsize=16384)
def strip_filler(text: str) -> str:
    """``text`` without filler words at its edges ("possible humor" -> "humor")."""
    spans = [m.span() for m in _WORD_SPAN.finditer(text)]
    tokens = words(text)
    if len(tokens) != len(spans):
        return text.strip()
    vocab = chatter()
    start, end = 0, len(tokens)
    changed = True
    while changed and end - start > 1:
        changed = False
        for phrase in vocab.leading.get(tokens[start], ()):
            if end - start > len(phrase) and tokens[start : start + len(phrase)] == phrase:
                start, changed = start + len(phrase), True
                break
        for phrase in vocab.trailing.get(tokens[end - 1], ()):
            if end - start > len(phrase) and tokens[end - len(phrase) : end] == phrase:
                end, changed = end - len(phrase), True
                break
    if start == 0 and end == len(tokens):
        return text.strip()
    return text[spans[start][0] : spans[end - 1][1]]


def known_freeform(text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(canonical, how) when the knowledge base knows ``text`` as written, by its words, or
    without filler at its edges."""
    canonical = kb.freeform(text)
    if canonical is not None:
        return canonical, _how(text, canonical)
    by_words = freeform_by_words(text, kb)
    if by_words is not None:
        return by_words
    stripped = strip_filler(text)
    if stripped != text.strip():
        canonical = kb.freeform(stripped)
        if canonical is not None:
            return canonical, f"filler dropped, {_how(stripped, canonical)}"
    return None


def wrangle_freeform(
    written: str, kb: KnowledgeBase, rules: Sequence[Rule] = (), trusted: bool = False
) -> TagRef:
    """The canonical freeform for one written tag; unknown ones stay as written for review.

    ``trusted`` marks AO3's own tag names: unknown to us, but canonical on AO3.
    """
    rule = synonym_for(written, TagType.FREEFORM, rules)
    if rule is not None:
        return TagRef(TagType.FREEFORM, rule.target, written, "user rule: synonym")
    found = known_freeform(written, kb)
    if found is not None:
        return TagRef(TagType.FREEFORM, found[0], written, found[1])
    if trusted:
        return TagRef(TagType.FREEFORM, written.strip(), written, "AO3 tag")
    name = strip_filler(written).strip(" .!?")
    return TagRef(TagType.FREEFORM, name, written, "unknown: kept as written", known=False)


def _how(written: str, canonical: str) -> str:
    if written.strip() == canonical:
        return "canonical freeform"
    return f"synonym in knowledge base: {written.strip()}"

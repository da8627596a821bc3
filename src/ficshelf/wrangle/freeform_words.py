"""A freeform read by its words: what it is about, and what kind of it.

People write the same AO3 tag in endless ways ("SO MUCH DAMN ANGST", "mostly just angst tbh",
"A little angsty?", "slash later on"). Dropped of the words that only say how much or how
surely (vocab ``filler.empty_words``), a tag is left with the words of the thing ("angst") and
words that pick one kind of it (vocab ``filler.modifiers``: "a little" is *light*, so "Light
Angst"; "later" is *eventual*, so "Pre-Slash"). Both sides are read alike: every canonical
freeform and synonym of the knowledge base is indexed by the same words, and words that two
canonicals share name neither.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from ficshelf.vocab import chatter
from ficshelf.wrangle.kb import KnowledgeBase

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|&|\+")
FREEFORM_SUFFIX = re.compile(r"\s*-\s*freeform\s*$", re.IGNORECASE)  # AO3's own
_ISH = "ish"
_MIN_ISH_STEM = 3


@dataclass(frozen=True, slots=True)
class FreeformWords:
    """The words of a tag that say what it is about, and the kinds its modifiers pick."""

    subject: frozenset[str]
    kinds: frozenset[str]

    @property
    def key(self) -> frozenset[str]:
        return self.subject | {f"~{kind}" for kind in self.kinds}

    @classmethod
    def of(cls, text: str) -> FreeformWords:
        """Without AO3's "- Freeform" suffix, empty words, repeats and an "-ish" ending."""
        vocab = chatter()
        subject: set[str] = set()
        kinds: set[str] = set()
        for word in _WORD.findall(FREEFORM_SUFFIX.sub("", text).casefold().replace("’", "'")):
            if word.endswith(_ISH) and len(word) >= _MIN_ISH_STEM + len(_ISH):
                word = word[: -len(_ISH)]  # "angstish"
            kind = vocab.modifiers.get(word)
            if kind is not None:
                kinds.add(kind)
            elif word not in vocab.empty_words:
                subject.add(word)
        return cls(frozenset(subject), frozenset(kinds))


@dataclass(frozen=True, slots=True)
class _Index:
    by_key: Mapping[frozenset[str], str]
    own: Mapping[str, FreeformWords]


def freeform_by_words(text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(canonical, how) for a tag read by its words: the canonical with the same words; else
    the kind the modifiers pick of the canonical its subject names ("a little angsty" ->
    "Light Angst"); else that canonical itself ("a little fluff" -> "Fluff")."""
    words = FreeformWords.of(text)
    if not words.subject:
        return None
    index = _index(kb)
    found = index.by_key.get(words.key)
    if found is not None:
        return found, f"read by its words: {_shown(words)}"
    if not words.kinds:
        return None
    thing = index.by_key.get(words.subject)
    if thing is None:
        return None
    kind = _kind_of(index, thing, words.kinds)
    if kind is not None:
        return kind, f"read by its words: {_shown(words)}, a kind of {thing}"
    return thing, f"read by its words: {_shown(words)}, of which no kind is a tag"


def _kind_of(index: _Index, thing: str, kinds: frozenset[str]) -> str | None:
    """The canonical that is ``thing`` of as many of ``kinds`` as some canonical is ("mild
    implied child abuse": no mild kind, but "Implied/Referenced Child Abuse"); None when
    there is none, or two are of as many."""
    own = index.own[thing]
    for size in range(len(kinds), 0, -1):
        found = {
            canonical
            for chosen in itertools.combinations(sorted(kinds), size)
            if (canonical := index.by_key.get(own.key | {f"~{k}" for k in chosen})) is not None
        }
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def _shown(words: FreeformWords) -> str:
    return " ".join(sorted(words.subject) + [f"({kind})" for kind in sorted(words.kinds)])


_INDEXES: weakref.WeakKeyDictionary[KnowledgeBase, _Index] = weakref.WeakKeyDictionary()


def _index(kb: KnowledgeBase) -> _Index:
    index = _INDEXES.get(kb)
    if index is None:
        owners: dict[frozenset[str], set[str]] = {}
        own: dict[str, FreeformWords] = {}
        for canonical, synonyms in kb.freeforms.items():
            own[canonical] = FreeformWords.of(canonical)
            for written in (canonical, *synonyms):
                words = FreeformWords.of(written)
                if words.subject:
                    owners.setdefault(words.key, set()).add(canonical)
        by_key = {key: next(iter(c)) for key, c in owners.items() if len(c) == 1}
        index = _Index(by_key, own)
        _INDEXES[kb] = index
    return index

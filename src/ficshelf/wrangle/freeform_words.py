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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ficshelf.vocab import chatter
from ficshelf.wrangle.english import ordinary_or_plural
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.typos import correct

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|&|\+")
FREEFORM_SUFFIX = re.compile(r"\s*-\s*freeform\s*$", re.IGNORECASE)  # AO3's own
_ISH = "ish"
_MIN_ISH_STEM = 3
_OPPOSITE_KINDS = frozenset({"light", "heavy"})
_MIN_Y_ADJECTIVE = 5


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
        """Without AO3's "- Freeform" suffix, empty words, asides, repeats and an "-ish"
        ending."""
        tokens = _WORD.findall(FREEFORM_SUFFIX.sub("", text).casefold().replace("’", "'"))
        return cls.of_words(_without_aside_phrases(tokens))

    @classmethod
    def of_words(cls, tokens: Iterable[str]) -> FreeformWords:
        vocab = chatter()
        subject: set[str] = set()
        kinds: set[str] = set()
        for word in tokens:
            if word.endswith(_ISH) and len(word) >= _MIN_ISH_STEM + len(_ISH):
                word = word[: -len(_ISH)]  # "angstish"
            kind = vocab.modifiers.get(word)
            if kind is not None:
                kinds.add(kind)
            elif word not in vocab.empty_words and word not in vocab.freeform_asides:
                subject.add(word)
        if kinds >= _OPPOSITE_KINDS:  # "major/minor character death" is neither
            kinds -= _OPPOSITE_KINDS
        return cls(frozenset(subject), frozenset(kinds))


def _without_aside_phrases(tokens: list[str]) -> list[str]:
    """``tokens`` without the phrases of an aside ("angst at first", "fluff if you squint")."""
    phrases = chatter().freeform_aside_phrases
    kept: list[str] = []
    at = 0
    while at < len(tokens):
        for phrase in phrases:
            if tuple(tokens[at : at + len(phrase)]) == phrase:
                at += len(phrase)
                break
        else:
            kept.append(tokens[at])
            at += 1
    return kept


@dataclass(frozen=True, slots=True)
class _Index:
    by_key: Mapping[frozenset[str], str]
    own: Mapping[str, FreeformWords]
    known: frozenset[str]  # every word a tag is read by
    vocabulary: tuple[str, ...]  # the words of canonicals and modifiers: what to respell to
    targets: frozenset[str]  # the same
    respellings: dict[str, str | None] = field(default_factory=dict)


def freeform_by_words(text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(canonical, how) for a tag read by its words: the canonical with the same words; else
    the kind the modifiers pick of the canonical its subject names ("a little angsty" ->
    "Light Angst"); else that canonical itself ("a little fluff" -> "Fluff"). Words nobody
    uses are read respelt when that finds a canonical: a plural or singular, a British
    spelling, an "-y" adjective ("cracky"), a typo ("Estabilshed Relationship")."""
    words = FreeformWords.of(text)
    if not words.subject:
        return None
    index = _index(kb)
    found = _read(words, index)
    if found is not None:
        return found
    respelt = _respelt(words, index)
    if respelt is None:
        return None
    found = _read(respelt, index)
    if found is None:
        return None
    return found[0], f"{found[1]} (respelt)"


def _read(words: FreeformWords, index: _Index) -> tuple[str, str] | None:
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


def _respelt(words: FreeformWords, index: _Index) -> FreeformWords | None:
    """``words`` with each word nobody uses respelt as a known one; None when none is."""
    unknown = [word for word in words.subject if word not in index.known]
    if not unknown:
        return None
    changed = False
    tokens = [word for word in words.subject if word in index.known]
    for word in unknown:
        respelt = _respelling(word, index)
        changed = changed or respelt is not None
        tokens.append(respelt or word)
    if not changed:
        return None
    found = FreeformWords.of_words(tokens)
    return FreeformWords(found.subject, found.kinds | words.kinds)


def _respelling(word: str, index: _Index) -> str | None:
    """The known word ``word`` is another spelling or a typo of, if any."""
    if word in index.respellings:
        return index.respellings[word]
    targets = index.targets
    found = next((form for form in _forms(word) if form in targets), None)
    if found is None and word.isalpha() and not ordinary_or_plural(word):
        corrected = correct(word, index.vocabulary, targets)
        found = corrected if corrected != word else None
    index.respellings[word] = found
    return found


def _forms(word: str) -> list[str]:
    """Other spellings of the same word: British and American ("humour", "humourous"), plural
    and singular ("crossovers", "drabble"), an "-y" adjective of a noun ("cracky", "smutty")."""
    forms = [word.replace("our", "or")] if "our" in word else []
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    else:
        forms += [word + "s", word + "es"]
    if word.endswith("y") and len(word) >= _MIN_Y_ADJECTIVE:
        stem = word[:-1]
        forms.append(stem[:-1] if stem[-1] == stem[-2] else stem)  # "smutty", "cracky"
    return forms


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
        vocab = chatter()
        targets = frozenset(
            {word for key in owners for word in key if not word.startswith("~")}
            | set(vocab.modifiers)
        )
        known = targets | vocab.empty_words | vocab.freeform_asides
        index = _Index(by_key, own, known, tuple(sorted(targets)), targets)
        _INDEXES[kb] = index
    return index

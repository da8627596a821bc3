"""Misspelt words of a name, corrected against the words a fandom's names are made of.

"Professir Sprout", "Gellet Grindlewand", "Seamas Finnegan": each word that is not a known
word is replaced by the one known word within a small edit distance (a swap of two letters
counts as one edit). A word with two equally close corrections is left alone, so a typo
never picks between two characters; the first letter must agree, and two edits must keep
the length (two letters wrong, not a longer word: "Severitus" is a genre, not Severus).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

_MIN_LENGTH = 5
_LONG_WORD = 8


def allowed_edits(word: str) -> int:
    """One edit for short words, two for long ones; none below five letters."""
    if len(word) < _MIN_LENGTH:
        return 0
    return 2 if len(word) >= _LONG_WORD else 1


def respell(
    words: Sequence[str],
    vocabulary: Sequence[str],
    known: Collection[str],
    kinds: Mapping[str, Hashable] | None = None,
) -> str | None:
    """``words`` with each unknown word corrected; None when nothing was corrected.

    ``vocabulary`` is searched for corrections; ``known`` (usually the same words as a set)
    says which words need none; see ``correct`` for ``kinds``.
    """
    corrected = [correct(word, vocabulary, known, kinds) for word in words]
    if corrected == list(words):
        return None
    return " ".join(corrected)


def correct(
    word: str,
    vocabulary: Sequence[str],
    known: Collection[str],
    kinds: Mapping[str, Hashable] | None = None,
) -> str:
    """``word`` (folded) corrected to the one closest word of ``vocabulary``, or unchanged.
    Equally close words of one kind (``kinds``: "gryffindor" and its listed misspelling
    "gryfindor" both name Gryffindor) are no tie: the first is taken."""
    edits = allowed_edits(word)
    if not edits or word in known or not word.isalpha():
        return word
    hits = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=4)
    if not hits:
        return word
    distance = hits[0][1]
    tied = [str(hit) for hit, edits_to, _ in hits if edits_to == distance]
    if len(tied) > 1 and not _one_kind(tied, kinds):
        return word
    for best in tied:  # of one kind's spellings, the first the rules below allow
        if best[0] == word[0] and (distance <= 1 or len(best) == len(word)):
            return best
    return word  # "Hadrian" is not "Adrian", "Severitus" is not "Severus"


def _one_kind(words: Sequence[str], kinds: Mapping[str, Hashable] | None) -> bool:
    if kinds is None:
        return False
    found = {kinds.get(word) for word in words}
    return len(found) == 1 and None not in found

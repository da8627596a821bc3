"""Groups of characters ("Slytherin Students", "Malfoy Family", "Hogwarts Staff") named by the
many ways taggers write them: a keyword of the group anywhere in the tag ("All the
Slytherins", "mentions of the Malfoy family"), else an anchor word of the group beside a
word for a bunch of people ("Gryffindor Folks", "the usual Hogwarts crowd").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Words that may stand between an owner and an anchor: "the Malfoy family house elves".
_OWNER_FILLERS = frozenset({"the", "family", "house", "manor", "household"})
# Plural endings of an anchor word: "Gryffindors", "Dursleyowie" (Polish).
_PLURALS = ("s", "owie")
# Words before an anchor word for one unnamed member: "a Gryffindor", "another Hufflepuff".
_ONE_OF = frozenset({"a", "an", "another", "one"})


@dataclass(frozen=True, slots=True)
class GroupWords:
    """One group's folded keywords and anchor words, by character id."""

    position: int
    keywords: tuple[str, ...]
    anchors: tuple[str, ...]


def by_keyword(texts: Iterable[str], groups: Iterable[GroupWords]) -> frozenset[int]:
    """The group(s) whose longest keyword found in any of ``texts`` is the longest."""
    return best_keyword(texts, groups)[0]


def best_keyword(texts: Iterable[str], groups: Iterable[GroupWords]) -> tuple[frozenset[int], str]:
    """The group(s) whose longest keyword found in any of ``texts`` is the longest, and that
    keyword."""
    padded = [f" {text} " for text in texts]
    best: dict[int, str] = {}
    for group in groups:
        found = [kw for kw in group.keywords for p in padded if f" {kw} " in p]
        if found:
            best[group.position] = max(found, key=len)
    if not best:
        return frozenset(), ""
    top = max(len(kw) for kw in best.values())
    keyword = next(kw for kw in best.values() if len(kw) == top)
    return frozenset(i for i, kw in best.items() if len(kw) == top), keyword


def by_words(
    texts: Iterable[str],
    groups: Iterable[GroupWords],
    people_words: frozenset[str],
    unnamed: Iterable[str] = (),
) -> frozenset[int]:
    """The group named by keyword, else by anchor; an anchor outranks a keyword that is only
    a word for people ("Griffendor students" is Gryffindor's, not every student's).
    ``unnamed`` are the texts without people's full names, for the anchors ("Various Harry
    Potter Students" does not name the Potters)."""
    texts, groups = list(texts), list(groups)
    found, keyword = best_keyword(texts, groups)
    if found and keyword not in people_words:
        return found
    return by_anchor(list(unnamed) or texts, groups, people_words) or found


def owned_by(
    text: str, groups: Iterable[GroupWords], owners: frozenset[str], families: frozenset[str]
) -> frozenset[int]:
    """ "Potter Elves", "Hogwarts elves", "the Malfoy family house elves": an anchor word after
    the words of whom they belong to (a family, a place: ``owners``) names the group of that
    anchor ("Original House-Elf Character(s)": the elves of a household no book names), not
    the group whose bare keyword the last word is. Not when the last word is itself a family
    name (of ``families``): "Lady Malfoy" is a Malfoy."""
    *head, last = text.split() or [""]
    if last in families or not any(w in owners for w in head):
        return frozenset()
    if not all(w in owners or w in _OWNER_FILLERS for w in head):
        return frozenset()
    return frozenset(g.position for g in groups if last in g.anchors)


def by_anchor(
    texts: Iterable[str], groups: Iterable[GroupWords], people_words: frozenset[str]
) -> frozenset[int]:
    """Groups whose anchor word ("gryffindor") stands beside a word for people ("folks"),
    in the plural ("gryffindors", "dursleyowie") or after a word for one of them ("a
    Gryffindor": some student of the house)."""
    found: set[int] = set()
    for text in texts:
        words = text.split()
        for group in groups:
            for anchor in group.anchors:
                plural = any(
                    f"{anchor}{end}" not in group.anchors and f"{anchor}{end}" in words
                    for end in _PLURALS
                )
                one = len(words) > 1 and words[-1] == anchor and words[-2] in _ONE_OF
                if (
                    plural
                    or one
                    or (anchor in words and any(w in people_words for w in words if w != anchor))
                ):
                    found.add(group.position)
    return frozenset(found)

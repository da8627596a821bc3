"""Loose readings of a written name, used only with a fandom in context and only after every
exact reading failed. Each returns the ids of the characters it points at; the resolver
accepts a reading only when it points at exactly one.

- a title and a family name: "Mrs. Lupin" is the one female Lupin, if there is one;
- a known given name with another family name: "Alice Prewett", "Draco Black" (a maiden
  name, a married name, an AU adoption);
- a name mentioned inside chatter: "oh and Regulus", "pretty sure Draco'll be by",
  "Mentioned - Ron Weasley".
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from ficshelf.wrangle.kb import CharacterIndex
from ficshelf.wrangle.written import Word, name_words, title_and_family, words_of

_NONE: frozenset[int] = frozenset()
_MAX_RUN = 5
_MIN_SINGLE = 3
_MAX_NAME_WORDS = 4


def titled(written: str, index: CharacterIndex, allowed: frozenset[int]) -> frozenset[int]:
    """ "Mrs. Lupin", "Lady Malfoy", "Madam Zabini": the family's one member of that gender."""
    found = title_and_family(written)
    if found is None:
        return _NONE
    gender, family = found
    members = index.family.get(family, _NONE) & allowed
    if gender is None:
        return members
    return frozenset(i for i in members if index.characters[i].gender == gender)


def given_with_other_family(
    cleaned: str,
    index: CharacterIndex,
    allowed: frozenset[int],
    given_names: Mapping[str, frozenset[int]] | None = None,
) -> frozenset[int]:
    """ "Alice Prewett" -> Alice Longbottom: a given name only one character in the fandom
    has, written with a family name that is not theirs. ``given_names`` are the given names
    to read (by default the canonical ones; the caller may add the fanon ones: "Hadrian
    Smith").

    Not when that family has a member known only by title or generation ("Arabella Zabini"
    is Blaise's mother, whatever the given name), nor when the given name is also a family
    name ("Potter Black").
    """
    tokens = cleaned.split()
    if not 2 <= len(tokens) <= _MAX_NAME_WORDS:
        return _NONE
    given, family = tokens[0], tokens[-1]
    vocab = name_words()
    if family in vocab.relations or family in vocab.fillers:
        return _NONE
    given_names = index.given if given_names is None else given_names
    found = given_names.get(given, _NONE) & allowed
    if len(found) != 1 or index.family.get(given, _NONE) & allowed:
        return _NONE
    if index.family.get(family, _NONE) & allowed & index.unnamed:
        return _NONE
    if (index.given.get(family, _NONE) | index.strong.get(family, _NONE)) & allowed - found:
        return _NONE  # "Harry Draco": two people, not a surname
    return found


def mentioned(written: str, index: CharacterIndex, allowed: frozenset[int]) -> frozenset[int]:
    """Everyone named inside a chatty tag: full names first, then lone names that only one
    character in the fandom has. The caller accepts the result only if it is one person."""
    words = words_of(written)
    if _speaks_of_someone_else(words, index, allowed):
        return _NONE
    covered = [False] * len(words)
    found: set[int] = set()
    for size in range(min(len(words), _MAX_RUN), 1, -1):
        for start in range(len(words) - size + 1):
            if any(covered[start : start + size]):
                continue
            key = " ".join(w.key for w in words[start : start + size])
            ids = (index.strong.get(key) or index.derived.get(key) or _NONE) & allowed
            if not ids:
                continue
            if start and _could_be_a_name(words[start - 1], index, allowed):
                return _NONE  # "Henry James Potter": the tail of a name we do not know
            covered[start : start + size] = [True] * size
            if not _names_a_relative(words, start + size - 1):
                found |= ids
    for position in range(len(words)):
        if not covered[position]:
            found |= _single(words, position, index, allowed)
    return frozenset(found)


def _single(
    words: tuple[Word, ...], position: int, index: CharacterIndex, allowed: frozenset[int]
) -> frozenset[int]:
    """A lone word that names one character: an alias, a unique given name not followed by
    a surname, or a unique family name not preceded by a given name."""
    word = words[position]
    vocab = name_words()
    if len(word.key) < _MIN_SINGLE or word.key in vocab.fillers:
        return _NONE
    if any(word.key in index.characters[i].anchors for i in allowed):
        return _NONE  # "Slytherin": the founder or the house?
    if _names_a_relative(words, position):
        return _NONE
    following = words[position + 1] if position + 1 < len(words) else None
    before = words[position - 1] if position else None
    alias = index.strong.get(word.key, _NONE) & allowed
    given = index.given.get(word.key, _NONE) & allowed
    family = index.family.get(word.key, _NONE) & allowed
    found = alias or (given if len(given) == 1 and not family else _NONE)
    found = found or (family if len(family) == 1 and not given else _NONE)
    if not found:
        return _NONE
    if given and following is not None and _could_be_a_name(following, index, allowed):
        return _NONE  # "Harry Fleamont": a given name before another name
    for neighbour in (before, following):
        if neighbour is not None and _is_a_name(neighbour, index, allowed):
            return _NONE  # "Snape Harry": two names side by side, not one person
    if family and before is not None and _could_be_a_name(before, index, allowed):
        return _NONE  # "Ileen Snape": a family name after a given name
    return found


def _speaks_of_someone_else(
    words: tuple[Word, ...], index: CharacterIndex, allowed: frozenset[int]
) -> bool:
    """A negation ("it ain't actually Moody"), or an unknown given name before a known
    family name ("Iris Potter 'Hedwig'"): the tag is about someone not in the base."""
    vocab = name_words()
    if any(w.key in vocab.negations for w in words):
        return True  # "it ain't actually Moody"
    if any(
        w.key in vocab.single_markers and _names_beside(words, position, index, allowed)
        for position, w in enumerate(words)
    ):
        return True  # "Barty-as-Moody", "Harrison is Harry"
    return any(
        first.capitalised
        and not _is_a_name(first, index, allowed)
        and first.key not in name_words().fillers
        and bool(index.family.get(second.key, _NONE) & allowed)
        and not index.given.get(second.key, _NONE) & allowed
        for first, second in itertools.pairwise(words)
    )


def _names_beside(
    words: tuple[Word, ...], position: int, index: CharacterIndex, allowed: frozenset[int]
) -> bool:
    """Whether a name, or what may be one, stands next to ``position`` on either side
    (fillers aside): "as Moody", "Hermoine is friends with Draco" say who someone is or name
    two people; "the child he is", ""you" is referring to Harry" do not."""
    before = [w for w in words[:position] if w.key not in name_words().fillers][-1:]
    after = [w for w in words[position + 1 :] if w.key not in name_words().fillers][:1]
    return any(w.capitalised or _is_a_name(w, index, allowed) for w in (*before, *after))


def _is_a_name(word: Word, index: CharacterIndex, allowed: frozenset[int]) -> bool:
    keys = index.given.get(word.key, _NONE) | index.family.get(word.key, _NONE)
    return bool((keys | index.strong.get(word.key, _NONE)) & allowed)


def _could_be_a_name(word: Word, index: CharacterIndex, allowed: frozenset[int]) -> bool:
    """A word next to a name that may belong to it: a capitalised unknown word ("Henry" in
    "Henry James Potter") or a known given name."""
    vocab = name_words()
    if word.key in vocab.fillers or word.key in vocab.titles:
        return False
    if any(phrase == (word.key,) for phrase in vocab.leading):
        return False
    return word.capitalised or bool(index.given.get(word.key, _NONE) & allowed)


def _names_a_relative(words: tuple[Word, ...], last: int) -> bool:
    """ "Remus Lupin's mother", "Harry's owl", "Blaise Zabini Mother": the tag is about
    someone else, named by their tie to this character."""
    if last + 1 >= len(words):
        return False
    relations = name_words().relations
    if not words[last].possessive:
        return words[last + 1].key in relations
    return any(w.key in relations for w in words[last + 1 : last + 3])

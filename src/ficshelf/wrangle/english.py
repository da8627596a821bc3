"""Ordinary English words, to tell a qualifier from a name.

Taggers put all sorts of words before a character's name: "Genius Draco Malfoy",
"Underworld Kingpin Harry Potter", "Photographer Harry Potter". No list of such words can be
complete, so a word counts as a qualifier when it is an ordinary (lower-case) word of a large
English dictionary, Webster's Second (public domain, shipped by the ``english-words`` package),
and not a common given name ("harry", "rose" and "henry" are words too). The given names
matter: "Holly James Potter" is Holly, not James Potter, and "Harry James Potter" is Harry.
Names of the knowledge base itself are checked by the resolver, which knows them.

``names.toml`` adds, under ``qualifiers``, words a dictionary lacks or spells as proper nouns
(demonyms, "POC", "OOC", fandom labels).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from importlib import metadata, resources
from typing import IO

from english_words import get_english_words_set  # type: ignore[import-untyped]
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ficshelf.cache import cached_file
from ficshelf.wrangle.names import name_key
from ficshelf.wrangle.typos import allowed_edits
from ficshelf.wrangle.written import name_words

_MIN_LENGTH = 3
_MIN_MISSPELT = 6


@functools.cache
def _dictionary() -> frozenset[str]:
    """The dictionary's lower-case words (its capitalised entries are proper nouns). Picking
    them out of the package's set costs every process a tenth of a second; the picked words
    are kept in the cache folder and read from there."""
    try:
        name = f"english-words-{metadata.version('english-words')}-web2-lower.txt"
        return frozenset(cached_file(name, _write_lower_words).read_text("utf-8").split("\n"))
    except OSError:
        return _lower_words()


def _lower_words() -> frozenset[str]:
    return frozenset(word for word in get_english_words_set(["web2"]) if word.islower())


def _write_lower_words(out: IO[bytes]) -> None:
    out.write("\n".join(sorted(_lower_words())).encode("utf-8"))


@functools.cache
def _given_name_genders() -> dict[str, str | None]:
    """Common given names, folded, with "f" or "m" when commonly a woman's or a man's
    (``data/kb/given_names.txt``)."""
    text = resources.files("ficshelf.data").joinpath("kb", "given_names.txt").read_text("utf-8")
    found: dict[str, str | None] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition(" ")
        found[name_key(name)] = gender.strip() or None
    return found


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names, folded (``data/kb/given_names.txt``)."""
    return frozenset(_given_name_genders())


def given_name_gender(key: str) -> str | None:
    """ "f" or "m" when the folded given name ``key`` is commonly a woman's ("charlotte") or
    a man's ("charles"); None when both ("leslie") or not a common given name ("hadrian")."""
    return _given_name_genders().get(key)


def ordinary_word(key: str) -> bool:
    """Whether the folded word ``key`` is an ordinary word and not a name: "genius",
    "kingpin", "vietnamese" (listed), not "henry", "holly", "draco"."""
    if key in name_words().qualifiers or key in name_words().fillers:
        return True
    if len(key) < _MIN_LENGTH or key in given_names():
        return False
    return key in _dictionary()


@functools.cache
def _words_by_start() -> dict[tuple[str, int], tuple[str, ...]]:
    """The dictionary's words and the listed qualifiers by first letter and length."""
    found: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for word in _dictionary() | name_words().qualifiers:
        found[(word[:1], len(word))].append(word)
    return {key: tuple(words) for key, words in found.items()}


@functools.lru_cache(maxsize=4096)
def misspelt_word(key: str) -> bool:
    """Whether the folded word ``key`` is an ordinary word with a typo ("photorgapher",
    "vietanmese"): no word itself nor a common given name, six letters or more, and within
    the edits ``typos.allowed_edits`` allows of one that begins with the same letter."""
    if len(key) < _MIN_MISSPELT or not key.isalpha() or key in given_names():
        return False
    if ordinary_word(key):
        return False
    edits = allowed_edits(key)
    table = _words_by_start()
    for size in range(len(key) - edits, len(key) + edits + 1):
        choices = table.get((key[:1], size), ())
        if process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=edits):
            return True
    return False


def ordinary_or_plural(word: str) -> bool:
    """An ordinary word, or the plural of one: "prefects" is no misspelt "Prewetts"."""
    return ordinary_word(word) or (word.endswith("s") and ordinary_word(word[:-1]))

"""A title from a file name, for stories whose text never states one."""

from __future__ import annotations

import functools
import re
from pathlib import PurePath

from ficshelf.parse.plaintext.layout import layout_vocabulary

_SEPARATORS = re.compile(r"[_\s]+|(?<=[^\W\d_])-(?=[^\W\d_])|\.(?=[^\W\d_])")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}
)


def title_from_path(path: str) -> str | None:
    """ "stories/the_long_watch.txt" -> "The Long Watch" (small words stay lower case).

    None when the name says nothing about the story ("story.txt", "chapter_3.txt").
    """
    stem = PurePath(path.replace("\\", "/")).stem
    words = [word for word in _SEPARATORS.split(stem) if word]
    if _is_generic(words):
        return None
    if not words:
        return stem
    return " ".join(_capitalise(word, first=index == 0) for index, word in enumerate(words))


def _capitalise(word: str, *, first: bool) -> str:
    if any(char.isupper() for char in word):
        return word
    if not first and word in _SMALL_WORDS:
        return word
    return word[:1].upper() + word[1:]


@functools.cache
def _generic_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in layout_vocabulary()["filenames"]["generic"])


def _is_generic(words: list[str]) -> bool:
    letters = " ".join(word.strip("0123456789").casefold() for word in words).split()
    return not letters or " ".join(letters) in _generic_names()

"""The bitmap store: one bitmap of work ids per (space, value) key, e.g. (FANDOM, tag 12).

Keys are packed into one int (space in the high bits) so that each work's list of keys is a
compact ``array`` — it is what lets a work be removed without its old data, and what facets
count over when a result is small. Strings (languages, title words) are interned to ints.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from enum import IntEnum

from pyroaring import BitMap

from ficshelf.model import Category, Rating, TagType, Warning
from ficshelf.search.indexed import IndexedWork, title_words

SPACE_SHIFT = 40
VALUE_MASK = (1 << SPACE_SHIFT) - 1


class Space(IntEnum):
    FANDOM = 1
    RELATIONSHIP = 2
    CHARACTER = 3
    FREEFORM = 4
    RATING = 5
    WARNING = 6
    CATEGORY = 7
    LANGUAGE = 8
    COMPLETE = 9
    AUTHOR = 10
    SERIES = 11
    TITLE_WORD = 12


TAG_SPACES = {
    TagType.FANDOM: Space.FANDOM,
    TagType.RELATIONSHIP: Space.RELATIONSHIP,
    TagType.CHARACTER: Space.CHARACTER,
    TagType.FREEFORM: Space.FREEFORM,
}
_WARNINGS = list(Warning)
_CATEGORIES = list(Category)


def key(space: Space, value: int) -> int:
    return (space << SPACE_SHIFT) | value


def value_of(packed: int) -> int:
    return packed & VALUE_MASK


def rating_key(rating: Rating) -> int:
    return key(Space.RATING, rating.rank)


def warning_key(warning: Warning) -> int:
    return key(Space.WARNING, _WARNINGS.index(warning))


def category_key(category: Category) -> int:
    return key(Space.CATEGORY, _CATEGORIES.index(category))


class Postings:
    """Bitmaps by key, each work's keys, and a version that changes with every edit."""

    def __init__(self) -> None:
        self._bitmaps: dict[int, BitMap] = {}
        self._keys_of: dict[int, array[int]] = {}
        self._symbols: dict[str, int] = {}
        self._tag_space: dict[int, Space] = {}
        self._ranked: dict[Space, tuple[int, list[tuple[int, BitMap]]]] = {}
        self.version = 0

    def build(self, works: Iterable[IndexedWork]) -> None:
        """Fill an empty store in bulk (one bitmap construction per key, not per work)."""
        members: defaultdict[int, array[int]] = defaultdict(lambda: array("I"))
        for work in works:
            keys = self._keys(work)
            self._keys_of[work.id] = keys
            for packed in keys:
                members[packed].append(work.id)
        self._bitmaps = {packed: BitMap(ids) for packed, ids in members.items()}
        self.version += 1

    def add(self, work: IndexedWork) -> None:
        keys = self._keys(work)
        self._keys_of[work.id] = keys
        for packed in keys:
            bitmap = self._bitmaps.get(packed)
            if bitmap is None:
                self._bitmaps[packed] = bitmap = BitMap()
            bitmap.add(work.id)
        self.version += 1

    def remove(self, work_id: int) -> None:
        for packed in self._keys_of.pop(work_id, ()):
            bitmap = self._bitmaps[packed]
            bitmap.discard(work_id)
            if not bitmap:
                del self._bitmaps[packed]
        self.version += 1

    def __contains__(self, work_id: int) -> bool:
        return work_id in self._keys_of

    def bitmap(self, packed: int) -> BitMap:
        """The works under ``packed``; an empty bitmap for a key no work has (do not mutate)."""
        return self._bitmaps.get(packed, _EMPTY)

    def union(self, keys: Iterable[int]) -> BitMap:
        return BitMap.union(BitMap(), *(self.bitmap(packed) for packed in keys))

    def keys_of(self, work_id: int) -> array[int]:
        return self._keys_of[work_id]

    def rows(self) -> Mapping[int, array[int]]:
        """Every work's keys, by work id (do not mutate)."""
        return self._keys_of

    def keys_in(self, space: Space) -> Iterator[tuple[int, BitMap]]:
        return ((k, b) for k, b in self._bitmaps.items() if k >> SPACE_SHIFT == space)

    def ranked(self, space: Space) -> list[tuple[int, BitMap]]:
        """The keys of ``space`` with their bitmaps, most works first (cached per version)."""
        cached = self._ranked.get(space)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        ranked = sorted(self.keys_in(space), key=lambda item: (-len(item[1]), item[0]))
        self._ranked[space] = (self.version, ranked)
        return ranked

    def tag_key(self, tag_id: int) -> int | None:
        """The key of a tag id as indexed (tags are keyed by their type), None if unseen."""
        space = self._tag_space.get(tag_id)
        return None if space is None else key(space, tag_id)

    def symbol(self, text: str) -> int | None:
        """The interned number of ``text``, None when no work ever had it."""
        return self._symbols.get(text)

    def _intern(self, text: str) -> int:
        return self._symbols.setdefault(text, len(self._symbols))

    def _keys(self, work: IndexedWork) -> array[int]:
        keys = array("q", [rating_key(work.rating)])
        keys.extend(warning_key(warning) for warning in work.warnings)
        keys.extend(category_key(category) for category in work.categories)
        for tag_type, tags in (
            (TagType.FANDOM, work.fandoms),
            (TagType.RELATIONSHIP, work.relationships),
            (TagType.CHARACTER, work.characters),
            (TagType.FREEFORM, work.freeforms),
        ):
            space = TAG_SPACES[tag_type]
            for tag_id in tags:
                self._tag_space[tag_id] = space
                keys.append(key(space, tag_id))
        if work.language:
            keys.append(key(Space.LANGUAGE, self._intern(work.language)))
        if work.complete is not None:
            keys.append(key(Space.COMPLETE, int(work.complete)))
        keys.extend(key(Space.AUTHOR, author) for author in work.authors)
        keys.extend(key(Space.SERIES, series) for series in work.series)
        keys.extend(key(Space.TITLE_WORD, self._intern(w)) for w in title_words(work.title))
        return keys


_EMPTY = BitMap()

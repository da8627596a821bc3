"""How names in a query become ids: the protocols the index asks, and an in-memory answer.

The library implements these from its tables; ``MemoryResolver`` is the same behaviour over
plain dicts, for tests and for tools that hold a whole library in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from ficshelf.model import TagType


class TagResolver(Protocol):
    def resolve(self, type: TagType | None, name: str) -> frozenset[int]:
        """Ids of every tag ``name`` stands for, of ``type`` (None: any type).

        A canonical name or any synonym gives the canonical tag and all its synonyms; a meta
        tag also gives its sub-tags (and theirs, with their synonyms). Unknown: empty.
        """
        ...


class NameResolver(Protocol):
    def authors(self, name: str) -> frozenset[int]:
        """Ids of the authors (or pseuds) called ``name``; empty when none is."""
        ...

    def series(self, name: str) -> frozenset[int]:
        """Ids of the series called ``name``; empty when none is."""
        ...


class Resolver(TagResolver, NameResolver, Protocol):
    """Everything ``FilterIndex.evaluate`` needs to turn names into ids."""


class MemoryResolver:
    """A ``Resolver`` over tags, synonyms and meta tags held in dicts. Names fold case."""

    def __init__(self) -> None:
        self._by_name: defaultdict[str, set[int]] = defaultdict(set)
        self._type: dict[int, TagType] = {}
        self._canonical: dict[int, int] = {}
        self._synonyms: defaultdict[int, set[int]] = defaultdict(set)
        self._subtags: defaultdict[int, set[int]] = defaultdict(set)
        self._authors: defaultdict[str, set[int]] = defaultdict(set)
        self._series: defaultdict[str, set[int]] = defaultdict(set)

    def add_tag(
        self,
        tag_id: int,
        type: TagType,
        name: str,
        synonym_of: int | None = None,
        parents: Iterable[int] = (),
    ) -> None:
        """Register a tag; ``synonym_of`` names its canonical, ``parents`` its meta tags."""
        self._by_name[name.casefold()].add(tag_id)
        self._type[tag_id] = type
        canonical = tag_id if synonym_of is None else synonym_of
        self._canonical[tag_id] = canonical
        self._synonyms[canonical].add(tag_id)
        for parent in parents:
            self._subtags[parent].add(canonical)

    def add_author(self, author_id: int, name: str) -> None:
        self._authors[name.casefold()].add(author_id)

    def add_series(self, series_id: int, name: str) -> None:
        self._series[name.casefold()].add(series_id)

    def resolve(self, type: TagType | None, name: str) -> frozenset[int]:
        found: set[int] = set()
        for tag_id in self._by_name.get(name.casefold(), ()):
            if type is None or self._type[tag_id] is type:
                found |= self._family(self._canonical[tag_id], seen=set())
        return frozenset(found)

    def _family(self, canonical: int, seen: set[int]) -> set[int]:
        """The canonical, its synonyms, and the same for every sub-tag below it."""
        if canonical in seen:
            return set()
        seen.add(canonical)
        family = {canonical} | self._synonyms[canonical]
        for child in self._subtags.get(canonical, ()):
            family |= self._family(child, seen)
        return family

    def authors(self, name: str) -> frozenset[int]:
        return frozenset(self._authors.get(name.casefold(), ()))

    def series(self, name: str) -> frozenset[int]:
        return frozenset(self._series.get(name.casefold(), ()))

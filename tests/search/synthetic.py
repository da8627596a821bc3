"""A seeded, AO3-shaped synthetic library for search tests and the benchmark.

Tag popularity follows a Zipf-like long tail (a few huge fandoms, thousands of tiny ones);
ratings, warnings and categories come in roughly AO3's proportions; word counts are
log-normal. Every 10th tag is a synonym of the tag before it, and every 50th freeform is a
meta tag over the next two, so resolver behaviour is exercised too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from dataclasses import dataclass
from typing import TypeVar

from ficshelf.model import Category, Rating, TagType, Warning
from ficshelf.search import IndexedWork, MemoryResolver

_T = TypeVar("_T")
_RATINGS = {
    Rating.GENERAL: 0.20,
    Rating.TEEN: 0.27,
    Rating.MATURE: 0.17,
    Rating.EXPLICIT: 0.24,
    Rating.NOT_RATED: 0.12,
}
_WARNINGS = {
    Warning.NONE_APPLY: 0.55,
    Warning.CHOSE_NOT: 0.30,
    Warning.VIOLENCE: 0.10,
    Warning.MCD: 0.05,
    Warning.NONCON: 0.03,
    Warning.UNDERAGE: 0.02,
}
_CATEGORIES = {
    Category.MM: 0.45,
    Category.FM: 0.25,
    Category.GEN: 0.20,
    Category.FF: 0.08,
    Category.MULTI: 0.05,
    Category.OTHER: 0.02,
}
_TITLE_WORDS = [
    "rain",
    "roof",
    "light",
    "shadow",
    "winter",
    "summer",
    "home",
    "road",
    "letter",
    "garden",
    "storm",
    "quiet",
    "river",
    "stars",
    "glass",
    "fire",
    "paper",
    "bridge",
    "morning",
    "night",
    "harbor",
    "song",
    "echo",
    "lantern",
    "orchard",
]
_LANGUAGES = {"en": 0.88, "es": 0.04, "fr": 0.03, "de": 0.02, "ru": 0.02, "zh": 0.01}
_FIRST_DAY = dt.date(2009, 1, 1).toordinal()
_LAST_DAY = dt.date(2024, 12, 31).toordinal()


@dataclass(frozen=True, slots=True)
class SyntheticLibrary:
    works: list[IndexedWork]
    resolver: MemoryResolver
    tags: dict[int, tuple[TagType, str]]


class _Zipf:
    """Draws ranks 0..n-1 with weight 1/(rank+1)^s, in O(log n) per draw."""

    def __init__(self, n: int, s: float = 1.05) -> None:
        self._cumulative = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(n)))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self._cumulative, rng.random() * self._cumulative[-1])


class _TagPool:
    def __init__(self, tag_type: TagType, first_id: int, size: int) -> None:
        self.type = tag_type
        self.ids = range(first_id, first_id + size)
        self._zipf = _Zipf(size)

    def sample(self, rng: random.Random, count: int) -> frozenset[int]:
        return frozenset(self.ids[self._zipf.draw(rng)] for _ in range(count))


def synthetic_library(size: int, seed: int = 0) -> SyntheticLibrary:
    rng = random.Random(seed)
    pools = _pools(size)
    resolver, tags = _vocabulary(pools)
    authors = _Zipf(max(10, size // 4))
    for author in range(max(10, size // 4)):
        resolver.add_author(author, f"author{author}")
    for series in range(max(5, size // 50)):
        resolver.add_series(series, f"series {series}")
    works = [_work(work_id, rng, pools, authors, size) for work_id in range(1, size + 1)]
    return SyntheticLibrary(works, resolver, tags)


def _pools(size: int) -> dict[TagType, _TagPool]:
    sizes = {
        TagType.FANDOM: max(20, size // 40),
        TagType.RELATIONSHIP: max(40, size // 8),
        TagType.CHARACTER: max(40, size // 6),
        TagType.FREEFORM: max(60, size // 3),
    }
    pools: dict[TagType, _TagPool] = {}
    first_id = 1
    for tag_type, count in sizes.items():
        pools[tag_type] = _TagPool(tag_type, first_id, count)
        first_id += count
    return pools


def _vocabulary(
    pools: dict[TagType, _TagPool],
) -> tuple[MemoryResolver, dict[int, tuple[TagType, str]]]:
    resolver = MemoryResolver()
    tags: dict[int, tuple[TagType, str]] = {}
    for pool in pools.values():
        for rank, tag_id in enumerate(pool.ids):
            name = f"{pool.type.value} {rank}"
            synonym_of = tag_id - 1 if rank % 10 == 9 else None
            parents = (
                (tag_id - rank % 50,)
                if pool.type is TagType.FREEFORM and rank % 50 in (1, 2)
                else ()
            )
            resolver.add_tag(tag_id, pool.type, name, synonym_of=synonym_of, parents=parents)
            tags[tag_id] = (pool.type, name)
    return resolver, tags


def _work(
    work_id: int, rng: random.Random, pools: dict[TagType, _TagPool], authors: _Zipf, size: int
) -> IndexedWork:
    words = max(100, int(rng.lognormvariate(8.3, 1.2)))
    chapters = 1 if rng.random() < 0.6 else max(1, words // rng.randint(1500, 6000))
    published = rng.randint(_FIRST_DAY, _LAST_DAY)
    updated = published if chapters == 1 else min(_LAST_DAY, published + rng.randint(0, 900))
    warnings = {_pick(rng, _WARNINGS)}
    if rng.random() < 0.15:
        warnings.add(_pick(rng, _WARNINGS))
    if len(warnings) > 1:
        warnings.discard(Warning.NONE_APPLY)
    author = authors.draw(rng)
    return IndexedWork(
        id=work_id,
        title=" ".join(rng.sample(_TITLE_WORDS, rng.randint(1, 4))),
        rating=_pick(rng, _RATINGS),
        warnings=frozenset(warnings),
        categories=frozenset(_pick(rng, _CATEGORIES) for _ in range(rng.choice((1, 1, 1, 2)))),
        fandoms=pools[TagType.FANDOM].sample(rng, rng.choice((1, 1, 1, 2))),
        relationships=pools[TagType.RELATIONSHIP].sample(rng, rng.randint(0, 3)),
        characters=pools[TagType.CHARACTER].sample(rng, rng.randint(1, 6)),
        freeforms=pools[TagType.FREEFORM].sample(rng, rng.randint(0, 12)),
        words=words,
        chapters=chapters,
        published=None if rng.random() < 0.02 else dt.date.fromordinal(published),
        updated=None if rng.random() < 0.02 else dt.date.fromordinal(updated),
        language=_pick(rng, _LANGUAGES),
        complete=None if rng.random() < 0.05 else rng.random() < 0.75,
        authors=frozenset({author}),
        author_sort=f"author{author}",
        series=frozenset({rng.randrange(max(5, size // 50))})
        if rng.random() < 0.1
        else frozenset(),
    )


def _pick(rng: random.Random, weights: dict[_T, float]) -> _T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]

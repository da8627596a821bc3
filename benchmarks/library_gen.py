"""A seeded, AO3-shaped synthetic library written straight into a library database, in bulk.

Shapes (as in tests/search/synthetic.py, which the search core's own tests use): Zipf-like
tag popularity with a long tail (fandoms n/40, relationships n/8, characters n/6, freeforms
n/3 distinct tags), ratings, warnings and categories in roughly AO3's proportions, log-normal
word counts, Zipf authors. Every 10th tag of a type has a written synonym. Full text is a short
synthetic summary and body per work, enough for FTS to have realistic posting lists.

Rows go in with ``executemany`` in one transaction per table (no per-work store calls), so a
million works take minutes, not hours.

    .venv/bin/python -m benchmarks.library_gen --works 100000 --out /tmp/lib100k
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ficshelf.library import Library
from ficshelf.library.keys import name_key
from ficshelf.model import Category, Rating, Status, TagType, Warning

_T = TypeVar("_T")
RATINGS = {
    Rating.GENERAL: 0.20,
    Rating.TEEN: 0.27,
    Rating.MATURE: 0.17,
    Rating.EXPLICIT: 0.24,
    Rating.NOT_RATED: 0.12,
}
WARNINGS = {
    Warning.NONE_APPLY: 0.55,
    Warning.CHOSE_NOT: 0.30,
    Warning.VIOLENCE: 0.10,
    Warning.MCD: 0.05,
    Warning.NONCON: 0.03,
    Warning.UNDERAGE: 0.02,
}
CATEGORIES = {
    Category.MM: 0.45,
    Category.FM: 0.25,
    Category.GEN: 0.20,
    Category.FF: 0.08,
    Category.MULTI: 0.05,
    Category.OTHER: 0.02,
}
LANGUAGES = {"en": 0.88, "es": 0.04, "fr": 0.03, "de": 0.02, "ru": 0.02, "zh": 0.01}
# A small vocabulary with its own Zipf curve: common words are in most works, rare ones in few.
_PROSE_TEXT = (
    "the rain on roof light shadow winter summer home road letter garden storm quiet river "
    "stars glass fire paper bridge morning night harbor song echo lantern orchard kettle tea "
    "sword mission village forest ocean train station library window door stair coat scarf "
    "snow ash smoke bell tower market ink feather violin piano coffee bakery festival mask "
    "dragon ghost witch hunter soldier healer captain prince thief scholar pilot sailor"
)
PROSE = tuple(_PROSE_TEXT.split(" "))
# ... and a long tail of made-up words, so that a query word matches a realistic share of works.
_SYLLABLE_TEXT = "ka ri to mu se na lo vi pe du ha zo ni re ga mi su te ko ba"
_SYLLABLES = _SYLLABLE_TEXT.split(" ")
VOCABULARY = PROSE + tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES)
FIRST_DAY = dt.date(2009, 1, 1).toordinal()
LAST_DAY = dt.date(2024, 12, 31).toordinal()
CHUNK = 50_000


class Zipf:
    """Ranks 0..n-1 with weight 1/(rank+1)^s, drawn in O(log n)."""

    def __init__(self, n: int, s: float = 1.05) -> None:
        self._cumulative = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(n)))
        self._total = self._cumulative[-1]

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self._cumulative, rng.random() * self._total)


@dataclass(frozen=True, slots=True)
class Pool:
    type: TagType
    first_id: int
    size: int
    zipf: Zipf

    def sample(self, rng: random.Random, count: int) -> set[int]:
        return {self.first_id + self.zipf.draw(rng) for _ in range(count)}

    def name(self, tag_id: int) -> str:
        return f"{self.type.value} {tag_id - self.first_id}"


def pools_for(works: int) -> dict[TagType, Pool]:
    sizes = {
        TagType.FANDOM: max(20, works // 40),
        TagType.RELATIONSHIP: max(40, works // 8),
        TagType.CHARACTER: max(40, works // 6),
        TagType.FREEFORM: max(60, works // 3),
    }
    pools, first = {}, 1
    for tag_type, size in sizes.items():
        pools[tag_type] = Pool(tag_type, first, size, Zipf(size))
        first += size
    return pools


def generate(library: Library, works: int, seed: int = 0) -> dict[str, float]:
    """Fill an empty ``library`` with ``works`` works; returns seconds per step."""
    rng = random.Random(seed)
    pools = pools_for(works)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    closed_ids = _write_tags(library, pools)
    timings["tags"] = time.perf_counter() - started
    authors = Zipf(max(10, works // 4))
    prose = Zipf(len(VOCABULARY), 1.0)
    started = time.perf_counter()
    with library.database.transaction() as connection:
        for chunk in _chunks(_works(rng, works, pools, authors, prose, closed_ids), CHUNK):
            connection.executemany(_WORK_INSERT, [row.work for row in chunk])
            connection.executemany(
                "INSERT INTO work_tags (work_id, tag_id, position) VALUES (?, ?, ?)",
                [tag for row in chunk for tag in row.tags],
            )
            connection.executemany(
                "INSERT INTO work_authors (work_id, position, name, name_key) VALUES (?, ?, ?, ?)",
                [row.author for row in chunk],
            )
            # The body is the work's one chapter, which the full-text index reads its snippets
            # from; the index itself is written with the same words the store would give it.
            connection.executemany(
                "INSERT INTO chapters (work_id, position, text) VALUES (?, 1, ?)",
                [(row.text[0], row.text[3]) for row in chunk],
            )
            connection.executemany(
                "INSERT INTO works_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
                [row.text for row in chunk],
            )
        connection.execute("UPDATE library_state SET generation = 1 WHERE id = 1")
    timings["works"] = time.perf_counter() - started
    return timings


_WORK_INSERT = (
    "INSERT INTO works (id, title, summary, rating, rating_rank, status, language, words, "
    "chapter_count, published, updated, format, content_hash, raw_json, created_at, "
    "imported_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, '{}', "
    "'2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00', 1)"
)


def _write_tags(library: Library, pools: dict[TagType, Pool]) -> dict[object, int]:
    """Every tag (and a written synonym for every 10th); returns warning/category tag ids."""
    with library.database.transaction() as connection:
        for pool in pools.values():
            ids = range(pool.first_id, pool.first_id + pool.size)
            connection.executemany(
                "INSERT INTO tags (id, type, name, name_key) VALUES (?, ?, ?, ?)",
                [(i, pool.type.value, pool.name(i), name_key(pool.name(i))) for i in ids],
            )
            connection.executemany(
                "INSERT INTO tag_synonyms (tag_id, written, how, written_key) VALUES (?, ?, ?, ?)",
                [
                    (i, f"{pool.name(i)} alias", "kb", name_key(f"{pool.name(i)} alias"))
                    for i in ids
                    if (i - pool.first_id) % 10 == 9
                ],
            )
        closed: dict[object, int] = {}
        next_id = max(pool.first_id + pool.size for pool in pools.values())
        for kind, values in (("warning", list(Warning)), ("category", list(Category))):
            for value in values:
                connection.execute(
                    "INSERT INTO tags (id, type, name, name_key) VALUES (?, ?, ?, ?)",
                    (next_id, kind, value.value, name_key(value.value)),
                )
                closed[value] = next_id
                next_id += 1
    return closed


@dataclass(frozen=True, slots=True)
class _Rows:
    work: tuple[object, ...]
    tags: list[tuple[int, int, int]]
    author: tuple[int, int, str, str]
    text: tuple[int, str, str, str]


def _works(
    rng: random.Random,
    count: int,
    pools: dict[TagType, Pool],
    authors: Zipf,
    prose: Zipf,
    closed: dict[object, int],
) -> Iterator[_Rows]:
    for work_id in range(1, count + 1):
        words = max(100, int(rng.lognormvariate(8.3, 1.2)))
        chapters = 1 if rng.random() < 0.6 else max(1, words // rng.randint(1500, 6000))
        published = rng.randint(FIRST_DAY, LAST_DAY)
        updated = published if chapters == 1 else min(LAST_DAY, published + rng.randint(0, 900))
        rating = _pick(rng, RATINGS)
        warnings = {_pick(rng, WARNINGS)}
        if rng.random() < 0.15:
            warnings.add(_pick(rng, WARNINGS))
        if len(warnings) > 1:
            warnings.discard(Warning.NONE_APPLY)
        categories = {_pick(rng, CATEGORIES) for _ in range(rng.choice((1, 1, 1, 2)))}
        tag_ids = [
            *pools[TagType.FANDOM].sample(rng, rng.choice((1, 1, 1, 2))),
            *pools[TagType.RELATIONSHIP].sample(rng, rng.randint(0, 3)),
            *pools[TagType.CHARACTER].sample(rng, rng.randint(1, 6)),
            *pools[TagType.FREEFORM].sample(rng, rng.randint(0, 12)),
            *(closed[w] for w in warnings),
            *(closed[c] for c in categories),
        ]
        status = None if rng.random() < 0.05 else rng.random() < 0.75
        title = " ".join(VOCABULARY[prose.draw(rng)] for _ in range(rng.randint(1, 4))).title()
        summary = " ".join(VOCABULARY[prose.draw(rng)] for _ in range(rng.randint(8, 20)))
        body = " ".join(VOCABULARY[prose.draw(rng)] for _ in range(rng.randint(30, 80)))
        author = f"author{authors.draw(rng)}"
        yield _Rows(
            work=(
                work_id,
                title,
                summary,
                rating.value,
                rating.rank,
                None if status is None else (Status.COMPLETE if status else Status.IN_PROGRESS),
                _pick(rng, LANGUAGES),
                words,
                chapters,
                None if rng.random() < 0.02 else dt.date.fromordinal(published).isoformat(),
                None if rng.random() < 0.02 else dt.date.fromordinal(updated).isoformat(),
                f"hash{work_id}",
            ),
            tags=[(work_id, tag_id, position) for position, tag_id in enumerate(tag_ids)],
            author=(work_id, 0, author, author),
            text=(work_id, title, summary, body),
        )


def _pick(rng: random.Random, weights: dict[_T, float]) -> _T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _chunks(rows: Iterator[_Rows], size: int) -> Iterator[Sequence[_Rows]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="library folder (must be new)")
    args = parser.parse_args()
    with Library.open(args.out) as library:
        if library.count():
            parser.error(f"{args.out} already holds works")
        print(generate(library, args.works, args.seed))


if __name__ == "__main__":
    main()

"""The tag matrix's top-N per space: exact against a full scan, whatever the counts and ties."""

from __future__ import annotations

import random

import numpy as np
import pytest
from brute import top_tags
from synthetic import SyntheticLibrary

from ficshelf.search import FilterIndex, parse_query
from ficshelf.search.postings import SPACE_SHIFT, Space
from ficshelf.search.tagmatrix import _ranked, _top_columns


def full_scan(counts: np.ndarray, low: int, high: int, top_n: int) -> list[int]:
    """The columns of the top ``top_n`` non-zero counts, most first, ties by lowest column."""
    found = [(-int(counts[c]), c) for c in range(low, high) if counts[c]]
    return [column for _, column in sorted(found)[:top_n]]


def ordered(counts: np.ndarray, columns: np.ndarray, top_n: int) -> list[int]:
    return [c for _, c in sorted((-int(counts[c]), int(c)) for c in columns)[:top_n]]


@pytest.mark.parametrize("seed", range(40))
def test_top_columns_equal_a_full_scan(seed: int) -> None:
    rng = random.Random(seed)
    space = Space.FREEFORM
    width = rng.choice([30, 200, 3000])
    columns = np.arange(width, dtype=np.int64) + (int(space) << SPACE_SHIFT)
    # A long tail of library-wide totals, and a result holding a share of each tag's works,
    # with many equal counts so that ties at the N-th place are common.
    totals = np.array([max(1, int(5000 / (rank + 1) ** 1.1)) for rank in range(width)])
    rng.shuffle(totals)  # popularity is not the column order
    share = rng.choice([0.01, 0.1, 0.5])
    counts = np.array([sum(rng.random() < share for _ in range(min(t, 300))) for t in totals])
    recounted = rng.choice([0, 0, 3])
    counts += np.array([rng.randint(0, recounted) for _ in range(width)])
    top_n = rng.choice([0, 1, 5, 10])
    ranked = _ranked(columns, totals, space)
    got = _top_columns(counts, ranked, top_n, recounted)
    assert ordered(counts, got, top_n) == full_scan(counts, 0, width, top_n)


def test_facets_of_many_results_equal_brute_force(
    library: SyntheticLibrary, index: FilterIndex
) -> None:
    names = [f'rel:"relationship {n}"' for n in range(12)]
    names += [f'char:"character {n}"' for n in range(12)]
    names += [f'freeform:"freeform {n}" -tag:"freeform {n + 1}"' for n in range(12)]
    for text in names:
        result = index.evaluate(parse_query(text), library.resolver)
        works = [w for w in library.works if w.id in result]
        facets = index.facets(result, top_n=5)
        assert facets.characters == top_tags(works, lambda w: w.characters, 5), text
        assert facets.freeforms == top_tags(works, lambda w: w.freeforms, 5), text
        assert facets.relationships == top_tags(works, lambda w: w.relationships, 5), text


def _space_of(totals: list[int]) -> tuple[np.ndarray, np.ndarray]:
    columns = np.arange(len(totals), dtype=np.int64) + (int(Space.FREEFORM) << SPACE_SHIFT)
    return columns, np.array(totals)


def test_a_tag_just_popular_enough_to_place_is_found_without_a_full_scan() -> None:
    # 64 popular tags, 6 of middling use, and a long tail of tags on one work each.
    columns, totals = _space_of([100] * 64 + [5] * 6 + [1] * 1000)
    counts = np.zeros(len(totals), dtype=np.int64)
    counts[:9] = 50
    counts[9:64] = 2
    counts[69] = 5  # every work of the last middling tag is in the result: it places 10th
    got = _top_columns(counts, _ranked(columns, totals, Space.FREEFORM), 10, 0)
    assert ordered(counts, got, 10) == [*range(9), 69]


def test_works_counted_outside_the_matrix_can_lift_a_tail_tag_into_the_top() -> None:
    columns, totals = _space_of([100] * 64 + [4] + [1] * 1000)
    counts = np.zeros(len(totals), dtype=np.int64)
    counts[:64] = 5
    counts[64] = 4 + 3  # its 4 works, and 3 changed works that gained it since the build
    got = _top_columns(counts, _ranked(columns, totals, Space.FREEFORM), 1, recounted=3)
    assert ordered(counts, got, 1) == [64]

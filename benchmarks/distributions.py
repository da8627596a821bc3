"""Sampling helpers: popularity curves and length distributions like real archives'.

Every function takes the ``random.Random`` it draws from, so a corpus depends only on its seed.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping, Sequence
from statistics import NormalDist
from typing import Generic, TypeVar

T = TypeVar("T")


class Zipf(Generic[T]):
    """Items ranked by popularity; rank r is drawn with weight 1 / r**exponent."""

    def __init__(self, items: Sequence[T], exponent: float) -> None:
        self.items = tuple(items)
        weights = [1.0 / (rank**exponent) for rank in range(1, len(self.items) + 1)]
        self._cumulative = list(itertools.accumulate(weights))

    def one(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self._cumulative)[0]

    def distinct(self, rng: random.Random, count: int) -> list[T]:
        """Up to ``count`` different items, popular ones more likely, in drawing order."""
        count = min(count, len(self.items))
        chosen: list[T] = []
        while len(chosen) < count:
            item = self.one(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


def weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def log_normal_int(rng: random.Random, median: float, sigma: float, low: int, high: int) -> int:
    """A log-normal draw (most values near ``median``, a long upper tail), clamped."""
    return max(low, min(high, round(rng.lognormvariate(math.log(median), sigma))))


def multi_chapter_chance(words: int, median: float, sigma: float, share: float) -> float:
    """Longer works are more often split into chapters; the overall share comes out near
    ``share`` because the curve is centred on the word count that ``share`` of works exceed."""
    centre = math.log(median) + NormalDist().inv_cdf(1.0 - share) * sigma
    return 1.0 / (1.0 + math.exp(-4.0 * (math.log(words) - centre)))


def split_words(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split ``total`` words into ``parts`` chapter lengths that vary around the mean."""
    raw = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(raw)
    sizes = [max(50, round(value * scale)) for value in raw]
    sizes[-1] = max(50, sizes[-1] + total - sum(sizes))
    return sizes

"""What one generated work is: its metadata and chapters, drawn from the corpus's curves.

A ``WorkSpec`` is format-free; the renderers in ``benchmarks.render`` turn it into bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from benchmarks.distributions import (
    Zipf,
    log_normal_int,
    multi_chapter_chance,
    split_words,
    weighted,
)
from benchmarks.prose import ProsePool, fill
from benchmarks.vocab import Character, Fandom, Vocabulary

FIRST_DAY = dt.date(2002, 1, 1)
ARCHIVE_DAYS = 8000
NO_WARNINGS = "No Archive Warnings Apply"


@dataclass(frozen=True, slots=True)
class ChapterSpec:
    title: str | None
    paragraphs: tuple[str, ...]
    words: int


@dataclass(frozen=True, slots=True)
class Pairing:
    first: Character
    second: Character
    romantic: bool

    @property
    def canonical(self) -> str:
        joiner = "/" if self.romantic else " & "
        return f"{self.first.name}{joiner}{self.second.name}"

    @property
    def short(self) -> str:
        joiner = "/" if self.romantic else " & "
        return f"{self.first.short}{joiner}{self.second.short}"


@dataclass(frozen=True, slots=True)
class WorkSpec:
    index: int
    title: str
    author: str
    fandoms: tuple[Fandom, ...]
    characters: tuple[Character, ...]
    pairings: tuple[Pairing, ...]
    rating: str
    warnings: tuple[str, ...]
    categories: tuple[str, ...]
    freeforms: tuple[str, ...]
    summary: str
    chapters: tuple[ChapterSpec, ...]
    chapters_expected: int | None
    published: dt.date
    updated: dt.date
    series: tuple[str, int] | None

    @property
    def words(self) -> int:
        return sum(chapter.words for chapter in self.chapters)

    @property
    def complete(self) -> bool:
        return self.chapters_expected == len(self.chapters)


class WorkSampler:
    """Draws works for one corpus: popularity curves are built once, each work from its own
    rng (seeded by corpus seed and index) so a work does not depend on the ones before it."""

    def __init__(self, vocab: Vocabulary, seed: int) -> None:
        self.vocab = vocab
        self.seed = seed
        self.fandoms = Zipf(vocab.fandoms, vocab.setting("zipf", "fandoms"))
        self.freeforms = Zipf(vocab.freeforms, vocab.setting("zipf", "freeforms"))
        self.authors = Zipf(self._pen_names(), vocab.setting("zipf", "authors"))
        self._pools: dict[tuple[str, ...], ProsePool] = {}

    def _pen_names(self) -> list[str]:
        words = self.vocab.words
        rng = random.Random(f"{self.seed}:authors")
        drawn = (
            f"{rng.choice(words.pen_name_first)}{rng.choice(words.pen_name_second)}"
            + (str(rng.randint(1, 99)) if rng.random() < 0.4 else "")
            for _ in range(600)
        )
        names = list(dict.fromkeys(drawn))  # dedup in drawing order: sets are hash-ordered
        rng.shuffle(names)
        return names

    def _pool(self, fandoms: tuple[Fandom, ...]) -> ProsePool:
        key = tuple(fandom.name for fandom in fandoms)
        if key not in self._pools:
            seed = f"{self.seed}:prose:{'|'.join(key)}"
            self._pools[key] = ProsePool(self.vocab.words, fandoms, seed)
        return self._pools[key]

    def sample(self, index: int) -> WorkSpec:
        rng = random.Random(f"{self.seed}:work:{index}")
        fandoms = self._draw_fandoms(rng)
        characters = self._draw_characters(rng, fandoms)
        categories = self._draw_categories(rng)
        pairings = self._draw_pairings(rng, characters, romantic="Gen" not in categories)
        names = [character.short for character in characters]
        chapters, expected = self._draw_chapters(rng, fandoms)
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(ARCHIVE_DAYS))
        updated = published + dt.timedelta(days=rng.randrange(400) * (len(chapters) > 1))
        return WorkSpec(
            index=index,
            title=self._title(rng, names),
            author=self.authors.one(rng),
            fandoms=fandoms,
            characters=characters,
            pairings=pairings,
            rating=weighted(rng, self.vocab.weights("ratings")),
            warnings=self._draw_warnings(rng),
            categories=categories,
            freeforms=tuple(self.freeforms.distinct(rng, rng.randint(0, 12))),
            summary=self._phrase(rng, self.vocab.words.summary_patterns, names),
            chapters=chapters,
            chapters_expected=expected,
            published=published,
            updated=updated,
            series=self._draw_series(rng, names),
        )

    def _draw_fandoms(self, rng: random.Random) -> tuple[Fandom, ...]:
        crossover = rng.random() < self.vocab.setting("chapters", "crossover_share")
        return tuple(self.fandoms.distinct(rng, 2 if crossover else 1))

    def _draw_characters(
        self, rng: random.Random, fandoms: tuple[Fandom, ...]
    ) -> tuple[Character, ...]:
        exponent = self.vocab.setting("zipf", "characters")
        cast: list[Character] = []
        for fandom in fandoms:
            ranked = Zipf(fandom.characters, exponent)
            cast += ranked.distinct(rng, rng.randint(2, min(6, len(fandom.characters))))
        return tuple(cast)

    def _draw_pairings(
        self, rng: random.Random, characters: tuple[Character, ...], *, romantic: bool
    ) -> tuple[Pairing, ...]:
        count = min(rng.choice((0, 1, 1, 1, 2, 3)), len(characters) // 2)
        pool = list(characters)
        pairings = []
        for _ in range(count):
            first, second = pool.pop(0), pool.pop(0)
            pairings.append(Pairing(first, second, romantic and rng.random() < 0.9))
        return tuple(pairings)

    def _draw_categories(self, rng: random.Random) -> tuple[str, ...]:
        weights = self.vocab.weights("categories")
        first = weighted(rng, weights)
        if rng.random() < 0.12:
            second = weighted(rng, weights)
            return tuple(dict.fromkeys((first, second)))
        return (first,)

    def _draw_warnings(self, rng: random.Random) -> tuple[str, ...]:
        chances = self.vocab.weights("warnings")
        chose_not = "Creator Chose Not To Use Archive Warnings"
        if rng.random() * 1000 < chances[chose_not]:
            return (chose_not,)
        drawn = tuple(
            name
            for name, chance in chances.items()
            if name != chose_not and rng.random() * 1000 < chance
        )
        return drawn or (NO_WARNINGS,)

    def _draw_chapters(
        self, rng: random.Random, fandoms: tuple[Fandom, ...]
    ) -> tuple[tuple[ChapterSpec, ...], int | None]:
        shares = self.vocab.shares
        median, sigma = shares["words"]["median"], shares["words"]["sigma"]
        total = log_normal_int(
            rng, median, sigma, shares["words"]["minimum"], shares["words"]["maximum"]
        )
        share = self.vocab.setting("chapters", "multi_chapter_share")
        count = 1
        if rng.random() < multi_chapter_chance(total, median, sigma, share):
            chapter_median = self.vocab.setting("chapters", "chapter_words_median")
            count = max(2, round(total / (chapter_median * rng.uniform(0.5, 1.5))))
        pool = self._pool(fandoms)
        titled = rng.random() < 0.5
        chapters = tuple(
            self._chapter(rng, pool, words, titled) for words in split_words(rng, total, count)
        )
        in_progress = count > 1 and rng.random() < self.vocab.setting(
            "chapters", "in_progress_share"
        )
        expected = None if in_progress else count
        return chapters, expected

    def _chapter(
        self, rng: random.Random, pool: ProsePool, words: int, titled: bool
    ) -> ChapterSpec:
        title = rng.choice(self.vocab.words.chapter_titles) if titled else None
        text = pool.paragraphs(rng, words)
        return ChapterSpec(title, text.items, text.words)

    def _draw_series(self, rng: random.Random, names: list[str]) -> tuple[str, int] | None:
        if rng.random() >= self.vocab.setting("chapters", "series_share"):
            return None
        name = self._phrase(rng, self.vocab.words.title_patterns, names)
        return name, rng.randint(1, 6)

    def _title(self, rng: random.Random, names: list[str]) -> str:
        return self._phrase(rng, self.vocab.words.title_patterns, names)

    def _phrase(self, rng: random.Random, patterns: tuple[str, ...], names: list[str]) -> str:
        return fill(rng.choice(patterns), self.vocab.words, names, rng)

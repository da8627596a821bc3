"""The generator's vocabularies, loaded once from the TOML files in ``benchmarks/data``.

Kept apart from the code so the word lists, fandom tables and proportions can be tuned without
touching the logic that uses them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Character:
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class Fandom:
    name: str
    short: str
    characters: tuple[Character, ...]


@dataclass(frozen=True, slots=True)
class Words:
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    verbs: tuple[str, ...]
    intransitive: tuple[str, ...]
    adverbs: tuple[str, ...]
    prepositions: tuple[str, ...]
    places: tuple[str, ...]
    times: tuple[str, ...]
    templates: tuple[str, ...]
    title_patterns: tuple[str, ...]
    summary_patterns: tuple[str, ...]
    pen_name_first: tuple[str, ...]
    pen_name_second: tuple[str, ...]
    chapter_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    fandoms: tuple[Fandom, ...]
    words: Words
    freeforms: tuple[str, ...]
    fillers: tuple[str, ...]
    pleas: tuple[str, ...]
    shares: dict[str, dict[str, Any]]

    def weights(self, table: str) -> dict[str, float]:
        """A ``[table]`` of ``shares.toml`` as name -> weight."""
        return {name: float(weight) for name, weight in self.shares[table].items()}

    def setting(self, table: str, key: str) -> float:
        return float(self.shares[table][key])


def _load(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


def _fandom(entry: dict[str, Any]) -> Fandom:
    characters = tuple(Character(name, short) for name, short in entry["characters"])
    return Fandom(entry["name"], entry["short"], characters)


@cache
def vocabulary() -> Vocabulary:
    words = _load("words.toml")
    tags = _load("tags.toml")
    return Vocabulary(
        fandoms=tuple(_fandom(entry) for entry in _load("fandoms.toml")["fandoms"]),
        words=Words(**{key: tuple(value) for key, value in words.items()}),
        freeforms=tuple(tags["freeforms"]),
        fillers=tuple(tags["fillers"]),
        pleas=tuple(tags["pleas"]),
        shares=_load("shares.toml"),
    )

"""The tags one wrangle produced, before the user's rules are applied."""

from __future__ import annotations

from dataclasses import dataclass

from ficshelf.model import Category, TagRef, Warning


@dataclass(frozen=True, slots=True)
class WrangledTags:
    fandoms: tuple[TagRef, ...]
    warnings: tuple[Warning, ...]
    categories: tuple[Category, ...]
    relationships: tuple[TagRef, ...]
    characters: tuple[TagRef, ...]
    freeforms: tuple[TagRef, ...]
    notes: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    fandom_inferred: bool = False

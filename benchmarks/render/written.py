"""How people write metadata by hand: rating scales, warning phrases, pairing notations.

Shared by every free-form header style so they differ only in layout.
"""

from __future__ import annotations

import random

from benchmarks.spec import NO_WARNINGS, Pairing, WorkSpec

MPAA = {
    "General Audiences": "PG",
    "Teen And Up Audiences": "PG-13",
    "Mature": "R",
    "Explicit": "NC-17",
    "Not Rated": "",
}
FFN = {
    "General Audiences": "K+",
    "Teen And Up Audiences": "T",
    "Mature": "M",
    "Explicit": "M",
    "Not Rated": "T",
}
WARNING_PHRASES = {
    "Graphic Depictions Of Violence": "graphic violence",
    "Major Character Death": "character death",
    "Rape/Non-Con": "non-con",
    "Underage Sex": "underage",
}
CATEGORY_PHRASES = {
    "M/M": ("slash", "yaoi", "M/M", "shounen-ai"),
    "F/F": ("femslash", "yuri", "F/F"),
    "F/M": ("het", "F/M"),
    "Gen": ("gen", "no pairing"),
    "Multi": ("multi", "various pairings"),
    "Other": ("other",),
}


def pairing(pair: Pairing, rng: random.Random) -> str:
    if not pair.romantic:
        return f"{pair.first.short} & {pair.second.short}"
    joiner = rng.choice(("/", "/", " x ", "+"))
    return f"{pair.first.short}{joiner}{pair.second.short}"


def pairings_line(spec: WorkSpec, rng: random.Random) -> str:
    written = [pairing(pair, rng) for pair in spec.pairings]
    if len(written) > 1 and rng.random() < 0.5:
        return " and ".join(written)
    return ", ".join(written) or "none"


def categories_phrase(spec: WorkSpec, rng: random.Random) -> str:
    return ", ".join(rng.choice(CATEGORY_PHRASES[category]) for category in spec.categories)


def warnings_phrase(spec: WorkSpec) -> str:
    phrases = [WARNING_PHRASES[name] for name in spec.warnings if name in WARNING_PHRASES]
    if spec.warnings == (NO_WARNINGS,):
        return "none"
    return ", ".join(phrases) or "none, really"


def tags_with_filler(spec: WorkSpec, fillers: tuple[str, ...], rng: random.Random) -> str:
    """Freeforms the way the seed style lists them: with filler words in between."""
    items: list[str] = []
    for tag in spec.freeforms:
        if rng.random() < 0.25:
            items.append(rng.choice(fillers))
        items.append(tag)
    return ", ".join(items)


def character_names(spec: WorkSpec) -> str:
    return ", ".join(character.short for character in spec.characters)


def status_word(spec: WorkSpec) -> str:
    return "Complete" if spec.complete else "In-Progress"


def grouped(number: int) -> str:
    return f"{number:,}"

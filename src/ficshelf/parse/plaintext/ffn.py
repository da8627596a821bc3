"""FanFiction.net story lines: "Rated: M - English - Angst/Tragedy - Cloud S., Zack F. - ...".

The line is positional: rating, language, genres (a closed list, so we split it here),
characters (names in [brackets] are a pairing), then "Key: value" tallies and "Complete".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from ficshelf.parse.dates import parse_date
from ficshelf.parse.language import language_code
from ficshelf.parse.plaintext.labels import vocabulary
from ficshelf.parse.plaintext.values import parse_chapters, parse_count, parse_status

_PART_SEPARATOR = re.compile(r"\s+-\s+")
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w ]{0,15}):\s*(?P<value>.*)$")
_PAIRING = re.compile(r"\[([^\]]*)\]")
_FFN_MARKERS = re.compile(r"(?:^|\s-\s)(?:Words|Chapters|Reviews|Favs|Follows|id):", re.I)


@dataclass(frozen=True, slots=True)
class FfnLine:
    """What one FanFiction.net line states."""

    rating: str | None = None
    language: str | None = None
    genres: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    words: int | None = None
    chapter_count: int | None = None
    status: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    extra: dict[str, str] = field(default_factory=dict)


def looks_like_ffn(value: str) -> bool:
    """Is this "Rated:" value a whole FFN line rather than a bare rating?"""
    parts = _PART_SEPARATOR.split(value)
    if len(parts) < 3:
        return False
    return _FFN_MARKERS.search(value) is not None or language_code(parts[1]) is not None


@functools.cache
def _genre_pattern() -> re.Pattern[str]:
    genres = sorted(vocabulary()["ffn"]["genres"], key=len, reverse=True)
    return re.compile("|".join(re.escape(genre) for genre in genres), re.IGNORECASE)


def split_genres(text: str) -> tuple[str, ...] | None:
    """ "Angst/Hurt/Comfort" -> ("Angst", "Hurt/Comfort"); None if any piece is not a genre."""
    pattern = _genre_pattern()
    genres: list[str] = []
    position = 0
    stripped = text.strip()
    while position < len(stripped):
        match = pattern.match(stripped, position)
        if match is None:
            return None
        genres.append(match[0])
        position = match.end()
        if position < len(stripped):
            if stripped[position] != "/":
                return None
            position += 1
    return tuple(genres) or None


def parse_ffn_line(value: str) -> FfnLine:
    """Split an FFN line (without its leading "Rated:") into its fields."""
    parts = [part.strip() for part in _PART_SEPARATOR.split(value) if part.strip()]
    line = _Builder(rating=parts[0] if parts else None)
    for part in parts[1:]:
        key_value = _KEY_VALUE.match(part)
        if key_value is not None:
            line.take_tally(key_value["key"].strip(), key_value["value"].strip())
        elif parse_status(part) is not None and len(part.split()) <= 2:
            line.status = parse_status(part)
        elif line.language is None and language_code(part) is not None:
            line.language = part
        elif not line.genres and (genres := split_genres(part)) is not None:
            line.genres = genres
        else:
            line.take_characters(part)
    return line.freeze()


@dataclass(slots=True)
class _Builder:
    rating: str | None = None
    language: str | None = None
    genres: tuple[str, ...] = ()
    characters: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    words: int | None = None
    chapter_count: int | None = None
    status: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def take_tally(self, key: str, value: str) -> None:
        folded = key.casefold()
        if folded == "words":
            self.words = parse_count(value)
        elif folded == "chapters":
            self.chapter_count = parse_chapters(value)[0]
        elif folded == "published":
            # FFN prints American dates: month first.
            self.published = parse_date(value, day_first=False)
        elif folded == "updated":
            self.updated = parse_date(value, day_first=False)
        elif folded == "status":
            self.status = parse_status(value) or value
        else:
            self.extra[key] = value

    def take_characters(self, part: str) -> None:
        """ "[Harry P., Draco M.] Ron W." -> pairing Harry P./Draco M., character Ron W."""
        for pairing in _PAIRING.findall(part):
            names = [name.strip() for name in pairing.split(",") if name.strip()]
            if names:
                self.relationships.append("/".join(names))
        rest = _PAIRING.sub(",", part)
        self.characters.extend(name.strip() for name in rest.split(",") if name.strip())

    def freeze(self) -> FfnLine:
        return FfnLine(
            rating=self.rating,
            language=self.language,
            genres=self.genres,
            characters=tuple(self.characters),
            relationships=tuple(self.relationships),
            words=self.words,
            chapter_count=self.chapter_count,
            status=self.status,
            published=self.published,
            updated=self.updated,
            extra=dict(self.extra),
        )

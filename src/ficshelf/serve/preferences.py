"""A reader's preferences, reading places and gate answers, kept in signed cookies.

ficshelf has no accounts: a reader is a browser. Three cookies, each a signed JSON value so a
page cannot be fooled into a state the reader never chose:

- ``ficshelf_prefs`` (a year): theme, font, size, width, blocked tags and authors, how blocked
  works show, and whether the content gate asks per work or per session;
- ``ficshelf_reading`` (a year): where the reader stopped in recent works (the history);
- ``ficshelf_session`` (until the browser closes): which gated works the reader chose to open.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

PREFS_COOKIE = "ficshelf_prefs"
READING_COOKIE = "ficshelf_reading"
SESSION_COOKIE = "ficshelf_session"
YEAR_SECONDS = 365 * 24 * 3600
HISTORY_LENGTH = 30
MAX_BLOCKED = 100
_SECRET_FILE = "serve-secret"


@cache
def choices() -> Mapping[str, Mapping[str, str]]:
    """Every choice the preferences page offers: setting -> value -> label (first = default)."""
    text = resources.files("ficshelf.data").joinpath("web/preferences.toml").read_text("utf-8")
    return tomllib.loads(text)


def _default(setting: str) -> str:
    return next(iter(choices()[setting]))


@dataclass(frozen=True, slots=True)
class Preferences:
    theme: str = field(default_factory=lambda: _default("theme"))
    font: str = field(default_factory=lambda: _default("font"))
    size: str = field(default_factory=lambda: _default("size"))
    width: str = field(default_factory=lambda: _default("width"))
    block_mode: str = field(default_factory=lambda: _default("block_mode"))
    gate_scope: str = field(default_factory=lambda: _default("gate_scope"))
    blocked_tags: tuple[str, ...] = ()
    blocked_authors: tuple[str, ...] = ()

    @property
    def collapses(self) -> bool:
        """Blocked works show as a title and warnings the reader may open."""
        return self.block_mode == "collapse"

    @property
    def blocks_anything(self) -> bool:
        return bool(self.blocked_tags or self.blocked_authors)

    def choosing(self, setting: str, value: str) -> Preferences:
        """These preferences with one of the ``choices()`` settings changed."""
        changes: dict[str, Any] = {setting: value}
        return replace(self, **changes)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Preferences:
        """Preferences from a cookie value; anything unknown or malformed falls to the default."""
        if not isinstance(data, dict):
            return cls()
        prefs = cls()
        for setting, values in choices().items():
            value = data.get(setting)
            if isinstance(value, str) and value in values:
                prefs = prefs.choosing(setting, value)
        return replace(
            prefs,
            blocked_tags=clean_names(data.get("blocked_tags")),
            blocked_authors=clean_names(data.get("blocked_authors")),
        )


def clean_names(value: object) -> tuple[str, ...]:
    """A list of names as typed: stripped, blank and repeated (ignoring case) ones dropped."""
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list | tuple):
        return ()
    seen: dict[str, str] = {}
    for item in value:
        if isinstance(item, str) and (name := " ".join(item.split())):
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())[:MAX_BLOCKED]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a reader stopped in a work: a chapter and how far down it (0..1)."""

    work_id: int
    chapter: int
    fraction: float
    at: int  # unix seconds, for "last read" in the history


@dataclass(frozen=True, slots=True)
class Reading:
    """The reader's places in recent works, most recent first."""

    places: tuple[Place, ...] = ()

    def place(self, work_id: int) -> Place | None:
        return next((place for place in self.places if place.work_id == work_id), None)

    def remember(self, work_id: int, chapter: int, fraction: float) -> Reading:
        fraction = min(max(fraction, 0.0), 1.0)
        place = Place(work_id, max(chapter, 1), round(fraction, 4), int(time.time()))
        others = tuple(p for p in self.places if p.work_id != work_id)
        return Reading((place, *others)[:HISTORY_LENGTH])

    def as_json(self) -> list[list[float]]:
        return [[p.work_id, p.chapter, p.fraction, p.at] for p in self.places]

    @classmethod
    def from_json(cls, data: object) -> Reading:
        places: list[Place] = []
        if isinstance(data, list):
            for item in data[:HISTORY_LENGTH]:
                if isinstance(item, list) and len(item) == 4 and _numbers(item):
                    work_id, chapter, fraction, at = item
                    places.append(Place(int(work_id), int(chapter), float(fraction), int(at)))
        return cls(tuple(places))


def _numbers(items: Sequence[object]) -> bool:
    return all(isinstance(item, int | float) and not isinstance(item, bool) for item in items)


@dataclass(frozen=True, slots=True)
class GateAnswers:
    """Gated works the reader chose to open this browser session (or all of them)."""

    everything: bool = False
    works: frozenset[int] = frozenset()

    def allows(self, work_id: int) -> bool:
        return self.everything or work_id in self.works

    def proceed(self, work_id: int, scope: str) -> GateAnswers:
        if scope == "session":
            return GateAnswers(True, self.works)
        return GateAnswers(self.everything, self.works | {work_id})

    def as_json(self) -> dict[str, Any]:
        return {"all": self.everything, "works": sorted(self.works)[-500:]}

    @classmethod
    def from_json(cls, data: object) -> GateAnswers:
        if not isinstance(data, dict):
            return cls()
        works = data.get("works")
        ids = frozenset(
            item for item in (works if isinstance(works, list) else []) if isinstance(item, int)
        )
        return cls(data.get("all") is True, ids)


class CookieSigner:
    """Signs JSON values with HMAC-SHA256 so a reader's cookies cannot be forged or edited."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def dump(self, value: object) -> str:
        body = base64.urlsafe_b64encode(
            json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        ).decode("ascii")
        return f"{body}.{self._signature(body)}"

    def load(self, cookie: str | None) -> object:
        """The signed value, or None when the cookie is missing, edited or malformed."""
        if not cookie or "." not in cookie:
            return None
        body, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._signature(body)):
            return None
        try:
            return json.loads(base64.urlsafe_b64decode(body.encode("ascii")))
        except (ValueError, UnicodeDecodeError):
            return None

    def _signature(self, body: str) -> str:
        digest = hmac.new(self._secret, body.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def library_secret(directory: Path) -> bytes:
    """The key that signs cookies: made once per library, kept in its folder (owner-only)."""
    path = directory / _SECRET_FILE
    if path.exists():
        return path.read_bytes()
    directory.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32).encode("ascii")
    path.touch(mode=0o600)
    path.write_bytes(secret)
    return secret

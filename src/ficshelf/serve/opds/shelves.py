"""The catalog's groupings (fandoms, relationships, authors, series) and when works changed.

Read-only queries on an open connection, like ``library.blurbs`` for the web pages. Counting
is separate from reading (:func:`count_groups` is pure) so that the caller can leave out the
works a reader's blocks hide before anything is counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ficshelf.library.db import Connection
from ficshelf.library.keys import name_key


class Grouping(StrEnum):
    """What a navigation feed lists; the value is the query-language field that finds a
    group's works (``fandom:"Naruto"``)."""

    FANDOM = "fandom"
    RELATIONSHIP = "relationship"
    AUTHOR = "author"
    SERIES = "series"


_TAGGED = (
    "SELECT tags.name, work_tags.work_id FROM work_tags "
    "JOIN tags ON tags.id = work_tags.tag_id WHERE tags.type = ? ORDER BY tags.name"
)
_MEMBERS: dict[Grouping, tuple[str, tuple[str, ...]]] = {
    Grouping.FANDOM: (_TAGGED, ("fandom",)),
    Grouping.RELATIONSHIP: (_TAGGED, ("relationship",)),
    Grouping.AUTHOR: ("SELECT name, work_id FROM work_authors ORDER BY name", ()),
    Grouping.SERIES: (
        "SELECT series.name, work_series.work_id FROM work_series "
        "JOIN series ON series.id = work_series.series_id ORDER BY series.name",
        (),
    ),
}


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    works: int


def members(connection: Connection, grouping: Grouping) -> list[tuple[str, int]]:
    """Every ``(group name, work id)`` pair of one grouping."""
    sql, params = _MEMBERS[grouping]
    return [(str(name), int(work_id)) for name, work_id in connection.execute(sql, params)]


def count_groups(pairs: Iterable[tuple[str, int]], visible: Callable[[int], bool]) -> list[Group]:
    """Groups with how many ``visible`` works each has, by name (case ignored); groups left
    with no visible work are left out. Names differing only in case or spacing are one group,
    as they are to the query language; the first spelling met is shown."""
    names: dict[str, str] = {}
    works: dict[str, set[int]] = {}
    for name, work_id in pairs:
        if not visible(work_id):
            continue
        key = name_key(name)
        names.setdefault(key, name)
        works.setdefault(key, set()).add(work_id)
    groups = [Group(names[key], len(ids)) for key, ids in works.items()]
    return sorted(groups, key=lambda group: (group.name.casefold(), group.name))


def imported_at(connection: Connection, ids: Sequence[int]) -> dict[int, dt.datetime]:
    """When each of ``ids`` was last stored (the fallback for works that state no date)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = connection.execute(f"SELECT id, imported_at FROM works WHERE id IN ({marks})", ids)
    return {int(work_id): _moment(str(at)) for work_id, at in rows}


def last_import(connection: Connection) -> dt.datetime | None:
    """When the library last stored a work; None for an empty library."""
    (latest,) = connection.execute("SELECT MAX(imported_at) FROM works").fetchone()
    return _moment(str(latest)) if latest else None


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

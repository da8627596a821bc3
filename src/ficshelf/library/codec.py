"""RawWork <-> JSON text, for the ``works.raw_json`` column.

The raw metadata is kept whole (not spread over columns) because nothing queries it: it is there
so ``inspect``-style records and re-wrangling after a new rule can be made from the library alone,
without the source file. Chapters are stored in their own table and passed back in on decode.
Decoding ignores keys it does not know and defaults fields it does not find, so old rows stay
readable when RawWork gains a field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ficshelf.model import RawChapter, RawWork, SeriesRef

_DATE_FIELDS = frozenset({"published", "updated"})


def raw_to_json(raw: RawWork) -> str:
    data = {
        field.name: _plain(getattr(raw, field.name))
        for field in dataclasses.fields(raw)
        if field.name != "chapters"
    }
    return json.dumps(data, ensure_ascii=False)


def raw_from_json(text: str, chapters: Sequence[RawChapter]) -> RawWork:
    data: dict[str, Any] = json.loads(text)
    known = {field.name for field in dataclasses.fields(RawWork)}
    values = {name: _typed(name, value) for name, value in data.items() if name in known}
    values["chapters"] = tuple(chapters)
    return RawWork(**values)


def _plain(value: object) -> object:
    """The JSON form of one RawWork field value."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, SeriesRef):
        return {"name": value.name, "position": value.position}
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _typed(name: str, value: Any) -> Any:
    """Back from JSON to the RawWork field's type (tuples, dates, SeriesRef)."""
    if value is None:
        return None
    if name in _DATE_FIELDS:
        return dt.date.fromisoformat(value)
    if name == "series":
        return tuple(SeriesRef(item["name"], item.get("position")) for item in value)
    if isinstance(value, list):
        return tuple(value)
    return value

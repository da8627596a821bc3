"""Reading the library's tags: counts, written forms, parents, the review list, and how a tag
came to be on each work (``ficshelf tags``, ``ficshelf tags --why``).

What a tag "is" is read from ``work_tags`` (every work's tag, with what the file wrote and the
wrangler's reason), so the answers always describe the works as they are now, after every
re-wrangle. Every function takes an open connection and only reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ficshelf.library.db import Connection
from ficshelf.vocab import fold

TagSort = Literal["count", "name"]
TAG_SORTS: tuple[TagSort, ...] = ("count", "name")
TAG_TYPES = ("fandom", "relationship", "character", "freeform", "warning", "category")
_CHUNK = 500
_ORDER: dict[TagSort, str] = {
    "count": "uses DESC, tags.name",
    "name": "lower(tags.name), tags.name",
}


@dataclass(frozen=True, slots=True)
class TagLine:
    """One tag of the library: how many works carry it and its synonyms.

    ``synonyms`` are the forms other than the name that works wrote it as (most used first),
    then the names user rules fold into it (a renamed tag's old name); ``review`` is the
    wrangler's reason when it could not place the tag (None for a placed tag).
    """

    id: int
    type: str
    name: str
    works: int
    synonyms: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    review: str | None = None


@dataclass(frozen=True, slots=True)
class WrittenForm:
    """One way a tag was reached: what the file wrote, why the wrangler read it so, and where.

    ``written`` is "" when nothing was written (a fandom inferred from the characters).
    """

    written: str
    how: str
    work_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TagAccount:
    """Everything ``tags --why`` says about one tag."""

    tag: TagLine
    forms: tuple[WrittenForm, ...]
    children: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TagMatch:
    """A tag found for what a user typed: by its name, or by a form it was written in."""

    id: int
    type: str
    name: str
    by_name: bool


def tag_lines(
    connection: Connection,
    *,
    tag_type: str | None = None,
    unwrangled: bool = False,
    sort: TagSort = "count",
    limit: int | None = None,
) -> list[TagLine]:
    """Tags that some work carries, with counts; ``unwrangled`` keeps those under review."""
    conditions: list[str] = []
    params: list[object] = []
    if tag_type is not None:
        conditions.append("tags.type = ?")
        params.append(tag_type)
    if unwrangled:
        conditions.append("tag_review.tag_id IS NOT NULL")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    page = " LIMIT ?" if limit is not None else ""
    if limit is not None:
        params.append(limit)
    rows = connection.execute(
        f"""
        SELECT tags.id, tags.type, tags.name, COUNT(*) AS uses, tag_review.reason
        FROM tags
        JOIN work_tags ON work_tags.tag_id = tags.id
        LEFT JOIN tag_review ON tag_review.tag_id = tags.id
        {where}
        GROUP BY tags.id, tags.type, tags.name, tag_review.reason
        ORDER BY {_ORDER[sort]}{page}
        """,
        params,
    ).fetchall()
    return _with_forms_and_parents(connection, rows)


def tag_line(connection: Connection, tag_id: int) -> TagLine | None:
    rows = connection.execute(
        """
        SELECT tags.id, tags.type, tags.name,
               (SELECT COUNT(*) FROM work_tags WHERE work_tags.tag_id = tags.id) AS uses,
               tag_review.reason
        FROM tags LEFT JOIN tag_review ON tag_review.tag_id = tags.id
        WHERE tags.id = ?
        """,
        (tag_id,),
    ).fetchall()
    lines = _with_forms_and_parents(connection, rows)
    return lines[0] if lines else None


def matching_tags(
    connection: Connection, typed: str, tag_type: str | None = None
) -> list[TagMatch]:
    """Tags in use whose name, or a form some work wrote them as, is ``typed`` (case, spacing
    and punctuation aside); tags matched by name come first."""
    wanted = fold(typed)
    if not wanted:
        return []
    typed_filter = " AND tags.type = ?" if tag_type else ""
    params: tuple[str, ...] = (tag_type,) if tag_type else ()
    by_name: dict[int, TagMatch] = {}
    by_written: dict[int, TagMatch] = {}
    for tag_id, found_type, name, written in connection.execute(
        "SELECT DISTINCT tags.id, tags.type, tags.name, work_tags.written FROM work_tags "
        f"JOIN tags ON tags.id = work_tags.tag_id WHERE 1 = 1{typed_filter}",
        params,
    ):
        if fold(name) == wanted:
            by_name[tag_id] = TagMatch(tag_id, found_type, name, by_name=True)
        elif written and fold(written) == wanted:
            by_written[tag_id] = TagMatch(tag_id, found_type, name, by_name=False)
    exact = [match for match in by_name.values() if match.name == typed.strip()]
    rest = [match for match in by_name.values() if match not in exact]
    written_only = [match for tag_id, match in by_written.items() if tag_id not in by_name]
    return exact + rest + written_only


def tag_account(connection: Connection, tag_id: int) -> TagAccount | None:
    """How the tag came to be on each of its works: every written form, reason and work."""
    line = tag_line(connection, tag_id)
    if line is None:
        return None
    works: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for written, how, work_id in connection.execute(
        "SELECT written, how, work_id FROM work_tags WHERE tag_id = ? ORDER BY work_id",
        (tag_id,),
    ):
        works[(written if written is not None else line.name, how)].append(int(work_id))
    forms = sorted(
        (WrittenForm(written, how, tuple(ids)) for (written, how), ids in works.items()),
        key=lambda form: (-len(form.work_ids), form.written.casefold(), form.how),
    )
    children = tuple(
        name
        for (name,) in connection.execute(
            "SELECT tags.name FROM tag_parents JOIN tags ON tags.id = tag_parents.tag_id "
            "WHERE tag_parents.parent_id = ? ORDER BY tags.name",
            (tag_id,),
        )
    )
    return TagAccount(line, tuple(forms), children)


def tag_types_named(connection: Connection, typed: str) -> list[str]:
    """The types of the tags ``typed`` names (see :func:`matching_tags`), most likely first."""
    return list(dict.fromkeys(match.type for match in matching_tags(connection, typed)))


def canonical_names(connection: Connection, tag_type: str) -> list[str]:
    """Names of the placed tags of one type that some work carries (suggestion candidates)."""
    return [
        name
        for (name,) in connection.execute(
            "SELECT DISTINCT tags.name FROM tags JOIN work_tags ON work_tags.tag_id = tags.id "
            "WHERE tags.type = ? AND tags.id NOT IN (SELECT tag_id FROM tag_review)",
            (tag_type,),
        )
    ]


# --- filling in a page of tags ------------------------------------------------------------------


def _with_forms_and_parents(
    connection: Connection, rows: Sequence[tuple[int, str, str, int, str | None]]
) -> list[TagLine]:
    ids = [int(row[0]) for row in rows]
    written = _written_forms(connection, ids)
    folded_in = _rule_sources(connection)
    parents = _parent_names(connection, ids)
    return [
        TagLine(
            id=int(tag_id),
            type=str(tag_type),
            name=str(name),
            works=int(uses),
            synonyms=tuple(
                form
                for form in dict.fromkeys(
                    [*written.get(tag_id, ()), *folded_in.get((tag_type, name), ())]
                )
                if form != name
            ),
            parents=tuple(parents.get(tag_id, ())),
            review=reason,
        )
        for tag_id, tag_type, name, uses, reason in rows
    ]


def _written_forms(connection: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    forms: defaultdict[int, list[str]] = defaultdict(list)
    for chunk, marks in _chunks(ids):
        for tag_id, written, _uses in connection.execute(
            "SELECT tag_id, written, COUNT(*) AS uses FROM work_tags "
            f"WHERE tag_id IN ({marks}) AND written IS NOT NULL AND written != '' "
            "GROUP BY tag_id, written ORDER BY tag_id, uses DESC, written",
            chunk,
        ):
            forms[int(tag_id)].append(str(written))
    return forms


def _rule_sources(connection: Connection) -> dict[tuple[str, str], list[str]]:
    """(type, target) -> the names user rules make mean that tag."""
    sources: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for tag_type, source, target in connection.execute(
        "SELECT tag_type, source, target FROM wrangle_rules "
        "WHERE kind IN ('synonym', 'merge', 'rename') ORDER BY id"
    ):
        sources[(str(tag_type), str(target))].append(str(source))
    return sources


def _parent_names(connection: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    parents: defaultdict[int, list[str]] = defaultdict(list)
    for chunk, marks in _chunks(ids):
        for tag_id, name in connection.execute(
            "SELECT tag_parents.tag_id, tags.name FROM tag_parents "
            "JOIN tags ON tags.id = tag_parents.parent_id "
            f"WHERE tag_parents.tag_id IN ({marks}) ORDER BY tags.name",
            chunk,
        ):
            parents[int(tag_id)].append(str(name))
    return parents


def _chunks(ids: Sequence[int]) -> Iterator[tuple[Sequence[int], str]]:
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield chunk, ", ".join("?" * len(chunk))


def work_ids_with_tags(connection: Connection, tag_ids: Iterable[int]) -> set[int]:
    """Every work carrying at least one of these tags."""
    found: set[int] = set()
    for chunk, marks in _chunks(list(tag_ids)):
        found.update(
            int(work_id)
            for (work_id,) in connection.execute(
                f"SELECT DISTINCT work_id FROM work_tags WHERE tag_id IN ({marks})", chunk
            )
        )
    return found


def work_titles(connection: Connection, work_ids: Iterable[int]) -> dict[int, str]:
    """Titles of these works, to name them beside their ids."""
    titles: dict[int, str] = {}
    for chunk, marks in _chunks(list(dict.fromkeys(work_ids))):
        titles.update(
            (int(work_id), str(title))
            for work_id, title in connection.execute(
                f"SELECT id, title FROM works WHERE id IN ({marks})", chunk
            )
        )
    return titles

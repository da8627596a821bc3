"""Free text in a query, answered by the library's full-text engine.

SQLite: FTS5 (``MATCH`` with :func:`ficshelf.search.fts.to_fts5`, ``bm25`` for best match,
``snippet()`` for highlights). PostgreSQL: a ``tsvector`` per work built from the same folded
words (``ficshelf.library.fulltext``), queried with a ``tsquery`` that :func:`to_tsquery`
builds from folded words only (never from the user's raw text), ``ts_rank`` and
``ts_headline``. Both give the same set of works for the same query; scores differ.

Snippets are safe HTML: the engine marks hits with control characters that stored text never
holds, the text is escaped, and only then do the marks become ``<mark>`` tags.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from collections.abc import Sequence
from typing import Protocol

from pyroaring import BitMap

from ficshelf.library.db import POSTGRESQL, Connection
from ficshelf.library.fulltext import MARK_END, MARK_START, text_tokens
from ficshelf.search.ast import And, Not, Or, Phrase, TextQuery, Word
from ficshelf.search.fts import to_fts5

_SNIPPET_WORDS = 24
_ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")
# Weights of title, summary, body for bm25 (FTS5 column order): a hit in the title counts most.
_BM25_WEIGHTS = "10.0, 4.0, 1.0"
_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    f'MaxFragments=1, FragmentDelimiter="{_ELLIPSIS}"'
)


class FullText(Protocol):
    def matches(self, query: TextQuery, among: BitMap | None = None) -> BitMap:
        """Ids of the works matching ``query``; with ``among``, only those of these works
        (looked up one by one: worth it for a handful of candidates, not for thousands)."""
        ...

    def ranked(self, query: TextQuery, among: BitMap | None = None) -> array[int]:
        """The same ids, best match first, ties by lowest id."""
        ...

    def snippets(self, query: TextQuery, ids: Sequence[int]) -> dict[int, str]:
        """For each of ``ids`` that matches, a short HTML passage with ``<mark>`` on the hits."""
        ...


def fulltext_for(connection: Connection) -> FullText:
    if connection.dialect == POSTGRESQL:
        return PostgresFullText(connection)
    return SqliteFullText(connection)


class SqliteFullText:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def matches(self, query: TextQuery, among: BitMap | None = None) -> BitMap:
        return BitMap(self._ids(query, among, order=""))

    def ranked(self, query: TextQuery, among: BitMap | None = None) -> array[int]:
        # bm25: lower is better. Its IDF is the whole table's, so scores (and this order) are
        # the same whether or not ``among`` narrows the rows.
        return self._ids(query, among, order=f" ORDER BY bm25(works_fts, {_BM25_WEIGHTS}), rowid")

    def _ids(self, query: TextQuery, among: BitMap | None, order: str) -> array[int]:
        sql = "SELECT rowid FROM works_fts WHERE works_fts MATCH ?"
        params: list[object] = [to_fts5(query)]
        if among is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(among)))
        return array("I", (row[0] for row in self._connection.execute(sql + order, params)))

    def snippets(self, query: TextQuery, ids: Sequence[int]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self._connection.execute(
            f"SELECT rowid, snippet(works_fts, -1, ?, ?, ?, {_SNIPPET_WORDS}) FROM works_fts "
            f"WHERE works_fts MATCH ? AND rowid IN ({marks})",
            (MARK_START, MARK_END, _ELLIPSIS, to_fts5(query), *ids),
        )
        return {int(work_id): marked_html(text) for work_id, text in rows}


class PostgresFullText:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def matches(self, query: TextQuery, among: BitMap | None = None) -> BitMap:
        return BitMap(self._ids(query, among, order=""))

    def ranked(self, query: TextQuery, among: BitMap | None = None) -> array[int]:
        return self._ids(query, among, order=" ORDER BY ts_rank(document, q) DESC, work_id")

    def _ids(self, query: TextQuery, among: BitMap | None, order: str) -> array[int]:
        compiled = to_tsquery(query)
        if compiled is None:
            return array("I")
        sql = "SELECT work_id FROM works_fts, CAST(? AS tsquery) AS q WHERE document @@ q"
        params: list[object] = [compiled]
        if among is not None:
            sql += " AND work_id = ANY(?)"
            params.append(list(among))
        return array("I", (row[0] for row in self._connection.execute(sql + order, params)))

    def snippets(self, query: TextQuery, ids: Sequence[int]) -> dict[int, str]:
        compiled = to_tsquery(query)
        if compiled is None or not ids:
            return {}
        # ts_headline drops what looks like an HTML tag, so a story's "<script>" would vanish
        # from the passage: escape first (in SQL), and the tags are shown as the text they are.
        rows = self._connection.execute(
            "SELECT work_id, ts_headline('simple', "
            f"{_escaped_sql('CASE WHEN to_tsvector(?, summary) @@ q THEN summary ELSE body END')}"
            ", q, ?) FROM works_fts, CAST(? AS tsquery) AS q "
            "WHERE work_id = ANY(?) AND document @@ q",
            ("simple", _HEADLINE, compiled, list(ids)),
        )
        return {int(work_id): _with_marks(text) for work_id, text in rows}


def _escaped_sql(expression: str) -> str:
    """SQL that HTML-escapes ``expression`` (``&`` first, so nothing is escaped twice)."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        expression = f"replace({expression}, '{char}', '{entity}')"
    return expression


def marked_html(text: str) -> str:
    """Escape ``text`` for HTML, then turn the engine's hit markers into ``<mark>`` tags."""
    return _with_marks(html.escape(text))


def _with_marks(escaped: str) -> str:
    collapsed = _SPACES.sub(" ", escaped).strip()
    return collapsed.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def to_tsquery(query: TextQuery) -> str | None:
    """A PostgreSQL tsquery for ``query``, None when it can match nothing (a word that has no
    letters or digits, as FTS5 treats it). Lexemes are folded letter/digit runs: no quoting
    or operator can come from the user."""
    match query:
        case Word(text, prefix):
            return _sequence(list(text_tokens(text)), prefix)
        case Phrase(text):
            return _sequence(list(text_tokens(text)), prefix=False)
        case Or(items):
            parts = [part for item in items if (part := to_tsquery(item)) is not None]
            return "(" + " | ".join(parts) + ")" if parts else None
        case And(items):
            return _and(items)
        case Not():
            raise ValueError("a NOT on its own cannot be a tsquery; subtract it instead")


def _and(items: tuple[TextQuery, ...]) -> str | None:
    keep = [to_tsquery(item) for item in items if not isinstance(item, Not)]
    if not keep:
        raise ValueError("an AND of exclusions only cannot be a tsquery")
    if None in keep:
        return None
    drop = [to_tsquery(item.item) for item in items if isinstance(item, Not)]
    parts = [str(part) for part in keep] + [f"!{part}" for part in drop if part is not None]
    return "(" + " & ".join(parts) + ")"


def _sequence(tokens: list[str], prefix: bool) -> str | None:
    """Words that must follow one another (one word: just that word)."""
    if not tokens:
        return None
    lexemes = [f"'{token}'" for token in tokens]
    if prefix:
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"

"""Compile a ``TextQuery`` into an SQLite FTS5 MATCH expression that is safe by construction.

Every word the user typed is emitted as an FTS5 string ("..." with inner quotes doubled), so
nothing the user writes can be read as FTS5 syntax: not ``NEAR(``, not ``col:``, not ``^``,
not a stray quote. Only the operators the parser built (AND, OR, NOT, a prefix ``*``) and the
parentheses this module adds are bare.
"""

from __future__ import annotations

from ficshelf.search.ast import And, Not, Or, Phrase, TextQuery, Word


def to_fts5(query: TextQuery) -> str:
    """The MATCH expression for ``query``. A bare ``Not`` is refused (nothing to subtract from)."""
    match query:
        case Word(text, prefix):
            return _string(text) + (" *" if prefix else "")
        case Phrase(text):
            return _string(text)
        case Or(items):
            return "(" + " OR ".join(to_fts5(item) for item in items) + ")"
        case And(items):
            return _and(items)
        case Not():
            raise ValueError("a NOT on its own cannot be an FTS5 query; subtract it instead")


def _and(items: tuple[TextQuery, ...]) -> str:
    keep = [to_fts5(item) for item in items if not isinstance(item, Not)]
    drop = [to_fts5(item.item) for item in items if isinstance(item, Not)]
    if not keep:
        raise ValueError("an AND of exclusions only cannot be an FTS5 query")
    expression = "(" + " AND ".join(keep) + ")"
    if drop:
        expression = f"({expression} NOT ({' OR '.join(drop)}))"
    return expression


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'

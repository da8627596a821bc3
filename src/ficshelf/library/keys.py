"""How names are compared when a reader types them: the stored ``*_key`` columns hold this."""

from __future__ import annotations


def name_key(name: str) -> str:
    """A tag, series or author name folded for lookup: case and runs of spaces ignored.

    Kept in a column (filled in by Python, not SQL) so that both backends fold exactly alike;
    SQLite's own lower() knows only ASCII.
    """
    return " ".join(name.split()).casefold()

"""Writing a work's full text (title, summary, body) into the backend's full-text table.

SQLite indexes it with FTS5 (tokenizer ``unicode61 remove_diacritics 2``) as "external
content": the index keeps no copy of the text and reads it, for snippets, from the view
``works_text`` over works and chapters. So a work must leave the index *before* its row or its
chapters change (:func:`delete_document`): FTS5 removes a document by re-reading the words it
was indexed with, and after the change the view would give other words. PostgreSQL gets a
``tsvector`` that this module builds from the same words, split and folded in Python the way
FTS5 does it (:func:`text_tokens`), so the same query finds the same works on both backends.
Searching lives in ``ficshelf.search.fulltext``; it folds query words with the same function.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from ficshelf.library.db import POSTGRESQL, Connection

# Snippet highlight markers: control characters that never occur in stored text (they are
# removed on the way in), so a story cannot forge a highlight.
MARK_START = "\x02"
MARK_END = "\x03"

_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits, as FTS5's unicode61 splits
_MAX_POSITION = 16383  # PostgreSQL's last word position; later words all share it
_MAX_POSITIONS_PER_WORD = 256
_MAX_LEXEME_BYTES = 2046
_COLUMN_GAP = 2  # positions skipped between columns: no phrase spans title and summary
_WEIGHTS = ("A", "B", "")  # title, summary, body (D, the default, is written as nothing)


def fold_token(token: str) -> str:
    """Lower case without diacritics ("Café" -> "cafe"), like FTS5's remove_diacritics."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def text_tokens(text: str) -> Iterator[str]:
    """The searchable words of ``text``, folded."""
    for match in _TOKEN.finditer(text):
        folded = fold_token(match.group())
        if folded:
            yield folded


def without_markers(text: str) -> str:
    """``text`` with the highlight markers removed. ``str.replace`` rather than a deletion
    table for ``str.translate``: on a long story it is a hundred times faster."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def write_document(
    connection: Connection, work_id: int, title: str, summary: str, body: str
) -> None:
    """Index a work's text; inside an import's batch the row waits for the batch's commit
    (``Connection.insert_later``), which indexes many works in one go."""
    title, summary, body = (without_markers(text) for text in (title, summary, body))
    if connection.dialect == POSTGRESQL:
        connection.insert_later(
            "INSERT INTO works_fts (work_id, title, summary, body, document) "
            "VALUES (?, ?, ?, ?, ?::tsvector)",
            (work_id, title, summary, body, tsvector_text((title, summary, body))),
        )
        return
    connection.insert_later(
        "INSERT INTO works_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
        (work_id, title, summary, body),
    )


def delete_document(connection: Connection, work_id: int) -> None:
    """Take a work out of the index; call it while the work's row and chapters are as they
    were indexed (see the module docstring). A work with no row is left alone."""
    connection.insert_deferred()  # a row still waiting to be inserted must go too
    if connection.dialect == POSTGRESQL:
        connection.execute("DELETE FROM works_fts WHERE work_id = ?", (work_id,))
        return
    connection.execute(
        "INSERT INTO works_fts (works_fts, rowid, title, summary, body) "
        "SELECT 'delete', id, title, summary, body FROM works_text WHERE id = ?",
        (work_id,),
    )


def tsvector_text(columns: Sequence[str]) -> str:
    """A PostgreSQL tsvector literal of ``columns`` (title, summary, body), positions and all.

    Lexemes are folded letter/digit runs, so they never need escaping inside the quotes.
    """
    positions: dict[str, list[str]] = {}
    position = 1
    for weight, text in zip(_WEIGHTS, columns, strict=True):
        for token in text_tokens(text):
            kept = positions.setdefault(token, [])
            label = f"{min(position, _MAX_POSITION)}{weight}"
            if len(kept) < _MAX_POSITIONS_PER_WORD and (not kept or kept[-1] != label):
                kept.append(label)
            position += 1
        position += _COLUMN_GAP
    return " ".join(
        f"'{lexeme}':{','.join(labels)}"
        for lexeme, labels in positions.items()
        if len(lexeme.encode()) <= _MAX_LEXEME_BYTES
    )

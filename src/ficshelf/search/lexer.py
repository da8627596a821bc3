"""Split query text into tokens that remember where they stood, so errors can point at them.

Lexical rules (the user-facing summary is in ``ficshelf.search.query``):
- ``name:value`` is a field term; ``-name:value`` excludes. A value is ``"quoted"`` (``\\"`` and
  ``\\\\`` escape a quote and a backslash) or bare up to the next space or comma; commas
  separate alternatives: ``fandom:Naruto,"Bleach"``.
- Anything else is free text: bare words (``rain``, ``rain*``), ``"quoted phrases"``, ``(``,
  ``)``, and the operators ``OR`` / ``|``, ``AND``, ``NOT`` / ``-``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ficshelf.errors import QueryError


class QuerySyntaxError(QueryError):
    """A ``QueryError`` that also knows the 1-based column of the bad part, for highlighting."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def fail(problem: str, offset: int, hint: str = "") -> QuerySyntaxError:
    """The error for ``problem`` at 0-based ``offset``: "<problem> at column N — <hint>"."""
    message = f"{problem} at column {offset + 1}"
    if hint:
        message += f" — {hint}"
    return QuerySyntaxError(message, offset + 1)


class Kind(Enum):
    FIELD = "field"
    WORD = "word"
    PHRASE = "phrase"
    LPAREN = "("
    RPAREN = ")"
    AND = "AND"
    OR = "OR"
    NOT = "NOT"


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    quoted: bool
    offset: int


@dataclass(frozen=True, slots=True)
class Token:
    """``text`` is the token as typed (for messages); ``negated`` is a leading ``-``."""

    kind: Kind
    text: str
    offset: int
    negated: bool = False
    name: str = ""
    values: tuple[Value, ...] = ()


_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z_-]*:")
_WORD_END = frozenset(' \t\r\n\f\v()"|')
_VALUE_END = frozenset(" \t\r\n\f\v,")
_OPERATORS = {"AND": Kind.AND, "OR": Kind.OR, "NOT": Kind.NOT}


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order; raises ``QuerySyntaxError`` on an unterminated quote."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()|":
            kind = {"(": Kind.LPAREN, ")": Kind.RPAREN, "|": Kind.OR}[char]
            tokens.append(Token(kind, char, i))
            i += 1
        elif char == "-" and i + 1 < len(text) and text[i + 1] == "(":
            tokens.append(Token(Kind.NOT, "-", i))
            i += 1
        else:
            token, i = _term(text, i)
            tokens.append(token)
    return tokens


def _term(text: str, start: int) -> tuple[Token, int]:
    """A field term, phrase or word starting at ``start`` (after any leading ``-``)."""
    negated = text[start] == "-" and start + 1 < len(text) and not text[start + 1].isspace()
    i = start + 1 if negated else start
    field = _FIELD_NAME.match(text, i)
    if field:
        values, end = _values(text, field.end(), field.group()[:-1])
        name = field.group()[:-1]
        return Token(Kind.FIELD, text[start:end], start, negated, name, values), end
    if text[i] == '"':
        phrase, end = _quoted(text, i)
        return Token(Kind.PHRASE, phrase, start, negated), end
    end = i
    while end < len(text) and text[end] not in _WORD_END:
        end += 1
    word = text[i:end]
    if not negated and word in _OPERATORS:
        return Token(_OPERATORS[word], word, start), end
    return Token(Kind.WORD, word, start, negated), end


def _values(text: str, start: int, name: str) -> tuple[tuple[Value, ...], int]:
    values: list[Value] = []
    i = start
    while True:
        if i < len(text) and text[i] == '"':
            value, end = _quoted(text, i)
            values.append(Value(value, True, i))
        else:
            end = i
            while end < len(text) and text[end] not in _VALUE_END:
                end += 1
            if end == i:
                what = (
                    f"'{name}:' needs a value"
                    if not values
                    else f"empty value after ',' in '{name}:'"
                )
                raise fail(what, i, f'e.g. {name}:something or {name}:"two words"')
            values.append(Value(text[i:end], False, i))
        i = end
        if i < len(text) and text[i] == ",":
            i += 1
            continue
        return tuple(values), i


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The content of the quoted string opening at ``start`` and the offset after it."""
    chars: list[str] = []
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            chars.append(text[i + 1])
            i += 2
        elif char == '"':
            return "".join(chars), i + 1
        else:
            chars.append(char)
            i += 1
    raise fail("unterminated quote", start, 'close it with another " or write \\" for a quote')

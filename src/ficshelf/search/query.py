"""Parse the search language shared by the CLI, the web UI and the API into a ``Query``.

The language, as a reader meets it::

    fandom:Naruto rel:"Hatake Kakashi/Umino Iruka" -warning:"Major Character Death"
    -tag:"Character Death" rating:<=mature words:>10000 complete:yes sort:-words
    "rain on the roof"

- Field terms ``name:value`` all have to hold (AND); ``-name:value`` removes matching works.
  ``name:a,b`` means a OR b. Quote values with spaces or commas: ``char:"Umino Iruka"``.
- Tags by type: ``fandom:``, ``rel:``/``relationship:``/``ship:``, ``char:``/``character:``,
  ``freeform:``, and ``tag:`` for a tag of any type. Any synonym of a tag finds the canonical
  tag and all its synonyms; a meta tag finds its sub-tags (the library's resolver decides).
- Closed vocabularies: ``warning:`` (``mcd``, ``noncon``, ``violence``, ``underage``, ``none``,
  ``cntw`` or the full name), ``category:``/``cat:`` (``ff``, ``fm``, ``mm``, ``gen``,
  ``multi``, ``other``).
- Ranges: ``rating:`` (g, t, m, e, nr or the full name), ``words:``, ``chapters:`` (``10k``,
  ``1.5k``), ``published:``/``updated:`` (``2015``, ``2015-06``, ``2015-06-01``), each as a
  value, a comparison (``<``, ``<=``, ``>``, ``>=``, ``=``) or a range ``a..b`` (open ends
  allowed). ``rating:`` takes several values; the others take one.
- ``language:`` (ISO code or name), ``complete:yes``/``no`` or ``status:complete``/``wip``,
  ``series:``, ``author:``/``by:``, ``title:`` (every word in the title), ``id:``.
- Free text: words, ``"quoted phrases"``, ``rain*`` (prefix), ``AND`` (implied between
  words), ``OR`` or ``|``, ``NOT`` or ``-word``, parentheses. Field terms are taken out of the
  text wherever they stand, so keep them outside parentheses.
- ``sort:`` best, words, chapters, published, updated, title, author, random; ``-`` before a key
  reverses it (``sort:-words`` = longest first). ``page:N``, ``per-page:N``, ``seed:N`` (fixes
  the order of ``sort:random``).

Anything unclear is a ``QueryError`` naming the bad part and its column, never a guess: an
unknown field is not silently read as text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ficshelf.model import TagType
from ficshelf.parse.language import language_code
from ficshelf.search.ast import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    And,
    AuthorFilter,
    CategoryFilter,
    Filter,
    IdFilter,
    LanguageFilter,
    Not,
    Or,
    Phrase,
    Query,
    RangeField,
    RangeFilter,
    SeriesFilter,
    Sort,
    StatusFilter,
    TagFilter,
    TextQuery,
    TitleFilter,
    WarningFilter,
    Word,
)
from ficshelf.search.indexed import title_words
from ficshelf.search.lexer import Kind, Token, Value, fail, tokenize
from ficshelf.search.values import EXPECTS, BadValueError, parse_interval
from ficshelf.search.vocabulary import fold, vocabulary

_T = TypeVar("_T")
_WORD_CHARS = re.compile(r"\w+")
_TAG_FIELDS = {
    "fandom": TagType.FANDOM,
    "relationship": TagType.RELATIONSHIP,
    "character": TagType.CHARACTER,
    "freeform": TagType.FREEFORM,
    "tag": None,
}
_CONTROL_FIELDS = frozenset({"sort", "page", "per-page", "seed"})


def parse_query(text: str) -> Query:
    """The ``Query`` that ``text`` asks for; raises ``QueryError`` when it cannot be read."""
    tokens = tokenize(text)
    fields = [token for token in tokens if token.kind is Kind.FIELD]
    builder = _QueryBuilder()
    for token in fields:
        builder.add(token)
    words = [token for token in tokens if token.kind is not Kind.FIELD and _has_content(token)]
    text_query, text_exclude = _split_exclusions(_TextParser(words).parse())
    return builder.build(text_query, text_exclude)


def _has_content(token: Token) -> bool:
    """Punctuation-only words ("--", "=") can never match text, so they are dropped early."""
    if token.kind in (Kind.WORD, Kind.PHRASE):
        return bool(_WORD_CHARS.search(token.text))
    return True


@dataclass
class _QueryBuilder:
    include: list[Filter] = field(default_factory=list)
    exclude: list[Filter] = field(default_factory=list)
    controls: dict[str, Token] = field(default_factory=dict)

    def add(self, token: Token) -> None:
        name = _field_name(token)
        if name in _CONTROL_FIELDS:
            self._add_control(name, token)
            return
        built = _FILTER_BUILDERS[name](name, token)
        (self.exclude if token.negated else self.include).append(built)

    def _add_control(self, name: str, token: Token) -> None:
        if token.negated:
            raise fail(f"'{token.text}' cannot be negated", token.offset)
        if name in self.controls:
            raise fail(f"'{name}:' given twice", token.offset)
        if len(token.values) != 1:
            raise fail(f"'{name}:' takes one value", token.values[1].offset - 1)
        self.controls[name] = token

    def build(self, text: TextQuery | None, text_exclude: TextQuery | None) -> Query:
        return Query(
            include=tuple(self.include),
            exclude=tuple(self.exclude),
            text=text,
            text_exclude=text_exclude,
            sort=self._sort(),
            page=self._number("page", 1) or 1,
            per_page=self._number("per-page", 1, MAX_PER_PAGE) or DEFAULT_PER_PAGE,
            seed=self._number("seed", 0),
        )

    def _sort(self) -> Sort | None:
        token = self.controls.get("sort")
        if token is None:
            return None
        value = token.values[0]
        descending = value.text.startswith("-")
        name = fold(value.text.removeprefix("-"))
        key = vocabulary().sorts.get(name)
        if key is None:
            choices = sorted(set(vocabulary().sorts))
            raise fail(f"unknown sort '{value.text}'", value.offset, _suggest(name, choices))
        return Sort(key, descending)

    def _number(self, name: str, low: int, high: int | None = None) -> int | None:
        token = self.controls.get(name)
        if token is None:
            return None
        value = token.values[0]
        if not value.text.isdigit() or int(value.text) < low:
            raise fail(f"'{token.text}'", token.offset, f"{name} expects a whole number >= {low}")
        number = int(value.text)
        if high is not None and number > high:
            raise fail(f"'{token.text}'", token.offset, f"{name} is at most {high}")
        return number


def _field_name(token: Token) -> str:
    fields = vocabulary().fields
    name = fields.get(token.name.casefold())
    if name is None:
        offset = token.offset + (1 if token.negated else 0)
        hint = _suggest(token.name.casefold(), sorted(fields)) or "quote text that contains ':'"
        raise fail(f"unknown field '{token.name}'", offset, hint)
    return name


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _tag_filter(name: str, token: Token) -> Filter:
    return TagFilter(_TAG_FIELDS[name], _names(token))


def _author_filter(name: str, token: Token) -> Filter:
    return AuthorFilter(_names(token))


def _series_filter(name: str, token: Token) -> Filter:
    return SeriesFilter(_names(token))


def _names(token: Token) -> tuple[str, ...]:
    names = tuple(" ".join(value.text.split()) for value in token.values)
    for name, value in zip(names, token.values, strict=True):
        if not name:
            raise fail(f"'{token.name}:' needs a non-blank value", value.offset)
    return names


def _warning_filter(name: str, token: Token) -> Filter:
    table = vocabulary().warnings
    return WarningFilter(tuple(_lookup(table, value, name, token) for value in token.values))


def _category_filter(name: str, token: Token) -> Filter:
    table = vocabulary().categories
    return CategoryFilter(tuple(_lookup(table, value, name, token) for value in token.values))


def _lookup(table: dict[str, _T], value: Value, name: str, token: Token) -> _T:
    found = table.get(fold(value.text))
    if found is None:
        choices = sorted(table)
        hint = _suggest(fold(value.text), choices) or f"{name} expects one of {', '.join(choices)}"
        raise fail(f"unknown {name} '{value.text}'", value.offset, hint)
    return found


def _range_filter(name: str, token: Token) -> Filter:
    field_ = RangeField(name)
    if field_ is not RangeField.RATING and len(token.values) > 1:
        hint = f"{name} takes one value; write 10000 or 10k, and a range as 1000..5000"
        raise fail(f"'{token.text}'", token.offset, hint)
    intervals = []
    for value in token.values:
        try:
            intervals.append(parse_interval(field_, value.text))
        except BadValueError:
            raise fail(
                f"'{token.text}'", token.offset, f"{name} expects {EXPECTS[field_]}"
            ) from None
    return RangeFilter(field_, tuple(intervals))


def _language_filter(name: str, token: Token) -> Filter:
    codes = []
    for value in token.values:
        code = language_code(value.text)
        if code is None:
            raise fail(f"unknown language '{value.text}'", value.offset, "use a name or ISO code")
        codes.append(code)
    return LanguageFilter(tuple(codes))


def _status_filter(name: str, token: Token) -> Filter:
    if len(token.values) != 1:
        raise fail(f"'{token.text}'", token.offset, f"{name} takes one value")
    complete = _lookup(vocabulary().status, token.values[0], name, token)
    return StatusFilter(complete)


def _title_filter(name: str, token: Token) -> Filter:
    words = tuple(sorted({word for value in token.values for word in title_words(value.text)}))
    if not words:
        raise fail(f"'{token.text}'", token.offset, "title needs at least one word")
    return TitleFilter(words)


def _id_filter(name: str, token: Token) -> Filter:
    for value in token.values:
        if not value.text.isdigit():
            raise fail(f"'{value.text}'", value.offset, "id expects whole numbers like id:12,40")
    return IdFilter(tuple(int(value.text) for value in token.values))


_FILTER_BUILDERS: dict[str, Callable[[str, Token], Filter]] = {
    **dict.fromkeys(_TAG_FIELDS, _tag_filter),
    "warning": _warning_filter,
    "category": _category_filter,
    **dict.fromkeys([f.value for f in RangeField], _range_filter),
    "language": _language_filter,
    "status": _status_filter,
    "complete": _status_filter,
    "series": _series_filter,
    "author": _author_filter,
    "title": _title_filter,
    "id": _id_filter,
}


def _split_exclusions(root: TextQuery | None) -> tuple[TextQuery | None, TextQuery | None]:
    """Top-level ``-word``s become a separate query to subtract, so either part may be empty.

    Full-text engines cannot answer "everything except X" on their own; the caller subtracts
    the works matching ``text_exclude`` from the filter result instead.
    """
    if root is None:
        return None, None
    if isinstance(root, Not):
        return None, root.item
    if not isinstance(root, And):
        return root, None
    keep = tuple(item for item in root.items if not isinstance(item, Not))
    drop = tuple(item.item for item in root.items if isinstance(item, Not))
    return _joined(keep, And), _joined(drop, Or)


def _joined(items: tuple[TextQuery, ...], join: type[And] | type[Or]) -> TextQuery | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else join(items)


class _TextParser:
    """Recursive descent over the free-text tokens: OR binds loosest, then AND, then NOT."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def parse(self) -> TextQuery | None:
        if not self.tokens:
            return None
        query = self._or()
        if self._peek() is not None:
            token = self.tokens[self.position]
            raise fail(f"unmatched '{token.text}'", token.offset)
        return query

    def _peek(self) -> Kind | None:
        return self.tokens[self.position].kind if self.position < len(self.tokens) else None

    def _offset(self) -> int:
        if self.position < len(self.tokens):
            return self.tokens[self.position].offset
        last = self.tokens[-1]
        return last.offset + len(last.text)

    def _or(self) -> TextQuery:
        items = [self._and()]
        while self._peek() is Kind.OR:
            self.position += 1
            offset = self._offset()
            items.append(self._and())
            if isinstance(items[-1], Not) or isinstance(items[0], Not):
                hint = "exclusions go beside words (rain -snow), not between ORs"
                raise fail("'OR' of an exclusion", offset, hint)
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _and(self) -> TextQuery:
        items: list[TextQuery] = []
        while self._peek() not in (None, Kind.OR, Kind.RPAREN):
            if self._peek() is Kind.AND:
                self.position += 1
                if not items or self._peek() in (None, Kind.OR, Kind.RPAREN):
                    raise fail("'AND' needs words on both sides", self._offset())
                continue
            item = self._unary()
            items.extend(item.items if isinstance(item, And) else (item,))
        if not items:
            hint = "for any of several tags use a list: fandom:Naruto,Bleach"
            raise fail("'OR' needs words on both sides", self._offset(), hint)
        if len(items) == 1:
            return items[0]
        if all(isinstance(item, Not) for item in items):
            # -a -b is NOT (a OR b): keeps every And with something to subtract from.
            return Not(Or(tuple(_negate(item) for item in items)))
        return And(tuple(items))

    def _unary(self) -> TextQuery:
        token = self.tokens[self.position]
        if token.kind is Kind.NOT:
            self.position += 1
            if self._peek() in (None, Kind.OR, Kind.RPAREN, Kind.AND):
                raise fail("'NOT' needs something after it", self._offset())
            return _negate(self._unary())
        atom = self._atom()
        return Not(atom) if token.negated else atom

    def _atom(self) -> TextQuery:
        token = self.tokens[self.position]
        self.position += 1
        if token.kind is Kind.PHRASE:
            return Phrase(token.text)
        if token.kind is Kind.WORD:
            stripped = token.text.rstrip("*")
            return Word(stripped, prefix=stripped != token.text)
        if token.kind is Kind.LPAREN:
            inner = self._or()
            if self._peek() is not Kind.RPAREN:
                raise fail("unclosed '('", token.offset)
            self.position += 1
            return inner
        raise fail(f"unexpected '{token.text}'", token.offset)


def _negate(query: TextQuery) -> TextQuery:
    return query.item if isinstance(query, Not) else Not(query)

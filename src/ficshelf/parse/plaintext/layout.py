"""Shapes of lines in a plain-text story: dividers, chapter headings, titles, by-lines.

Pure predicates on one line (plus its neighbours where the shape depends on them), shared by
the header scanner, the body finder and the chapter splitter so that all three agree.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ficshelf.parse.plaintext.labels import vocabulary

_DIVIDER_CHARS = re.compile(r"^[-_=*~+#.·•°<>|/\\^:oO0xX]{3,}$")
_HAS_SYMBOL = re.compile(r"[-_=*~+#.·•°<>|/\\^:]")
_OX_ONLY = re.compile(r"^[oO0xX]{3,}$")
_DECORATION = " \t~*=#_-–—<>|·•°+"
_ROMAN = r"[IVXLC]{1,6}"
_SEPARATOR = r"\s*(?:[:.)–—-]|\s)\s*"
_MAX_HEADING = 80
# Words this short ("of", "the", "and") are lower case in titles too.
_SMALL_WORD = 3
# "Chapter 3." is a heading; "Part two of the plan was simple." is a sentence.
_SENTENCE_END = (".", "!", "?", ",", ";")
_MAX_BARE_HEADING_WORDS = 3
_MAX_TITLE_CHARS = 100
_MAX_TITLE_WORDS = 15
_MAX_BYLINE_WORDS = 5
_QUOTES = "\"'“”‘’«»„—–-*(["
_SENTENCE_CLOSE = re.compile(r"[.!?…](?:[\"”’»)\]*_]*)$")
# A wrapped line reaches at least this share of the widest line of its paragraph.
_WRAPPED_LINE_SHARE = 0.8
_QUOTED_TITLE = re.compile(r"^[\"“«„‘](?P<title>[^\"“”«»„]{1,100}?)[\"”»“’](?P<rest>(?:\s+\S.*)?)$")


@functools.cache
def layout_vocabulary() -> dict[str, Any]:
    """The parsed text_layout.toml (cached; read-only by convention)."""
    text = resources.files("ficshelf.data").joinpath("text_layout.toml").read_text("utf-8")
    return tomllib.loads(text)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def _heading_patterns() -> tuple[re.Pattern[str], ...]:
    table = layout_vocabulary()
    words = _alternation(table["chapters"]["words"])
    named = _alternation(table["chapters"]["named"])
    numbers = _alternation([*_number_values(), *table["numbers"]["without_value"]])
    number = rf"(?:\d{{1,4}}|{_ROMAN}|(?:{numbers})(?:[- ](?:{numbers}))?)"
    title = r"(?:\S.{0,70})"
    flags = re.IGNORECASE
    return (
        # "Chapter 3", "Chapter Three: The Return", "Глава первая", "Part II - Home"
        re.compile(rf"^(?:{words})\.?\s+{number}\.?(?:{_SEPARATOR}{title})?$", flags),
        # "Prologue", "Epilogue: After"
        re.compile(rf"^(?:{named})(?:{_SEPARATOR}{title})?$", flags),
        # "Un : Kiba", "One - The Beginning", "3. Home"
        re.compile(rf"^(?:(?:{numbers})|\d{{1,3}})\s*[:.–—-]\s*{title}$", flags),
    )


@functools.cache
def _bare_number_pattern() -> re.Pattern[str]:
    """ "3", "3.", "#3", "III.", "Three": a number alone, the weakest kind of heading."""
    numbers = _alternation(list(_number_values()))
    return re.compile(rf"^#?(?:\d{{1,4}}|(?-i:{_ROMAN})|{numbers})\.?$", re.IGNORECASE)


@functools.cache
def _number_values() -> dict[str, int]:
    values: dict[str, int] = layout_vocabulary()["numbers"]["values"]
    return {word.casefold(): value for word, value in values.items()}


def bare_number_word(line: str) -> int | None:
    """The value of a line that is a number word and nothing else ("Three", "One."), or None.

    Digits ("4") and decorated numbers ("~ Four ~") are plainly headings; a bare number word
    may as well be a line of the story, so callers ask for more evidence before splitting.
    """
    word = line.strip().rstrip(".")
    return _number_values().get(word.casefold())


def is_blank(line: str) -> bool:
    return not line.strip()


def is_divider(line: str) -> bool:
    """Scene or header breaks: "-----", "* * *", "~~~", "o0o0o", "xXx", "+++", "=====" ..."""
    compact = "".join(line.split())
    if not _DIVIDER_CHARS.match(compact):
        return False
    return _HAS_SYMBOL.search(compact) is not None or _OX_ONLY.match(compact) is not None


def strip_decoration(line: str) -> str:
    """A title without the stars or tildes around it: "~*~ Snowfall ~*~" -> "Snowfall"."""
    return " ".join(line.strip().strip(_DECORATION).split()) or line.strip()


def heading_text(line: str) -> str:
    """The heading without its decoration: "~ 4 ~" -> "4", "** Chapter 2 **" -> "Chapter 2"."""
    return " ".join(line.strip().strip(_DECORATION).split())


def is_heading_shape(line: str) -> bool:
    """Does this line, taken alone, read as a chapter heading?"""
    stripped = line.strip()
    # Blank lines and prose, most lines of a story, are settled before the slower tests.
    if not stripped or len(stripped) > _MAX_HEADING or is_divider(line):
        return False
    text = heading_text(line)
    if not text or (text.endswith(_SENTENCE_END) and len(text.split()) > _MAX_BARE_HEADING_WORDS):
        return False
    if _bare_number_pattern().match(text) is not None:
        return True
    return any(pattern.match(text) for pattern in _heading_patterns())


def is_heading(lines: Sequence[str], index: int) -> bool:
    """A chapter heading: heading-shaped and standing alone between blank lines (or edges)."""
    if not is_heading_shape(lines[index]):
        return False
    before = index == 0 or is_blank(lines[index - 1]) or is_divider(lines[index - 1])
    after = index + 1 >= len(lines) or is_blank(lines[index + 1]) or is_divider(lines[index + 1])
    return before and after


def is_title_shaped(line: str) -> bool:
    """Short, not dialogue, not a sentence: could be a story's title on its own line."""
    text = line.strip()
    if not text or len(text) > _MAX_TITLE_CHARS or len(text.split()) > _MAX_TITLE_WORDS:
        return False
    if quoted_title(text) is not None:
        return True
    if text[0] in _QUOTES or is_divider(text):
        return False
    return not text.endswith((".", ",", ";", ":")) or text.endswith("...")


def quoted_title(line: str) -> tuple[str, str | None] | None:
    """'"A Study in Umbrellas" by Bellwether' -> ("A Study in Umbrellas", "Bellwether").

    A whole line in quotes, or in quotes and followed by a by-line, is a title (and its
    author), not dialogue: dialogue goes on after the closing quote.
    """
    match = _QUOTED_TITLE.match(line.strip())
    if match is None:
        return None
    rest = match["rest"].strip()
    title = match["title"].strip()
    if not rest:
        return None if title.endswith(_SENTENCE_END) else (title, None)
    author = byline_author(rest)
    return (title, author) if author is not None else None


def ends_paragraph(block: Sequence[str], line: str) -> bool:
    """Does ``line`` close its paragraph, so the next line of ``block`` starts a new one?

    It must end a sentence and fall short of the block's width: a hard-wrapped line runs
    to the wrap margin even when a sentence happens to end there; a paragraph's last line
    usually stops well short of it. Text that is not wrapped has one paragraph per line.
    """
    text = line.rstrip()
    if _SENTENCE_CLOSE.search(text) is None:
        return False
    widest = max((len(other.rstrip()) for other in block), default=0)
    return len(text) < widest * _WRAPPED_LINE_SHARE


def is_title_cased(line: str) -> bool:
    """ "The Long Watch" yes, "Konoha, late autumn" no: most significant words capitalised."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line) if len(word) > _SMALL_WORD]
    if not words or line.strip().endswith(("?", "!")):
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised * 2 > len(words) and capitalised >= 1


@functools.cache
def _byline_pattern() -> re.Pattern[str]:
    prefixes = _alternation(vocabulary()["byline"]["prefixes"])
    return re.compile(rf"^(?:{prefixes})\s+(?P<name>\S.*)$", re.IGNORECASE)


def byline_author(line: str) -> str | None:
    """The name in "by Someone" / "par Quelqu'un" / "von Jemand", if the line is one."""
    match = _byline_pattern().match(line.strip())
    if match is None:
        return None
    name = match["name"].strip()
    if len(name.split()) > _MAX_BYLINE_WORDS or name.endswith((".", ",", ";")):
        return None
    return name


def same_text(left: str, right: str) -> bool:
    """Equal once case, emphasis and punctuation are ignored (a repeated title line)."""
    return _letters(left) == _letters(right) and bool(_letters(left))


def _letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())

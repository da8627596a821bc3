"""Recognise a header label line ("Pairing(s): A/B", "Rating - PG", "Название: X", "Summary").

The vocabulary lives in ``data/header_labels.toml``. A line is a label line when it starts with
a known label followed by ":", "：", " - " or nothing at all (the value then sits on the lines
below). Unknown "Xxx: value" lines are only offered as *candidates*: the header scanner decides
from their neighbours whether they belong to a header or are prose that has a colon in it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

EXTRA = "extra"

_MARKUP = re.compile(r"\[/?[bius]\]|</?[bius]>|</?strong>|</?em>|\*\*|__")
_BULLET = re.compile(r"^(?:[*•·>]\s+|-\s+(?=\S))")
_COLON = re.compile(r"^(?P<label>[^\W\d_][^:：]{0,40}?)\s*[:：]\s*(?P<value>.*)$")
_DASH = re.compile(r"^(?P<label>[^\W\d_][^-–—]{0,40}?)\s+[-–—]+\s+(?P<value>\S.*)$")
_PLURAL_MARK = re.compile(r"\((?:s|es|e|en|i|и|ы)\)", re.IGNORECASE)
_SHAPED = re.compile(r"^[^\W\d_][^\W\d_'’/&.() -]*(?: [^\W\d_][^\W\d_'’/&.()-]*){0,2}$")
_MAX_UNKNOWN_LABEL = 25
_MAX_LABEL = 40
_COLON_CHARS = frozenset(":：")


@dataclass(frozen=True, slots=True)
class LabelLine:
    """A line split into label and value.

    ``key`` is the vocabulary key ("title", "relationships", ..., ``EXTRA`` for labels we know
    but do not model) or None for an unknown label. ``value`` is "" when the value sits on the
    following lines; ``colon`` says whether a separator was written ("Title" alone has none).
    """

    label: str
    key: str | None
    value: str
    colon: bool = True


@functools.cache
def vocabulary() -> dict[str, Any]:
    """The parsed header_labels.toml (cached; read-only by convention)."""
    text = resources.files("ficshelf.data").joinpath("header_labels.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def _label_keys() -> dict[str, str]:
    table = vocabulary()
    keys = {
        normalise_label(variant): key
        for key, variants in table["fields"].items()
        for variant in variants
    }
    for variant in _extra_names():
        keys.setdefault(variant, EXTRA)
    return keys


@functools.cache
def _extra_names() -> dict[str, str]:
    """Normalised label -> canonical extra key ("feedback to" -> "feedback")."""
    return {
        normalise_label(variant): name
        for name, variants in vocabulary()["extra"].items()
        for variant in variants
    }


def clean_line(line: str) -> str:
    """The line without emphasis markup or a list bullet, for matching only."""
    return _BULLET.sub("", _MARKUP.sub("", line)).strip()


def normalise_label(label: str) -> str:
    label = _PLURAL_MARK.sub("", label.casefold().replace("’", "'"))
    label = label.replace("*", "").replace("_", " ")
    return " ".join(label.split()).strip(" .-")


def label_key(label: str) -> str | None:
    """The vocabulary key for a label as written, or None if we do not know it.

    A label written in two languages or two names at once ("Rating/Altersfreigabe") takes the
    key of the first part we know.
    """
    norm = _known_form(normalise_label(label))
    if norm is not None:
        return _label_keys()[norm]
    if "/" in label and not _COLON_CHARS.intersection(label) and len(label) <= _MAX_LABEL:
        for part in label.split("/"):
            known = _known_form(normalise_label(part))
            if known is not None:
                return _label_keys()[known]
    return None


def extra_key(label: str) -> str:
    """The RawWork.extra key for a value labelled ``label``.

    Known labels get one key per meaning across languages ("Feedback to" and "Отзывы" ->
    "feedback"; a field label whose value we could not read -> the field's name, "words");
    labels we have never seen keep their spelling, so nothing the author wrote is renamed
    into something it is not.
    """
    norm = normalise_label(label)
    known = _known_form(norm)
    if known is None:
        return label.strip()
    return _extra_names().get(known) or _label_keys()[known]


def _known_form(norm: str) -> str | None:
    """The vocabulary spelling of a normalised label, allowing a trailing plural "s"."""
    keys = _label_keys()
    if norm in keys:
        return norm
    if norm.endswith("s") and norm[:-1] in keys:
        return norm[:-1]
    return None


def match_label(line: str) -> LabelLine | None:
    """Split a line into a known label and its value, or None if it does not start with one.

    Unknown labels are returned too (``key`` None) when the line is label-shaped: a short
    capitalised name of at most three words, a colon, and a value.
    """
    text = clean_line(line)
    if not text:
        return None
    bare = text.rstrip(":：").strip()
    key = label_key(bare)
    if key is not None:
        return LabelLine(bare, key, "", colon=bare != text)
    for pattern in (_COLON, _DASH):
        match = pattern.match(text)
        if match is None:
            continue
        label = match["label"].strip().strip("*_ ")
        value = match["value"].strip().strip("*_ ").strip()
        key = label_key(label)
        if key is not None:
            return LabelLine(label, key, value)
        if pattern is _COLON and value and is_label_shaped(label):
            return LabelLine(label, None, value)
    return None


def is_label_shaped(label: str) -> bool:
    """Could this be a header label we have never seen ("Challenge", "Word Count")?"""
    return (
        len(label) <= _MAX_UNKNOWN_LABEL
        and label[:1].isupper()
        and _SHAPED.match(label) is not None
    )

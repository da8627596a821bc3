"""YAML front matter: a ``---`` line, a YAML mapping, then a ``---`` (or ``...``) line.

Shared by the sniffer (is this Markdown?) and the Markdown parser (what does it say?), so
both agree on what counts as front matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

# Front matter is a short block; a file that opens with '---' and never closes it within this
# many characters is a story that happens to start with a rule.
_MAX_FRONT_MATTER_CHARS = 64 * 1024
_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parsed mapping and the text after the closing line."""

    fields: Mapping[str, object]
    body: str


def split_front_matter(text: str) -> FrontMatter | None:
    """Front matter and body, or None when the text does not open with a YAML mapping block."""
    match = _BLOCK.match(text[: _MAX_FRONT_MATTER_CHARS + 8])
    if match is None:
        return None
    try:
        loaded = yaml.safe_load(match.group("yaml") or "")
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict) or not loaded:
        return None
    fields = {str(key): value for key, value in loaded.items()}
    return FrontMatter(fields=fields, body=text[match.end() :])

"""The Jinja2 environment for the export templates in ``data/export/templates``.

Autoescaping is on for every template, so a title like ``Tom & Jerry <3`` can never break the
markup; story bodies arrive already serialised and are marked safe by the writers.
"""

from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup, escape

from ficshelf.export.markup import xml_safe

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ficshelf", "data/export/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["paragraphs"] = paragraphs
    environment.filters["xml_safe"] = xml_safe
    return environment


def render(name: str, **context: object) -> str:
    """Render the template ``name`` (a path under ``data/export/templates``)."""
    return _environment().get_template(name).render(**context)


def paragraphs(text: str | None) -> Markup:
    """Plain text (a summary, notes) as escaped ``<p>`` paragraphs with ``<br/>`` line breaks.

    ``<br/>`` is written the XML way, which HTML5 accepts too, so HTML and XHTML share it.
    """
    if not text:
        return Markup("")
    blocks = []
    for block in _PARAGRAPH_BREAK.split(xml_safe(text).strip()):
        lines = [escape(line.strip()) for line in block.strip().split("\n")]
        blocks.append(Markup("<p>") + Markup("<br/>").join(lines) + Markup("</p>"))
    return Markup("\n").join(blocks)

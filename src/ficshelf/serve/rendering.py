"""Templates: one autoescaping Jinja2 environment, its filters, and ``render`` for routes.

Story HTML (sanitized at import) is the only markup a template marks safe, and it passes
through the sanitizer once more on the way out (:func:`story_html`), so a library written by an
older ficshelf or edited by hand still cannot put script or remote loads on a page.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ficshelf.parse.sanitize import sanitize_html
from ficshelf.serve.cookies import prefs_of
from ficshelf.serve.preferences import choices
from ficshelf.serve.symbols import required_tags


def tag_url(name: str) -> str:
    return "/tags/" + quote(name, safe="")


def author_url(name: str) -> str:
    return "/authors/" + quote(name, safe="")


def series_url(name: str) -> str:
    return "/series/" + quote(name, safe="")


def list_url(path: str, query: str = "", **params: object) -> str:
    """``path`` with ``q`` and other parameters; empty ones (and page 1) are left out."""
    pairs = {"q": query, **params}
    kept = {
        key: str(value)
        for key, value in pairs.items()
        if value not in ("", None) and not (key == "page" and value == 1)
    }
    return path + ("?" + urlencode(kept) if kept else "")


def works_url(query: str = "", **params: object) -> str:
    return list_url("/works", query, **params)


def paragraphs(text: str | None) -> Markup:
    """Plain text (a summary, notes) as escaped paragraphs, keeping the author's line breaks."""
    if not text:
        return Markup("")
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in block.split("\n")))
        for block in blocks
        if block
    )


def story_html(html: str | None, text: str) -> Markup:
    """A chapter's body: its sanitized HTML, or its plain text as paragraphs."""
    if html:
        return Markup(sanitize_html(html))  # sanitized right here
    return paragraphs(text)


def number(value: int) -> str:
    return f"{value:,}"


def iso_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ficshelf", "data/web/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        paragraphs=paragraphs,
        number=number,
        iso_date=iso_date,
        tag_url=tag_url,
        author_url=author_url,
        series_url=series_url,
    )
    env.globals.update(
        required_tags=required_tags,
        works_url=works_url,
        list_url=list_url,
        choices=choices,
        story_html=story_html,
    )
    return env


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """An HTML page: the template with the reader's preferences (for the <html> attributes)."""
    context.setdefault("prefs", prefs_of(request))
    context.setdefault("title", "ficshelf")
    page = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def json_response(data: object, status_code: int = 200) -> Response:
    return JSONResponse(json.loads(json.dumps(data, default=str)), status_code=status_code)

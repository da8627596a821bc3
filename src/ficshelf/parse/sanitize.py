"""Make untrusted story HTML safe to store and show, keeping the author's formatting.

Every HTML or EPUB parser passes chapter HTML through ``sanitize_html`` before it leaves the
parse stage. The policy, in one place so it can be reviewed as a whole:

- story formatting survives: paragraphs, emphasis, headings, lists, quotes, tables, rules,
  centring (``align`` and a few ``style`` properties that cannot load anything);
- nothing runs: scripts, styles, event handlers, forms, frames and embeds are removed with
  their content;
- nothing loads: images, ``<link>``, ``<object>`` and media are dropped (a reader opening a
  story must not call a remote server), and ``style`` keeps only properties that take no URL;
- links keep only http, https and mailto (and relative) targets, with
  ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import nh3

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TABLES = frozenset(
    {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
)
_TEXT_LEVEL = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn",
        "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "ruby", "rp", "rt",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl",
        "dt", "figcaption", "figure", "footer", "header", "hr", "li", "ol", "p", "pre",
        "section", "summary", "ul",
    }
)  # fmt: skip
ALLOWED_TAGS = _HEADINGS | _TABLES | _TEXT_LEVEL | _BLOCKS

# Removed together with everything inside them: their content is code, not story.
_DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
        "embed", "applet", "svg", "math", "head", "title", "form", "select", "textarea",
        "button", "audio", "video", "canvas",
    }
)  # fmt: skip

_ALIGNABLE = _HEADINGS | {"p", "div", "td", "th", "tr", "caption", "table", "center"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir", "style"},
    "a": {"href"},
    "abbr": {"title"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    **{tag: {"align"} for tag in _ALIGNABLE},
}
# CSS properties that take no url() and cannot move text out of its box.
_STYLE_PROPERTIES = frozenset(
    {
        "text-align", "text-indent", "text-decoration", "text-transform", "font-style",
        "font-weight", "font-variant", "white-space",
    }
)  # fmt: skip
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_LINK_REL = "noopener noreferrer"


def sanitize_html(html: str) -> str:
    """Return ``html`` with everything unsafe removed and the story's formatting kept.

    Accepts a fragment or a whole document (only the content survives, never ``<head>``).
    Tags outside the allow-list are unwrapped (their text stays); comments are removed.
    """
    return str(
        nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(_DROPPED_WITH_CONTENT),
            attributes=_ATTRIBUTES,
            strip_comments=True,
            link_rel=_LINK_REL,
            url_schemes=set(_URL_SCHEMES),
            filter_style_properties=set(_STYLE_PROPERTIES),
        )
    )

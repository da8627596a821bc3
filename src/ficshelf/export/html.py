"""Work -> one self-contained HTML5 file shaped like AO3's "Download > HTML".

Preface (title, byline, tag list, summary, notes), then every chapter, then the end notes;
the stylesheet is inlined so the file opens anywhere on its own.
"""

from __future__ import annotations

from markupsafe import Markup

from ficshelf.export.chapters import chapter_pages
from ficshelf.export.labels import labels
from ficshelf.export.preface import preface
from ficshelf.export.templates import render
from ficshelf.model import Work

_UNKNOWN_LANGUAGE = "und"


def render_html(work: Work) -> str:
    """The HTML page of ``work`` (expects a ``printable_work``)."""
    language = work.language or _UNKNOWN_LANGUAGE
    return render(
        "html/work.html.j2",
        preface=preface(work),
        pages=list(chapter_pages(work, "html")),
        phrases=labels().phrases,
        sections=labels().sections,
        language=language,
        rtl=language in labels().right_to_left,
        css=Markup(render("style.css")),
    )

"""/wrangling: the tags the wrangler could not place, with forms to map, merge or rename them.

A choice becomes a user rule (``ficshelf.library.rewrangle.add_rule``), exactly what
``ficshelf wrangle`` records: it re-wrangles the works it touches now and every later import.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.library.blurbs import ReviewTag, canonical_names, tags_to_review
from ficshelf.library.kbstate import knowledge_base
from ficshelf.library.rewrangle import add_rule
from ficshelf.library.suggest import closest, known_names
from ficshelf.model import TagType
from ficshelf.serve.cookies import prefs_of
from ficshelf.serve.endpoint import endpoint, form_of, shelf_of
from ficshelf.serve.preferences import Preferences
from ficshelf.serve.protection import visible_count
from ficshelf.serve.queryform import quoted
from ficshelf.serve.rendering import json_response, render, wants_json
from ficshelf.serve.shelf import Shelf
from ficshelf.wrangle.rules import RULE_KINDS, Rule

_ACTIONS = {"synonym": "is a synonym of", "merge": "merge into", "rename": "rename to"}


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """A tag to review, its suggestion, and how many works the reader can see with it."""

    tag: ReviewTag
    suggestion: str | None
    works: int


def _visible_works(shelf: Shelf, prefs: Preferences, tag: ReviewTag) -> int:
    """``tag.works`` counts every work; with blocks, only those the reader's blocks leave."""
    if not prefs.blocks_anything:
        return tag.works
    return visible_count(shelf, prefs, f"{tag.type}:{quoted(tag.name)}")


@endpoint
def review_page(request: Request) -> Response:
    shelf, prefs = shelf_of(request), prefs_of(request)
    library = shelf.library
    connection = library.database.connection
    kb = knowledge_base(library)
    targets = {t.value: canonical_names(connection, t.value) for t in TagType}
    rows = [
        ReviewRow(
            tag,
            closest(tag.name, [*known_names(kb, tag.type), *targets[tag.type]]),
            _visible_works(shelf, prefs, tag),
        )
        for tag in tags_to_review(connection)
        if tag.type in targets
    ]
    if wants_json(request):
        return json_response(
            [{"type": r.tag.type, "name": r.tag.name, "works": r.works,
              "written": list(r.tag.written), "suggestion": r.suggestion} for r in rows]
        )  # fmt: skip
    done = request.query_params.get("done", "")
    return render(request, "wrangling/review.html", rows=rows, targets=targets,
                  actions=_ACTIONS, done=done, title="Wrangling")  # fmt: skip


@endpoint
def save_rule(request: Request) -> Response:
    form = form_of(request)
    kind, tag_type = form.get("kind", ""), form.get("type", "")
    source, target = form.get("source", "").strip(), " ".join(form.get("target", "").split())
    if kind not in RULE_KINDS or tag_type not in {t.value for t in TagType} or not target:
        return RedirectResponse("/wrangling?done=invalid", status_code=303)
    shelf = shelf_of(request)
    _saved, report = add_rule(shelf.library, Rule(kind, TagType(tag_type), source, target))
    return RedirectResponse(f"/wrangling?done={len(report.changed)}", status_code=303)


routes = [
    Route("/wrangling", review_page),
    Route("/wrangling.json", review_page),
    Route("/wrangling", save_rule, methods=["POST"]),
]

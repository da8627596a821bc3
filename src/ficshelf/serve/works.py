"""The works index: /works (HTML) and /works.json, filtered by the query language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import QueryError
from ficshelf.search.facets import Facets
from ficshelf.serve.cookies import gate_answers_of, prefs_of
from ficshelf.serve.endpoint import endpoint, page_param, shelf_of
from ficshelf.serve.protection import Listed, Listing, listing, ordered_listing
from ficshelf.serve.queryform import compose_query, has_form_fields
from ficshelf.serve.rendering import json_response, render, wants_json, works_url
from ficshelf.serve.shelf import Shelf

_SORT_TERM = re.compile(r"(?<!\S)sort:\S+")
FACET_TOP = 10


@dataclass(frozen=True, slots=True)
class FacetGroup:
    """One box of the sidebar: a legend, the form field its checkboxes send, and counts."""

    label: str
    field: str
    entries: tuple[tuple[str, int], ...]


def named_facets(shelf: Shelf, facets: Facets | None) -> list[FacetGroup]:
    """The service's facets (tags by id) as named sidebar groups, empty groups left out."""
    if facets is None:
        return []
    tag_groups = (
        ("Fandoms", facets.fandoms),
        ("Relationships", facets.relationships),
        ("Characters", facets.characters),
        ("Additional tags", facets.freeforms),
    )
    names = shelf.searcher.tag_names(tag_id for _, counts in tag_groups for tag_id, _ in counts)
    groups = [
        FacetGroup("Ratings", "rating", tuple((r.value, n) for r, n in facets.ratings)),
        FacetGroup("Warnings", "warning", tuple((w.value, n) for w, n in facets.warnings)),
        FacetGroup("Categories", "category", tuple((c.value, n) for c, n in facets.categories)),
        *(
            FacetGroup(label, "facet", tuple((names[t], n) for t, n in counts if t in names))
            for label, counts in tag_groups
        ),
    ]
    return [group for group in groups if group.entries]


def listing_for(
    request: Request,
    query: str,
    *,
    with_facets: bool = False,
    order: Sequence[int] | None = None,
) -> Listing:
    """The page of works ``query`` finds, as the requesting reader may see them; in
    ``order`` (every candidate's id, e.g. a series' reading order) when given."""
    answers = gate_answers_of(request)
    if order is not None:
        return ordered_listing(
            shelf_of(request),
            prefs_of(request),
            query,
            order,
            allowed=answers.works,
            everything=answers.everything,
            page=page_param(request),
        )
    return listing(
        shelf_of(request),
        prefs_of(request),
        query,
        allowed=answers.works,
        everything=answers.everything,
        page=page_param(request),
        with_facets=with_facets,
        facet_top=FACET_TOP,
    )


def listed_json(item: Listed) -> dict[str, object]:
    """A work in a JSON list: collapsed works keep only title, rating and warnings, gated ones
    lose their summary, as on the page."""
    blurb = item.blurb
    shown: dict[str, object] = {
        "id": blurb.id,
        "url": f"/works/{blurb.id}",
        "title": blurb.title,
        "rating": blurb.rating.value,
        "warnings": [w.value for w in blurb.warnings],
        "collapsed": item.collapsed,
        "gated": item.gated,
    }
    if item.collapsed:
        return shown
    return shown | {
        "authors": list(blurb.authors),
        "fandoms": list(blurb.fandoms),
        "categories": [c.value for c in blurb.categories],
        "status": blurb.status.value if blurb.status else None,
        "relationships": list(blurb.relationships),
        "characters": list(blurb.characters),
        "freeforms": list(blurb.freeforms),
        "summary": None if item.gated else blurb.summary,
        "language": blurb.language,
        "words": blurb.words,
        "chapters": blurb.chapters,
        "published": blurb.published,
        "updated": blurb.updated,
        "series": [{"name": s.name, "position": s.position} for s in blurb.series],
    }


def listing_json(query: str, found: Listing, facets: Sequence[FacetGroup]) -> dict[str, object]:
    return {
        "query": query,
        "total": found.total,
        "page": found.page,
        "per_page": found.per_page,
        "pages": found.pages,
        "works": [listed_json(item) for item in found.works],
        "facets": {group.label: dict(group.entries) for group in facets},
    }


@endpoint
def works_index(request: Request) -> Response:
    form = {key: request.query_params.getlist(key) for key in request.query_params}
    if has_form_fields(form):
        if any(value.strip() for value in form.get("sort", ())):
            form["q"] = [_SORT_TERM.sub("", value) for value in form.get("q", ())]
        return RedirectResponse(works_url(compose_query(form)), status_code=303)
    query = request.query_params.get("q", "").strip()
    try:
        found = listing_for(request, query, with_facets=True)
    except QueryError as error:
        if wants_json(request):
            return json_response({"query": query, "error": str(error)}, 400)
        return render(request, "works/index.html", 400, query=query, error=str(error),
                      found=None, facets=[], title="Works")  # fmt: skip
    facets = named_facets(shelf_of(request), found.facets)
    if wants_json(request):
        return json_response(listing_json(query, found, facets))
    return render(
        request,
        "works/index.html",
        query=query,
        error=None,
        found=found,
        facets=facets,
        title=f"Works matching {query}" if query else "Works",
    )


def home(request: Request) -> Response:
    return RedirectResponse("/works", status_code=307)


routes = [
    Route("/", home),
    Route("/works", works_index),
    Route("/works.json", works_index),
]

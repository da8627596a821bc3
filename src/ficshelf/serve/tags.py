"""Pages for one tag, author or series (each with its works), the fandom list, autocomplete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ficshelf.errors import QueryError
from ficshelf.library.blurbs import TagInfo, series_order, tag_info, tag_suggestions
from ficshelf.search import parse_query
from ficshelf.serve.cookies import prefs_of
from ficshelf.serve.endpoint import endpoint, shelf_of
from ficshelf.serve.protection import Listing, search_as, visible_count
from ficshelf.serve.queryform import quoted
from ficshelf.serve.rendering import json_response, render, wants_json
from ficshelf.serve.works import listing_for, listing_json

FANDOM_LIMIT = 1000
SUGGESTIONS = 10


def _name(request: Request) -> str:
    name: str = request.path_params["name"]
    return name.removesuffix(".json") if wants_json(request) else name


def _works_page(
    request: Request,
    *,
    kind: str,
    name: str,
    field: str,
    info: TagInfo | None = None,
    order: Sequence[int] | None = None,
) -> Response:
    """The works of one tag/author/series, narrowed by the reader's ``q`` and blocks; in
    ``order`` unless the narrowing asks for a sort or searches text (best match first)."""
    narrowing = request.query_params.get("q", "").strip()
    query = f"{field}:{quoted(name)} {narrowing}".strip()
    try:
        parsed = parse_query(query)
        if parsed.sort is not None or parsed.text is not None:
            order = None
        found: Listing | None = listing_for(request, query, order=order)
        error = None
    except QueryError as problem:
        found, error = None, str(problem)
    if wants_json(request):
        if found is None:
            return json_response({"error": error}, 400)
        about = {"tag": _tag_json(request, info, field)} if info else {kind: name}
        return json_response({**about, **listing_json(query, found, [])})
    return render(
        request,
        f"tags/{kind}.html",
        name=name,
        info=info,
        found=found,
        error=error,
        narrowing=narrowing,
        title=name,
    )


def _tag_json(request: Request, info: TagInfo, field: str) -> dict[str, object]:
    """A tag and its family, with ``works``: how many works this reader can see under it
    (sub-tags included, blocked works never), as the page lists them unnarrowed."""
    query = f"{field}:{quoted(info.name)}"
    return asdict(info) | {"works": visible_count(shelf_of(request), prefs_of(request), query)}


@endpoint
def tag_page(request: Request) -> Response:
    info = tag_info(shelf_of(request).library.database.connection, _name(request))
    if info is None:
        raise HTTPException(404)
    field = info.type if info.type in ("warning", "category") else "tag"
    return _works_page(request, kind="tag", name=info.name, field=field, info=info)


@endpoint
def author_page(request: Request) -> Response:
    return _works_page(request, kind="author", name=_name(request), field="author")


@endpoint
def series_page(request: Request) -> Response:
    """A series' works in reading order (part 1 first), as the reader may see them."""
    name = _name(request)
    order = series_order(shelf_of(request).library.database.connection, name)
    if not order:
        raise HTTPException(404)
    return _works_page(request, kind="series", name=name, field="series", order=order)


@endpoint
def fandoms_page(request: Request) -> Response:
    """Every fandom with how many works the reader can see in it."""
    shelf = shelf_of(request)
    result = search_as(
        shelf, prefs_of(request), "", per_page=1, with_facets=True, facet_top=FANDOM_LIMIT
    )
    counts = result.facets.fandoms if result.facets is not None else ()
    names = shelf.searcher.tag_names(tag_id for tag_id, _ in counts)
    fandoms = sorted(
        ((names[tag_id], count) for tag_id, count in counts if tag_id in names),
        key=lambda item: item[0].casefold(),
    )
    if wants_json(request):
        return json_response({"fandoms": [{"name": n, "works": c} for n, c in fandoms]})
    return render(request, "tags/fandoms.html", fandoms=fandoms, title="Fandoms")


@endpoint
def autocomplete(request: Request) -> Response:
    """Canonical tags (and synonyms, shown as typed) starting with ``term``, for the sidebar.

    A tag the reader blocked (with its synonyms and sub-tags) is not offered for including,
    as it would only find nothing; ``?for=exclude`` (the exclude box) offers it like any other.
    """
    term = request.query_params.get("term", "").strip()
    if not term:
        return json_response([])
    shelf = shelf_of(request)
    leave_out: set[int] = set()
    if request.query_params.get("for") != "exclude":
        for blocked in prefs_of(request).blocked_tags:
            leave_out |= shelf.searcher.tag_family(blocked)
    connection = shelf.library.database.connection
    found = tag_suggestions(connection, term, SUGGESTIONS, leave_out)
    return json_response([{"name": name, "matched": matched} for name, matched in found])


routes = [
    Route("/tags/autocomplete", autocomplete),
    Route("/tags/{name:path}", tag_page),
    Route("/authors/{name:path}", author_page),
    Route("/series/{name:path}", series_page),
    Route("/fandoms", fandoms_page),
    Route("/fandoms.json", fandoms_page),
]

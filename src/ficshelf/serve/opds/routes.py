"""The OPDS 1.2 catalog at /opds: navigation and acquisition feeds, search, EPUB downloads.

    /opds                        start: Recent, By fandom, By relationship, By author, Series
    /opds/recent                 acquisition feed, most recently updated first
    /opds/fandoms                navigation feed of fandoms with counts (relationships,
    /opds/fandoms/NAME           authors, series alike) -> the works of one of them
    /opds/search?q=QUERY         the query language, as /works?q= takes it
    /opds/opensearch.xml         the OpenSearch description pointing at /opds/search
    /opds/works/ID.epub          the EPUB (cached in the library folder)
    /opds/address                (HTML) the reader's own catalog address, with their token

Every list comes from the search service with the reader's blocked tags and authors
excluded (``protection.search_as``), so blocked works are in no feed, total or count. Lists
page with ``?page=N`` (and ``?per_page=N``); every link carries the reader token on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from ficshelf.errors import QueryError
from ficshelf.export.files import file_stem
from ficshelf.library.blurbs import WorkBlurb, blurbs
from ficshelf.library.keys import name_key
from ficshelf.library.store import StoredWork
from ficshelf.search.ast import MAX_PER_PAGE
from ficshelf.search.service import SearchResult
from ficshelf.serve.endpoint import endpoint, page_param, path_int, shelf_of
from ficshelf.serve.opds import epubs
from ficshelf.serve.opds.atom import (
    ACQUISITION_TYPE,
    EPUB_TYPE,
    NAVIGATION_TYPE,
    NEWEST_REL,
    OPENSEARCH_TYPE,
    Entry,
    Head,
    Link,
    Paging,
    Person,
    feed_document,
    opensearch_description,
    paging_links,
)
from ficshelf.serve.opds.entries import work_entry
from ficshelf.serve.opds.ids import catalog_namespace, urn, work_urn
from ficshelf.serve.opds.readers import (
    READER_PARAM,
    reader_prefs,
    reader_token,
    token_of,
    visibility,
)
from ficshelf.serve.opds.shelves import (
    Group,
    Grouping,
    count_groups,
    imported_at,
    last_import,
    members,
)
from ficshelf.serve.opds.words import catalog_words
from ficshelf.serve.protection import is_blocked, search_as
from ficshelf.serve.queryform import quoted
from ficshelf.serve.rendering import render

ROOT = "/opds"
RECENT_QUERY = "sort:-updated"
NAVIGATION_PER_PAGE = 100
# The URL segment of each grouping, and how the works of one group are ordered: a series in
# order of publication (the nearest the query language has to reading order).
GROUP_PATHS: Mapping[Grouping, str] = {
    Grouping.FANDOM: "fandoms",
    Grouping.RELATIONSHIP: "relationships",
    Grouping.AUTHOR: "authors",
    Grouping.SERIES: "series",
}
GROUP_SORTS: Mapping[Grouping, str] = {Grouping.SERIES: "sort:published"}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class CatalogUrls:
    """Absolute URLs into the catalog for one request, each carrying its reader token.

    Absolute because OpenSearch templates must be, and several e-reader apps resolve relative
    links badly. The web page link has no token: a browser has the reader's cookie.
    """

    base: str
    token: str | None

    @classmethod
    def of(cls, request: Request) -> CatalogUrls:
        return cls(str(request.base_url).rstrip("/"), token_of(request))

    def url(self, path: str, **params: object) -> str:
        kept = {key: str(value) for key, value in params.items() if value not in (None, "")}
        if self.token is not None:
            kept[READER_PARAM] = self.token
        return self.base + path + ("?" + urlencode(kept) if kept else "")

    def feed(self, path: str = "", **params: object) -> str:
        return self.url(ROOT + path, **params)

    def group(self, grouping: Grouping, name: str) -> str:
        return self.feed(f"/{GROUP_PATHS[grouping]}/{quote(name, safe='')}")

    def search_template(self) -> str:
        """``/opds/search?q={searchTerms}``: braces kept, the token's characters escaped."""
        token = f"&{READER_PARAM}={quote(self.token, safe='')}" if self.token else ""
        return f"{self.base}{ROOT}/search?q={{searchTerms}}{token}"

    # WorkLinks, for the work entries:
    def download(self, work_id: int) -> str:
        return self.feed(f"/works/{work_id}.epub")

    def web_page(self, work_id: int) -> str:
        return f"{self.base}/works/{work_id}"

    def author(self, name: str) -> str:
        return self.group(Grouping.AUTHOR, name)

    def series(self, name: str) -> str:
        return self.group(Grouping.SERIES, name)

    def tag_scheme(self, field: str) -> str:
        return f"{self.base}{ROOT}/schemes/{field}"


@dataclass(frozen=True, slots=True)
class FeedPlace:
    """Where a feed sits: its path under /opds and parameters (without page), its title, and
    its parent's path for the ``up`` link ("" is the start feed; None: no parent)."""

    path: str
    title: str
    up: str | None = ""
    params: Mapping[str, str] | None = None
    subtitle: str | None = None


# --- feeds -----------------------------------------------------------------------------------


@endpoint
def start(request: Request) -> Response:
    words = catalog_words()
    urls = CatalogUrls.of(request)
    shelf = shelf_of(request)
    namespace = catalog_namespace(shelf.directory)
    updated = last_import(shelf.library.database.connection) or _EPOCH
    everything = search_as(shelf, reader_prefs(request), "", per_page=1).total
    entries = [
        Entry(
            id=urn(namespace, f"section/{section.key}"),
            title=section.title,
            updated=updated,
            content=section.content,
            links=(
                Link(
                    NEWEST_REL if section.key == "recent" else "subsection",
                    urls.feed(f"/{section.key}"),
                    ACQUISITION_TYPE if section.kind == "acquisition" else NAVIGATION_TYPE,
                    section.title,
                    everything if section.key == "recent" else None,
                ),
            ),
        )
        for section in words.sections
    ]
    place = FeedPlace("", words.catalog["title"], up=None, subtitle=words.catalog["subtitle"])
    return _feed(request, place, NAVIGATION_TYPE, entries, updated, None)


@endpoint
def recent(request: Request) -> Response:
    title = catalog_words().section("recent").title
    return _acquisition(request, FeedPlace("/recent", title), RECENT_QUERY)


@endpoint
def search(request: Request) -> Response:
    titles = catalog_words().titles
    query = request.query_params.get("q", "").strip()
    title = titles["search"].format(query=query) if query else titles["search_all"]
    return _acquisition(request, FeedPlace("/search", title, params={"q": query}), query)


def _group_list(grouping: Grouping) -> Route:
    segment = GROUP_PATHS[grouping]

    @endpoint
    def group_list(request: Request) -> Response:
        shelf = shelf_of(request)
        connection = shelf.library.database.connection
        pairs = members(connection, grouping)
        visible = visibility(shelf, reader_prefs(request), (work for _, work in pairs))
        groups = count_groups(pairs, visible)
        paging = Paging(
            len(groups), page_param(request) or 1, _per_page(request) or NAVIGATION_PER_PAGE
        )
        shown = groups[paging.start_index - 1 : paging.start_index - 1 + paging.per_page]
        updated = last_import(connection) or _EPOCH
        title = catalog_words().section(segment).title
        entries = [_group_entry(request, grouping, group, updated) for group in shown]
        return _feed(
            request, FeedPlace(f"/{segment}", title), NAVIGATION_TYPE, entries, updated, paging
        )

    return Route(f"{ROOT}/{segment}", group_list)


def _group_works(grouping: Grouping) -> Route:
    segment = GROUP_PATHS[grouping]

    @endpoint
    def group_works(request: Request) -> Response:
        name: str = request.path_params["name"]
        query = f"{grouping.value}:{quoted(name)} {GROUP_SORTS.get(grouping, '')}".strip()
        place = FeedPlace(
            f"/{segment}/{quote(name, safe='')}",
            catalog_words().titles[grouping.value].format(name=name),
            up=f"/{segment}",
        )
        return _acquisition(request, place, query)

    return Route(f"{ROOT}/{segment}/{{name:path}}", group_works)


def _group_entry(request: Request, grouping: Grouping, group: Group, updated: dt.datetime) -> Entry:
    namespace = catalog_namespace(shelf_of(request).directory)
    return Entry(
        id=urn(namespace, f"{grouping.value}/{name_key(group.name)}"),
        title=group.name,
        updated=updated,
        content=catalog_words().works(group.works),
        links=(
            Link(
                "subsection",
                CatalogUrls.of(request).group(grouping, group.name),
                ACQUISITION_TYPE,
                group.name,
                group.works,
            ),
        ),
    )


def _acquisition(request: Request, place: FeedPlace, query: str) -> Response:
    """A page of the works ``query`` finds, as this reader may see them."""
    shelf = shelf_of(request)
    try:
        result = search_as(
            shelf,
            reader_prefs(request),
            query,
            page=page_param(request),
            per_page=_per_page(request),
        )
    except QueryError as error:
        subtitle = catalog_words().titles["search_error"].format(error=error)
        failed = FeedPlace(place.path, place.title, place.up, place.params, subtitle)
        updated = last_import(shelf.library.database.connection) or _EPOCH
        return _feed(request, failed, ACQUISITION_TYPE, [], updated, None, status_code=400)
    entries = _work_entries(request, result)
    latest = max((entry.updated for entry in entries), default=None)
    updated = latest or last_import(shelf.library.database.connection) or _EPOCH
    paging = Paging(result.total, result.page, result.per_page)
    return _feed(request, place, ACQUISITION_TYPE, entries, updated, paging)


def _work_entries(request: Request, result: SearchResult) -> list[Entry]:
    shelf = shelf_of(request)
    connection = shelf.library.database.connection
    found = blurbs(connection, list(result.ids))
    stored_at = imported_at(connection, [blurb.id for blurb in found])
    namespace = catalog_namespace(shelf.directory)
    urls = CatalogUrls.of(request)
    return [
        work_entry(blurb, work_urn(namespace, blurb.id), _changed(blurb, stored_at), urls)
        for blurb in found
    ]


def _changed(blurb: WorkBlurb, stored_at: Mapping[int, dt.datetime]) -> dt.datetime:
    """When the work says it was last updated (or published), else when it was imported."""
    day = blurb.updated or blurb.published
    if day is not None:
        return dt.datetime.combine(day, dt.time(), dt.UTC)
    return stored_at.get(blurb.id, _EPOCH)


def _feed(
    request: Request,
    place: FeedPlace,
    kind: str,
    entries: Sequence[Entry],
    updated: dt.datetime,
    paging: Paging | None,
    *,
    status_code: int = 200,
) -> Response:
    urls = CatalogUrls.of(request)
    params = dict(place.params or {})
    per_page = _per_page(request)

    def page_url(page: int) -> str:
        return urls.feed(place.path, **params, page=page if page > 1 else None, per_page=per_page)

    words = catalog_words()
    links = [
        Link("self", page_url(paging.page if paging else 1), kind),
        Link("start", urls.feed(), NAVIGATION_TYPE, words.catalog["title"]),
        *([] if place.up is None else [Link("up", urls.feed(place.up), NAVIGATION_TYPE)]),
        Link("search", urls.feed("/opensearch.xml"), OPENSEARCH_TYPE),
        Link("search", urls.search_template(), ACQUISITION_TYPE),
        *(paging_links(paging, page_url, kind) if paging else ()),
    ]
    namespace = catalog_namespace(shelf_of(request).directory)
    head = Head(
        id=urn(namespace, "feed" + place.path + ("?" + urlencode(params) if params else "")),
        title=place.title,
        subtitle=place.subtitle,
        updated=updated,
        author=Person(words.catalog["author"], urls.feed()),
        links=tuple(links),
        paging=paging,
    )
    return Response(feed_document(head, entries), status_code, media_type=kind)


def _per_page(request: Request) -> int | None:
    """``?per_page=N`` within the search service's bounds; None (the default) otherwise."""
    value = request.query_params.get("per_page", "")
    return int(value) if value.isdigit() and 1 <= int(value) <= MAX_PER_PAGE else None


# --- OpenSearch, downloads, the reader's address ----------------------------------------------


def opensearch(request: Request) -> Response:
    reader_prefs(request)  # refuses a forged token here rather than at the first search
    words = catalog_words().opensearch
    template = CatalogUrls.of(request).search_template()
    document = opensearch_description(
        words["short_name"],
        words["description"],
        [(ACQUISITION_TYPE, template), ("application/atom+xml", template)],
        words["example"],
    )
    return Response(document, media_type=OPENSEARCH_TYPE)


async def download(request: Request) -> Response:
    """The work's EPUB, unless the reader's blocks hide it. Only finding the work holds the
    library's lock; the export (seconds for a long work) runs beside other requests."""
    stored = await run_in_threadpool(_visible_work, request)
    path = await run_in_threadpool(
        epubs.epub_for, shelf_of(request).directory, stored.id, stored.work
    )
    return FileResponse(path, media_type=EPUB_TYPE, filename=f"{file_stem(stored.work)}.epub")


def _visible_work(request: Request) -> StoredWork:
    shelf = shelf_of(request)
    with shelf.reading() as library:
        stored = library.get(path_int(request, "work_id"))
        if stored is None or is_blocked(shelf, reader_prefs(request), stored.id):
            raise HTTPException(404, "No such work, or your filters hide it.")
        return stored


@endpoint
def address(request: Request) -> Response:
    """The reader's catalog address for e-reader apps: their blocks travel in its token."""
    prefs = reader_prefs(request)
    base = CatalogUrls(CatalogUrls.of(request).base, None)
    personal = (
        CatalogUrls(base.base, reader_token(request, prefs)) if prefs.blocks_anything else base
    )
    return render(
        request,
        "opds/address.html",
        catalog=personal.feed(),
        blocked_tags=prefs.blocked_tags,
        blocked_authors=prefs.blocked_authors,
        title="Catalog for e-readers",
    )


routes = [
    Route(ROOT, start),
    Route(f"{ROOT}/recent", recent),
    Route(f"{ROOT}/search", search),
    Route(f"{ROOT}/opensearch.xml", opensearch),
    Route(f"{ROOT}/address", address),
    Route(f"{ROOT}/works/{{work_id:int}}.epub", download),
    *(_group_list(grouping) for grouping in Grouping),
    *(_group_works(grouping) for grouping in Grouping),
]

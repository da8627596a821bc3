"""Reader protection: the content gate, and blocked tags and authors hiding works everywhere.

Every list of works on every page (index, search, tag, author, series, fandom counts) comes
through :func:`listing`, and every single work through :func:`is_blocked`, so a blocked work
cannot slip out of one page that forgot to filter. Blocking is the search service's
``exclude_tags``/``exclude_authors``, so a blocked tag takes its synonyms and sub-tags with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from ficshelf.library.blurbs import WorkBlurb, blurbs
from ficshelf.model import Rating, Warning
from ficshelf.search import parse_query
from ficshelf.search.ast import MAX_PER_PAGE
from ficshelf.search.facets import Facets
from ficshelf.search.service import SearchResult
from ficshelf.serve.preferences import Preferences
from ficshelf.serve.shelf import Shelf
from ficshelf.serve.symbols import symbol_table


def needs_gate(rating: Rating, warnings: Sequence[Warning]) -> bool:
    """Mature/Explicit, or any archive warning but "No Archive Warnings Apply" (AO3's notice)."""
    gate = symbol_table()["gate"]
    if rating.value in gate["ratings"]:
        return True
    return any(warning.value not in gate["ungated_warnings"] for warning in warnings)


@dataclass(frozen=True, slots=True)
class Listed:
    """One work in a list: ``collapsed`` when blocked (collapse mode), ``gated`` when the
    reader has not yet agreed to see its summary."""

    blurb: WorkBlurb
    collapsed: bool
    gated: bool
    snippet: str | None


@dataclass(frozen=True, slots=True)
class Listing:
    total: int
    works: tuple[Listed, ...]
    facets: Facets | None
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search_as(
    shelf: Shelf,
    prefs: Preferences,
    query: str,
    *,
    page: int | None = None,
    per_page: int | None = None,
    with_facets: bool = False,
    facet_top: int = 10,
) -> SearchResult:
    """The search service's answer with the reader's blocked tags and authors excluded."""
    return shelf.searcher.search(
        query,
        exclude_tags=prefs.blocked_tags,
        exclude_authors=prefs.blocked_authors,
        page=page,
        per_page=per_page,
        with_facets=with_facets,
        facet_top=facet_top,
    )


def listing(
    shelf: Shelf,
    prefs: Preferences,
    query: str,
    *,
    allowed: frozenset[int] | None = None,
    everything: bool = False,
    page: int | None = None,
    per_page: int | None = None,
    with_facets: bool = False,
    facet_top: int = 10,
) -> Listing:
    """A page of works matching ``query`` as this reader may see them.

    Hide mode: blocked works are not in the page, the total or the facets. Collapse mode:
    they keep their place in the page as collapsed entries, while facets still leave them out
    (a collapsed work must not show its tags through a side door). ``allowed`` are the gated
    works the reader already agreed to, ``everything`` means they agreed for the session.
    """
    filtered = search_as(
        shelf,
        prefs,
        query,
        page=page,
        per_page=per_page,
        with_facets=with_facets,
        facet_top=facet_top,
    )
    shown: SearchResult = filtered
    blocked: set[int] = set()
    if prefs.collapses and prefs.blocks_anything:
        shown = shelf.searcher.search(query, page=page, per_page=per_page)
        blocked = set(shown.ids) - visible_ids(shelf, prefs, shown.ids)
    works = _listed(shelf, shown.ids, blocked, shown.snippets, allowed or frozenset(), everything)
    return Listing(shown.total, works, filtered.facets, shown.page, shown.per_page)


def ordered_listing(
    shelf: Shelf,
    prefs: Preferences,
    query: str,
    order: Sequence[int],
    *,
    allowed: frozenset[int] | None = None,
    everything: bool = False,
    page: int | None = None,
) -> Listing:
    """Like :func:`listing`, for the works ``query`` finds in an order of the caller's (a
    series' reading order): ``order`` lists every candidate, the search says which of them
    match and which the reader's blocks hide or collapse. No facets, no snippets.
    """
    parsed = parse_query(query)
    page = page or parsed.page
    per_page = parsed.per_page
    visible = _every_match(shelf, query, prefs)
    members = _every_match(shelf, query) if prefs.collapses else visible
    ids = [work_id for work_id in order if work_id in members]
    shown = ids[(page - 1) * per_page : page * per_page]
    works = _listed(shelf, shown, members - visible, {}, allowed or frozenset(), everything)
    return Listing(len(ids), works, None, page, per_page)


def _every_match(shelf: Shelf, query: str, prefs: Preferences | None = None) -> set[int]:
    """Every work ``query`` finds (the reader's blocks left out when ``prefs`` are given)."""
    found: set[int] = set()
    page = 1
    while True:
        result = shelf.searcher.search(
            query,
            exclude_tags=prefs.blocked_tags if prefs else (),
            exclude_authors=prefs.blocked_authors if prefs else (),
            page=page,
            per_page=MAX_PER_PAGE,
        )
        found.update(result.ids)
        if len(found) >= result.total or not result.ids:
            return found
        page += 1


def _listed(
    shelf: Shelf,
    ids: Sequence[int],
    blocked: Set[int],
    snippets: Mapping[int, str],
    allowed: frozenset[int],
    everything: bool,
) -> tuple[Listed, ...]:
    """The blurbs of ``ids`` in that order, each marked collapsed (blocked) and gated."""
    return tuple(
        Listed(
            blurb,
            collapsed=blurb.id in blocked,
            gated=needs_gate(blurb.rating, blurb.warnings)
            and not everything
            and blurb.id not in allowed,
            snippet=None if blurb.id in blocked else snippets.get(blurb.id),
        )
        for blurb in blurbs(shelf.library.database.connection, list(ids))
    )


def visible_ids(shelf: Shelf, prefs: Preferences, ids: Sequence[int]) -> set[int]:
    """Which of ``ids`` the reader's blocks leave visible."""
    if not ids:
        return set()
    if not prefs.blocks_anything:
        return set(ids)
    query = "id:" + ",".join(str(work_id) for work_id in ids)
    found = search_as(shelf, prefs, query, page=1, per_page=len(ids))
    return set(found.ids)


def visible_count(shelf: Shelf, prefs: Preferences, query: str) -> int:
    """How many works ``query`` finds that the reader's blocks leave visible, whatever the
    block mode: a count must not tell of works the reader asked never to hear about."""
    return search_as(shelf, prefs, query, page=1, per_page=1).total


def is_blocked(shelf: Shelf, prefs: Preferences, work_id: int) -> bool:
    return not visible_ids(shelf, prefs, [work_id])

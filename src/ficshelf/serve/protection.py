"""Reader protection: the content gate, and blocked tags and authors hiding works everywhere.

Every list of works on every page (index, search, tag, author, series, fandom counts) comes
through :func:`listing`, and every single work through :func:`is_blocked`, so a blocked work
cannot slip out of one page that forgot to filter. Blocking is the search service's
``exclude_tags``/``exclude_authors``, so a blocked tag takes its synonyms and sub-tags with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ficshelf.library.blurbs import WorkBlurb, blurbs
from ficshelf.model import Rating, Warning
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
    allowed = allowed or frozenset()
    snippets: Mapping[int, str] = shown.snippets
    works = tuple(
        Listed(
            blurb,
            collapsed=blurb.id in blocked,
            gated=needs_gate(blurb.rating, blurb.warnings)
            and not everything
            and blurb.id not in allowed,
            snippet=None if blurb.id in blocked else snippets.get(blurb.id),
        )
        for blurb in blurbs(shelf.library.database.connection, list(shown.ids))
    )
    return Listing(shown.total, works, filtered.facets, shown.page, shown.per_page)


def visible_ids(shelf: Shelf, prefs: Preferences, ids: Sequence[int]) -> set[int]:
    """Which of ``ids`` the reader's blocks leave visible."""
    if not ids:
        return set()
    if not prefs.blocks_anything:
        return set(ids)
    query = "id:" + ",".join(str(work_id) for work_id in ids)
    found = search_as(shelf, prefs, query, page=1, per_page=len(ids))
    return set(found.ids)


def is_blocked(shelf: Shelf, prefs: Preferences, work_id: int) -> bool:
    return not visible_ids(shelf, prefs, [work_id])

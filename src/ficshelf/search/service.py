"""Search over a library: the query language answered by the in-memory index and full text.

``SearchService(library).search('fandom:Naruto -warning:mcd sort:-words "rain"')``

The filter index is built from the database on first use (one bulk read) and kept in step
with it afterwards: every write to a work bumps the library's generation in the same
transaction, so each search costs one cheap query to learn whether anything changed, and then
reads only the works changed or deleted since. Writes from another process (the CLI importing
while the web server runs) are picked up the same way. The database stays the source of truth.
"""

from __future__ import annotations

import dataclasses
import random
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ficshelf.errors import QueryError
from ficshelf.library import Library
from ficshelf.search.ast import (
    MAX_PER_PAGE,
    AuthorFilter,
    Filter,
    Query,
    SortKey,
    TagFilter,
)
from ficshelf.search.catalog import Catalog, DatabaseResolver, tag_names
from ficshelf.search.facets import Facets
from ficshelf.search.fulltext import fulltext_for
from ficshelf.search.index import FilterIndex
from ficshelf.search.query import parse_query
from ficshelf.search.text import TextSearch


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of results. ``ids`` are in the query's sort order; ``total`` counts all pages.

    ``snippets`` (only when the query had text) are HTML-escaped passages with ``<mark>`` on
    the hits, by work id. ``query`` is the query as run: blocked tags and authors added to its
    exclusions, the page, page size and random seed filled in.
    """

    total: int
    ids: tuple[int, ...]
    facets: Facets | None
    snippets: Mapping[int, str]
    page: int
    per_page: int
    query: Query


class SearchService:
    """Answers searches for one open library; safe to share between threads."""

    def __init__(self, library: Library) -> None:
        connection = library.database.connection
        self._library = library
        self._connection = connection
        self._catalog = Catalog(connection)
        self._resolver = DatabaseResolver(connection, self._catalog.author_ids)
        self._fulltext = fulltext_for(connection)
        self._text = TextSearch(self._fulltext)
        self._index: FilterIndex | None = None
        self._generation = 0
        self._lock = threading.RLock()

    def search(
        self,
        query: str,
        *,
        exclude_tags: Sequence[str] = (),
        exclude_authors: Sequence[str] = (),
        page: int | None = None,
        per_page: int | None = None,
        with_facets: bool = False,
        facet_top: int = 10,
        seed: int | None = None,
    ) -> SearchResult:
        """Run ``query`` (the search language; ``QueryError`` when it cannot be read).

        ``exclude_tags`` (any tag type, resolved like ``-tag:``: synonyms and sub-tags go too)
        and ``exclude_authors`` are a reader's blocks. ``page``/``per_page``/``seed`` override
        the query's own ``page:``, ``per-page:`` and ``seed:``; without any seed ``sort:random``
        draws one (it comes back in ``result.query.seed``, to ask for the next page).
        """
        parsed = _with_overrides(parse_query(query), exclude_tags, exclude_authors, page, per_page)
        if seed is not None:
            parsed = dataclasses.replace(parsed, seed=seed)
        elif parsed.seed is None and parsed.effective_sort.key is SortKey.RANDOM:
            parsed = dataclasses.replace(parsed, seed=random.randrange(2**31))
        with self._lock:
            index = self._current_index()
            return self._run(index, parsed, with_facets, facet_top)

    def refresh(self) -> None:
        """Bring the index up to date now (searches do this themselves)."""
        with self._lock:
            self._current_index()

    def tag_family(self, name: str) -> frozenset[int]:
        """Ids of every tag ``name`` stands for in ``-tag:`` and a reader's blocks: the tag
        (by its canonical name or any written form) and every tag below it."""
        with self._lock:
            return self._resolver.resolve(None, name)

    def tag_names(self, tag_ids: Iterable[int]) -> dict[int, str]:
        """Canonical names for the tag ids in ``Facets``."""
        with self._lock:
            return tag_names(self._connection, tag_ids)

    def _run(self, index: FilterIndex, query: Query, with_facets: bool, top: int) -> SearchResult:
        sort = query.effective_sort
        result = index.evaluate(query, self._resolver)
        ranking = None
        if query.text is not None:
            ranked = sort.key is SortKey.BEST
            found = self._text.matching(query.text, result, self._generation, ranked)
            result, ranking = found.ids, found.ranking
        if query.text_exclude is not None:
            result -= self._text.matching(query.text_exclude, result, self._generation, False).ids
        ids = index.sort(result, sort, query.page, query.per_page, query.seed, ranking)
        snippets: dict[int, str] = {}
        if query.text is not None and ids:
            snippets = self._fulltext.snippets(query.text, ids)
        return SearchResult(
            total=len(result),
            ids=tuple(ids),
            facets=index.facets(result, top) if with_facets else None,
            snippets=snippets,
            page=query.page,
            per_page=query.per_page,
            query=query,
        )

    def _current_index(self) -> FilterIndex:
        """The index, built or brought up to date with the library's latest generation.

        The generation is read before the works, so a write that lands in between is read
        now and again next time (adding a work twice replaces it; harmless), never missed.
        """
        generation = self._library.generation()
        if self._index is None:
            self._index = FilterIndex.build(self._catalog.load())
        elif generation != self._generation:
            for work_id in self._catalog.deleted_since(self._generation):
                self._index.remove(work_id)
            for work in self._catalog.load(since=self._generation):
                self._index.add(work)
        self._generation = generation
        return self._index


def _with_overrides(
    query: Query,
    exclude_tags: Sequence[str],
    exclude_authors: Sequence[str],
    page: int | None,
    per_page: int | None,
) -> Query:
    blocked: list[Filter] = [TagFilter(None, (name,)) for name in exclude_tags if name.strip()]
    blocked += [AuthorFilter((name,)) for name in exclude_authors if name.strip()]
    if page is not None and page < 1:
        raise QueryError(f"page {page} does not exist: pages count from 1")
    if per_page is not None and not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per page must be between 1 and {MAX_PER_PAGE}, not {per_page}")
    return dataclasses.replace(
        query,
        exclude=query.exclude + tuple(blocked),
        page=page if page is not None else query.page,
        per_page=per_page if per_page is not None else query.per_page,
    )

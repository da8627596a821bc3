"""search stage: query language, in-memory filter index, facets, sorts, FTS5 compilation.

query = parse_query('fandom:Naruto -warning:mcd words:>10k sort:-words "rain"')
result = index.evaluate(query, resolver)            # the filters, from the in-memory index
result &= fts_match(to_fts5(query.text), result)    # then the text, among those works only
ids = index.sort(result, query.effective_sort, query.page, query.per_page, query.seed)
facets = index.facets(result)

``search.service.SearchService`` does all of this over a library (``search.text`` decides how
to ask the full-text engine).
"""

from ficshelf.search.ast import (
    And,
    Filter,
    Interval,
    Not,
    Or,
    Phrase,
    Query,
    RangeField,
    Sort,
    SortKey,
    TextQuery,
    Word,
)
from ficshelf.search.facets import Facets
from ficshelf.search.fts import to_fts5
from ficshelf.search.index import FilterIndex
from ficshelf.search.indexed import IndexedWork
from ficshelf.search.lexer import QuerySyntaxError
from ficshelf.search.query import parse_query
from ficshelf.search.resolve import MemoryResolver, NameResolver, Resolver, TagResolver

__all__ = [
    "And",
    "Facets",
    "Filter",
    "FilterIndex",
    "IndexedWork",
    "Interval",
    "MemoryResolver",
    "NameResolver",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "QuerySyntaxError",
    "RangeField",
    "Resolver",
    "Sort",
    "SortKey",
    "TagResolver",
    "TextQuery",
    "Word",
    "parse_query",
    "to_fts5",
]

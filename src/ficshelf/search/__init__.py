"""search stage: query language, in-memory filter index, facets, sorts, FTS5 compilation.

query = parse_query('fandom:Naruto -warning:mcd words:>10k sort:-words "rain"')
hits = fts_match(to_fts5(query.text))              # the library's full-text engine
result = index.evaluate(query, resolver, text_hits=hits)
ids = index.sort(result, query.effective_sort, query.page, query.per_page, query.seed)
facets = index.facets(result)
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

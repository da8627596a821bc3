"""The sidebar's fields become one query-language string."""

from __future__ import annotations

import pytest

from ficshelf.search import parse_query
from ficshelf.serve.queryform import compose_query, quoted


@pytest.mark.parametrize(
    ("form", "query"),
    [
        ({"q": ["rain"], "include": ["Hurt/Comfort, Angst"]}, 'rain tag:"Hurt/Comfort" tag:Angst'),
        ({"exclude": ["Major Character Death"]}, '-tag:"Major Character Death"'),
        ({"rating": ["g", "t"], "category": ["M/M"]}, 'rating:g,t category:"M/M"'),
        ({"words_from": ["1000"], "words_to": [""]}, "words:>=1000"),
        ({"updated_from": ["2020-01-01"], "updated_to": ["2021-12-31"]},
         "updated:2020-01-01..2021-12-31"),
        ({"exclude_warning": ["Rape/Non-Con"], "complete": ["yes"], "sort": ["-words"]},
         '-warning:"Rape/Non-Con" complete:yes sort:-words'),
        ({"facet": ['Say "Hi"']}, 'tag:"Say \\"Hi\\""'),
    ],
)  # fmt: skip
def test_compose_query(form: dict[str, list[str]], query: str) -> None:
    assert compose_query(form) == query
    parse_query(query)  # and the search language reads it


def test_quoted_keeps_plain_words_bare() -> None:
    assert quoted("Naruto") == "Naruto"
    assert quoted("Umino Iruka") == '"Umino Iruka"'

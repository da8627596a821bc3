"""The filter index agrees with a brute-force Python filter on a seeded AO3-like library."""

from __future__ import annotations

import dataclasses
import random

import pytest
from brute import evaluate, ordered, top_tags
from pyroaring import BitMap
from synthetic import SyntheticLibrary

from ficshelf.model import Rating, TagType, Warning
from ficshelf.search import FilterIndex, IndexedWork, Sort, SortKey, parse_query
from ficshelf.search.sort import Ranking

RANGE_TERMS = [
    "rating:<=mature",
    "rating:t..e",
    "rating:g,nr",
    "rating:>teen",
    "words:>5k",
    "words:<2000",
    "words:1k..8k",
    "words:10000..",
    "chapters:1",
    "chapters:>3",
    "chapters:2..10",
    "published:2015",
    "published:<2012-06",
    "published:2018-03..2020",
    "updated:>=2022",
    "updated:2016-02",
    "updated:..2010",
]
CLOSED_TERMS = [
    "warning:mcd",
    "warning:noncon,underage",
    "warning:none",
    "warning:cntw",
    "cat:mm",
    "cat:ff,fm",
    "cat:gen",
    "language:en",
    "language:fr,de",
    "complete:yes",
    "complete:no",
    "title:rain",
    'title:"winter light"',
    "id:1,2,3,500,5999",
]


def random_term(rng: random.Random, library: SyntheticLibrary) -> str:
    kind = rng.random()
    if kind < 0.45:
        tag_type, name = library.tags[rng.choice(sorted(library.tags))]
        rank = int(name.rsplit(" ", 1)[1])
        name = f"{tag_type.value} {min(rank, rng.randrange(40))}"
        field = rng.choice([tag_type.value, "tag"])
        return f'{field}:"{name}"'
    if kind < 0.5:
        return f"author:author{rng.randrange(40)}"
    if kind < 0.55:
        return f'series:"series {rng.randrange(20)}"'
    if kind < 0.8:
        return rng.choice(RANGE_TERMS)
    return rng.choice(CLOSED_TERMS)


def random_query(rng: random.Random, library: SyntheticLibrary) -> str:
    includes = [random_term(rng, library) for _ in range(rng.randint(0, 3))]
    excludes = ["-" + random_term(rng, library) for _ in range(rng.randint(0, 4))]
    return " ".join(includes + excludes)


def test_random_queries_match_brute_force(library: SyntheticLibrary, index: FilterIndex) -> None:
    rng = random.Random(11)
    for _ in range(120):
        text = random_query(rng, library)
        query = parse_query(text)
        expected = evaluate(library.works, query, library.resolver)
        assert set(index.evaluate(query, library.resolver)) == expected, text


def test_the_issue_example_query(library: SyntheticLibrary, index: FilterIndex) -> None:
    query = parse_query(
        'fandom:"fandom 0" rel:"relationship 1" -warning:"Major Character Death" '
        '-tag:"freeform 3" rating:<=mature words:>10000 complete:yes sort:-words'
    )
    expected = evaluate(library.works, query, library.resolver)
    assert expected
    assert set(index.evaluate(query, library.resolver)) == expected


def test_a_synonym_finds_its_canonical_and_siblings(
    library: SyntheticLibrary, index: FilterIndex
) -> None:
    synonym = parse_query('fandom:"fandom 9"')
    canonical = parse_query('fandom:"fandom 8"')
    found = index.evaluate(synonym, library.resolver)
    assert found == index.evaluate(canonical, library.resolver)
    tag_ids = {tag_id for tag_id, (t, n) in library.tags.items() if n in ("fandom 8", "fandom 9")}
    assert set(found) == {w.id for w in library.works if w.fandoms & tag_ids}


def test_a_meta_tag_finds_its_sub_tags(library: SyntheticLibrary, index: FilterIndex) -> None:
    meta = {t: n for t, (kind, n) in library.tags.items() if kind is TagType.FREEFORM}
    names = {n: t for t, n in meta.items()}
    family = {names["freeform 0"], names["freeform 1"], names["freeform 2"]}
    found = index.evaluate(parse_query('freeform:"freeform 0"'), library.resolver)
    assert set(found) == {w.id for w in library.works if w.freeforms & family}
    sub_only = index.evaluate(parse_query('freeform:"freeform 1"'), library.resolver)
    assert sub_only < found


def test_unknown_names_match_nothing_and_exclude_nothing(
    library: SyntheticLibrary, index: FilterIndex
) -> None:
    assert not index.evaluate(parse_query('fandom:"No Such Fandom"'), library.resolver)
    everything = index.evaluate(parse_query('-fandom:"No Such Fandom"'), library.resolver)
    assert len(everything) == len(library.works)


def test_free_text_is_left_to_the_text_engine(
    library: SyntheticLibrary, index: FilterIndex
) -> None:
    with_text = index.evaluate(parse_query("rain -snow rating:e"), library.resolver)
    assert with_text == index.evaluate(parse_query("rating:e"), library.resolver)


@pytest.mark.parametrize("subset", ["small", "large"])
def test_facets_equal_brute_force_counts(
    library: SyntheticLibrary, index: FilterIndex, subset: str
) -> None:
    text = 'fandom:"fandom 1",fandom:"fandom 4"' if subset == "small" else "-warning:underage"
    result = index.evaluate(parse_query(text.replace(",fandom:", ",")), library.resolver)
    works = [w for w in library.works if w.id in result]
    facets = index.facets(result, top_n=8)
    assert facets.total == len(works)
    ratings = sorted(Rating, key=lambda r: r.rank)
    assert facets.ratings == tuple(
        (r, n) for r in ratings if (n := sum(w.rating is r for w in works))
    )
    assert facets.warnings == tuple(
        (x, n) for x in Warning if (n := sum(x in w.warnings for w in works))
    )
    assert facets.fandoms == top_tags(works, lambda w: w.fandoms, 8)
    assert facets.relationships == top_tags(works, lambda w: w.relationships, 8)
    assert facets.characters == top_tags(works, lambda w: w.characters, 8)
    assert facets.freeforms == top_tags(works, lambda w: w.freeforms, 8)


@pytest.mark.parametrize("key", ["words", "chapters", "published", "updated", "title", "author"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("subset", ["all", "half", "few"])
def test_sorted_pages_equal_brute_force_order(
    library: SyntheticLibrary, index: FilterIndex, key: str, descending: bool, subset: str
) -> None:
    keep = {"all": 1.0, "half": 0.5, "few": 0.02}[subset]
    rng = random.Random(key)
    works = [w for w in library.works if rng.random() < keep]
    result = BitMap(w.id for w in works)
    expected = ordered(works, key, descending)
    sort = Sort(SortKey(key), descending)
    for page in (1, 2, 7, len(works) // 13 + 1, len(works) // 13 + 3):
        assert index.sort(result, sort, page, 13) == expected[(page - 1) * 13 : page * 13]


def test_random_order_is_a_seeded_page_stable_shuffle(index: FilterIndex) -> None:
    result = BitMap(range(1, 1500, 3))
    sort = Sort(SortKey.RANDOM)
    pages = [id_ for page in range(1, 11) for id_ in index.sort(result, sort, page, 50, seed=5)]
    assert pages == index.sort(result, sort, 1, 500, seed=5)
    assert sorted(pages) == list(result)
    assert index.sort(result, sort, 1, 50, seed=6) != pages[:50]


def test_best_match_follows_the_ranking_then_id(index: FilterIndex) -> None:
    result = BitMap([3, 5, 8, 13, 21, 34])
    order = [5, 99, 8, 13, 3]  # 99 matched the text but is not in the result; 21, 34 unranked
    ranking = Ranking(order, BitMap(order))
    best = Sort(SortKey.BEST)
    assert index.sort(result, best, 1, 10, ranking=ranking) == [5, 8, 13, 3, 21, 34]
    assert index.sort(result, best, 2, 2, ranking=ranking) == [13, 3]
    assert index.sort(result, best, 3, 2, ranking=ranking) == [21, 34]


def test_best_without_scores_is_newest_first(index: FilterIndex) -> None:
    result = BitMap(range(1, 200))
    newest = Sort(SortKey.UPDATED, descending=True)
    assert index.sort(result, Sort(SortKey.BEST), 1, 10) == index.sort(result, newest, 1, 10)


def test_add_update_remove_keep_the_index_in_step(library: SyntheticLibrary) -> None:
    rng = random.Random(5)
    works = {w.id: w for w in library.works[:3000]}
    freeforms = [t for t, (kind, _) in library.tags.items() if kind is TagType.FREEFORM]
    live = FilterIndex.build(library.works[:1500], buckets=24)
    for work in library.works[1500:3000]:
        live.add(work)
    for work_id in rng.sample(sorted(works), 400):
        live.remove(work_id)
        del works[work_id]
    for work_id in rng.sample(sorted(works), 300):
        changed = _retagged(works[work_id], rng, freeforms)
        live.update(changed)
        works[work_id] = changed
    fresh = FilterIndex.build(works.values(), buckets=24)
    for _ in range(100):
        query = parse_query(random_query(rng, library))
        expected = evaluate(works.values(), query, library.resolver)
        assert set(live.evaluate(query, library.resolver)) == expected
        assert set(fresh.evaluate(query, library.resolver)) == expected
    everything = live.all
    assert everything == fresh.all
    assert live.facets(everything) == fresh.facets(everything)
    for key in ("words", "published", "title"):
        sort = Sort(SortKey(key), descending=True)
        assert live.sort(everything, sort, 3, 25) == fresh.sort(everything, sort, 3, 25)


@pytest.mark.parametrize("changes", [40, 600])  # under and over the matrix's rebuild share
def test_facets_stay_right_as_works_change(library: SyntheticLibrary, changes: int) -> None:
    """Facets counted from the tag matrix built before the changes, and after its rebuild."""
    rng = random.Random(changes)
    works = {w.id: w for w in library.works[:2000]}
    freeforms = [t for t, (kind, _) in library.tags.items() if kind is TagType.FREEFORM]
    live = FilterIndex.build(works.values())
    for work_id in rng.sample(sorted(works), changes // 2):
        live.remove(work_id)
        del works[work_id]
    for work_id in rng.sample(sorted(works), changes // 2):
        works[work_id] = _retagged(works[work_id], rng, freeforms)
        live.update(works[work_id])
    for work in library.works[2000 : 2000 + changes // 4]:
        live.add(work)
        works[work.id] = work
    for text in ('fandom:"fandom 1"', 'fandom:"fandom 2" rating:e', "words:<2000", "rating:t"):
        result = live.evaluate(parse_query(text), library.resolver)
        chosen = [w for w in works.values() if w.id in result]
        facets = live.facets(result, top_n=6)
        assert facets.freeforms == top_tags(chosen, lambda w: w.freeforms, 6), text
        assert facets.fandoms == top_tags(chosen, lambda w: w.fandoms, 6), text
        assert facets.characters == top_tags(chosen, lambda w: w.characters, 6), text


def _retagged(work: IndexedWork, rng: random.Random, freeforms: list[int]) -> IndexedWork:
    return dataclasses.replace(
        work,
        title=work.title + " storm",
        words=rng.randint(100, 200_000),
        rating=rng.choice(list(Rating)),
        freeforms=work.freeforms | {rng.choice(freeforms)},
        published=None,
    )


def test_removing_an_unknown_work_is_harmless(library: SyntheticLibrary) -> None:
    index = FilterIndex.build(library.works[:50])
    index.remove(10_000)
    assert len(index) == 50


def test_ids_must_fit_a_bitmap() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        IndexedWork(id=2**32)

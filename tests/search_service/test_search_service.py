"""SearchService on a real library, SQLite and PostgreSQL alike: the same works for the same
query, equal to the obvious slow answer, and in step with every write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import make_work
from seeded import brute_force, seeded_works, store

from backends import BACKENDS, Location, library_location
from ficshelf.errors import QueryError
from ficshelf.library import Library, SourceFile
from ficshelf.model import RawChapter, TagRef, TagType, Work
from ficshelf.search import parse_query
from ficshelf.search import text as text_module
from ficshelf.search.service import SearchService

QUERIES = [
    "",
    "fandom:naruto",
    "fandom:NARUTO,bleach -fandom:Sherlock",
    'rel:"KakaIru"',
    'rel:"kakashi/iruka" char:iruka',
    "tag:AU",
    '-tag:"alternate universe"',
    "freeform:angst -freeform:h/c",
    "warning:mcd,noncon",
    "-warning:none category:mm",
    "rating:<=teen words:>10k",
    "rating:mature..explicit words:1000..20000 chapters:>=2",
    "complete:yes language:de",
    "status:wip published:2012..2013",
    "updated:>=2015-06",
    'author:"éclair writes"',
    "-author:owl -author:saltmarsh",
    "title:rain",
    "rain",
    '"rain on the roof"',
    "lant*",
    "rain OR harbor",
    "rain -roof",
    "storm NOT (river OR glass)",
    "cafe naive",
    "-quiet",
    "script",
    'fandom:naruto "rain on the roof" -warning:mcd sort:-words',
]


Seeded = tuple[SearchService, dict[int, Work]]


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seeded]:
    """One seeded library per backend for the whole module (storing it is the slow part)."""
    folder: Path = tmp_path_factory.mktemp("seeded")
    with library_location(request.param, folder) as location, location.open() as library:
        yield SearchService(library), store(library, seeded_works(160))


@pytest.mark.parametrize("text", QUERIES)
def test_results_equal_the_brute_force_answer(seeded: Seeded, text: str) -> None:
    service, works = seeded
    result = service.search(text, per_page=1000)
    expected = brute_force(works, parse_query(text))
    assert set(result.ids) == expected
    assert result.total == len(expected)


TEXT_QUERIES = [q for q in QUERIES if parse_query(q).text is not None and "sort:" not in q]


@pytest.mark.parametrize("text", TEXT_QUERIES)
@pytest.mark.parametrize("narrowing", ["", "fandom:naruto ", "rating:e words:>3000 "])
def test_text_answers_the_same_asked_work_by_work_or_all_at_once(
    seeded: Seeded, text: str, narrowing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few candidates are looked up one by one, many answered from every match: same pages."""
    service, _ = seeded
    answers = []
    for limit in (0, 10_000):
        monkeypatch.setattr(text_module, "ONE_BY_ONE_LIMIT", limit)
        service.refresh()
        service._text.forget()  # ask the engine, not the kept answer
        for sort in ("", "sort:title"):
            result = service.search(f"{narrowing}{text} {sort}", per_page=7, page=2)
            answers.append((limit, sort, result.total, result.ids))
    by_way = {(sort, total, ids) for _limit, sort, total, ids in answers}
    assert len(by_way) == 2, answers


def test_text_answers_are_kept_only_while_the_library_is_unchanged(library: Library) -> None:
    service = SearchService(library)
    first = _add(library, _story("Kettle", _freeform("Angst"), text="Heron at dawn."), "/a")
    for _ in range(2):  # the second time from the kept answer
        assert service.search("heron").ids == (first,)
        assert service.search("heron tag:angst").ids == (first,)
    second = _add(library, _story("Harbor", _freeform("Fluff"), text="A heron again."), "/b")
    assert set(service.search("heron").ids) == {first, second}
    library.delete_work(first)
    assert service.search("heron").ids == (second,)


def test_sorting_and_paging_follow_the_query(seeded: Seeded) -> None:
    service, works = seeded
    everything = service.search("sort:-words", per_page=1000)
    words = [works[work_id].words for work_id in everything.ids]
    assert words == sorted(words, reverse=True)
    second = service.search("sort:-words page:2 per-page:7")
    assert second.ids == everything.ids[7:14]
    assert (second.page, second.per_page) == (2, 7)
    assert service.search("sort:-words", page=2, per_page=7).ids == second.ids


def test_facets_count_the_whole_result(seeded: Seeded) -> None:
    service, _ = seeded
    result = service.search("fandom:naruto", with_facets=True, facet_top=3)
    assert result.facets is not None
    assert result.facets.total == result.total
    names = service.tag_names(tag_id for tag_id, _ in result.facets.fandoms)
    assert "Naruto" in names.values()
    assert dict((names[t], n) for t, n in result.facets.fandoms)["Naruto"] == result.total
    assert len(result.facets.freeforms) <= 3


def _story(
    title: str, *tags: TagRef, text: str = "Plain words.", authors: tuple[str, ...] = ("Saltmarsh",)
) -> Work:
    return make_work(
        title=title,
        text=text,
        authors=authors,
        freeforms=tags,
        chapters=(RawChapter("One", text),),
    )


def _freeform(name: str, written: str | None = None) -> TagRef:
    return TagRef(TagType.FREEFORM, name, written or name, "kb")


def _add(library: Library, work: Work, path: str) -> int:
    return library.add_work(work, SourceFile(path, path, 1))


def test_the_index_follows_imports_reimports_and_deletes(library: Library) -> None:
    service = SearchService(library)
    first = _add(library, _story("Kettle", _freeform("Angst")), "/a")
    assert service.search("tag:angst").ids == (first,)
    second = _add(library, _story("Harbor", _freeform("Fluff")), "/b")
    assert service.search("tag:fluff").ids == (second,)
    library.replace_work(
        first, _story("Kettle", _freeform("Fluff"), text="Steam rose."), SourceFile("/a", "x", 1)
    )
    assert service.search("tag:angst").total == 0
    assert set(service.search("tag:fluff").ids) == {first, second}
    assert service.search("steam").ids == (first,)
    library.delete_work(second)
    assert service.search("tag:fluff").ids == (first,)
    assert service.search("").total == 1


def test_a_write_from_another_library_instance_is_seen(
    library: Library, location: Location
) -> None:
    service = SearchService(library)
    assert service.search("").total == 0
    with location.open() as other:  # as the CLI would, while the web server runs
        added = _add(other, _story("Elsewhere", _freeform("Angst")), "/other")
        _add(other, _story("Gone", _freeform("Angst")), "/gone")
        other.delete_work(added + 1)
    assert service.search("tag:angst").ids == (added,)


def test_blocked_tags_take_their_synonyms_and_sub_tags(library: Library) -> None:
    plain = _add(library, _story("Plain"), "/plain")
    au = _add(library, _story("Au", _freeform("Alternate Universe", "AU")), "/au")
    cafe = _add(
        library,
        _story("Cafe", _freeform("Alternate Universe - Coffee Shop", "coffee shop au")),
        "/cafe",
    )
    store(library, [])  # records the coffee-shop AU under its meta tag
    service = SearchService(library)
    assert set(service.search("").ids) == {plain, au, cafe}
    assert service.search("", exclude_tags=["AU"]).ids == (plain,)
    assert set(service.search("", exclude_tags=["alternate universe - coffee shop"]).ids) == {
        plain,
        au,
    }
    assert service.search("tag:au").total == 2


def test_blocked_authors_are_excluded_whatever_the_case(library: Library) -> None:
    kept = _add(library, _story("Kept", authors=("Inkwell",)), "/kept")
    _add(library, _story("Blocked", authors=("Saltmarsh", "Inkwell")), "/blocked")
    result = SearchService(library).search("", exclude_authors=["saltmarsh"])
    assert result.ids == (kept,)


def test_snippets_escape_the_story_and_mark_the_hits(library: Library) -> None:
    text = "She typed <script>alert('rain')</script> while the rain fell & fell."
    work_id = _add(library, _story("Markup", text=text), "/markup")
    result = SearchService(library).search("rain")
    snippet = result.snippets[work_id]
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>rain</mark>" in snippet
    assert SearchService(library).search("tag:none").snippets == {}


def test_sort_random_draws_a_seed_and_keeps_it_for_the_next_page(library: Library) -> None:
    for number in range(30):
        _add(library, _story(f"Work {number}"), f"/{number}")
    service = SearchService(library)
    first = service.search("sort:random", per_page=10)
    assert first.query.seed is not None
    again = service.search("sort:random", per_page=10, seed=first.query.seed)
    assert again.ids == first.ids
    rest = service.search("sort:random", page=2, per_page=10, seed=first.query.seed)
    assert not set(rest.ids) & set(first.ids)


@pytest.mark.parametrize(
    ("text", "message"),
    [("fandom:", "needs a value"), ("nosuch:field", "unknown field"), ('"open', "unterminated")],
)
def test_bad_queries_are_query_errors(library: Library, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        SearchService(library).search(text)


def test_bad_paging_is_a_query_error(library: Library) -> None:
    with pytest.raises(QueryError, match="pages count from 1"):
        SearchService(library).search("", page=0)

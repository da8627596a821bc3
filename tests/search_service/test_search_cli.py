"""``ficshelf search`` end to end: the real CLI on a real library, on both backends."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from seeded import seeded_works, store

from backends import Location
from ficshelf.cli.main import main
from ficshelf.record import RECORD_KEYS


@pytest.fixture
def populated(location: Location) -> Location:
    with location.open() as library:
        store(library, seeded_works(40))
    return location


def run(location: Location, *args: str) -> Result:
    options = ["--library", str(location.folder)]
    if location.database_url:
        options += ["--db", location.database_url]
    return CliRunner().invoke(main, [*options, "search", *args])


def test_json_lines_are_id_then_the_inspect_record_in_sort_order(populated: Location) -> None:
    result = run(populated, "fandom:naruto sort:-words", "--json", "--per-page", "100")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records
    assert all(list(record) == ["id", *RECORD_KEYS] for record in records)
    assert all("Naruto" in record["fandoms"] for record in records)
    words = [record["words"] for record in records]
    assert words == sorted(words, reverse=True)


def test_count_prints_the_total_and_pages_do_not_change_it(populated: Location) -> None:
    every = run(populated, "fandom:naruto", "--json", "--per-page", "1000")
    count = run(populated, "fandom:naruto", "--count", "--per-page", "2")
    assert count.exit_code == 0
    assert int(count.output) == len(every.output.splitlines())


def test_facets_are_one_json_object_with_names(populated: Location) -> None:
    result = run(populated, "-warning:mcd", "--facets", "--top", "2")
    assert result.exit_code == 0, result.output
    facets = json.loads(result.output)
    assert set(facets) == {
        "total",
        "ratings",
        "warnings",
        "categories",
        "fandoms",
        "relationships",
        "characters",
        "freeforms",
    }
    assert "Major Character Death" not in facets["warnings"]
    assert len(facets["fandoms"]) <= 2
    assert all(entry["name"] and entry["count"] > 0 for entry in facets["fandoms"])
    assert sum(facets["ratings"].values()) == facets["total"]


def test_the_table_lists_titles(populated: Location) -> None:
    result = run(populated, "rain", "--per-page", "3")
    assert result.exit_code == 0, result.output
    assert "works 1-3 of" in result.output


@pytest.mark.parametrize(
    ("query", "pointed"),
    [("fandom:naruto warning:nope", "column 23"), ('"unclosed', "column 1"), ("rel:", "needs")],
)
def test_a_bad_query_is_one_error_line_and_exit_2(
    populated: Location, query: str, pointed: str
) -> None:
    result = run(populated, query)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert pointed in lines[0]
    assert "Traceback" not in result.output

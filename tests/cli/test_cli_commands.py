"""The ficshelf command as a user runs it: through click's runner on a real library folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from ficshelf.cli.main import main
from ficshelf.record import RAW_KEYS, RECORD_KEYS


def run(library_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--library", str(library_dir), *args])


def json_lines(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_import_prints_a_summary_and_importing_again_changes_nothing(
    library_dir: Path, stories: dict[str, Path]
) -> None:
    folder = str(stories["paper-boats.txt"].parent)
    first = run(library_dir, "import", "--json", folder)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == {
        "imported": 4,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
        "failures": [],
        "skipped_files": [],
    }
    again = run(library_dir, "import", folder)
    assert again.exit_code == 0
    assert "unchanged" in again.stdout
    assert json.loads(run(library_dir, "import", "--json", folder).stdout)["unchanged"] == 4


def test_import_exits_1_and_names_each_failure(library_dir: Path, stories: dict[str, Path]) -> None:
    empty = stories["paper-boats.txt"].parent / "empty.txt"
    empty.write_bytes(b"")
    result = run(library_dir, "import", str(empty.parent))
    assert result.exit_code == 1
    assert f"{empty}: empty file" in result.stderr
    assert "Traceback" not in result.output


def test_user_errors_are_one_red_line_and_exit_2(tmp_path: Path) -> None:
    missing = run(tmp_path / "lib", "import", str(tmp_path / "nope"))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"error: {tmp_path / 'nope'}: no such file or folder\n",
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    unwritable = run(blocker / "lib", "list")
    assert unwritable.exit_code == 2
    assert unwritable.stderr.startswith("error: no library at")
    cannot_create = run(blocker / "lib", "import", str(blocker))
    assert cannot_create.exit_code == 2
    assert cannot_create.stderr.startswith("error: cannot create library folder")


def test_a_library_from_a_newer_ficshelf_is_refused(
    library_dir: Path, stories: dict[str, Path]
) -> None:
    run(library_dir, "import", str(stories["lighthouse.txt"]))
    with sqlite3.connect(library_dir / "library.sqlite3") as connection:
        connection.execute("INSERT INTO schema_version VALUES (999, 'future', '2100-01-01')")
    result = run(library_dir, "list")
    assert result.exit_code == 2
    assert "newer than this ficshelf knows" in result.stderr
    assert result.stderr.count("\n") == 1


def test_inspect_json_is_one_record_per_file_with_the_contract_keys(
    library_dir: Path, stories: dict[str, Path]
) -> None:
    names = ["lighthouse.txt", "paper-boats.txt", "kettle-weather.txt"]
    result = run(library_dir, "inspect", "--json", *(str(stories[name]) for name in names))
    assert result.exit_code == 0, result.output
    records = json_lines(result)
    assert [record["path"] for record in records] == [str(stories[name]) for name in names]
    for record in records:
        assert tuple(record) == RECORD_KEYS
        raw = record["raw"]
        assert isinstance(raw, dict)
        assert tuple(raw) == RAW_KEYS
    assert records[2]["encoding"] == "cp1252"
    assert not library_dir.exists()  # inspect never creates a library


def test_inspect_reports_a_bad_file_in_its_place_and_exits_1(
    library_dir: Path, stories: dict[str, Path]
) -> None:
    empty = stories["paper-boats.txt"].parent / "empty.txt"
    empty.write_bytes(b"")
    args = [str(stories["lighthouse.txt"]), str(empty), str(stories["paper-boats.txt"])]
    result = run(library_dir, "inspect", "--json", *args)
    assert result.exit_code == 1
    records = json_lines(result)
    assert records[1] == {"path": str(empty), "error": "empty file"}
    assert [record["path"] for record in records] == args
    assert result.stderr == f"{empty}: empty file\n"


def test_inspect_without_json_shows_a_card(library_dir: Path, stories: dict[str, Path]) -> None:
    result = run(library_dir, "inspect", str(stories["lighthouse.txt"]))
    assert result.exit_code == 0, result.output
    assert "Night Shift at the Lighthouse" in result.stdout
    assert "The Sentinel" in result.stdout


def test_list_and_show(library_dir: Path, stories: dict[str, Path]) -> None:
    run(library_dir, "import", str(stories["paper-boats.txt"].parent))
    listed = json_lines(run(library_dir, "list", "--json", "--limit", "2"))
    assert len(listed) == 2
    assert list(listed[0]) == ["id", "title", "authors", "fandoms", "rating", "words"]
    table = run(library_dir, "list")
    assert "Kettle Weather" in table.stdout
    shown = run(library_dir, "show", "--json", "Kettle Weather")
    assert shown.exit_code == 0, shown.output
    work = json.loads(shown.stdout)
    assert list(work)[: len(RECORD_KEYS) + 1] == ["id", *RECORD_KEYS]
    assert work["sources"] == [str(stories["kettle-weather.txt"])]
    assert work["chapter_list"][0]["position"] == 1
    by_id = run(library_dir, "show", str(work["id"]))
    assert "Kettle Weather" in by_id.stdout
    assert "Chapters" in by_id.stdout
    unknown = run(library_dir, "show", "No Such Story")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "error: no work with id or title 'No Such Story' in the library\n",
    )


def test_eval_headers_scores_each_field(tmp_path: Path, stories: dict[str, Path]) -> None:
    case = tmp_path / "cases" / "c01"
    case.mkdir(parents=True)
    (case / "story.txt").write_bytes(stories["lighthouse.txt"].read_bytes())
    expected = {
        "title": "Night Shift at the Lighthouse",
        "title_alt": "Night Shift",
        "authors": ["greylag"],
        "fandoms": ["The Sentinel"],
        "rating": "Wrong On Purpose",
        "rating_raw": "G",
        "encoding": "utf-16",
        "words": None,
        "body_starts_with": "The lamp turned above them",
    }
    (case / "expected.json").write_text(json.dumps(expected), "utf-8")
    result = run(tmp_path / "lib", "eval", "headers", "--json", str(tmp_path / "cases"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["cases"] == 1
    assert [(miss["field"], miss["got"]) for miss in report["misses"]] == [
        ("rating", "General Audiences")
    ]
    assert report["overall"] == {"right": 7, "total": 8, "accuracy": 0.875}
    table = run(tmp_path / "lib", "eval", "headers", str(tmp_path / "cases"))
    assert "rating" in table.stdout


def test_eval_tags_reports_the_share_of_synonyms_mapped(tmp_path: Path) -> None:
    table = tmp_path / "characters.csv"
    table.write_text("canonical,synonym\nHarry Potter,Harry\n", "utf-8")
    result = run(tmp_path / "lib", "eval", "tags", str(table))
    assert result.exit_code == 0, result.output
    assert "synonyms mapped:" in result.stdout

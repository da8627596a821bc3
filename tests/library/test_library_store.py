"""Storing and loading works in a real library: SQLite, and PostgreSQL through the same API.

The tests that take ``library`` run on both backends; the ones about the SQLite file itself
(opening, refusing, migrating it) take ``tmp_path``.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import make_work

sys.path.insert(0, str(Path(__file__).parents[1]))
from backends import BACKENDS, indexed_documents, library_location
from ficshelf.errors import LibraryError
from ficshelf.library import Library, SourceFile
from ficshelf.library.migrations import migrations_for
from ficshelf.model import RawChapter, TagType
from ficshelf.record import work_record
from ficshelf.search.ast import Word
from ficshelf.search.fulltext import fulltext_for
from ficshelf.wrangle.rules import Rule


@pytest.fixture(params=BACKENDS)
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    with library_location(request.param, tmp_path / "library") as location, location.open() as lib:
        yield lib


def text_hits(library: Library, word: str) -> list[int]:
    return list(fulltext_for(library.database.connection).matches(Word(word)))


def source(path: str = "/stories/a.txt", content_hash: str = "h1") -> SourceFile:
    return SourceFile(path, content_hash, 120, 1.0)


def test_a_new_library_has_every_migration_and_reopens_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        latest = library.database.schema_version
        library.add_work(make_work(), source())
    assert latest == len(migrations_for("sqlite"))
    with Library.open(folder) as reopened:
        assert reopened.database.schema_version == latest
        assert reopened.database.migrate() == []
        assert reopened.count() == 1


def test_a_stored_work_reads_back_as_the_same_record(library: Library) -> None:
    work = make_work()
    work_id = library.add_work(work, source())
    stored = library.get(work_id)
    assert stored is not None
    assert stored.sources == ("/stories/a.txt",)
    assert work_record(stored.work) == work_record(work)
    assert stored.work.raw == work.raw
    assert stored.work.decisions == work.decisions
    unknown = [tag for tag in stored.work.freeforms if not tag.known]
    assert [tag.name for tag in unknown] == ["lantern mishaps"]


def test_replacing_a_work_keeps_its_id_and_drops_the_old_content(library: Library) -> None:
    work_id = library.add_work(make_work(text="Old words here."), source())
    library.replace_work(
        work_id, make_work(title="Lanterns, Revised", text="New words."), source(content_hash="h2")
    )
    stored = library.get(work_id)
    assert stored is not None
    assert stored.work.title == "Lanterns, Revised"
    assert [chapter.text for chapter in stored.work.chapters] == ["New words."]
    assert library.count() == 1
    assert text_hits(library, "old") == []
    assert text_hits(library, "new") == [work_id]


def test_full_text_finds_a_work_by_a_word_of_its_body(library: Library) -> None:
    work_id = library.add_work(make_work(text="A heron stood in the shallows."), source())
    assert text_hits(library, "heron") == [work_id]


def test_a_work_that_cannot_be_stored_leaves_no_trace(library: Library) -> None:
    library.add_work(make_work(title="Kept"), source("/stories/kept.txt", "k"))
    before = _row_counts(library)
    # A lone surrogate cannot be written as UTF-8: the chapter insert fails after the work row,
    # its authors and tags went in, so all of this work must roll back.
    broken = make_work(title="Broken", chapters=(RawChapter("One", "bad \ud800 text"),))
    with pytest.raises(UnicodeEncodeError):
        library.add_work(broken, source("/stories/broken.txt", "b"))
    assert _row_counts(library) == before
    assert [summary.title for summary in library.works()] == ["Kept"]
    assert library.source("/stories/broken.txt") is None


_TABLES = ("works", "work_authors", "work_tags", "chapters", "work_series", "sources")


def _row_counts(library: Library) -> dict[str, int]:
    connection = library.database.connection
    counts = {
        table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in _TABLES
    }
    return {**counts, "full-text index": indexed_documents(connection)}


def test_a_constraint_violation_rolls_the_whole_work_back(library: Library) -> None:
    before = library.count()
    with pytest.raises(library.database.refusals):
        library.add_work(make_work(words=-5), source())
    assert library.count() == before
    assert library.source("/stories/a.txt") is None


def test_list_and_find(library: Library) -> None:
    first = library.add_work(make_work(title="Alpha"), source("/a", "1"))
    second = library.add_work(make_work(title="Beta"), source("/b", "2"))
    library.add_work(make_work(title="Beta"), source("/c", "3"))
    summaries = library.works(limit=2)
    assert [(s.id, s.title, s.authors, s.fandoms) for s in summaries] == [
        (first, "Alpha", ("Saltmarsh",), ("Naruto",)),
        (second, "Beta", ("Saltmarsh",), ("Naruto",)),
    ]
    assert library.find(str(first)).work.title == "Alpha"
    assert library.find("Alpha").id == first
    with pytest.raises(LibraryError, match="2 works are titled 'Beta'"):
        library.find("Beta")
    with pytest.raises(LibraryError, match="no work"):
        library.find("Gamma")


def test_a_library_from_a_newer_ficshelf_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Library.open(folder).close()
    with sqlite3.connect(folder / "library.sqlite3") as connection:
        connection.execute("INSERT INTO schema_version VALUES (999, 'future', '2100-01-01')")
    with pytest.raises(LibraryError, match="schema version 999, newer"):
        Library.open(folder)


def test_a_file_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"this is not sqlite at all, just text" * 40)
    with pytest.raises(LibraryError, match=r"not a ficshelf library|cannot open"):
        Library.open(folder)


def test_an_unwritable_library_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create library folder"):
        Library.open(blocker / "lib")


def test_opening_without_create_refuses_a_missing_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library"):
        Library.open(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_user_rules_survive_reopening_and_a_new_target_replaces_the_old(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        library.save_rule(Rule("synonym", TagType.FREEFORM, "fluffy", "Fluff"))
        library.save_rule(Rule("synonym", TagType.FREEFORM, "fluffy", "Fluff and Humor"))
        library.save_rule(Rule("parent", TagType.FREEFORM, "Fluff", "Feelings"))
        library.save_rule(Rule("parent", TagType.FREEFORM, "Fluff", "Comfort"))
    with Library.open(folder) as reopened:
        assert reopened.rules() == [
            Rule("synonym", TagType.FREEFORM, "fluffy", "Fluff and Humor"),
            Rule("parent", TagType.FREEFORM, "Fluff", "Feelings"),
            Rule("parent", TagType.FREEFORM, "Fluff", "Comfort"),
        ]


def test_deleting_a_work_removes_it_and_its_text(library: Library) -> None:
    kept = library.add_work(make_work(title="Kept", text="A heron."), source("/k.txt", "k"))
    gone = library.add_work(make_work(title="Gone", text="A heron too."), source("/g.txt", "g"))
    library.delete_work(gone)
    assert library.get(gone) is None
    assert library.source("/g.txt") is None
    assert text_hits(library, "heron") == [kept]
    with pytest.raises(LibraryError, match=f"no work with id {gone}"):
        library.delete_work(gone)


def test_every_write_to_a_work_moves_the_generation_on(library: Library) -> None:
    start = library.generation()
    work_id = library.add_work(make_work(), source())
    library.replace_work(work_id, make_work(title="Again"), source(content_hash="h2"))
    library.delete_work(work_id)
    assert library.generation() == start + 3


def snippet_of(library: Library, work_id: int, word: str) -> str:
    return fulltext_for(library.database.connection).snippets(Word(word), [work_id])[work_id]


def test_a_snippet_shows_the_hit_in_its_own_chapter(library: Library) -> None:
    chapters = (
        RawChapter("One", "The ferry left at dawn."),
        RawChapter("Two", "Gulls argued over the pier."),
        RawChapter("Three", "At last the lighthouse keeper waved back."),
    )
    work_id = library.add_work(make_work(chapters=chapters), source())
    snippet = snippet_of(library, work_id, "lighthouse")
    assert "<mark>lighthouse</mark> keeper waved" in snippet


def sqlite_index_is_consistent(library: Library) -> bool:
    """FTS5's own check that the index holds exactly the words of the text it reads from."""
    try:
        library.database.connection.execute(
            "INSERT INTO works_fts (works_fts, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.DatabaseError:
        return False
    return True


def test_the_index_matches_the_stored_text_after_replacing_and_deleting(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        kept = library.add_work(make_work(title="Kept", text="Moss on the stones."), source("/k"))
        edited = library.add_work(make_work(title="Draft", text="Rough words."), source("/e"))
        gone = library.add_work(make_work(title="Gone", text="Ashes and embers."), source("/g"))
        library.replace_work(
            edited, make_work(title="Final", text="Polished words."), source("/e", "h2")
        )
        library.delete_work(gone)
        assert sqlite_index_is_consistent(library)
        assert text_hits(library, "rough") == []
        assert text_hits(library, "draft") == []
        assert text_hits(library, "polished") == [edited]
        assert text_hits(library, "embers") == []
        assert text_hits(library, "moss") == [kept]


def test_the_check_sees_an_index_out_of_step_with_the_text(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        work_id = library.add_work(make_work(text="Moss on the stones."), source())
        # Changing a chapter behind the store's back leaves the index describing old words.
        library.database.connection.execute(
            "UPDATE chapters SET text = 'Other words entirely.' WHERE work_id = ?", (work_id,)
        )
        assert not sqlite_index_is_consistent(library)


def test_a_library_from_before_the_external_index_is_upgraded(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        work_id = library.add_work(make_work(text="A heron stood in the shallows."), source())
        # Put the library back the way schema 4 left it: FTS5 holding its own copy of the text.
        library.database.connection.raw.executescript(  # type: ignore[attr-defined]
            """
            DROP TABLE works_fts;
            DROP VIEW works_text;
            CREATE VIRTUAL TABLE works_fts USING fts5 (
                title, summary, body,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
            );
            INSERT INTO works_fts (rowid, title, summary, body)
                SELECT works.id, works.title, works.summary, chapters.text
                FROM works JOIN chapters ON chapters.work_id = works.id;
            DELETE FROM schema_version WHERE version = 5;
            """
        )
    with Library.open(folder) as upgraded:
        assert upgraded.database.schema_version == 5
        assert text_hits(upgraded, "heron") == [work_id]
        assert "<mark>heron</mark>" in snippet_of(upgraded, work_id, "heron")
        assert sqlite_index_is_consistent(upgraded)

"""The library: a folder (and a database), and the operations the rest of ficshelf uses.

Each write method is one transaction, so a work is either stored whole or not at all. Callers
(the importer, the CLI, the web app) never see SQL or connections. The database is the SQLite
file in the folder, or a PostgreSQL database when a ``postgresql://`` URL is given.
"""

from __future__ import annotations

from pathlib import Path

from ficshelf.errors import LibraryError
from ficshelf.library import store
from ficshelf.library.config import database_path
from ficshelf.library.db import Database, is_database_url
from ficshelf.library.store import KnownSource, SourceFile, StoredWork, WorkSummary
from ficshelf.model import Work
from ficshelf.wrangle.rules import Rule


class Library:
    def __init__(self, directory: Path, database: Database) -> None:
        self.directory = directory
        self.database = database

    @classmethod
    def open(
        cls, directory: Path, *, create: bool = True, database_url: str | None = None
    ) -> Library:
        """Open the library in ``directory``; ``create=False`` refuses to make a new one.

        ``database_url`` (``postgresql://user@host/db``) keeps the works in PostgreSQL instead of
        the folder's SQLite file; the database must exist, its tables are made on first use.
        """
        directory = directory.expanduser().absolute()
        if database_url is None:
            return cls(directory, Database.open(database_path(directory), create=create))
        if not is_database_url(database_url):
            raise LibraryError(
                f"unsupported database URL {database_url.split('://')[0]!r}: "
                "use postgresql://user@host/database"
            )
        return cls(directory, Database.connect(database_url))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- sources and content -----------------------------------------------------------------

    def source(self, path: str) -> KnownSource | None:
        return store.source_at(self.database.connection, path)

    def work_with_content(self, content_hash: str) -> int | None:
        return store.work_with_content(self.database.connection, content_hash)

    # --- writes: one transaction each --------------------------------------------------------

    def add_work(self, work: Work, source: SourceFile) -> int:
        with self.database.transaction() as connection:
            return store.insert_work(connection, work, source)

    def replace_work(self, work_id: int, work: Work, source: SourceFile) -> None:
        with self.database.transaction() as connection:
            store.replace_work(connection, work_id, work, source)

    def delete_work(self, work_id: int) -> None:
        """Remove a work, its chapters, sources and full text; LibraryError if there is none."""
        with self.database.transaction() as connection:
            if not store.delete_work(connection, work_id):
                raise LibraryError(f"no work with id {work_id} in the library")

    def add_source(self, work_id: int, source: SourceFile) -> None:
        """Record another path for a work already in the library (same content found again)."""
        with self.database.transaction() as connection:
            store.add_duplicate_source(connection, work_id, source)

    def save_rule(self, rule: Rule) -> None:
        """Keep a user's wrangle rule; it applies to every later import and re-wrangle."""
        with self.database.transaction() as connection:
            store.save_rule(connection, rule)

    # --- reads -------------------------------------------------------------------------------

    def get(self, work_id: int, *, with_chapters: bool = True) -> StoredWork | None:
        return store.load_work(self.database.connection, work_id, with_chapters=with_chapters)

    def find(self, reference: str) -> StoredWork:
        """A work by id ("12") or exact title; LibraryError when none or several match."""
        reference = reference.strip()
        if reference.isdigit():
            found = self.get(int(reference))
            if found:
                return found
        ids = store.work_ids_titled(self.database.connection, reference)
        if len(ids) > 1:
            listed = ", ".join(str(work_id) for work_id in ids)
            raise LibraryError(
                f"{len(ids)} works are titled {reference!r} (ids {listed}): use an id"
            )
        found = self.get(ids[0]) if ids else None
        if found is None:
            raise LibraryError(f"no work with id or title {reference!r} in the library")
        return found

    def works(self, limit: int | None = None) -> list[WorkSummary]:
        return store.list_works(self.database.connection, limit)

    def rules(self) -> list[Rule]:
        return store.load_rules(self.database.connection)

    def count(self) -> int:
        return store.count_works(self.database.connection)

    def generation(self) -> int:
        """A number that grows with every write to a work (by any process): compare to see
        whether anything changed."""
        return store.current_generation(self.database.connection)

"""The database connection: opening, schema migrations, and explicit transactions.

The connection runs in autocommit mode (``isolation_level=None``) and every write goes through
:meth:`Database.transaction`, so where a transaction begins and ends is always visible in code
rather than left to the driver's implicit BEGIN.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ficshelf.errors import LibraryError
from ficshelf.library.migrations import Migration, migrations_for

DIALECT = "sqlite"
_BUSY_TIMEOUT_MS = 10_000

_PRAGMAS = (
    # WAL lets readers (the web app, a second CLI) run while an import writes; with
    # synchronous=NORMAL a commit appends to the WAL without an fsync, which is what makes
    # one transaction per work cheap. A crash can lose the last commits, never corrupt.
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}",
)

_SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


class Database:
    """One open library database, migrated to the schema this ficshelf knows."""

    dialect = DIALECT

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Database:
        """Open the database (creating it unless ``create`` is False) and migrate its schema.

        Raises LibraryError for every problem a user can cause: an unwritable folder, a file that
        is not a library, a library written by a newer ficshelf, a missing library.
        """
        if not create and not path.exists():
            raise LibraryError(f"no library at {path.parent} (run `ficshelf import` first)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"cannot create library folder {path.parent}: {error.strerror}"
            ) from error
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in _PRAGMAS:
                connection.execute(pragma)
        except sqlite3.Error as error:
            raise LibraryError(f"cannot open library {path}: {error}") from error
        database = cls(connection, path)
        try:
            database.migrate()
        except BaseException:
            connection.close()
            raise
        return database

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        row = self.connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> list[Migration]:
        """Apply the migrations this database has not seen, each in its own transaction."""
        migrations = migrations_for(self.dialect)
        try:
            self.connection.execute(_SCHEMA_VERSION_TABLE)
            current = self.schema_version
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"{self.path} is not a ficshelf library: {error}") from error
        known = migrations[-1].version if migrations else 0
        if current > known:
            raise LibraryError(
                f"library {self.path} has schema version {current}, newer than this ficshelf "
                f"knows ({known}); upgrade ficshelf"
            )
        pending = [migration for migration in migrations if migration.version > current]
        for migration in pending:
            self._apply(migration)
        return pending

    def _apply(self, migration: Migration) -> None:
        # executescript() commits any open transaction before it runs, so BEGIN goes inside the
        # script; the version row is written in that same transaction before COMMIT.
        try:
            self.connection.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}")
            self.connection.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_now()),
            )
            self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise LibraryError(
                f"cannot upgrade library {self.path} to schema {migration.version}: {error}"
            ) from error

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All statements inside commit together or not at all.

        BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
        instead of one failing halfway with "database is locked".
        """
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"library {self.path} is busy: {error}") from error
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")


def utc_now() -> str:
    """A timestamp for *_at columns: ISO 8601 in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()

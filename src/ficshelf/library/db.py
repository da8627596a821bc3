"""The database connection: opening, schema migrations, explicit transactions, and the dialect.

Two backends sit behind one small interface. ``store.py`` and the search catalog write their SQL
once, in the spelling both engines accept (``?`` placeholders, ``ON CONFLICT``, ``RETURNING``);
:class:`Connection` turns it into what the driver wants. SQLite (the embedded default) runs in
WAL mode; PostgreSQL (servers) through psycopg 3. Every write goes through
:meth:`Database.transaction`, so where a transaction begins and ends is always visible in code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ficshelf.errors import LibraryError
from ficshelf.library.migrations import Migration, migrations_for

if TYPE_CHECKING:
    import psycopg

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DIALECT = SQLITE  # the default backend
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_BUSY_TIMEOUT_MS = 10_000
_MIGRATION_LOCK = 0x_F1C5_4E1F  # pg_advisory_xact_lock key: one migrating process at a time

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


class Cursor(Protocol):
    """What a query returns on both backends: rows as tuples."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection that takes the shared SQL spelling (``?`` placeholders)."""

    dialect: str

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    def close(self) -> None: ...


class SqliteConnection:
    """sqlite3 already speaks the shared spelling: this only adds ``dialect``."""

    dialect = SQLITE

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        self.raw.executemany(sql, rows)

    def close(self) -> None:
        self.raw.close()


class PostgresConnection:
    """psycopg 3 with ``?`` placeholders rewritten to ``%s`` (and literal ``%`` doubled)."""

    dialect = POSTGRESQL

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        if not params:
            return self.raw.execute(sql.encode())  # bytes: psycopg leaves "%" alone
        return self.raw.execute(to_pyformat(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(to_pyformat(sql), rows)

    def close(self) -> None:
        self.raw.close()


_PLACEHOLDER_OR_LITERAL = re.compile(r"'(?:[^']|'')*'|\?|%")


@functools.lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``?`` -> ``%s`` and ``%`` -> ``%%``, except inside single-quoted SQL string literals."""

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        return {"?": "%s", "%": "%%"}.get(token, token)

    return _PLACEHOLDER_OR_LITERAL.sub(replace, sql)


def is_database_url(location: str) -> bool:
    return location.startswith(POSTGRES_SCHEMES)


class Database:
    """One open library database, migrated to the schema this ficshelf knows."""

    def __init__(self, connection: Connection, label: str, path: Path | None = None) -> None:
        self.connection = connection
        self.label = label  # how messages name this database (a file, or a server and db)
        self.path = path

    @property
    def dialect(self) -> str:
        return self.connection.dialect

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Database:
        """Open the SQLite file (creating it unless ``create`` is False) and migrate its schema.

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
            raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in _PRAGMAS:
                raw.execute(pragma)
        except sqlite3.Error as error:
            raise LibraryError(f"cannot open library {path}: {error}") from error
        return cls._migrated(cls(SqliteConnection(raw), str(path), path))

    @classmethod
    def connect(cls, url: str) -> Database:
        """Connect to a PostgreSQL database (it must exist) and migrate its schema."""
        import psycopg

        try:
            raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise LibraryError(f"cannot connect to PostgreSQL: {_first_line(error)}") from error
        label = f"postgresql database {raw.info.dbname!r} on {raw.info.host or 'localhost'}"
        return cls._migrated(cls(PostgresConnection(raw), label))

    @classmethod
    def _migrated(cls, database: Database) -> Database:
        try:
            database.migrate()
        except BaseException:
            database.close()
            raise
        return database

    @property
    def refusals(self) -> tuple[type[Exception], ...]:
        """Errors that mean "the database refused this one work's data", not "it is broken"."""
        if self.dialect == SQLITE:
            return (sqlite3.IntegrityError, UnicodeEncodeError, OverflowError)
        import psycopg

        return (psycopg.IntegrityError, psycopg.DataError, UnicodeEncodeError, OverflowError)

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
        with self._errors("is not a ficshelf library"), self.transaction() as connection:
            if self.dialect == POSTGRESQL:
                connection.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            connection.execute(_SCHEMA_VERSION_TABLE)
            current = self.schema_version
        migrations = migrations_for(self.dialect)
        known = migrations[-1].version if migrations else 0
        if current > known:
            raise LibraryError(
                f"library {self.label} has schema version {current}, newer than this ficshelf "
                f"knows ({known}); upgrade ficshelf"
            )
        pending = [migration for migration in migrations if migration.version > current]
        for migration in pending:
            with self._errors(f"cannot be upgraded to schema {migration.version}"):
                self._apply(migration)
        return pending

    def _apply(self, migration: Migration) -> None:
        if isinstance(self.connection, SqliteConnection):
            # executescript() commits any open transaction before it runs, so BEGIN goes inside
            # the script; the version row is written in that same transaction before COMMIT.
            raw = self.connection.raw
            try:
                raw.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}")
                self._record(migration)
                raw.execute("COMMIT")
            except BaseException:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                raise
            return
        with self.transaction() as connection:
            connection.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            if self.schema_version < migration.version:  # another process may have done it
                connection.execute(migration.sql)
                self._record(migration)

    def _record(self, migration: Migration) -> None:
        self.connection.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, utc_now()),
        )

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Driver errors during set-up become one LibraryError line naming this database."""
        try:
            yield
        except LibraryError:
            raise
        except Exception as error:
            if not _is_driver_error(error):
                raise
            raise LibraryError(f"library {self.label} {what}: {_first_line(error)}") from error

    def transaction(self) -> AbstractContextManager[Connection]:
        """All statements inside commit together or not at all."""
        if isinstance(self.connection, PostgresConnection):
            return self._postgres_transaction(self.connection)
        return self._sqlite_transaction()

    @contextmanager
    def _sqlite_transaction(self) -> Iterator[Connection]:
        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
        # instead of one failing halfway with "database is locked".
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"library {self.label} is busy: {error}") from error
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextmanager
    def _postgres_transaction(self, connection: PostgresConnection) -> Iterator[Connection]:
        with connection.raw.transaction():
            yield connection


def _is_driver_error(error: Exception) -> bool:
    if isinstance(error, sqlite3.Error):
        return True
    module = type(error).__module__
    return module.startswith("psycopg")


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def utc_now() -> str:
    """A timestamp for *_at columns: ISO 8601 in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()

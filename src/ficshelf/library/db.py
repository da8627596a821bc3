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
import itertools
import operator
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
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
    # synchronous=NORMAL a commit appends to the WAL without an fsync, which keeps frequent
    # commits cheap. A crash can lose the last commits, never corrupt. A page cache of up to
    # 64 MiB (the default is 2 MiB, taken only as it fills) keeps the full-text index's pages
    # and the tag indexes in memory through an import: its SQL takes 12 % less time.
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA cache_size = -65536",
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
    # Rows waiting for the open Batch to commit (see _DeferredInserts); None outside a batch.
    deferred: list[tuple[str, Sequence[object]]] | None

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    def insert_later(self, sql: str, params: Sequence[object]) -> None: ...

    def insert_deferred(self) -> None: ...

    def close(self) -> None: ...


class _DeferredInserts:
    """Inserts that may wait for the enclosing :class:`Batch` to commit, then go in together.

    SQLite's FTS5 writes its pending words to disk at every savepoint (in an import, every
    work is one); rows inserted in one go are indexed in memory and written once, which costs
    about half as much. Outside a batch, :meth:`insert_later` inserts at once.
    """

    deferred: list[tuple[str, Sequence[object]]] | None = None  # a list while a batch is open

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        raise NotImplementedError

    def insert_later(self, sql: str, params: Sequence[object]) -> None:
        if self.deferred is None:
            self.execute(sql, params)
        else:
            self.deferred.append((sql, params))

    def insert_deferred(self) -> None:
        """Insert every deferred row now (a batch does before it commits)."""
        rows, self.deferred = self.deferred, ([] if self.deferred is not None else None)
        for sql, group in itertools.groupby(rows or (), key=operator.itemgetter(0)):
            self.executemany(sql, [params for _sql, params in group])


class SqliteConnection(_DeferredInserts):
    """sqlite3 already speaks the shared spelling: this adds ``dialect`` and deferred inserts."""

    dialect = SQLITE

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        self.raw.executemany(sql, rows)

    def close(self) -> None:
        self.raw.close()


class PostgresConnection(_DeferredInserts):
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
        self._savepoint_depth = 0

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
            raise LibraryError(f"cannot connect to PostgreSQL: {first_line(error)}") from error
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
            if not is_driver_error(error):
                raise
            raise LibraryError(f"library {self.label} {what}: {first_line(error)}") from error

    def transaction(self) -> AbstractContextManager[Connection]:
        """All statements inside commit together or not at all.

        Inside another transaction (a :class:`Batch`) it is a savepoint: an error undoes its
        statements alone, and what it wrote commits with the enclosing transaction.
        """
        connection = self.connection
        if isinstance(connection, PostgresConnection):
            return self._postgres_transaction(connection)  # psycopg nests as savepoints
        assert isinstance(connection, SqliteConnection)
        if connection.raw.in_transaction:
            return self._sqlite_savepoint(connection)
        return self._sqlite_transaction(connection)

    def batch(self, seconds: float) -> Batch:
        """Many transactions committed together, about every ``seconds`` (see :class:`Batch`)."""
        return Batch(self, seconds)

    @contextmanager
    def _sqlite_transaction(self, connection: SqliteConnection) -> Iterator[Connection]:
        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
        # instead of one failing halfway with "database is locked".
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"library {self.label} is busy: {error}") from error
        try:
            yield connection
        except BaseException:
            if connection.raw.in_transaction:  # SQLite ends it itself on some errors (disk full)
                connection.execute("ROLLBACK")
            raise
        try:
            connection.execute("COMMIT")
        except BaseException:
            if connection.raw.in_transaction:
                connection.execute("ROLLBACK")
            raise

    @contextmanager
    def _sqlite_savepoint(self, connection: SqliteConnection) -> Iterator[Connection]:
        # Named by depth, so the few names repeat and stay in sqlite3's statement cache.
        self._savepoint_depth += 1
        name = f"ficshelf_{self._savepoint_depth}"
        try:
            connection.execute(f"SAVEPOINT {name}")
            with _discarding_deferred_on_error(connection):
                try:
                    yield connection
                except BaseException:
                    if connection.raw.in_transaction:  # else SQLite has undone it all itself
                        connection.execute(f"ROLLBACK TO {name}")
                        connection.execute(f"RELEASE {name}")
                    raise
            connection.execute(f"RELEASE {name}")
        finally:
            self._savepoint_depth -= 1

    @contextmanager
    def _postgres_transaction(self, connection: PostgresConnection) -> Iterator[Connection]:
        with connection.raw.transaction(), _discarding_deferred_on_error(connection):
            yield connection


@contextmanager
def _discarding_deferred_on_error(connection: _DeferredInserts) -> Iterator[None]:
    """Rows a rolled-back savepoint deferred are dropped with the rest of its writes."""
    kept = len(connection.deferred) if connection.deferred is not None else 0
    try:
        yield
    except BaseException:
        if connection.deferred is not None:
            del connection.deferred[kept:]
        raise


class Batch:
    """Transactions grouped into fewer, larger commits; each stays whole or undone on its own.

    Between :meth:`begin` and a commit, :meth:`Database.transaction` is a savepoint of one
    longer transaction. :meth:`checkpoint` commits it once it has been open for ``seconds``,
    and the batch's end commits it too, also when an error or Ctrl-C ends the batch early:
    every savepoint inside is complete or rolled back, so what is committed is always whole.
    Rows inserted with ``Connection.insert_later`` (the full-text index's) go in just before
    each commit. The price: a crash loses the open transaction's writes, not only the last
    work's. The next transaction opens only at the next :meth:`begin`, so a caller that waits
    between writes leaves the library unlocked while it waits.
    """

    def __init__(self, database: Database, seconds: float) -> None:
        self._connection = database.connection
        self._database = database
        self._seconds = seconds
        self._open = ExitStack()
        self._opened_at: float | None = None  # None: no transaction open

    def __enter__(self) -> Batch:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is not None and self._opened_at is not None and not self._still_open():
            # SQLite undid the whole transaction itself (a full disk): the error says why.
            self._opened_at = None
            self._connection.deferred = None
            self._open.__exit__(error_type, error, traceback)
            return
        self._commit()  # the works stored before an error are whole: they are kept

    def begin(self) -> None:
        """Open the batch's transaction, unless it is open already."""
        if self._opened_at is None:
            self._open.enter_context(self._database.transaction())
            self._connection.deferred = []
            self._opened_at = time.monotonic()

    def checkpoint(self) -> None:
        """Commit if the transaction has been open long enough."""
        if self._opened_at is not None and time.monotonic() - self._opened_at >= self._seconds:
            self._commit()

    def _commit(self) -> None:
        if self._opened_at is None:
            return
        self._opened_at = None
        try:
            try:
                if self._still_open():
                    self._connection.insert_deferred()
            except BaseException as error:
                self._connection.deferred = None
                self._open.__exit__(type(error), error, error.__traceback__)  # rolls back
                raise
            self._connection.deferred = None
            self._open.close()
        except Exception as error:
            if not is_driver_error(error):
                raise
            raise LibraryError(
                f"library {self._database.label}: the works stored in the last "
                f"{self._seconds:g} s could not be committed and are not kept: {first_line(error)}"
            ) from error

    def _still_open(self) -> bool:
        """False when SQLite has rolled the transaction back itself (a full disk, say): the
        deferred rows belong to works that are gone and must not go in on their own."""
        connection = self._connection
        return not isinstance(connection, SqliteConnection) or connection.raw.in_transaction


def is_driver_error(error: BaseException) -> bool:
    """The database driver's own error (SQLite's or psycopg's), not a bug of ours."""
    if isinstance(error, sqlite3.Error):
        return True
    module = type(error).__module__
    return module.startswith("psycopg")


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def utc_now() -> str:
    """A timestamp for *_at columns: ISO 8601 in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()

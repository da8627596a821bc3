"""The storage backends that the storage and search suites run against: SQLite and PostgreSQL.

PostgreSQL tests use the server at ``$FICSHELF_TEST_DATABASE_URL`` (``scripts/test`` starts a
throwaway one) and get a schema of their own, dropped afterwards. Without the URL they fail,
saying so, unless ``FICSHELF_SKIP_POSTGRES=1``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from ficshelf.library import Library
from ficshelf.library.db import POSTGRESQL, Connection

BACKENDS = ("sqlite", "postgresql")
URL_ENV = "FICSHELF_TEST_DATABASE_URL"
SKIP_ENV = "FICSHELF_SKIP_POSTGRES"


@dataclass(frozen=True, slots=True)
class Location:
    """Where one test's library lives; open it as many times as a test needs (two processes)."""

    folder: Path
    database_url: str | None = None

    def open(self) -> Library:
        return Library.open(self.folder, database_url=self.database_url)


@contextmanager
def library_location(backend: str, folder: Path) -> Iterator[Location]:
    if backend == "sqlite":
        yield Location(folder)
        return
    url = os.environ.get(URL_ENV)
    if not url:
        if os.environ.get(SKIP_ENV) == "1":
            pytest.skip(f"PostgreSQL tests skipped ({SKIP_ENV}=1)")
        pytest.fail(
            f"{URL_ENV} is not set: run scripts/test (it starts a PostgreSQL server), point "
            f"{URL_ENV} at a database you may create schemas in, or set {SKIP_ENV}=1",
            pytrace=False,
        )
    with _fresh_schema(url) as schema_url:
        yield Location(folder, schema_url)


@contextmanager
def _fresh_schema(url: str) -> Iterator[str]:
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"'.encode())
        try:
            separator = "&" if "?" in url else "?"
            yield f"{url}{separator}options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE'.encode())


def indexed_documents(connection: Connection) -> int:
    """How many works the full-text index holds. SQLite's FTS5 table reads its rows from the
    library's own text (external content), so its per-document sizes are what show the index."""
    table = "works_fts" if connection.dialect == POSTGRESQL else "works_fts_docsize"
    return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

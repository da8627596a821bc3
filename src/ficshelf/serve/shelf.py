"""What every request works on: the open library, its search service, and one lock.

Starlette runs sync endpoints on a thread pool, while a library holds one SQLite connection;
the lock lets one request at a time use it, which a personal archive never notices. Imports
run in their own thread on their own connection; the search service notices the library's
new generation by itself on the next search.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ficshelf.library import Library
from ficshelf.search.service import SearchService


class Shelf:
    def __init__(self, directory: Path, database_url: str | None = None) -> None:
        self.directory = directory
        self.database_url = database_url
        self.library = Library.open(directory, database_url=database_url)
        self.searcher = SearchService(self.library)
        self.lock = threading.RLock()

    def open_another(self) -> Library:
        """A second connection to the same library, for a thread of its own (an import)."""
        return Library.open(self.directory, database_url=self.database_url)

    @contextmanager
    def reading(self) -> Iterator[Library]:
        with self.lock:
            yield self.library

    def close(self) -> None:
        with self.lock:
            self.library.close()

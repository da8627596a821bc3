"""What every command gets from the group: the chosen library folder, opened on demand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ficshelf.library import Library
from ficshelf.library.config import database_path, resolve_library_dir
from ficshelf.wrangle.rules import Rule


@dataclass(frozen=True, slots=True)
class AppContext:
    """``library_option`` is ``--library`` (click already falls back to $FICSHELF_LIBRARY);
    ``database_url`` is ``--db`` (or $FICSHELF_DATABASE_URL): a PostgreSQL library."""

    library_option: Path | None = None
    database_url: str | None = None

    @property
    def library_dir(self) -> Path:
        return resolve_library_dir(self.library_option)

    def open_library(self, *, create: bool = True) -> Library:
        return Library.open(self.library_dir, create=create, database_url=self.database_url)

    def rules_if_any(self) -> Sequence[Rule]:
        """The user's wrangle rules when a library exists; reading files never creates one."""
        if self.database_url is None and not database_path(self.library_dir).exists():
            return ()
        with self.open_library(create=False) as library:
            return library.rules()

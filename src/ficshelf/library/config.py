"""Where the library lives: ``--library DIR``, else ``$FICSHELF_LIBRARY``, else the user data dir.

The library is a folder so that later it can hold more than the database (covers, exports);
the database itself is ``DIR/library.sqlite3``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

LIBRARY_ENV = "FICSHELF_LIBRARY"
DATABASE_URL_ENV = "FICSHELF_DATABASE_URL"  # a PostgreSQL library instead of the SQLite file
DATABASE_FILENAME = "library.sqlite3"


def default_library_dir() -> Path:
    """The platform's per-user data folder, e.g. ``~/.local/share/ficshelf/library``."""
    return Path(platformdirs.user_data_dir("ficshelf")) / "library"


def resolve_library_dir(chosen: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: the explicit choice, then the environment, then the default."""
    if chosen:
        return Path(chosen).expanduser()
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_library_dir()


def database_path(library_dir: Path) -> Path:
    return library_dir / DATABASE_FILENAME

"""Files ficshelf derives once and keeps in the user's cache folder, so processes start fast.

Each file is named after what it was made from (a package's version, a size), so an upgrade
makes a new one, and each is written to a temporary file and renamed into place, so no process
ever reads a half-written one. ``FICSHELF_CACHE`` chooses the folder; the default is the
platform's user cache folder. Deleting the folder is always safe.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import platformdirs


def cache_folder() -> Path:
    return Path(os.environ.get("FICSHELF_CACHE") or platformdirs.user_cache_dir("ficshelf"))


def cached_file(name: str, write: Callable[[IO[bytes]], None], folder: Path | None = None) -> Path:
    """The path of the cached file ``name``, made by ``write`` the first time it is asked for.
    Raises OSError when the cache folder cannot be written."""
    folder = folder if folder is not None else cache_folder()
    path = folder / name
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
        try:
            write(part)
        except BaseException:
            Path(part.name).unlink(missing_ok=True)
            raise
    Path(part.name).replace(path)
    return path

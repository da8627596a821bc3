"""Atom ids for the catalog's feeds and entries: ``urn:uuid`` names that never change.

Atom clients recognise an entry they have seen by its id, so a work's id must survive
restarts, new host names and re-imports. Each library gets a random namespace once (kept in
its folder); ids are UUID5 names of the work's library id or the feed's path in it.
"""

from __future__ import annotations

import uuid
from functools import cache
from pathlib import Path

_NAMESPACE_FILE = "catalog-id"


@cache
def catalog_namespace(directory: Path) -> uuid.UUID:
    """This library's namespace, made on first use; a damaged file is replaced."""
    path = directory / _NAMESPACE_FILE
    try:
        return uuid.UUID(path.read_text("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        made = uuid.uuid4()
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{made}\n", "ascii")
        return made


def urn(namespace: uuid.UUID, name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(namespace, name)}"


def work_urn(namespace: uuid.UUID, work_id: int) -> str:
    return urn(namespace, f"work/{work_id}")

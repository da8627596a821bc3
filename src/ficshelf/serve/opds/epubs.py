"""EPUBs for the catalog's download links, written once per version of a work and kept.

An e-reader browsing a catalog may fetch the same book several times (a retry, a second
device); writing a long work's EPUB each time would be wasted seconds. Files live in the
library folder under ``cache/epub/``, named by work id and a digest of everything the EPUB is
made from (the whole work, and the ficshelf version that wrote it): a re-import, a re-wrangle
or a new exporter gives a new name, and the work's older file is removed then.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ficshelf import __version__
from ficshelf.export import write_epub
from ficshelf.model import Work

CACHE_FOLDER = Path("cache") / "epub"


def work_digest(work: Work) -> str:
    """A digest of every field of ``work`` (the dataclasses' repr shows them all, in a fixed
    order), so any change to what the EPUB prints changes it."""
    digest = hashlib.sha256(__version__.encode("utf-8"))
    digest.update(repr(work).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def epub_for(library_dir: Path, work_id: int, work: Work) -> Path:
    """The EPUB of ``work`` (stored as ``work_id``), written now unless already cached.

    Writing is atomic, so two downloads at once at worst both write the same bytes.
    Raises ExportError when the cache folder cannot be written.
    """
    folder = library_dir / CACHE_FOLDER
    path = folder / f"{work_id}-{work_digest(work)}.epub"
    if path.is_file():
        return path
    write_epub(work, path)
    for older in folder.glob(f"{work_id}-*.epub"):
        if older != path:
            older.unlink(missing_ok=True)
    return path

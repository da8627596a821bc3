"""library stage: Work <-> storage (SQLite now, PostgreSQL later), and the import pipeline.

``Library`` is the storage API; ``ficshelf.library.importer.import_paths`` fills it from files.
"""

from ficshelf.library.library import Library
from ficshelf.library.store import KnownSource, SourceFile, StoredWork, WorkSummary

__all__ = ["KnownSource", "Library", "SourceFile", "StoredWork", "WorkSummary"]

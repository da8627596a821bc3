"""The OPDS 1.2 catalog (/opds) for e-reader apps: feeds, search, EPUB downloads.

``atom`` writes the documents (pure), ``entries`` turns a work into an entry, ``shelves``
reads the groupings, ``readers`` decides whose blocks apply, ``epubs`` caches downloads and
``routes`` puts them on the web.
"""

from ficshelf.serve.opds.routes import routes

__all__ = ["routes"]

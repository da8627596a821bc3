"""read stage: bytes -> ``Document``.

``read_path`` and ``read_bytes`` sniff the kind (EPUB, HTML, Markdown, text), decode text
(BOM, ``<meta charset>``, UTF-8, Windows-1252 or detected legacy encodings, mojibake repair,
LF line endings) and refuse what is not a story with one clear line. ``iter_archive`` walks a
zip of fics; every zip is opened inside ``Limits`` (counts, sizes, compression ratio, paths).
"""

from ficshelf.read.archive import is_fic_archive, iter_archive
from ficshelf.read.limits import Limits
from ficshelf.read.reader import read_bytes, read_path

__all__ = ["Limits", "is_fic_archive", "iter_archive", "read_bytes", "read_path"]

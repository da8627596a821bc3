"""export stage: a wrangled Work -> EPUB 3, a single HTML file, plain text or Markdown.

``export_work`` names the file after the work and writes it atomically into a folder;
``write_epub`` writes an EPUB to a chosen path. Every format shows the same preface (AO3's
layout and wording, see ``export.preface``) and reads back through ficshelf's own parsers
with the same metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ficshelf.errors import FicshelfError
from ficshelf.export.clean import printable_work
from ficshelf.export.epub import write_epub, write_epub_stream
from ficshelf.export.files import ExportError, file_stem, write_atomically, write_text
from ficshelf.export.html import render_html
from ficshelf.export.markdown import render_markdown
from ficshelf.export.text import render_text
from ficshelf.model import Work

__all__ = ["FORMATS", "ExportError", "UnknownFormatError", "export_work", "write_epub"]


class UnknownFormatError(FicshelfError):
    """An export format ficshelf does not write."""


def _epub(work: Work, dest: Path) -> None:
    write_atomically(dest, lambda stream: write_epub_stream(work, stream))


def _rendered(render: Callable[[Work], str]) -> Callable[[Work, Path], None]:
    return lambda work, dest: write_text(dest, render(work))


# Format name -> (file extension, writer taking a printable work).
FORMATS: Mapping[str, tuple[str, Callable[[Work, Path], None]]] = {
    "epub": (".epub", _epub),
    "html": (".html", _rendered(render_html)),
    "txt": (".txt", _rendered(render_text)),
    "md": (".md", _rendered(render_markdown)),
}


def export_work(work: Work, fmt: str, out_dir: Path) -> Path:
    """Write ``work`` as ``fmt`` ("epub", "html", "txt", "md") into ``out_dir``; return the path.

    The file is named from the title and first author and replaced atomically on re-export.
    Raises UnknownFormatError or ExportError (both one-line FicshelfErrors).
    """
    if fmt not in FORMATS:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown export format {fmt!r} (known: {known})")
    extension, write = FORMATS[fmt]
    dest = Path(out_dir) / f"{file_stem(work)}{extension}"
    write(printable_work(work), dest)
    return dest

"""Build small EPUBs in memory with zipfile, for the EPUB parser tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping

from ficshelf.model import Document

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

Build = Callable[..., Document]


def xhtml(body: str, title: str = "page") -> str:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>{title}</title></head><body>{body}</body></html>"
    )


def epub_bytes(files: Mapping[str, str], opf_path: str | None = "OEBPS/content.opf") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        if opf_path is not None:
            archive.writestr("META-INF/container.xml", CONTAINER.format(opf=opf_path))
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()

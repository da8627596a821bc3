"""Fixtures for the EPUB parser tests: EPUBs built in memory, read through the read stage."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from epub_builders import Build, epub_bytes

from ficshelf.model import Document
from ficshelf.read import read_bytes


@pytest.fixture
def build_epub() -> Build:
    def build(
        files: Mapping[str, str],
        name: str = "book.epub",
        opf_path: str | None = "OEBPS/content.opf",
    ) -> Document:
        return read_bytes(name, epub_bytes(files, opf_path))

    return build

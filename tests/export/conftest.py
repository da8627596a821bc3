"""A real epubcheck run (Java) for every EPUB the export tests write (the shared runner in
``tests/fixtures/epub_validation``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "epub_validation"))

from epubcheck_runner import epubcheck  # noqa: F401 - the fixture, for the tests here

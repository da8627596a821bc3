"""Where the bundled demo library is: a dozen short original stories in every format we read.

``scripts/demo`` imports it so a new user sees a working archive in one command; the tests
use it as a fixture that covers every reader and parser. ``demo_broken_path`` holds a file
that is deliberately not a story, for showing how an import reports a failure.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ficshelf.errors import FicshelfError


def _data_folder(name: str) -> Path:
    folder = resources.files("ficshelf.data").joinpath(name)
    if not isinstance(folder, Path) or not folder.is_dir():
        # Only a zipped install has no real folder; ficshelf is never shipped that way.
        raise FicshelfError(f"the bundled folder {name!r} is not on disk: reinstall ficshelf")
    return folder


def demo_library_path() -> Path:
    """The folder of demo stories (package data), ready to pass to ``ficshelf import``."""
    return _data_folder("demo")


def demo_broken_path() -> Path:
    """A folder holding one file of binary junk, to show an import's failure line."""
    return _data_folder("demo_broken")

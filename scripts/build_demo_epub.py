"""Zip the demo EPUB's source folder into the bundled demo library, byte for byte reproducibly.

    .venv/bin/python scripts/build_demo_epub.py

The source (scripts/demo-epub/the-lantern-keeper/) is what we edit; the .epub in
src/ficshelf/data/demo/ is its build output, committed so the package needs no build step.
Fixed timestamps and a sorted order make the same source give the same bytes, so a rebuild
without edits leaves git clean.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "demo-epub" / "the-lantern-keeper"
TARGET = ROOT / "src" / "ficshelf" / "data" / "demo" / "the-lantern-keeper.epub"
FIXED_TIME = (2023, 11, 5, 12, 0, 0)


def epub_members(source: Path) -> list[Path]:
    """``mimetype`` first (the EPUB rule readers sniff for), then every other file, sorted."""
    others = sorted(
        path for path in source.rglob("*") if path.is_file() and path.name != "mimetype"
    )
    return [source / "mimetype", *others]


def build_epub(source: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for path in epub_members(source):
            name = path.relative_to(source).as_posix()
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


if __name__ == "__main__":
    build_epub(SOURCE, TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")

"""A real library in a temp folder, story files written by the tests, and the real CLI."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ficshelf.cli.main import main

sys.path.insert(0, str(Path(__file__).parents[1]))

from backends import BACKENDS, library_location

_AO3_TAG = '<a href="https://archiveofourown.org/tags/x">{}</a>'


def text_story(title: str, *fields: str, body: str = "") -> str:
    """A plain-text story with a free-form header of ``fields`` ("Pairing: A/B")."""
    body = body or f"The kettle had boiled twice before anyone spoke about {title.lower()}."
    return f"{title}\nWritten by: Saltmarsh\n\n" + "\n".join(fields) + f"\n\n{body}\n"


def ao3_download(
    title: str,
    fandom: str,
    characters: Sequence[str] = (),
    relationships: Sequence[str] = (),
    freeforms: Sequence[str] = (),
) -> str:
    """An AO3 HTML download of a one-chapter work with these tags."""
    rows = [
        ("Rating", ["General Audiences"]),
        ("Archive Warning", ["No Archive Warnings Apply"]),
        ("Fandom", [fandom]),
        ("Relationship", list(relationships)),
        ("Character", list(characters)),
        ("Additional Tags", list(freeforms)),
    ]
    tags = "\n".join(
        f"<dt>{label}:</dt><dd>{', '.join(_AO3_TAG.format(value) for value in values)}</dd>"
        for label, values in rows
        if values
    )
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><meta charset="utf-8"/><title>{title} - Quill - {fandom}</title></head>
<body>
<div id="preface">
  <p class="message"><b>{title}</b><br/>Posted originally on the
  <a href="https://archiveofourown.org/">Archive of Our Own</a> at
  <a href="https://archiveofourown.org/works/901">https://archiveofourown.org/works/901</a>.</p>
  <div class="meta">
    <dl class="tags">
      {tags}
      <dt>Language:</dt><dd>English</dd>
      <dt>Stats:</dt><dd>Published: 2021-03-04 Words: 17 Chapters: 1/1</dd>
    </dl>
    <h1>{title}</h1>
    <div class="byline">by Quill</div>
  </div>
</div>
<div id="chapters" class="userstuff">
  <div class="userstuff"><p>The airship creaked as the crew climbed the rigging, and the
  lantern below swung with every gust.</p></div>
</div>
</body></html>
"""


@dataclass(frozen=True)
class Shelf:
    """A library folder and a folder of stories, driven through ``ficshelf`` itself."""

    root: Path
    database_url: str | None = None

    @property
    def library_dir(self) -> Path:
        return self.root / "library"

    def write(self, name: str, text: str, folder: str = "stories") -> Path:
        path = self.root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str | Path) -> Result:
        # wide enough that rich tables do not fold names
        return CliRunner(env={"COLUMNS": "200"}).invoke(main, [*self._where(), *map(str, args)])

    def _where(self) -> list[str]:
        where = ["--library", str(self.library_dir)]
        return where + (["--db", self.database_url] if self.database_url else [])

    def ok(self, *args: str | Path) -> Result:
        result = self.run(*args)
        assert result.exit_code == 0, result.output
        return result

    def json(self, *args: str | Path) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.ok(*args, "--json").stdout.splitlines()]

    def import_stories(self, folder: str = "stories") -> dict[str, Any]:
        (report,) = self.json("import", self.root / folder)
        return report

    def tags(self, *args: str) -> dict[tuple[str, str], dict[str, Any]]:
        """``ficshelf tags --json`` keyed by (type, name)."""
        return {(line["type"], line["name"]): line for line in self.json("tags", *args)}

    def ids(self) -> dict[str, int]:
        """Each work's id by title."""
        return {work["title"]: work["id"] for work in self.json("list")}

    def fandoms(self) -> dict[str, list[str]]:
        """Each work's title and fandoms, from ``ficshelf list``."""
        return {work["title"]: work["fandoms"] for work in self.json("list")}


@pytest.fixture(params=BACKENDS)
def shelf(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Shelf]:
    """A fresh library on each backend (SQLite in the folder, or a PostgreSQL schema)."""
    with library_location(str(request.param), tmp_path / "library") as location:
        yield Shelf(tmp_path, location.database_url)


@pytest.fixture
def naruto_shelf(shelf: Shelf) -> Shelf:
    """Three plain-text Naruto stories, imported: one relationship written two ways, an
    unknown freeform on two works, known freeforms."""
    shelf.write(
        "ramen.txt",
        text_story("Ramen After Rain", "Pairing: Iruka/Kakashi", "Tags: lantern mishaps, AU"),
    )
    shelf.write(
        "scrolls.txt",
        text_story("The Scroll Room", "Pairing: Kakashi/Iruka", "Tags: lantern mishaps, h/c"),
    )
    shelf.write("drills.txt", text_story("Morning Drills", "Pairing: Naruto/Sasuke", "Tags: fluff"))
    assert shelf.import_stories()["imported"] == 3
    return shelf

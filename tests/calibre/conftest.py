"""A small calibre library on a temp folder (every kind of book calibre users keep), and a
ficshelf library beside it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from calibre_builders import Book, Column, build_library, epub, fanficfare_epub

from ficshelf.library import Library

# The real epubcheck run the export tests use, for the EPUBs ``export --calibre`` writes.
sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "epub_validation"))
from epubcheck_runner import epubcheck  # noqa: F401 - the fixture, for the tests here

FFF_TITLE_PAGE = """<h3>Lanterns Over the Bay by quillfeather</h3><div>
<b>Category:</b> Harry Potter<br />
<b>Genre:</b> Friendship, Hurt/Comfort<br />
<b>Language:</b> English<br />
<b>Characters:</b> Hermione G., Luna L.<br />
<b>Status:</b> Completed<br />
<b>Published:</b> 2016-01-05<br />
<b>Rating:</b> T<br />
<b>Publisher:</b> www.fanfiction.net<br />
<b>Summary:</b> Two friends light lanterns for the whole harbour.<br />
<b>Story URL:</b> https://www.fanfiction.net/s/111<br />
</div>"""

FANFICFARE_FIC = Book(
    title="Lanterns Over the Bay",
    authors=["quillfeather"],
    files={
        "EPUB": fanficfare_epub(
            "Lanterns Over the Bay",
            "quillfeather",
            FFF_TITLE_PAGE,
            ["<h3>1. Dusk</h3><p>The first lantern went up over the water at dusk.</p>"],
        )
    },
    tags=[
        "FanFiction",
        "Harry Potter",
        "Friendship",
        "Hurt/Comfort",
        "Hermione G.",
        "Luna L.",
        "Completed",
        "Last Update: 2016/02/03",
        "Last Update Year/Month: 2016/02",
        "Reread Pile",
    ],
    series=("Bay Stories", 2.0),
    comments="<p>Two friends light lanterns for the whole harbour.</p>",
    publisher="www.fanfiction.net",
    identifiers={"url": "https://www.fanfiction.net/s/111"},
    languages=["eng"],
    custom={"ships": ["Hermione G./Luna L."]},
)

TEXT_FIC = Book(
    title="Tidewater",
    authors=["saltmarsh"],
    files={
        "TXT": b"The tide came in slowly over the flats, and the two of them watched it "
        b"from the sea wall without a word.\n\nLater they walked home along the dunes.\n"
    },
    tags=["FanFiction", "Naruto", "Explicit", "Major Character Death", "Slash", "Angst"],
    series=("Tides", 1.0),
    comments="<div><p>The sea keeps <i>secrets</i>.</p></div>",
    languages=["eng"],
    identifiers={"ffnet": "222"},
    pubdate="2019-06-01 04:00:00+00:00",
    stars=8,
    custom={"completed": ["1"], "characters": ["Umino Iruka", "Hatake Kakashi"]},
)

NOVEL = Book(
    title="The Glass Orchard",
    authors=["Mira Holt"],
    files={
        "EPUB": epub(
            "<dc:title>The Glass Orchard</dc:title><dc:creator>Mira Holt</dc:creator>",
            {"one.xhtml": "<h1>One</h1><p>The orchard was made of glass, and it rang.</p>"},
        )
    },
    identifiers={"isbn": "9780000000001"},
    pubdate="2001-04-02 00:00:00+00:00",
)

NO_FILE = Book(title="Lost Letters", authors=["Anon"])
PDF_ONLY = Book(title="Scanned Zine", authors=["Anon"], files={"PDF": b"%PDF-1.4 not really"})

TWO_FORMATS = Book(
    title="Two Roads",
    authors=["Wren"],
    files={
        "TXT": b"Two Roads\n\nThe text copy of the story, which ficshelf should not pick.\n",
        "EPUB": epub(
            "<dc:title>Two Roads</dc:title><dc:creator>Wren</dc:creator>",
            {"road.xhtml": "<p>The road forked at the old mill, and she took the left.</p>"},
        ),
    },
)

COLUMNS = [
    Column("ships", "Ships"),
    Column("characters", "Characters"),
    Column("completed", "Completed", datatype="bool", is_multiple=False),
]


@pytest.fixture
def calibre_dir(tmp_path: Path) -> Path:
    books = [FANFICFARE_FIC, TEXT_FIC, NOVEL, NO_FILE, PDF_ONLY, TWO_FORMATS]
    return build_library(tmp_path / "Calibre Library", books, COLUMNS)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "ficshelf") as opened:
        yield opened

"""One source per format ficshelf reads, for the library round-trip tests.

The plain files are the parser tests' own fixtures in ``tests/fixtures`` (and the demo's EPUB);
the EPUB flavours are built with the calibre tests' EPUB builders
(``tests/calibre/calibre_builders.py``), the AO3 one from the AO3 HTML fixture, because AO3's
EPUB carries the same preface markup as its HTML download. Each source names the format
ficshelf must read it as, so a fixture that drifts to another parser fails loudly instead of
silently testing the wrong reader.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import lxml.html
from lxml import etree

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures"
# The calibre tests' builders live beside those tests, which are not a package.
if str(TESTS / "calibre") not in sys.path:
    sys.path.append(str(TESTS / "calibre"))

from calibre_builders import epub, fanficfare_epub  # noqa: E402


@dataclass(frozen=True, slots=True)
class Source:
    """A file to import: its name, the format ficshelf must read it as, and its bytes."""

    name: str
    format: str
    data: Callable[[], bytes]

    @property
    def id(self) -> str:
        return f"{self.format}:{self.name}"


def _fixture(relative: str) -> Callable[[], bytes]:
    return lambda: (FIXTURES / relative).read_bytes()


def _file(relative: str, fmt: str) -> Source:
    return Source(Path(relative).name, fmt, _fixture(relative))


def _demo(name: str, fmt: str) -> Source:
    return Source(name, fmt, resources.files("ficshelf.data").joinpath("demo", name).read_bytes)


# --- EPUB flavours -------------------------------------------------------------------------------


def _xhtml_body(element: lxml.html.HtmlElement) -> str:
    return etree.tostring(element, method="xml", encoding="unicode")


def ao3_epub() -> bytes:
    """AO3's EPUB: its publisher mark in the OPF and the download's preface, chapters and
    afterword as separate spine documents, as AO3 splits them."""
    page = lxml.html.fromstring(_fixture("ao3/current_multichapter.html")())
    metadata = (
        "<dc:title>The Lantern Keepers</dc:title>"
        "<dc:creator opf:role='aut'>quillfeather</dc:creator>"
        "<dc:publisher>Archive of Our Own</dc:publisher><dc:language>en</dc:language>"
    )
    parts = {
        f"{part}.xhtml": _xhtml_body(page.get_element_by_id(part))
        for part in ("preface", "chapters", "afterword")
    }
    return epub(metadata, parts)


_FFF_TITLE_PAGE = """<h3>Weathervane by tinroof</h3><div>
<b>Category:</b> Original Work<br />
<b>Genre:</b> Friendship, Humor<br />
<b>Language:</b> English<br />
<b>Characters:</b> Odile, Bram<br />
<b>Status:</b> Completed<br />
<b>Published:</b> 2017-03-04<br />
<b>Updated:</b> 2017-04-01<br />
<b>Rating:</b> K<br />
<b>Chapters:</b> 2<br />
<b>Words:</b> 40<br />
<b>Publisher:</b> www.fanfiction.net<br />
<b>Summary:</b> A weathervane points the wrong way, and two neighbours argue about it.<br />
<b>Story URL:</b> https://www.fanfiction.net/s/404<br />
</div>"""


def fanficfare() -> bytes:
    """FanFicFare's EPUB: a title page of labelled lines, one spine document per chapter."""
    return fanficfare_epub(
        "Weathervane",
        "tinroof",
        _FFF_TITLE_PAGE,
        [
            "<h3>1. North</h3><p>Odile said the rooster on the roof pointed north.</p>"
            "<p>Bram said it pointed at the bakery, which was not a direction.</p>",
            "<h3>2. South</h3><p>The wind turned in the night.</p>"
            "<p>By morning they both agreed it pointed home.</p>",
        ],
    )


def calibre_epub() -> bytes:
    """An EPUB calibre converted: OPF metadata with calibre's series metas and a description."""
    metadata = (
        "<dc:title>The Ferry Schedule</dc:title>"
        "<dc:creator opf:role='aut'>Tamsin Rook</dc:creator>"
        "<dc:contributor opf:role='bkp'>calibre (6.11.0) [https://calibre-ebook.com]"
        "</dc:contributor>"
        "<dc:subject>Travel</dc:subject><dc:subject>Found Family</dc:subject>"
        "<dc:description>&lt;p&gt;Three strangers miss the last ferry.&lt;/p&gt;</dc:description>"
        "<dc:date>2020-08-02T00:00:00+00:00</dc:date><dc:language>en</dc:language>"
        '<meta name="calibre:series" content="Harbour Nights"/>'
        '<meta name="calibre:series_index" content="3.0"/>'
    )
    pages = {
        "part1.xhtml": "<h2>The Pier</h2><p>The last ferry left at nine without them.</p>"
        "<p>Nobody wanted to be the first to say so.</p>",
        "part2.xhtml": "<h2>The Waiting Room</h2><p>They shared a thermos of tea.</p>"
        "<p>At dawn the first boat came, and they were almost sorry.</p>",
    }
    return epub(metadata, pages)


def plain_epub() -> bytes:
    """An EPUB that names no tool: only Dublin Core metadata and a spine of chapters."""
    metadata = (
        "<dc:title>Moth Hours</dc:title><dc:creator>Lee Park</dc:creator>"
        "<dc:language>en</dc:language><dc:date>2024-02-02</dc:date>"
    )
    pages = {
        "one.xhtml": "<h1>Dusk</h1><p>The moths came out to the porch light.</p>",
        "two.xhtml": "<h1>Dawn</h1><p>They went home, <em>wherever</em> that was.</p>",
    }
    return epub(metadata, pages)


SOURCES: tuple[Source, ...] = (
    _file("text/title_and_byline.txt", "text"),
    _file("text/ffn_full.txt", "text"),
    _file("text/efiction.txt", "text"),
    _file("text/ao3_chapter_notes.txt", "text"),
    _file("text/russian.txt", "text"),
    _file("generic/story.md", "markdown"),
    _file("library/cartographers-garden.md", "markdown"),
    _file("generic/chaptered.html", "html"),
    _file("generic/text_header.html", "html"),
    _file("ao3/current_multichapter.html", "ao3-html"),
    _file("ao3/old_template_in_progress.html", "ao3-html"),
    _file("ao3/single_chapter.html", "ao3-html"),
    _file("ao3/workpage_unlocked.html", "ao3-workpage"),
    Source("moth-hours.epub", "epub", plain_epub),
    _demo("the-lantern-keeper.epub", "epub"),
    Source("the-lantern-keepers.epub", "ao3-epub", ao3_epub),
    Source("weathervane.epub", "fanficfare-epub", fanficfare),
    Source("the-ferry-schedule.epub", "calibre-epub", calibre_epub),
)

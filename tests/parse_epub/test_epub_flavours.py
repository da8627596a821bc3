"""EPUB flavours: AO3's calibre-built EPUB, FanFicFare, calibre OPF metadata, plain EPUB2/3."""

from __future__ import annotations

import datetime as dt

import pytest
from epub_builders import Build, xhtml

from ficshelf.errors import UnreadableFile
from ficshelf.model import SeriesRef
from ficshelf.parse.epub import parse_epub

OPF_HEAD = """<?xml version='1.0' encoding='utf-8'?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
{metadata}
</metadata>
<manifest>{manifest}</manifest>
<spine toc="ncx">{spine}</spine>
</package>"""


def opf(metadata: str, pages: list[str], version: str = "2.0", extra_items: str = "") -> str:
    manifest = "".join(
        f'<item id="p{i}" href="{page}" media-type="application/xhtml+xml"/>'
        for i, page in enumerate(pages)
    )
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(pages)))
    return OPF_HEAD.format(
        version=version, metadata=metadata, manifest=manifest + extra_items, spine=spine
    )


def ncx(entries: list[tuple[str, str]]) -> str:
    points = "".join(
        f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{label}</text></navLabel>'
        f'<content src="{src}"/></navPoint>'
        for i, (label, src) in enumerate(entries)
    )
    return (
        '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        f"<navMap>{points}</navMap></ncx>"
    )


NCX_ITEM = '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'

AO3_PREFACE = """<div id="preface"><h2 class="toc-heading">Preface</h2>
<p class="message"><b>Quiet Rooms</b><br/>Posted originally on the
<a href="https://archiveofourown.org/">Archive of Our Own</a> at
<a href="https://archiveofourown.org/works/808">https://archiveofourown.org/works/808</a>.</p>
<div class="calibre1"><dl class="tags">
<dt>Rating:</dt><dd><a href="t">General Audiences</a></dd>
<dt>Archive Warning:</dt><dd><a href="t">No Archive Warnings Apply</a></dd>
<dt>Fandom:</dt><dd><a href="t">Library Ghosts</a></dd>
<dt>Characters:</dt><dd><a href="t">Ivo</a>, <a href="t">The Archivist</a></dd>
<dt>Language:</dt><dd>English</dd>
<dt>Series:</dt><dd>Part 4 of <a href="series/5">Stacks</a></dd>
<dt>Stats:</dt><dd>Published: 2019-05-05 Updated: 2019-06-06
Words: 14 Chapters: 2/3</dd>
</dl></div></div>"""

AO3_TITLE = """<div id="preface" class="calibre1"><div class="calibre1">
<h1 class="calibre6">Quiet Rooms</h1>
<div class="byline">by <a href="u" rel="author">pagecorner</a></div>
<p class="calibre7">Summary</p>
<blockquote class="userstuff"><p class="calibre7">Shh.</p></blockquote>
</div></div><div class="userstuff1" id="chapters"><div class="calibre1"></div></div>"""

AO3_CHAPTER = """<div class="userstuff1" id="chapters"><div class="calibre1">
<h2 class="heading">Chapter {n}: {title}</h2>
<p class="calibre7">Chapter Notes</p><blockquote class="userstuff"><p>Note {n}.</p></blockquote>
</div><div class="userstuff2"><p class="calibre7">{text}</p></div></div>"""


@pytest.fixture
def ao3_epub_files() -> dict[str, str]:
    pages = ["preface.xhtml", "title.xhtml", "c1.xhtml", "c2.xhtml"]
    metadata = (
        "<dc:title>Quiet Rooms</dc:title><dc:creator opf:role='aut'>pagecorner</dc:creator>"
        "<dc:publisher>Archive of Our Own</dc:publisher><dc:language>en</dc:language>"
    )
    return {
        "content.opf": opf(metadata, pages, extra_items=NCX_ITEM),
        "toc.ncx": ncx([("Preface", "preface.xhtml"), ("Shelves", "c1.xhtml")]),
        "preface.xhtml": xhtml(AO3_PREFACE),
        "title.xhtml": xhtml(AO3_TITLE),
        "c1.xhtml": xhtml(
            AO3_CHAPTER.format(n=1, title="Shelves", text="Dust settled on the shelves.")
        ),
        "c2.xhtml": xhtml(AO3_CHAPTER.format(n=2, title="Lamps", text="Someone left a lamp on.")),
    }


def test_ao3_epub_reads_the_preface_like_the_html_download(
    build_epub: Build, ao3_epub_files: dict[str, str]
) -> None:
    work = parse_epub(build_epub(ao3_epub_files, opf_path="content.opf"))

    assert (work.format, work.origin) == ("ao3-epub", "ao3")
    assert work.title == "Quiet Rooms"
    assert work.authors == ("pagecorner",)
    assert work.characters == ("Ivo", "The Archivist")
    assert work.series == (SeriesRef("Stacks", 4),)
    assert (work.chapter_count, work.chapters_expected, work.status) == (2, 3, "in-progress")
    assert work.updated == dt.date(2019, 6, 6)
    assert work.summary == "Shh."
    assert [(c.title, c.notes, c.text) for c in work.chapters] == [
        ("Shelves", "Note 1.", "Dust settled on the shelves."),
        ("Lamps", "Note 2.", "Someone left a lamp on."),
    ]


FFF_TITLE_PAGE = """<h3><a href="https://www.fanfiction.net/s/1">Kite Weather</a> by
<a class="authorlink" href="https://www.fanfiction.net/u/2">stringpuller</a></h3><div>
<b>Category:</b> Sky Pirates<br />
<b>Genre:</b> Adventure, Friendship<br />
<b>Language:</b> English<br />
<b>Characters:</b> Vela, Corin<br />
<b>Status:</b> In-Progress<br />
<b>Published:</b> 2015-04-01<br />
<b>Updated:</b> 2015-05-02<br />
<b>Rating:</b> K+<br />
<b>Chapters:</b> 2<br />
<b>Words:</b> 3,210<br />
<b>Publisher:</b> www.fanfiction.net<br />
<b>Summary:</b> Two friends, one kite, <i>a lot</i> of wind.<br />
<b>Story URL:</b> https://www.fanfiction.net/s/1<br />
</div>"""


def test_fanficfare_epub_reads_the_title_page(build_epub: Build) -> None:
    pages = ["title_page.xhtml", "toc_page.xhtml", "file0001.xhtml", "file0002.xhtml"]
    metadata = (
        "<dc:title>Kite Weather</dc:title><dc:creator opf:role='aut'>stringpuller</dc:creator>"
        "<dc:contributor>FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>"
    )
    files = {
        "OEBPS/content.opf": opf(metadata, pages, extra_items=NCX_ITEM),
        "OEBPS/toc.ncx": ncx(
            [
                ("Title Page", "title_page.xhtml"),
                ("1. Updraft", "file0001.xhtml"),
                ("2. Line Snaps", "file0002.xhtml"),
            ]
        ),
        "OEBPS/title_page.xhtml": xhtml(FFF_TITLE_PAGE),
        "OEBPS/toc_page.xhtml": xhtml("<h3>Table of Contents</h3><a href='file0001.xhtml'>1</a>"),
        "OEBPS/file0001.xhtml": xhtml(
            '<h3 class="fff_chapter_title">1. Updraft</h3><p>The kite rose.</p>'
        ),
        "OEBPS/file0002.xhtml": xhtml(
            '<h3 class="fff_chapter_title">2. Line Snaps</h3><p>It flew away.</p>'
        ),
    }

    work = parse_epub(build_epub(files))

    assert work.format == "fanficfare-epub"
    assert work.title == "Kite Weather" and work.authors == ("stringpuller",)
    assert work.fandoms == ("Sky Pirates",)
    assert work.freeforms == ("Adventure", "Friendship")
    assert work.characters == ("Vela", "Corin")
    assert (work.status, work.rating, work.words, work.chapter_count) == (
        "in-progress",
        "K+",
        3210,
        2,
    )
    assert (work.published, work.updated) == (dt.date(2015, 4, 1), dt.date(2015, 5, 2))
    assert work.summary == "Two friends, one kite, a lot of wind."
    assert work.language == "en"
    assert work.extra["Source URL"] == "https://www.fanfiction.net/s/1"
    assert [(c.title, c.text) for c in work.chapters] == [
        ("1. Updraft", "The kite rose."),
        ("2. Line Snaps", "It flew away."),
    ]


def test_calibre_epub2_with_ncx_only(build_epub: Build) -> None:
    pages = ["titlepage.xhtml", "part1.xhtml", "part1_split.xhtml", "part2.xhtml"]
    metadata = (
        "<dc:title>Salt Roads</dc:title><dc:creator opf:role='aut'>Ana Reyes</dc:creator>"
        "<dc:creator opf:role='edt'>An Editor</dc:creator>"
        "<dc:subject>Road Trip</dc:subject><dc:subject>Found Family</dc:subject>"
        "<dc:description>&lt;p&gt;A long &lt;b&gt;drive&lt;/b&gt;.&lt;/p&gt;</dc:description>"
        "<dc:date>2018-03-09T00:00:00+00:00</dc:date><dc:language>es</dc:language>"
        '<meta name="calibre:series" content="Coastlines"/>'
        '<meta name="calibre:series_index" content="2.0"/>'
    )
    files = {
        "OEBPS/content.opf": opf(metadata, pages, extra_items=NCX_ITEM),
        "OEBPS/toc.ncx": ncx([("Uno", "part1.xhtml"), ("Dos", "part2.xhtml#start")]),
        "OEBPS/titlepage.xhtml": xhtml("<h1>Salt Roads</h1>"),
        "OEBPS/part1.xhtml": xhtml("<h2>Uno</h2><p>El coche arrancó.</p>"),
        "OEBPS/part1_split.xhtml": xhtml("<p>Siguió por la costa.</p>"),
        "OEBPS/part2.xhtml": xhtml("<p id='start'>Llegaron al mar.</p>"),
    }

    work = parse_epub(build_epub(files))

    assert (work.format, work.origin) == ("calibre-epub", "header")
    assert work.title == "Salt Roads" and work.authors == ("Ana Reyes",)
    assert work.freeforms == ("Road Trip", "Found Family")
    assert work.summary == "A long drive."
    assert work.series == (SeriesRef("Coastlines", 2),)
    assert work.published == dt.date(2018, 3, 9)
    assert work.language == "es"
    assert [c.title for c in work.chapters] == ["Uno", "Dos"]
    assert work.chapters[0].text == "El coche arrancó.\n\nSiguió por la costa."


def test_plain_epub3_with_nav_and_collection(build_epub: Build) -> None:
    metadata = (
        '<dc:title id="t">Moth Hours</dc:title><dc:creator id="c1">Lee Park</dc:creator>'
        '<meta refines="#c1" property="role">aut</meta>'
        '<meta property="belongs-to-collection" id="s1">Night Things</meta>'
        '<meta refines="#s1" property="collection-type">series</meta>'
        '<meta refines="#s1" property="group-position">3</meta>'
        '<meta property="dcterms:modified">2024-02-02T10:00:00Z</meta>'
    )
    nav = (
        '<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol>'
        '<li><a href="text/one.xhtml">Dusk</a></li><li><a href="text/two.xhtml">Dawn</a></li>'
        "</ol></nav>"
    )
    nav_item = (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    )
    files = {
        "EPUB/package.opf": opf(metadata, ["text/one.xhtml", "text/two.xhtml"], "3.0", nav_item),
        "EPUB/nav.xhtml": xhtml(nav),
        "EPUB/text/one.xhtml": xhtml("<h1>Dusk</h1><p>The moths came out.</p>"),
        "EPUB/text/two.xhtml": xhtml("<h1>Dawn</h1><p>They went home.</p>"),
    }

    work = parse_epub(build_epub(files, opf_path="EPUB/package.opf"))

    assert work.format == "epub"
    assert work.title == "Moth Hours" and work.authors == ("Lee Park",)
    assert work.series == (SeriesRef("Night Things", 3),)
    assert work.updated == dt.date(2024, 2, 2)
    assert [(c.title, c.text) for c in work.chapters] == [
        ("Dusk", "The moths came out."),
        ("Dawn", "They went home."),
    ]


def test_epub_without_package_file_is_a_clear_error(build_epub: Build) -> None:
    files = {"OEBPS/chapter.xhtml": xhtml("<p>Lost pages.</p>")}

    with pytest.raises(UnreadableFile, match=r"lost\.epub: EPUB has no package file"):
        parse_epub(build_epub(files, name="lost.epub"))

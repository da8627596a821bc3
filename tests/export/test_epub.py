"""EPUB export: valid for epubcheck, full OPF metadata, reproducible, written safely."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from epubcheck_runner import EpubCheck
from export_helpers import DEMO_FILES, demo_work, make_work
from lxml import etree

from ficshelf.export import ExportError, export_work, write_epub
from ficshelf.model import RawChapter, RawWork, SeriesRef, Work

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def _opf(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("OEBPS/content.opf"))


def _texts(opf: etree._Element, xpath: str) -> list[str]:
    return [str(value) for value in opf.xpath(xpath, namespaces=OPF)]


def _all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


@pytest.mark.parametrize("name", DEMO_FILES)
def test_every_demo_work_exports_to_an_epub_that_epubcheck_accepts(
    name: str, tmp_path: Path, epubcheck: EpubCheck
) -> None:
    path = export_work(demo_work(name), "epub", tmp_path)
    epubcheck(path)


# Few books with several oddities each: every book costs an epubcheck run (a JVM start).
EDGE_CASES: dict[str, Work] = {
    "unicode and markup characters everywhere": make_work(
        title='Седьмое небо — 七つの星 & <3 "quotes"',
        authors=("Лиса", "A&B <writer>"),
        summary='Less < more & "so" on > there\x07.',
        language="ru",
        series=(SeriesRef("Loose Ends"), SeriesRef("Other <3", 3)),
    ),
    "right to left": make_work(
        title="סיפור קצר",
        language="he",
        chapters=(RawChapter(title="פרק", text="שלום עולם.\n\nעוד פסקה."),),
    ),
    "no summary, notes, series, authors, dates or language": make_work(
        summary=None,
        notes=None,
        series=(),
        authors=(),
        published=None,
        updated=None,
        status=None,
        language=None,
        raw=RawWork(path="bare.txt", format="text", encoding=None),
    ),
    "sixty chapters under a very long title": make_work(
        title=" ".join(["Ever-Longer Titles of Endless Words"] * 12),
        chapters=tuple(
            RawChapter(title=f"Part {n}" if n % 2 else None, text=f"Chapter {n} text.")
            for n in range(1, 61)
        ),
    ),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_edge_case_works_pass_epubcheck(case: str, tmp_path: Path, epubcheck: EpubCheck) -> None:
    dest = tmp_path / "book.epub"
    write_epub(EDGE_CASES[case], dest)
    epubcheck(dest)


HOSTILE_HTML = """
<p onclick="steal()">Hello<script>alert(1)</script> <b>bold<div>block in bold</div></b></p>
<img src="http://tracker.example/pixel.gif" onerror="alert(2)">
<center>Centred</center><font color="red">red</font><tt>mono</tt><big>big</big>
<li>orphan item</li><ul>loose text<li>item</li></ul><dl><dd>no term</dd></dl>
<table><td>cell without row</td></table><summary>stray summary</summary>
<a href="javascript:alert(3)">js link</a><a href="chapter2.html#x">relative</a>
<a href="https://example.org/ok">fine link<a href="https://example.org/inner">nested</a></a>
<p style="color: red; text-align: center; background: url(http://x)">styled</p>
<p align="right" lang="not a language!" dir="sideways">odd attributes</p>
<time>yesterday</time><bdo>no direction</bdo><ol start="x" type="z"><li value="v">x</li></ol>
&nbsp;&amp;&lt;&copy;&#8212;&bogus; control\x01char <br> after break <hr> <p><hr></p>
"""


def test_hostile_story_html_becomes_valid_and_harmless(
    tmp_path: Path, epubcheck: EpubCheck
) -> None:
    from ficshelf.parse.html_text import html_to_text
    from ficshelf.parse.sanitize import sanitize_html

    # text from the markup, as every HTML reader makes it (export trusts markup that matches)
    html = sanitize_html(HOSTILE_HTML)
    chapter = RawChapter(title="Trouble", text=html_to_text(html), html=html)
    work = make_work(chapters=(chapter,))
    dest = tmp_path / "hostile.epub"
    write_epub(work, dest)
    epubcheck(dest)
    text = _all_text(dest)
    for forbidden in ("<script", "alert(", "onclick", "onerror", "javascript:", "tracker", "url("):
        assert forbidden not in text
    assert "block in bold" in text and "Centred" in text and "orphan item" in text
    assert 'href="https://example.org/ok"' in text


def test_opf_carries_the_full_metadata(tmp_path: Path) -> None:
    work = make_work()
    opf = _opf(export_work(work, "epub", tmp_path))
    assert _texts(opf, "//dc:title/text()") == ["A Quiet Lake"]
    assert _texts(opf, "//dc:creator/text()") == ["Wren Ashgrove"]
    assert _texts(opf, "//dc:language/text()") == ["en"]
    assert _texts(opf, "//dc:date/text()") == ["2021-05-01"]
    assert _texts(opf, "//opf:meta[@property='dcterms:modified']/text()") == [
        "2021-06-01T00:00:00Z"
    ]
    assert _texts(opf, "//dc:identifier/text()")[0].startswith("urn:uuid:")
    assert _texts(opf, "//dc:description/text()") == [
        "Two friends wait by a lake.\n\nNothing bad happens."
    ]
    assert set(_texts(opf, "//dc:subject/text()")) == {
        "Teen And Up Audiences",
        "No Archive Warnings Apply",
        "Gen",
        "Naruto",
        "Hatake Kakashi & Umino Iruka",
        "Umino Iruka",
        "Hatake Kakashi",
        "Friendship",
        "Fluff",
    }


def test_series_is_written_for_epub3_readers_and_for_calibre(tmp_path: Path) -> None:
    opf = _opf(export_work(make_work(), "epub", tmp_path))
    collection = opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=OPF)[0]
    refines = f"#{collection.get('id')}"
    assert collection.text == "Quiet Places"
    refinements = {
        meta.get("property"): meta.text
        for meta in opf.xpath(f"//opf:meta[@refines='{refines}']", namespaces=OPF)
    }
    assert refinements == {"collection-type": "series", "group-position": "2"}
    assert _texts(opf, "//opf:meta[@name='calibre:series']/@content") == ["Quiet Places"]
    assert _texts(opf, "//opf:meta[@name='calibre:series_index']/@content") == ["2"]


def test_identifier_is_stable_for_the_work_and_differs_between_works(tmp_path: Path) -> None:
    first = _texts(_opf(export_work(make_work(), "epub", tmp_path / "a")), "//dc:identifier/text()")
    again = _texts(_opf(export_work(make_work(), "epub", tmp_path / "b")), "//dc:identifier/text()")
    other = _texts(
        _opf(export_work(make_work(title="Another"), "epub", tmp_path / "c")),
        "//dc:identifier/text()",
    )
    assert first == again != other


def test_re_exporting_gives_identical_bytes(tmp_path: Path) -> None:
    work = demo_work(DEMO_FILES[0])
    first = export_work(work, "epub", tmp_path / "one").read_bytes()
    second = export_work(work, "epub", tmp_path / "two").read_bytes()
    assert first == second


def test_mimetype_comes_first_and_uncompressed(tmp_path: Path) -> None:
    path = export_work(make_work(), "epub", tmp_path)
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
    assert path.read_bytes()[30:38] == b"mimetype"  # no extra field before the name


def test_cover_is_an_svg_marked_as_the_cover_image(tmp_path: Path) -> None:
    path = export_work(make_work(), "epub", tmp_path)
    opf = _opf(path)
    assert _texts(opf, "//opf:item[@properties='cover-image']/@href") == ["cover.svg"]
    assert _texts(opf, "//opf:itemref[1]/@idref") == ["cover-image"]
    with zipfile.ZipFile(path) as archive:
        svg = archive.read("OEBPS/cover.svg").decode("utf-8")
    assert "A Quiet Lake" in svg and "Wren Ashgrove" in svg and "<image" not in svg


def test_navigation_lists_every_chapter_in_order(tmp_path: Path) -> None:
    path = export_work(EDGE_CASES["sixty chapters under a very long title"], "epub", tmp_path)
    with zipfile.ZipFile(path) as archive:
        nav = etree.fromstring(archive.read("OEBPS/nav.xhtml"))
        ncx = etree.fromstring(archive.read("OEBPS/toc.ncx"))
    links = nav.xpath("//*[local-name()='nav'][@*[local-name()='type']='toc']//*[local-name()='a']")
    chapters = [link.text for link in links if link.get("href").startswith("chapter-")]
    assert chapters[:3] == ["Chapter 1: Part 1", "Chapter 2", "Chapter 3: Part 3"]
    assert len(chapters) == 60
    assert len(ncx.xpath("//*[local-name()='navPoint']")) == len(links)


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_debris(tmp_path: Path) -> None:
    dest = tmp_path / "book.epub"
    dest.mkdir()  # a folder where the file should go: the final rename must fail
    with pytest.raises(ExportError, match=r"book\.epub"):
        write_epub(make_work(), dest)
    assert dest.is_dir()
    assert [path.name for path in tmp_path.iterdir()] == ["book.epub"]

"""The kind of a file is decided from its content: EPUB, HTML, Markdown or plain text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import pytest

from ficshelf.errors import NotAStory
from ficshelf.model import SourceKind
from ficshelf.read import read_bytes

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def zipped(members: Mapping[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Once.</p></body></html>",
        "\ufeff  \n<html lang='en'><p>Once.</p></html>",
        "<?xml version='1.0' encoding='utf-8'?>\n<html><body>Once.</body></html>",
        "<!-- saved from url=(0040)http://example.org/ -->\n<html><body>Once.</body></html>",
        "<HEAD><TITLE>Old page</TITLE></HEAD><BODY>Once upon a time.</BODY>",
        "\n\n<body><p>Once upon a time.</p></body>",
    ],
    ids=["doctype", "bom-and-html", "xml-declaration", "saved-from", "upper-case", "body"],
)
def test_html_is_recognised_by_its_leading_markup(text: str) -> None:
    assert read_bytes("story", text.encode("utf-8")).kind is SourceKind.HTML


def test_text_mentioning_tags_later_is_still_text() -> None:
    doc = read_bytes("story.txt", b"Title: Tags\n\nShe typed <html> into the editor.")
    assert doc.kind is SourceKind.TEXT


def test_yaml_front_matter_makes_markdown_whatever_the_name() -> None:
    doc = read_bytes("story", b"---\ntitle: Lanterns\nauthor: Wren\n---\n\nThe river was dark.")
    assert doc.kind is SourceKind.MARKDOWN


def test_md_name_makes_markdown_without_front_matter() -> None:
    assert read_bytes("story.md", b"# Lanterns\n\nThe river was dark.").kind is SourceKind.MARKDOWN


def test_a_txt_header_between_rules_stays_plain_text() -> None:
    data = b"---\nTitle: Lanterns\nAuthor: Wren\n---\n\nThe river was dark."
    assert read_bytes("story.txt", data).kind is SourceKind.TEXT


def test_a_story_opening_with_a_rule_is_plain_text() -> None:
    data = b"---\nThe river was dark, and nobody came.\n\nLater, it rained."
    assert read_bytes("story", data).kind is SourceKind.TEXT


def test_an_epub_is_opened_into_members() -> None:
    data = zipped(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER,
            "OEBPS/content.opf": "<package/>",
        }
    )
    doc = read_bytes("story.epub", data)
    assert doc.kind is SourceKind.EPUB
    assert doc.text == ""
    assert doc.members["mimetype"] == b"application/epub+zip"
    assert set(doc.members) == {"mimetype", "META-INF/container.xml", "OEBPS/content.opf"}


def test_an_epub_without_mimetype_is_known_by_its_container() -> None:
    doc = read_bytes("story.epub", zipped({"META-INF/container.xml": CONTAINER}))
    assert doc.kind is SourceKind.EPUB


def test_a_zip_of_files_is_not_one_story() -> None:
    data = zipped({"one.txt": "A story.", "two.txt": "Another story."})
    with pytest.raises(NotAStory, match="a zip archive of 2 files, not an EPUB"):
        read_bytes("fics.zip", data)


def test_a_word_document_is_named() -> None:
    data = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    with pytest.raises(NotAStory, match=r"a Word document \(\.docx\)"):
        read_bytes("story.docx", data)

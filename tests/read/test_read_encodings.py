"""Stories in every encoding fans saved them in come out as the same clean text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.read import read_bytes, read_path

STORY = "“Wait,” she said. It’s late — the café is closed… Naïve, isn’t it?"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(STORY.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(STORY.encode("utf-8-sig"), "utf-8-sig", id="utf-8 with BOM"),
        pytest.param(STORY.encode("utf-16"), "utf-16", id="utf-16 with BOM"),
        pytest.param(b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16", id="utf-16-be BOM"),
        pytest.param(STORY.encode("utf-32"), "utf-32", id="utf-32 with BOM"),
        pytest.param(STORY.encode("cp1252"), "cp1252", id="windows-1252 curly quotes"),
    ],
)
def test_story_text_survives_its_encoding(data: bytes, encoding: str) -> None:
    doc = read_bytes("story.txt", data)
    assert doc.text == STORY
    assert doc.encoding == encoding


def test_windows_1252_single_byte_quotes_decode_as_curly_quotes() -> None:
    doc = read_bytes("story.txt", b"He said \x93hello\x94 and didn\x92t stop\x85")
    assert doc.text == "He said “hello” and didn’t stop…"
    assert doc.encoding == "cp1252"


def test_latin_1_accents_decode_and_are_reported_as_windows_1252() -> None:
    # Both decode these bytes identically; Windows-1252 is what such files really were.
    doc = read_bytes("story.txt", "Le café était fermé.".encode("latin-1"))
    assert doc.text == "Le café était fermé."
    assert doc.encoding == "cp1252"


def test_latin_1_is_named_when_windows_1252_cannot_decode() -> None:
    doc = read_bytes("story.txt", b"Caf\xe9 \x81 ouvert.")
    assert doc.text.startswith("Café")
    assert doc.encoding == "latin-1"


def test_cyrillic_legacy_text_is_detected_not_forced_into_windows_1252() -> None:
    text = "Наруто стоял у окна и смотрел на деревню. Было тихо."
    doc = read_bytes("story.txt", text.encode("cp1251"))
    assert doc.text == text
    assert doc.encoding == "cp1251"


@pytest.mark.parametrize(
    ("mojibake", "repaired"),
    [
        ("CafÃ© au lait", "Café au lait"),
        ("It doesnâ€™t matter", "It doesn’t matter"),
        ("Lâ€™Ã©tÃ© dernier", "L’été dernier"),
    ],
)
def test_mojibake_is_repaired(mojibake: str, repaired: str) -> None:
    assert read_bytes("story.txt", mojibake.encode("utf-8")).text == repaired


@pytest.mark.parametrize(
    "normal",
    [
        "Fullwidth ＡＢＣ and ligature ﬁ stay as written.",
        "Straight 'quotes' and &amp; entities stay as written.",
        "Decomposed e\u0301 stays decomposed.",
        "Японский текст: こんにちは。",
    ],
)
def test_normal_text_is_not_altered(normal: str) -> None:
    assert read_bytes("story.txt", normal.encode("utf-8")).text == normal


@pytest.mark.parametrize(
    "data",
    [b"One\r\nTwo\r\n\r\nThree", b"One\rTwo\r\rThree", b"One\nTwo\n\nThree"],
    ids=["CRLF", "CR", "LF"],
)
def test_line_endings_become_lf(data: bytes) -> None:
    assert read_bytes("story.txt", data).text == "One\nTwo\n\nThree"


def test_utf_16_with_crlf_becomes_lf() -> None:
    doc = read_bytes("story.txt", "Title: X\r\n\r\nBody “here”.\r\n".encode("utf-16"))
    assert doc.text == "Title: X\n\nBody “here”.\n"


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    path = tmp_path / "story.html"
    path.write_bytes(page.encode("cp1251"))
    doc = read_path(path)
    assert "Привет" in doc.text
    assert doc.encoding == "cp1251"


def test_html_declared_iso_8859_1_reads_as_windows_1252_like_browsers() -> None:
    page = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    doc = read_bytes("story.html", page + b"</head><body><p>\x93Hi\x94</p></body></html>")
    assert "“Hi”" in doc.text
    assert doc.encoding == "cp1252"


def test_stale_legacy_declaration_loses_to_valid_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café “ok”</p></body></html>'
    doc = read_bytes("story.html", page.encode("utf-8"))
    assert "Café “ok”" in doc.text
    assert doc.encoding == "utf-8"

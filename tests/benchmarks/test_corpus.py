"""The benchmark's corpus generator: same seed, same bytes; every format and encoding shows up."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from benchmarks.corpus import STORIES, Entry, describe, generate_corpus, load_manifest
from benchmarks.floor import corpus_files, measure_floor

WORKS = 160
SEED = 11


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, WORKS, SEED)
    return out


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*.*")}


def _member(corpus: Path, entry: Entry) -> bytes:
    data = (corpus / STORIES / entry.path).read_bytes()
    if entry.member is None:
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(entry.member)


def test_same_seed_gives_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    generate_corpus(tmp_path, WORKS, SEED)
    assert _tree(tmp_path) == _tree(corpus)


def test_another_seed_gives_another_corpus(corpus: Path, tmp_path: Path) -> None:
    generate_corpus(tmp_path, 20, SEED + 1)
    first = {entry.title for entry in load_manifest(corpus)[:20]}
    assert {entry.title for entry in load_manifest(tmp_path)} != first


def test_every_format_encoding_and_bundles_appear(corpus: Path) -> None:
    shape = describe(load_manifest(corpus))
    assert set(shape.formats) == {"text", "ao3-html", "ao3-epub", "epub", "markdown"}
    assert set(shape.encodings) == {"utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"}
    assert shape.works == WORKS
    assert shape.bundled


def test_text_files_decode_with_the_encoding_the_manifest_names(corpus: Path) -> None:
    boms = {"utf-8-sig": codecs.BOM_UTF8, "utf-16": codecs.BOM_UTF16_LE}
    for entry in load_manifest(corpus):
        if entry.format != "text":
            continue
        data = _member(corpus, entry)
        assert data.startswith(boms.get(entry.encoding, b"")), entry.path
        text = data.decode(entry.encoding)
        assert ("\r\n" in text) == (entry.newline == "crlf"), entry.path


def test_epubs_open_with_their_mimetype_first(corpus: Path) -> None:
    for entry in load_manifest(corpus):
        if entry.format.endswith("epub"):
            with zipfile.ZipFile(corpus / STORIES / entry.path) as archive:
                first = archive.infolist()[0]
                assert first.filename == "mimetype"
                assert first.compress_type == zipfile.ZIP_STORED
                assert "META-INF/container.xml" in archive.namelist()


def test_lengths_are_like_an_archive(corpus: Path) -> None:
    entries = load_manifest(corpus)
    words = sorted(entry.words for entry in entries)
    assert 2000 <= words[len(words) // 2] <= 7000
    multi = sum(entry.chapters > 1 for entry in entries) / len(entries)
    assert 0.2 <= multi <= 0.5


def test_floor_reads_every_file(corpus: Path) -> None:
    floor = measure_floor(corpus / STORIES)
    assert floor.files == len(corpus_files(corpus / STORIES))
    assert floor.words >= sum(entry.words for entry in load_manifest(corpus))

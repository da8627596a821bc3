"""The catalog's EPUB downloads: valid books, written once per version of a work and kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from epubcheck_runner import EpubCheck
from opds_helpers import ACQUIRE, NS, all_pages, entry, feed
from starlette.testclient import TestClient

from ficshelf.library import Library
from ficshelf.serve.opds.epubs import CACHE_FOLDER, epub_for


def test_a_download_is_cached_in_the_library_folder(client: TestClient, library_dir: Path) -> None:
    work = entry(feed(client, "/opds/recent"), "Lanterns at the Fair")
    href = str(work.xpath("a:link[@rel=$rel]/@href", namespaces=NS, rel=ACQUIRE)[0])
    first = client.get(href)
    cached = list((library_dir / CACHE_FOLDER).glob("*.epub"))
    assert len(cached) == 1 and cached[0].read_bytes() == first.content
    assert client.get(href).content == first.content
    assert list((library_dir / CACHE_FOLDER).glob("*.epub")) == cached


def test_a_changed_work_gets_a_new_file_and_the_old_one_goes(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        stored = library.find("Lanterns at the Fair")
    before = epub_for(library_dir, stored.id, stored.work)
    retitled = dataclasses.replace(stored.work, title="Lanterns on the Sea Wall")
    after = epub_for(library_dir, stored.id, retitled)
    assert after != before and after.is_file() and not before.exists()
    assert epub_for(library_dir, stored.id, retitled) == after


def test_an_unknown_work_is_not_found(client: TestClient) -> None:
    assert client.get("/opds/works/9999.epub").status_code == 404


def test_every_catalog_download_passes_epubcheck(
    client: TestClient, tmp_path: Path, epubcheck: EpubCheck
) -> None:
    entries = [
        item
        for page in all_pages(client, "/opds/recent")
        for item in page.xpath("a:entry", namespaces=NS)
    ]
    assert len(entries) == 6
    for number, item in enumerate(entries):
        href = str(item.xpath("a:link[@rel=$rel]/@href", namespaces=NS, rel=ACQUIRE)[0])
        answer = client.get(href)
        assert answer.status_code == 200
        book = tmp_path / f"download-{number}.epub"
        book.write_bytes(answer.content)
        epubcheck(book)


def test_the_work_pages_epub_download_passes_epubcheck(
    client: TestClient, library_dir: Path, tmp_path: Path, epubcheck: EpubCheck
) -> None:
    with Library.open(library_dir) as library:
        work_id = library.find("Lanterns at the Fair").id  # General Audiences: no content gate
    answer = client.get(f"/works/{work_id}/download.epub")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/epub+zip"
    book = tmp_path / "download.epub"
    book.write_bytes(answer.content)
    epubcheck(book)

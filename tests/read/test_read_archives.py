"""Zips of fics and EPUBs are untrusted: bombs, escapes and damage are refused in one line."""

from __future__ import annotations

import stat
import tracemalloc
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from ficshelf.errors import UnreadableFile, UnsafeArchive
from ficshelf.read import Limits, is_fic_archive, iter_archive, read_path

EPUB_MEMBERS = {
    "mimetype": "application/epub+zip",
    "META-INF/container.xml": "<container/>",
    "OEBPS/chapter1.xhtml": "<html><body><p>Once.</p></body></html>",
}


def make_zip(path: Path, members: Mapping[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_iter_archive_yields_the_stories_and_skips_clutter(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "fics.zip",
        {
            "fics/": "",
            "fics/one.txt": "Title: One\n\nA story.",
            "fics/two.html": "<html><body><p>Another.</p></body></html>",
            "__MACOSX/fics/._one.txt": b"\x00\x05\x16\x07",
            "fics/.DS_Store": b"\x00\x00\x00\x01Bud1",
        },
    )
    assert list(iter_archive(archive)) == [
        ("fics/one.txt", b"Title: One\n\nA story."),
        ("fics/two.html", b"<html><body><p>Another.</p></body></html>"),
    ]


def test_a_zip_of_fics_is_an_archive_and_an_epub_is_not(tmp_path: Path) -> None:
    fics = make_zip(tmp_path / "fics.zip", {"one.txt": "A story."})
    epub = make_zip(tmp_path / "story.epub", EPUB_MEMBERS)
    renamed_epub = make_zip(tmp_path / "story.zip", EPUB_MEMBERS)
    text = tmp_path / "story.txt"
    text.write_text("A story.")
    assert is_fic_archive(fics)
    assert not is_fic_archive(epub)
    assert not is_fic_archive(renamed_epub)
    assert not is_fic_archive(text)
    assert not is_fic_archive(tmp_path / "missing.zip")


def test_a_highly_compressed_member_is_a_zip_bomb(tmp_path: Path) -> None:
    bomb = make_zip(
        tmp_path / "bomb.epub", {**EPUB_MEMBERS, "OEBPS/zeros.xhtml": bytes(20 * 1024**2)}
    )
    with pytest.raises(UnsafeArchive, match=r"zeros\.xhtml is compressed \d+:1, beyond the 100:1"):
        read_path(bomb)


def test_too_many_members(tmp_path: Path) -> None:
    many = make_zip(tmp_path / "many.zip", {f"fic{number}.txt": "x" for number in range(30)})
    with pytest.raises(UnsafeArchive, match="30 entries, more than the limit of 20"):
        list(iter_archive(many, Limits(max_members=20)))


def test_total_uncompressed_size_is_bounded(tmp_path: Path) -> None:
    members = {f"fic{number}.txt": "word " * 2000 for number in range(5)}
    archive = make_zip(tmp_path / "fics.zip", members)
    with pytest.raises(UnsafeArchive, match=r"unpacks to 48\.8 KiB, more than the 30 KiB limit"):
        list(iter_archive(archive, Limits(max_total_bytes=30 * 1024)))


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../evil.txt", "entry that escapes the archive folder: ../evil.txt"),
        ("fics/../../evil.txt", "entry that escapes the archive folder"),
        ("..\\evil.txt", "entry that escapes the archive folder"),
        ("/etc/evil.txt", "entry with an absolute path: /etc/evil.txt"),
        ("C:/evil.txt", "entry with an absolute path"),
    ],
)
def test_members_that_escape_the_folder_are_refused(
    tmp_path: Path, name: str, problem: str
) -> None:
    archive = make_zip(tmp_path / "fics.zip", {"ok.txt": "A story.", name: "gotcha"})
    with pytest.raises(UnsafeArchive) as caught:
        list(iter_archive(archive))
    assert str(caught.value).startswith(f"{archive}: ")
    assert problem in str(caught.value)


def test_a_symlink_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "links.zip"
    link = zipfile.ZipInfo("story.txt")
    link.create_system = 3  # Unix, so the mode bits below are honoured
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(UnsafeArchive, match=r"entry is a symbolic link: story\.txt"):
        list(iter_archive(path))


def test_a_truncated_zip_is_unreadable(tmp_path: Path) -> None:
    whole = make_zip(tmp_path / "whole.epub", EPUB_MEMBERS).read_bytes()
    cut = tmp_path / "cut.epub"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnreadableFile, match="damaged zip archive"):
        read_path(cut)
    with pytest.raises(UnreadableFile, match="damaged zip archive"):
        list(iter_archive(cut))


def test_a_member_whose_header_understates_its_size_is_never_inflated(tmp_path: Path) -> None:
    """A bomb disguised as a small file: the header says 100 bytes, the data holds 50 MiB."""
    path = make_zip(tmp_path / "liar.zip", {"story.txt": bytes(50 * 1024**2)})
    _patch_declared_size(path, "story.txt", 100)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile, match=r"story\.txt: damaged zip member"):
            list(iter_archive(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024**2


def _patch_declared_size(path: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size in both the local header and the central directory."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    real = info.file_size.to_bytes(4, "little")
    fake = size.to_bytes(4, "little")
    local_field = info.header_offset + 22
    assert data[local_field : local_field + 4] == real
    data[local_field : local_field + 4] = fake
    central = data.rindex(b"PK\x01\x02")
    assert data[central + 24 : central + 28] == real
    data[central + 24 : central + 28] = fake
    path.write_bytes(bytes(data))

"""Files that are not stories are refused with one clear line naming the file and the problem."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from ficshelf.errors import NotAStory, UnreadableFile
from ficshelf.read import Limits, read_bytes, read_path


def test_a_two_gigabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # sparse: instant, takes no disk space
    tracemalloc.start()
    try:
        with pytest.raises(NotAStory) as caught:
            read_path(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        f"{huge}: file is 2 GiB, larger than the 64 MiB limit for one story"
    )
    assert "\n" not in str(caught.value)
    assert peak < 1024**2  # nothing of the file was read into memory


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("A short story, but longer than ten bytes.")
    with pytest.raises(NotAStory, match="larger than the 10 bytes limit"):
        read_path(path, Limits(max_file_bytes=10))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(NotAStory, match=r"empty\.txt: empty file$"):
        read_path(path)


def test_a_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="a folder, not a file"):
        read_path(tmp_path)


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file"):
        read_path(tmp_path / "gone.txt")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (bytes(range(256)) * 8, "binary data, not text (it contains NUL bytes)"),
        (b"\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f" * 50, "full of control bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document, not a story text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not a story text"),
        (b"   \n\n\t  \r\n", "no text in it"),
        (b"1234 5678 -- !!! ??? ...\n2020-01-01", "no letters in it"),
    ],
    ids=["binary", "controls", "pdf", "png", "whitespace", "no letters"],
)
def test_junk_is_not_a_story(data: bytes, problem: str) -> None:
    with pytest.raises(NotAStory) as caught:
        read_bytes("junk.txt", data)
    assert str(caught.value).startswith("junk.txt: ")
    assert problem in str(caught.value)


def test_a_story_with_a_stray_control_byte_is_still_read() -> None:
    story = b"It was a dark night, and the lanterns burned low on the river. " * 4
    doc = read_bytes("story.txt", story + b"\x07The end.\x1a")
    assert doc.text.startswith("It was a dark night")
    assert doc.text.endswith("The end.")

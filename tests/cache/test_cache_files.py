"""Derived files are made once, whole or not at all, and give what they were derived from."""

from pathlib import Path
from typing import IO

import pytest

from ficshelf.cache import cache_folder, cached_file
from ficshelf.wrangle import english


def test_a_cached_file_is_made_once(tmp_path: Path) -> None:
    made: list[str] = []

    def write(out: IO[bytes]) -> None:
        made.append("once")
        out.write(b"derived")

    first = cached_file("thing.txt", write, tmp_path)
    again = cached_file("thing.txt", write, tmp_path)
    assert first == again == tmp_path / "thing.txt"
    assert first.read_bytes() == b"derived"
    assert made == ["once"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    def write(out: IO[bytes]) -> None:
        out.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        cached_file("thing.txt", write, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FICSHELF_CACHE", str(tmp_path / "elsewhere"))
    assert cache_folder() == tmp_path / "elsewhere"


def test_the_cached_dictionary_holds_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FICSHELF_CACHE", str(tmp_path))
    english._dictionary.cache_clear()
    try:
        assert english._dictionary() == english._lower_words()
        assert len(list(tmp_path.glob("english-words-*.txt"))) == 1
        english._dictionary.cache_clear()
        assert english._dictionary() == english._lower_words()  # read back from the file
    finally:
        english._dictionary.cache_clear()
    assert english.ordinary_word("kingpin")
    assert not english.ordinary_word("henry")

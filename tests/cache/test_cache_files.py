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


def test_the_cached_knowledge_base_reads_as_the_one_built_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import resources

    from ficshelf.wrangle import kb as kb_module
    from ficshelf.wrangle.characters import resolver_for

    monkeypatch.setenv("FICSHELF_CACHE", str(tmp_path))
    built = kb_module._built(resources.files("ficshelf.data").joinpath("kb"))
    kb_module._default_kb.cache_clear()
    try:
        made = kb_module._default_kb()  # builds it and keeps it
        assert len(list(tmp_path.glob("kb-*.pickle"))) == 1
        kb_module._default_kb.cache_clear()
        cached = kb_module._default_kb()  # read back from the file
    finally:
        kb_module._default_kb.cache_clear()
    assert cached is not made
    assert [c.name for c in cached.characters] == [c.name for c in built.characters]
    assert cached.index.strong == built.index.strong
    context = frozenset({"Naruto"})
    assert resolver_for(cached).resolve("Iruka-sensei", context).character is not None


def test_an_unwritable_cache_still_gives_the_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ficshelf.wrangle import kb as kb_module

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FICSHELF_CACHE", str(blocked / "cache"))
    kb_module._default_kb.cache_clear()
    try:
        assert kb_module._default_kb().fandom("Naruto") is not None
    finally:
        kb_module._default_kb.cache_clear()

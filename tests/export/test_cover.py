"""The drawn cover: long titles wrap and shrink, the same work always gets the same cover."""

from __future__ import annotations

from ficshelf.export.cover import HEIGHT, cover_svg, layout_cover


def test_a_short_title_fits_on_one_large_line() -> None:
    cover = layout_cover("Snow", ("Wren",))
    assert [line.text for line in cover.title_lines] == ["Snow"]
    assert [line.text for line in cover.author_lines] == ["Wren"]


def test_a_long_title_wraps_onto_several_smaller_lines_inside_the_page() -> None:
    short = layout_cover("Snow", ())
    long = layout_cover(" ".join(["A Title That Goes On"] * 8), ())
    assert len(long.title_lines) > 3
    assert long.title_size < short.title_size
    assert all(0 < line.y < HEIGHT for line in long.title_lines)


def test_the_same_work_always_draws_the_same_cover() -> None:
    assert cover_svg("Snow & Ash", ("Wren",)) == cover_svg("Snow & Ash", ("Wren",))
    assert "Snow &amp; Ash" in cover_svg("Snow & Ash", ("Wren",))

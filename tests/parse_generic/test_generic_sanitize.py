"""Story HTML is shown to readers: nothing in it may run code or load anything remote."""

from __future__ import annotations

import pytest

from ficshelf.parse.sanitize import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>steal()</script></p>", "<p>Hi</p>"),
        ('<p onclick="steal()" onmouseover="x()">Hi</p>', "<p>Hi</p>"),
        ('<img src="https://evil.example/x.png" onerror="steal()">Hi', "Hi"),
        ('<img src="data:image/png;base64,AAAA" alt="map">Hi', "Hi"),
        ('<link rel="stylesheet" href="https://evil.example/a.css">Hi', "Hi"),
        ("<style>p { background: url(https://evil.example/t) }</style><p>Hi</p>", "<p>Hi</p>"),
        ('<iframe src="https://evil.example"></iframe><p>Hi</p>', "<p>Hi</p>"),
        ('<object data="x.swf"><embed src="x.swf"></object><p>Hi</p>', "<p>Hi</p>"),
        ('<form action="https://evil.example"><input name="pw"></form><p>Hi</p>', "<p>Hi</p>"),
        ("<!-- a comment --><p>Hi</p>", "<p>Hi</p>"),
        ('<a href="javascript:steal()">Hi</a>', '<a rel="noopener noreferrer">Hi</a>'),
        ('<a href="data:text/html,x">Hi</a>', '<a rel="noopener noreferrer">Hi</a>'),
        (
            '<p style="text-align: center; background-image: url(https://evil.example/t)">Hi</p>',
            '<p style="text-align:center">Hi</p>',
        ),
    ],
    ids=[
        "script",
        "event handlers",
        "remote img",
        "data img",
        "stylesheet",
        "style block",
        "iframe",
        "object",
        "form",
        "comment",
        "javascript link",
        "data link",
        "style url",
    ],
)
def test_unsafe_markup_is_removed(dirty: str, clean: str) -> None:
    assert sanitize_html(dirty) == clean


def test_story_formatting_survives() -> None:
    story = (  # tables written with <tbody>: the HTML parser would add it anyway
        '<h2 align="center">Chapter 1</h2>'
        "<p>She was <em>very</em> <strong>sure</strong>, <u>underlined</u> and <s>not</s>.</p>"
        "<blockquote><p>A letter.</p></blockquote><hr>"
        '<ul><li>one</li></ul><ol start="3"><li>three</li></ol>'
        "<table><tbody><tr><th>Who</th><td>Ada</td></tr></tbody></table>"
        "<p>H<sub>2</sub>O and x<sup>2</sup>, <small>quietly</small>.</p>"
    )
    assert sanitize_html(story) == story


def test_safe_links_get_noopener_noreferrer() -> None:
    assert sanitize_html('<a href="https://example.org/works/1">next</a>') == (
        '<a href="https://example.org/works/1" rel="noopener noreferrer">next</a>'
    )
    assert 'href="mailto:wren@example.org"' in sanitize_html(
        '<a href="mailto:wren@example.org">mail</a>'
    )


def test_a_whole_document_keeps_only_its_content() -> None:
    page = "<html><head><title>T</title></head><body><p>Once.</p></body></html>"
    assert sanitize_html(page) == "<p>Once.</p>"

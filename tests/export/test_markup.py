"""Story HTML and text become markup HTML5 accepts, without losing the story."""

from __future__ import annotations

import pytest

from ficshelf.export.markup import story_fragment, text_fragment


@pytest.mark.parametrize(
    ("html", "xhtml"),
    [
        ("<p>a<br>b</p>", "<p>a<br/>b</p>"),
        ("<p>&nbsp;&amp;&lt;&copy;</p>", "<p>\u00a0&amp;&lt;\u00a9</p>"),
        ("<center>c</center>", '<div class="center">c</div>'),
        ("<strike>s</strike><tt>t</tt>", "<s>s</s><code>t</code>"),
        ('<p align="center">x</p>', '<p style="text-align: center">x</p>'),
        ("<b>bold<div>block</div></b>", "<b>bold<span>block</span></b>"),
        ("<li>orphan</li>", "<div>orphan</div>"),
        ("<ul>text<li>item</li></ul>", "<div>text<div>item</div></div>"),
        ('<a href="next.html">next</a>', "<a>next</a>"),
        ('<a href="https://example.org/">web</a>', '<a href="https://example.org/">web</a>'),
        ("<p>bell\x07 ring</p>", "<p>bell ring</p>"),
    ],
)
def test_story_html_is_rewritten_into_valid_xhtml(html: str, xhtml: str) -> None:
    assert story_fragment(html).xhtml() == xhtml


def test_html_syntax_keeps_void_elements_open() -> None:
    assert story_fragment("<p>a<br/>b</p><hr/>").html() == "<p>a<br>b</p><hr>"


def test_plain_text_becomes_escaped_paragraphs_with_line_breaks() -> None:
    fragment = text_fragment("One & <two>\nthree\n\n\nFour")
    assert fragment.xhtml() == "<p>One &amp; &lt;two&gt;<br/>three</p><p>Four</p>"

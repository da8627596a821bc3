"""The markup inside an element: children and text exactly as serialized, without its own tags."""

import pytest

from ficshelf.parse.html_text import contents_to_text, html_to_text
from ficshelf.parse.markup import _inner_html_by_children, first, inner_html, parse_html


@pytest.mark.parametrize(
    ("markup", "inside"),
    [
        ('<div id="c"><p>One &amp; two</p><p>Three</p></div>', "<p>One &amp; two</p><p>Three</p>"),
        ('<div id="c">Text 1 &lt; 2 <b>bold</b> tail</div>', "Text 1 &lt; 2 <b>bold</b> tail"),
        ('<div id="c" title="a &gt; b" data-x=\'"q"\'><i>x</i></div>', "<i>x</i>"),
        ('<div id="c"></div>', ""),
        ('<div id="c"><!-- note --><p>After\u00a0a space</p><br></div>', None),
        ('<div id="c"><p>nested <span><em>deep</em></span></p>\n<hr>\n</div>', None),
    ],
)
def test_inner_html_is_the_children_without_the_elements_own_tags(
    markup: str, inside: str | None
) -> None:
    element = first(parse_html(f"<html><body>{markup}</body></html>"), "//div[@id='c']")
    assert element is not None
    assert inner_html(element) == _inner_html_by_children(element)
    if inside is not None:
        assert inner_html(element) == inside


def test_a_void_element_has_nothing_inside() -> None:
    element = first(parse_html("<html><body><p>a<br class='x'>b</p></body></html>"), "//br")
    assert element is not None
    assert inner_html(element) == ""


@pytest.mark.parametrize(
    "bodies",
    [
        ["<p>One.</p><p>Two &amp; three.</p>", "<p>Four.</p>"],
        ["text ending inline <em>here</em>", "and going on"],  # one paragraph across bodies
        ["<pre>  kept\n  lines</pre> after", "<!-- note --> tail text<br>next line"],
        ["", "<p>\u00a0</p><div>only <b>this</b></div>   "],
        ["<table><tr><td>a</td><td>b</td></tr></table><script>gone()</script>"],
    ],
)
def test_text_of_parsed_bodies_is_the_text_of_their_markup_joined(bodies: list[str]) -> None:
    parsed = [
        first(parse_html(f'<html><body><div id="c">{body}</div></body></html>'), "//div[@id='c']")
        for body in bodies
    ]
    elements = [element for element in parsed if element is not None]
    joined = "\n".join(inner_html(element) for element in elements)
    assert contents_to_text(elements) == html_to_text(joined)
    assert contents_to_text(elements)  # every case has visible text

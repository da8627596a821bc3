"""Plain text from story HTML: paragraphs separated by a blank line, nothing but the prose."""

from __future__ import annotations

from ficshelf.parse.html_text import html_to_text


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    html = "<p>First   paragraph,\n  wrapped.</p><p>Second <em>one</em>.</p>"
    assert html_to_text(html) == "First paragraph, wrapped.\n\nSecond one."


def test_br_is_a_line_break_inside_a_paragraph() -> None:
    assert html_to_text("<p>Roses are red,<br/>violets are blue.</p>") == (
        "Roses are red,\nviolets are blue."
    )


def test_spacer_paragraphs_rules_and_nesting_leave_no_empty_lines() -> None:
    html = "<div><p>One.</p><p>&nbsp;</p><hr/><div><p>Two.</p></div></div><p> </p>"
    assert html_to_text(html) == "One.\n\nTwo."


def test_head_scripts_styles_and_comments_contribute_nothing() -> None:
    html = (
        "<html><head><title>Page</title><style>p{}</style></head><body>"
        "<p>Kept.</p><script>var x = 1;</script><!-- hidden -->After comment."
        "</body></html>"
    )
    assert html_to_text(html) == "Kept.\n\nAfter comment."


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_to_text("<pre>  a letter\n    indented</pre><p>Then.</p>") == (
        "  a letter\n    indented\n\nThen."
    )


def test_entities_are_decoded() -> None:
    assert html_to_text("<p>Tom &amp; Ada &mdash; &ldquo;hello&rdquo;</p>") == (
        "Tom & Ada — “hello”"
    )


def test_empty_and_bare_text() -> None:
    assert html_to_text("") == ""
    assert html_to_text("just words") == "just words"

"""`list` and `search` print titles as written, even ones that look like terminal markup."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import main

TITLE = "[bold]Rain[/bold] on the Roof"


def test_a_title_that_looks_like_markup_is_printed_as_written(tmp_path: Path) -> None:
    story = tmp_path / "rain.txt"
    story.write_text(
        f"Title: {TITLE}\nAuthor: Wren Alder\nRating: G\n\nThe rain kept time on the roof.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    library = ["--library", str(tmp_path / "library")]
    assert runner.invoke(main, [*library, "import", str(story)]).exit_code == 0
    for command in (["list"], ["search", "rain"]):
        result = runner.invoke(main, [*library, *command])
        assert result.exit_code == 0, result.output
        # The table may wrap the title; the brackets must survive either way.
        assert "[bold]Rain[/bold]" in result.output, command

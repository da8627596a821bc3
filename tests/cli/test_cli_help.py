"""Every command is listed and runs, though each is loaded only when it is used."""

import subprocess
import sys

from click.testing import CliRunner

from ficshelf.cli.main import main

COMMANDS = ["eval", "export", "import", "inspect", "kb", "list"]
COMMANDS += ["search", "serve", "show", "tags", "wrangle"]


def test_help_lists_every_command_with_its_summary() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line]
    assert listed == COMMANDS
    assert "Serve the library on the web" in result.output


def test_an_unknown_command_is_refused_by_name() -> None:
    result = CliRunner().invoke(main, ["shelve"])
    assert result.exit_code == 2
    assert "No such command 'shelve'" in result.output


def test_starting_the_cli_does_not_load_the_web_server_or_the_exporters() -> None:
    # Import workers start by importing the CLI's module again: it must stay light.
    code = (
        "import sys, ficshelf.cli.main; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'ficshelf.export', 'ficshelf.evaluate')"
        " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"

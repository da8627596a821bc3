"""The installed ``ficshelf`` console script, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "ficshelf"


@pytest.mark.skipif(not SCRIPT.exists(), reason="the ficshelf console script is not installed")
def test_the_console_script_imports_and_lists(tmp_path: Path, stories: dict[str, Path]) -> None:
    env = {**os.environ, "FICSHELF_LIBRARY": str(tmp_path / "lib")}
    imported = subprocess.run(
        [str(SCRIPT), "import", "--json", str(stories["lighthouse.txt"])],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["imported"] == 1
    listed = subprocess.run(
        [str(SCRIPT), "list", "--json"], capture_output=True, text=True, env=env, check=True
    )
    (work,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert work["title"] == "Night Shift at the Lighthouse"
    missing = subprocess.run(
        [str(SCRIPT), "show", "42"], capture_output=True, text=True, env=env, check=False
    )
    assert missing.returncode == 2
    assert missing.stderr == "error: no work with id or title '42' in the library\n"

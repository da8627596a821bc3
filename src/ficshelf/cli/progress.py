"""The import progress bar: files done/total, MB/s and the file being read, on stderr."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from ficshelf.cli.output import stderr
from ficshelf.library.importer import ImportProgress, ProgressCallback


@contextmanager
def import_progress(*, enabled: bool) -> Iterator[ProgressCallback | None]:
    """A progress callback drawing a bar while the block runs; None when not ``enabled``
    (not a terminal, or --json), so nothing but the result reaches a pipe or a log."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("{task.fields[files]}", style="cyan"),
        BarColumn(),
        TaskProgressColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
    )
    with Progress(*columns, console=stderr(), transient=True) as bar:
        task = bar.add_task("import", total=None, files="", current="")

        def update(progress: ImportProgress) -> None:
            bar.update(
                task,
                total=progress.bytes_total or None,
                completed=progress.bytes_done,
                files=f"{progress.files_done}/{progress.files_total} files",
                current=_short(progress.current),
            )

        yield update


def _short(label: str) -> str:
    """The file (or archive member) name without its folders, so the bar stays one line."""
    return PurePath(label.replace("!/", "/")).name if label else ""

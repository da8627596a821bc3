"""A process pool for one task, started so that starting it does not stall this process.

A spawned worker reads its start-up arguments from a pipe while this process writes them, and
only after it has imported this process's main module. Large arguments (an import's knowledge
base is a megabyte) keep the writer waiting on each worker in turn: most of a second before the
last worker even starts. So the task, a picklable callable with its data, goes into a temporary
file, and a worker is told only the file's name and this small module. Each worker unpickles
the task, importing what it needs, on its own time.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")

_task: Callable[[Any], Any] | None = None


@contextmanager
def task_pool(
    task: Callable[[_Item], _Result], workers: int
) -> Iterator[Callable[[_Item], Future[_Result]]]:
    """Yields ``submit(item)``, which runs ``task(item)`` in one of ``workers`` processes.
    Spawned, not forked: the parent may hold an open database and threads. On leaving, the
    workers wind down in the background and what they had not started is cancelled."""
    with tempfile.TemporaryDirectory(prefix="ficshelf-pool-") as folder:
        path = Path(folder) / "task.pickle"
        path.write_bytes(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_task,
            initargs=(str(path),),
        )

        def submit(item: _Item) -> Future[_Result]:
            future: Future[_Result] = pool.submit(_run, item)  # type: ignore[arg-type]
            return future

        try:
            yield submit
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _load_task(path: str) -> None:
    global _task
    # Gone when the pool closed before this worker started: it will be given nothing to run.
    with contextlib.suppress(FileNotFoundError):
        _task = pickle.loads(Path(path).read_bytes())


def _run(item: object) -> object:
    if _task is None:
        raise RuntimeError("this worker started after its pool had closed")
    return _task(item)

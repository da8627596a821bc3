"""The worker pool runs its task in other processes, and closes without a word when unused."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from ficshelf.pool import task_pool


def test_the_task_runs_in_worker_processes_with_its_data() -> None:
    offset = {"value": 1000}  # data travels with the task, pickled once
    with task_pool(_add_pid(offset), workers=2) as submit:
        results = [submit(number).result() for number in range(6)]
    assert [number for number, _pid in results] == [1000, 1001, 1002, 1003, 1004, 1005]
    assert os.getpid() not in {pid for _number, pid in results}


class _add_pid:  # noqa: N801 - reads as a function at the call site
    def __init__(self, offset: dict[str, int]) -> None:
        self.offset = offset

    def __call__(self, number: int) -> tuple[int, int]:
        return number + self.offset["value"], os.getpid()


def test_a_pool_closed_before_its_workers_start_exits_quietly() -> None:
    script = textwrap.dedent(
        """
        from ficshelf.pool import task_pool
        if __name__ == "__main__":
            with task_pool(abs, workers=2) as submit:
                submit(-1)  # starts the workers; the pool closes before they are up
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert done.stderr == ""

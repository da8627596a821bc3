"""Import benchmark: how far the real import is from the floor of reading and counting words.

    python -m benchmarks.bench_import --works 2000 --seed 7

Generates the corpus (or reuses the one cached for the same works, seed and generator version),
measures the floor (read every file, decode it, count its words), then imports the corpus into
a fresh library in a temporary folder, timing each stage. The floor and the default import are
run ``--repeat`` times (3), in turns, and their medians compared, so one noisy run does not
decide the ratio. Prints a table and one JSON line.
Targets (issue "Ingest"): import within 3x of the floor; wrangling under 20 % of import time.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.table import Table

from benchmarks.corpus import (
    GENERATOR_VERSION,
    MANIFEST,
    STORIES,
    Entry,
    generate_corpus,
    load_manifest,
)
from benchmarks.floor import FloorResult, measure_floor
from benchmarks.stages import STAGES, stage_clock
from ficshelf.library import Library
from ficshelf.library.importer import import_paths

RATIO_TARGET = 3.0
WRANGLE_SHARE_TARGET = 0.20


@dataclass(frozen=True, slots=True)
class ImportResult:
    seconds: float
    stages: dict[str, float]
    outcomes: dict[str, int]
    failures: list[str]


def cached_corpus(cache: Path, works: int, seed: int, fresh: bool) -> tuple[Path, list[Entry]]:
    """The corpus for (works, seed) under ``cache``, generated only when missing or ``fresh``;
    returns its stories folder and manifest."""
    folder = cache / f"corpus-v{GENERATOR_VERSION}-w{works}-s{seed}"
    if fresh or not (folder / MANIFEST).exists():
        return folder / STORIES, generate_corpus(folder, works, seed)
    return folder / STORIES, load_manifest(folder)


def run_import(corpus: Path, workers: int | None) -> ImportResult:
    """One import into a fresh library. Stage times are only seen in this process, so they are
    meaningful for ``workers=1``; with a pool, read/parse/wrangle run in the workers."""
    with tempfile.TemporaryDirectory(prefix="ficshelf-bench-library-") as library_dir:
        library = Library.open(Path(library_dir))
        try:
            with stage_clock() as clock:
                started = time.perf_counter()
                report = import_paths(library, [corpus], workers=workers)
                seconds = time.perf_counter() - started
        finally:
            library.close()
    stages = {stage: clock.seconds.get(stage, 0.0) for stage in STAGES}
    stages["other"] = max(0.0, seconds - sum(stages.values()))
    failures = [result.reason or result.path for result in report.failures]
    return ImportResult(seconds, stages, report.counts, failures)


_Run = TypeVar("_Run", FloorResult, ImportResult)


def median_run(runs: list[_Run]) -> _Run:
    """The run of median time (the upper one of an even count)."""
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def summary(
    entries: list[Entry], floor: FloorResult, result: ImportResult, pooled: ImportResult
) -> dict[str, object]:
    """``result`` is the single-process import (stage breakdown), ``pooled`` the default one."""
    works = len(entries)
    ratio = result.seconds / floor.seconds if floor.seconds else float("inf")
    pooled_ratio = pooled.seconds / floor.seconds if floor.seconds else float("inf")
    wrangle_share = result.stages["wrangle"] / result.seconds if result.seconds else 0.0
    return {
        "works": works,
        "files": floor.files,
        "megabytes": round(floor.megabytes, 2),
        "floor_seconds": round(floor.seconds, 3),
        "floor_works_per_s": round(works / floor.seconds, 1),
        "floor_mb_per_s": round(floor.megabytes / floor.seconds, 2),
        "import_seconds": round(result.seconds, 3),
        "import_works_per_s": round(works / result.seconds, 1),
        "import_mb_per_s": round(floor.megabytes / result.seconds, 2),
        "ratio_import_to_floor": round(ratio, 2),
        "pooled_workers": os.cpu_count() or 1,
        "pooled_import_seconds": round(pooled.seconds, 3),
        "pooled_works_per_s": round(works / pooled.seconds, 1),
        "ratio_pooled_import_to_floor": round(pooled_ratio, 2),
        "ratio_target": RATIO_TARGET,
        "wrangle_share": round(wrangle_share, 3),
        "wrangle_share_target": WRANGLE_SHARE_TARGET,
        "stage_seconds": {stage: round(value, 3) for stage, value in result.stages.items()},
        "outcomes": result.outcomes,
        "failures": len(result.failures),
    }


def print_table(console: Console, figures: dict[str, object], result: ImportResult) -> None:
    table = Table(title=f"ficshelf import benchmark: {figures['works']} works")
    for column in ("", "seconds", "works/s", "MB/s", "share"):
        table.add_column(column, justify="right" if column else "left")
    floor_s, import_s = float(str(figures["floor_seconds"])), result.seconds
    table.add_row(
        "floor (read+decode+count)",
        f"{floor_s:.2f}",
        str(figures["floor_works_per_s"]),
        str(figures["floor_mb_per_s"]),
        "",
    )
    table.add_row(
        f"import, {figures['pooled_workers']} worker processes",
        str(figures["pooled_import_seconds"]),
        str(figures["pooled_works_per_s"]),
        "",
        "",
    )
    table.add_row(
        "[bold]import, one process[/bold]",
        f"{import_s:.2f}",
        str(figures["import_works_per_s"]),
        str(figures["import_mb_per_s"]),
        "100 %",
    )
    for stage, seconds in result.stages.items():
        table.add_row(f"  {stage}", f"{seconds:.2f}", "", "", f"{seconds / import_s:.0%}")
    console.print(table)
    ratio, share = figures["ratio_import_to_floor"], figures["wrangle_share"]
    console.print(
        f"import / floor = [bold]{figures['ratio_pooled_import_to_floor']}x[/bold] with "
        f"{figures['pooled_workers']} workers, {ratio}x in one process "
        f"(target <= {RATIO_TARGET}x); "
        f"wrangle share = [bold]{float(str(share)):.0%}[/bold] "
        f"(target < {WRANGLE_SHARE_TARGET:.0%}); outcomes {result.outcomes}"
    )
    for reason in result.failures[:10]:
        console.print(f"[red]failed[/red] {reason}", highlight=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "ficshelf-bench",
        help="folder for generated corpora (reused across runs)",
    )
    parser.add_argument("--fresh", action="store_true", help="regenerate the corpus")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the floor and of the default import"
    )
    args = parser.parse_args(argv)
    console = Console(stderr=True)
    with console.status("generating corpus (or reusing the cached one)"):
        corpus, entries = cached_corpus(args.cache, args.works, args.seed, args.fresh)
    with console.status("importing in one process (stage breakdown)"):
        result = run_import(corpus, workers=1)
    floors: list[FloorResult] = []
    imports: list[ImportResult] = []
    for _ in range(args.repeat):  # in turns, so a machine that slows down slows both alike
        with console.status("measuring the floor"):
            floors.append(measure_floor(corpus))
        with console.status("importing with a worker per core (the default)"):
            imports.append(run_import(corpus, workers=None))
    floor, pooled = median_run(floors), median_run(imports)
    figures = {**summary(entries, floor, result, pooled), "repeat": args.repeat}
    print_table(console, figures, result)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

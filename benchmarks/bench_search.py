"""Search speed: the bitmap engine beside plain SQL, on an AO3-shaped library (issue "Find").

    .venv/bin/python -m benchmarks.bench_search --works 100000 [--queries 200] [--seed 1]

Generates the library (benchmarks.library_gen; cached in $TMPDIR/ficshelf-bench-search/ by size
and seed), builds the SearchService index, then runs one fixed, seeded mix of realistic queries
(1-3 includes, 0-10 excludes, rating and word ranges, sorts, facets, some with free text)
through ``SearchService.search`` and through ``sql_baseline.SqlSearch``, asserting that both
give the same total, page and facets. Prints p50/p95/p99 per kind of query and the process's
memory as a rich table (stderr) and one JSON line (stdout).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from benchmarks.library_gen import VOCABULARY, Zipf, generate, pools_for
from benchmarks.sql_baseline import SqlSearch
from ficshelf.library import Library
from ficshelf.model import TagType
from ficshelf.search import parse_query
from ficshelf.search.service import SearchService

_SORTS = ("", "sort:-words", "sort:words", "sort:-updated", "sort:published", "sort:-chapters")
_EXCLUDABLE = ("warning:mcd", "warning:noncon", "warning:underage", "warning:violence")


@dataclass(frozen=True, slots=True)
class BenchQuery:
    kind: str  # "filter", "facets" (filter + sort + facets), "text" or "text, page 2"
    text: str


def query_mix(works: int, count: int, seed: int) -> list[BenchQuery]:
    """A fixed, seeded mix: what readers on an AO3-like archive type into the filter sidebar."""
    rng = random.Random(seed)
    pools = pools_for(works)
    # Readers filter on popular tags mostly: draw with the same popularity curve.
    draws = {tag_type: Zipf(min(pool.size, 2000), 1.0) for tag_type, pool in pools.items()}
    words = Zipf(len(VOCABULARY), 1.0)
    mix = []
    for number in range(count):
        kind = ("filter", "facets", "text")[number % 3]
        parts = []
        for _ in range(rng.randint(1, 3)):
            tag_type = rng.choice(
                (
                    TagType.FANDOM,
                    TagType.FANDOM,
                    TagType.RELATIONSHIP,
                    TagType.CHARACTER,
                    TagType.FREEFORM,
                )
            )
            rank = draws[tag_type].draw(rng)
            parts.append(f'{_field(tag_type)}:"{tag_type.value} {rank}"')
        for _ in range(rng.randint(0, 10)):
            if rng.random() < 0.4:
                parts.append("-" + rng.choice(_EXCLUDABLE))
            else:
                rank = draws[TagType.FREEFORM].draw(rng)
                parts.append(f'-tag:"freeform {rank}"')
        if rng.random() < 0.5:
            parts.append(rng.choice(("rating:<=teen", "rating:mature..explicit", "rating:g,t")))
        if rng.random() < 0.5:
            parts.append(rng.choice(("words:>10k", "words:1k..50k", "words:<5000")))
        if rng.random() < 0.2:
            parts.append("complete:yes")
        if kind == "text":
            text = " ".join(VOCABULARY[words.draw(rng)] for _ in range(rng.randint(1, 2)))
            parts.append(rng.choice((text, f'"{text}"', f"{text[:3]}*")))
            parts.append(rng.choice(("", "", "sort:-words")))
        else:
            parts.append(rng.choice(_SORTS))
        mix.append(BenchQuery(kind, " ".join(part for part in parts if part)))
    return mix


def _field(tag_type: TagType) -> str:
    return {TagType.RELATIONSHIP: "rel", TagType.CHARACTER: "char"}.get(tag_type, tag_type.value)


def library_for(works: int, seed: int, cache: Path) -> Path:
    folder = cache / f"lib-v3-w{works}-s{seed}"
    if not (folder / "library.sqlite3").exists() or not (folder / ".complete").exists():
        if folder.exists():
            for file in folder.iterdir():
                file.unlink()
        started = time.perf_counter()
        with Library.open(folder) as library:
            steps = generate(library, works, seed)
        (folder / ".complete").write_text("ok")
        print(
            f"generated {works:,} works in {time.perf_counter() - started:.1f}s {steps}",
            file=sys.stderr,
        )
    return folder


def timed(run: Callable[..., object], *args: object, **options: object) -> tuple[float, object]:
    started = time.perf_counter()
    answer = run(*args, **options)
    return (time.perf_counter() - started) * 1000, answer


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cuts = (
        statistics.quantiles(ordered, n=100, method="inclusive")
        if len(ordered) > 1
        else ordered * 99
    )
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2), "p99": round(cuts[98], 2)}


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return round(pages * resource.getpagesize() / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Bitmap search beside plain SQL.")
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sql",
        type=lambda text: set(text.split(",")) - {""},
        default={"filter", "facets", "text"},
        help="kinds of query also answered by plain SQL (comma-separated; at 1M works facet "
        "queries take plain SQL minutes each)",
    )
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "ficshelf-bench-search"
    )
    args = parser.parse_args()
    folder = library_for(args.works, args.seed, args.cache)
    rss_before = rss_mb()
    with Library.open(folder) as library:
        service = SearchService(library)
        build_ms, _ = timed(service.refresh)
        rss_index = rss_mb()
        sql = SqlSearch(library.database.connection, service._resolver)  # same name resolution
        bitmap_ms: defaultdict[str, list[float]] = defaultdict(list)
        sql_ms: defaultdict[str, list[float]] = defaultdict(list)
        for query in query_mix(args.works, args.queries, args.seed):
            for kind, page in _pages_of(query):
                if page == 1:
                    service._text.forget()  # cold: no text answer kept from an earlier query
                facets = kind == "facets"
                spent, found = timed(
                    service.search, query.text, seed=0, with_facets=facets, page=page
                )
                bitmap_ms[kind].append(spent)
                if query.kind not in args.sql:
                    continue
                parsed = dataclasses.replace(parse_query(query.text), page=page)
                spent, expected = timed(sql.search, parsed, with_facets=facets)
                sql_ms[kind].append(spent)
                _check_same(query.text, found, expected)
    report = {
        "works": args.works,
        "queries": args.queries,
        "build_index_s": round(build_ms / 1000, 2),
        "rss_mb": {"before_index": rss_before, "with_index": rss_index, "peak": _peak_mb()},
        "bitmap_ms": {kind: percentiles(samples) for kind, samples in bitmap_ms.items()},
        "sql_ms": {kind: percentiles(samples) for kind, samples in sql_ms.items()},
    }
    report["p95_speedup"] = {
        kind: round(report["sql_ms"][kind]["p95"] / max(report["bitmap_ms"][kind]["p95"], 1e-6), 1)
        for kind in bitmap_ms
        if kind in sql_ms
    }
    Console(stderr=True).print(_table(report))
    print(json.dumps(report))


def _pages_of(query: BenchQuery) -> list[tuple[str, int]]:
    """Each query's first page; a text query's second page too, as a reader asks for it next
    (the text answer kept from the first page serves it)."""
    if query.kind == "text":
        return [("text", 1), ("text, page 2", 2)]
    return [(query.kind, 1)]


def _check_same(text: str, found: object, expected: object) -> None:
    """Both engines must agree: total, the page in order, and the facet counts."""
    for field in ("total", "ids", "facets"):
        mine, theirs = getattr(found, field), getattr(expected, field)
        if mine != theirs:
            raise AssertionError(f"{field} differ for {text!r}:\n bitmap {mine}\n sql    {theirs}")


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _table(report: dict[str, Any]) -> Table:
    table = Table(title=f"search on {report['works']:,} works", box=box.SIMPLE_HEAD)
    for column in ("kind", "bitmap p50", "p95", "p99", "sql p50", "p95", "p99", "p95 ratio"):
        table.add_column(column, justify="right")
    bitmap, sql, ratio = report["bitmap_ms"], report["sql_ms"], report["p95_speedup"]
    for kind in bitmap:
        b, s = bitmap[kind], sql.get(kind)
        table.add_row(
            kind,
            *(f"{b[p]:.2f}" for p in ("p50", "p95", "p99")),
            *(f"{s[p]:.1f}" if s else "-" for p in ("p50", "p95", "p99")),
            f"{ratio[kind]}x" if kind in ratio else "-",
        )
    table.caption = (
        f"ms per query; index built in {report['build_index_s']}s; RSS MB {report['rss_mb']}"
    )
    return table


if __name__ == "__main__":
    main()

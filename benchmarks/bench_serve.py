"""Works index speed: /works rendered by the web app beside the search it sits on (issue "Serve").

    .venv/bin/python -m benchmarks.bench_serve --works 100000 [--requests 300] [--seed 1]

Opens the library bench_search generates (``bench_search.library_for``: the same cache in
$TMPDIR/ficshelf-bench-search/, by size and seed), builds the app as ``ficshelf serve`` does
(``ficshelf.serve.create_app``), builds the search index and warms the templates, then asks
for a fixed, seeded mix of index pages in process through starlette's TestClient: no query,
sorts only, tag includes (as the sidebar composes them, with ratings, warnings, categories,
word ranges), includes with excludes, and pages 2 and further. Every page is rendered with
its facets, as the sidebar shows them.

Server time is measured inside the process by an ASGI wrapper, from the request reaching the
app to the last byte of the response body (the HTTP client's own work is left out). Beside it,
in the same run: the same queries answered by ``SearchService.search`` alone (same page, same
facets), so the ratio is the cost of everything the page adds (blurbs from the database,
facet names, the template); and the floor of the app's plumbing (middleware, thread pool,
cookies) measured on the cheapest route. Prints p50/p95/p99 per kind as a rich table (stderr)
and one JSON line (stdout). Target: p95 < 100 ms at 100k works.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
import warnings
from collections import defaultdict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from benchmarks.bench_search import library_for, percentiles, rss_mb, timed
from benchmarks.library_gen import Zipf, pools_for
from ficshelf.model import Category, Rating, TagType
from ficshelf.serve import create_app
from ficshelf.serve.queryform import compose_query
from ficshelf.serve.works import FACET_TOP

TARGET_MS = 100.0
KINDS = ("plain", "sorted", "include", "exclude", "page 2+")
# The sorts the sidebar offers (its "Sort by" select), the first being "Best match".
_SORTS = ("", "-updated", "-published", "-words", "words", "title", "author")
_WARNINGS = ("Graphic Depictions Of Violence", "Major Character Death", "Rape/Non-Con",
             "Underage Sex", "Creator Chose Not To Use Archive Warnings")  # fmt: skip
# What the sidebar's facet checkboxes send: the values as the facets name them.
_RATINGS = tuple(rating.value for rating in Rating)
_CATEGORIES = tuple(category.value for category in Category)
_INCLUDED = (TagType.FANDOM, TagType.FANDOM, TagType.RELATIONSHIP, TagType.CHARACTER,
             TagType.FREEFORM)  # fmt: skip
_COUNT = re.compile(r'<p class="result-count" role="status">([\d,]+) work')

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Asgi = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class PageRequest:
    kind: str  # one of KINDS
    query: str
    page: int | None  # ?page=N as the pagination links send it; None for page 1

    @property
    def params(self) -> dict[str, str]:
        params = {"q": self.query} if self.query else {}
        return params | ({"page": str(self.page)} if self.page else {})


def request_mix(works: int, count: int, seed: int) -> list[PageRequest]:
    """A fixed, seeded mix of /works pages, in equal shares per kind, shuffled.

    Filtered queries are composed from sidebar form fields by the sidebar's own
    ``compose_query``, so they are exactly what a reader's choices put in the address.
    """
    rng = random.Random(seed)
    pools = pools_for(works)
    # Readers pick popular tags mostly (the sidebar's facets offer the top ones): draw with the
    # library's own popularity curve, and combine one or two, so that most pages have works.
    draws = {tag_type: Zipf(min(pool.size, 500), 1.0) for tag_type, pool in pools.items()}

    def tag(tag_type: TagType) -> str:
        return f"{tag_type.value} {draws[tag_type].draw(rng)}"

    def includes() -> dict[str, list[str]]:
        form = {"include": [tag(rng.choice(_INCLUDED)) for _ in range(rng.choice((1, 1, 1, 2)))]}
        if rng.random() < 0.4:
            form["rating"] = rng.sample(_RATINGS, rng.randint(1, 2))
        if rng.random() < 0.2:
            form["warning"] = [rng.choice(_WARNINGS)]
        if rng.random() < 0.3:
            form["category"] = [rng.choice(_CATEGORIES)]
        if rng.random() < 0.3:
            low, high = rng.choice((("10000", ""), ("1000", "50000"), ("", "5000")))
            form |= {"words_from": [low], "words_to": [high]}
        if rng.random() < 0.2:
            form["complete"] = ["yes"]
        return form

    def excludes() -> dict[str, list[str]]:
        return {
            "exclude": [tag(TagType.FREEFORM) for _ in range(rng.randint(1, 5))],
            "exclude_warning": rng.sample(_WARNINGS, rng.randint(0, 2)),
        }

    mix: list[PageRequest] = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        form: dict[str, list[str]] = {}
        page = None
        if kind == "include":
            form = includes()
        elif kind == "exclude":
            form = includes() | excludes()
        elif kind == "page 2+":
            form = rng.choice(({}, includes(), includes() | excludes()))
            page = rng.choice((2, 2, 2, 3, 4, 5, 10, 50))
        if kind != "plain":
            form["sort"] = [rng.choice(_SORTS[1:] if kind == "sorted" else _SORTS)]
        mix.append(PageRequest(kind, compose_query(form), page))
    rng.shuffle(mix)
    return mix


class ServerClock:
    """ASGI wrapper: how long the app took for the last request, to the last body byte."""

    def __init__(self, app: Asgi) -> None:
        self.app = app
        self.last_ms = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed_send(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.last_ms = (time.perf_counter() - started) * 1000

        await self.app(scope, receive, timed_send)


def main() -> None:
    parser = argparse.ArgumentParser(description="The works index beside the search alone.")
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "ficshelf-bench-search"
    )
    args = parser.parse_args()
    # TestClient warns that starlette will move to httpx2; nothing to do with what is measured.
    warnings.filterwarnings("ignore", message=".*httpx.*")
    from starlette.testclient import TestClient

    folder = library_for(args.works, args.seed, args.cache)
    app = create_app(folder)
    clock = ServerClock(app)
    mix = request_mix(args.works, args.requests, args.seed)
    page_ms: defaultdict[str, list[float]] = defaultdict(list)
    search_ms: defaultdict[str, list[float]] = defaultdict(list)
    floor_ms: list[float] = []
    empty: defaultdict[str, int] = defaultdict(int)
    with TestClient(clock, base_url="http://testserver") as client:
        searcher = app.state.shelf.searcher
        build_ms, _ = timed(searcher.refresh)
        rss_index = rss_mb()
        for request in mix[: args.warmup]:  # compiles the templates, fills SQLite's cache
            _fetch(client, request)
        for request in mix:
            started = time.perf_counter()
            found = searcher.search(
                request.query, page=request.page, with_facets=True, facet_top=FACET_TOP
            )
            search_ms[request.kind].append((time.perf_counter() - started) * 1000)
            shown = _fetch(client, request)
            page_ms[request.kind].append(clock.last_ms)
            if shown != found.total:
                raise AssertionError(f"{request}: the page says {shown}, search {found.total}")
            empty[request.kind] += not found.ids
            client.get("/tags/autocomplete")  # no term: answers [] without touching the library
            floor_ms.append(clock.last_ms)
    everything = [ms for samples in page_ms.values() for ms in samples]
    baseline = [ms for samples in search_ms.values() for ms in samples]
    report: dict[str, Any] = {
        "works": args.works,
        "requests": args.requests,
        "build_index_s": round(build_ms / 1000, 2),
        "rss_mb": {"with_index": rss_index, "end": rss_mb()},
        "page_ms": {kind: percentiles(page_ms[kind]) for kind in KINDS}
        | {"all": percentiles(everything)},
        "search_ms": {kind: percentiles(search_ms[kind]) for kind in KINDS}
        | {"all": percentiles(baseline)},
        "floor_ms": percentiles(floor_ms),
        "empty_pages": {kind: empty[kind] for kind in KINDS},
        "target_p95_ms": TARGET_MS,
    }
    report["p95_ratio"] = {
        kind: round(pages["p95"] / max(report["search_ms"][kind]["p95"], 1e-6), 1)
        for kind, pages in report["page_ms"].items()
    }
    report["target_met"] = report["page_ms"]["all"]["p95"] < TARGET_MS
    Console(stderr=True).print(_table(report))
    print(json.dumps(report))


def _fetch(client: Any, request: PageRequest) -> int:
    """GET the page; the number of works it says it found."""
    answer = client.get("/works", params=request.params)
    if answer.status_code != 200:
        raise AssertionError(f"{request}: HTTP {answer.status_code}")
    count = _COUNT.search(answer.text)
    if count is None:
        raise AssertionError(f"{request}: no result count on the page")
    return int(count.group(1).replace(",", ""))


def _table(report: dict[str, Any]) -> Table:
    table = Table(title=f"/works on {report['works']:,} works", box=box.SIMPLE_HEAD)
    for column in ("kind", "page p50", "p95", "p99", "search p50", "p95", "p99", "p95 ratio"):
        table.add_column(column, justify="right")
    pages, search, ratio = report["page_ms"], report["search_ms"], report["p95_ratio"]
    for kind in pages:
        table.add_row(
            kind,
            *(f"{pages[kind][p]:.1f}" for p in ("p50", "p95", "p99")),
            *(f"{search[kind][p]:.2f}" for p in ("p50", "p95", "p99")),
            f"{ratio[kind]}x",
        )
    verdict = "met" if report["target_met"] else "MISSED"
    floor = report["floor_ms"]
    table.caption = (
        f"server ms per page (with facets); target p95 < {TARGET_MS:g} ms: {verdict}; "
        f"plumbing floor p50 {floor['p50']} / p95 {floor['p95']} ms; "
        f"index built in {report['build_index_s']}s; RSS MB {report['rss_mb']}"
    )
    return table


if __name__ == "__main__":
    main()

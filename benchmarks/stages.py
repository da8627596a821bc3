"""Time spent in each import stage, measured from outside the importer.

The importer has no timing hook, so for the length of one run we wrap the stage functions the
importer module calls (read, parse, wrangle) and the library's storage methods, and add up the
wall time spent inside each. The wrappers cost two clock reads per call. If the importer starts
calling the stages by another name, the missing stage shows up as zero and in "other": a hook
in ``ficshelf.library.importer`` (e.g. an ``on_stage`` callback) would make this sturdier.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import ficshelf.library.importer as importer_module
from ficshelf.library.db import Batch
from ficshelf.library.library import Library

STAGES = ("read", "parse", "wrangle", "store")
# (object, attribute, stage): what to wrap. Reading files happens inside ``stories_in``
# (a generator, timed per item) and ``read_bytes`` (sniff and decode).
_FUNCTIONS = (
    ("read_bytes", "read"),
    ("parse", "parse"),
    ("wrangle", "wrangle"),
)
_ITERATORS = (("stories_in", "read"),)
_LIBRARY_METHODS = ("source", "work_with_content", "add_work", "replace_work", "add_source")
# Stored works are committed (and their full text indexed) by the import's batch.
_BATCH_METHODS = ("checkpoint", "__exit__")


class StageClock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started

        return wrapper

    def timed_iterator(
        self, stage: str, function: Callable[..., Iterator[Any]]
    ) -> Callable[..., Iterator[Any]]:
        def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
            items = function(*args, **kwargs)
            while True:
                started = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.seconds[stage] += time.perf_counter() - started
                yield item

        return wrapper


@contextmanager
def stage_clock() -> Iterator[StageClock]:
    """Wraps the stage functions for the duration of the ``with`` block, then restores them."""
    clock = StageClock()
    saved: list[tuple[object, str, object]] = []

    def wrap(owner: object, name: str, replacement: object) -> None:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, replacement)

    for name, stage in _FUNCTIONS:
        wrap(importer_module, name, clock.timed(stage, getattr(importer_module, name)))
    for name, stage in _ITERATORS:
        wrap(importer_module, name, clock.timed_iterator(stage, getattr(importer_module, name)))
    for name in _LIBRARY_METHODS:
        wrap(Library, name, clock.timed("store", getattr(Library, name)))
    for name in _BATCH_METHODS:
        wrap(Batch, name, clock.timed("store", getattr(Batch, name)))
    try:
        yield clock
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)

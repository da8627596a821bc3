"""The import pipeline: files -> read -> parse -> wrangle -> library, each work whole or not at all.

Each story is decided in this order, so re-running an import is cheap and changes nothing:
  1. the same content at the same path        -> unchanged (nothing parsed)
  2. a new path whose content the library has -> unchanged (the path is recorded as a duplicate)
  3. a known path with new content            -> updated (the work keeps its id)
  4. anything else                            -> imported
A story that cannot be read, parsed or stored is "failed" with one line, and leaves the library
as it was: read, parse and wrangle run before the work's transaction opens, and a store error
rolls the whole work back.

Why works are committed in batches (see db.Batch): each work is a savepoint, so a failing work
still rolls back alone, but works are committed together about once a second, and their full
text is indexed together just before (SQLite's FTS5 writes its pending words to disk at every
savepoint, so one work at a time cost twice as much). A crash loses at most the last second of
stored works, which a re-import then adds; Ctrl-C commits every work already stored.

Why a process pool: read, parse and wrangle are pure and take most of an import's time, so on a
machine with several cores they run in worker processes while this process stores results in
the order the files were found. A bounded window of stories in flight keeps memory flat however
large the import. While the workers start (about half a second), this process reads stories
itself rather than wait. Small imports, and ``strict`` runs, stay in this process.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ficshelf.errors import FicshelfError, LibraryError, UnreadableFile
from ficshelf.library.db import Batch, first_line, is_driver_error
from ficshelf.library.discover import FoundFile, StoryBytes, discover, stories_in
from ficshelf.library.kbstate import knowledge_base, learn_from_raws
from ficshelf.library.library import Library
from ficshelf.library.rewrangle import rewrangle_works
from ficshelf.library.store import SourceFile
from ficshelf.model import RawWork, Work
from ficshelf.parse import parse
from ficshelf.pool import task_pool
from ficshelf.read import read_bytes
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one story; ``reason`` is the one line shown for skips and failures."""

    path: str
    outcome: Outcome
    work_id: int | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Sent before each story: files and bytes done so far, and what is being read now."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    current: str


ProgressCallback = Callable[[ImportProgress], None]
# Changes a story's RawWork between parse and wrangle (e.g. calibre's metadata filling what the
# file lacks). It runs in worker processes, so it must pickle: a module-level function or a
# frozen dataclass instance, not a lambda.
RawTransform = Callable[[StoryBytes, RawWork], RawWork]


@dataclass(slots=True)
class ImportReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)

    @property
    def counts(self) -> dict[str, int]:
        """Every outcome (all five, in a fixed order) with how many stories had it."""
        return {outcome.value: self.count(outcome) for outcome in Outcome}

    @property
    def failures(self) -> list[FileResult]:
        return [result for result in self.results if result.outcome is Outcome.FAILED]

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_json(self) -> dict[str, object]:
        return {
            **self.counts,
            "failures": [
                {"path": result.path, "reason": result.reason} for result in self.failures
            ],
            "skipped_files": [
                result.path for result in self.results if result.outcome is Outcome.SKIPPED
            ],
        }


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    on_progress: ProgressCallback | None = None,
    strict: bool = False,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] | None = None,
    workers: int | None = None,
    transform: RawTransform | None = None,
) -> ImportReport:
    """Import every story under ``paths`` into ``library``.

    ``strict`` lets unexpected exceptions from parsing or storing escape (for tests and
    debugging) instead of reporting them as failures. ``rules`` default to the library's own.
    ``workers`` is how many processes read and parse (default: one per core; 1 = in this
    process). ``transform`` adjusts each story's RawWork before it is wrangled. Raises
    UnreadableFile before importing anything when a path does not exist.
    """
    found = discover(paths, exclude=library.directory)
    rules = library.rules() if rules is None else rules
    kb = kb if kb is not None else knowledge_base(library)
    report = ImportReport(
        [
            FileResult(str(path), Outcome.SKIPPED, reason="not a story file")
            for path in found.skipped
        ]
    )
    if strict or len(found.files) < _FILES_WORTH_A_POOL:
        workers = 1
    with (
        _story_readers(workers, kb, rules, transform, strict=strict) as readers,
        library.database.batch(_BATCH_SECONDS) as batch,
    ):
        importer = _Importer(library, readers, batch, strict=strict)
        total = len(found.files)
        bytes_done = 0
        for files_done, file in enumerate(found.files):
            progress = ImportProgress(files_done, total, bytes_done, found.total_bytes, "")
            report.results.extend(importer.import_file(file, _announcer(on_progress, progress)))
            bytes_done += file.size
        report.results.extend(importer.finish())
    _learn_from_run(library, importer.learned_from, kb)
    if on_progress:
        on_progress(ImportProgress(total, total, found.total_bytes, found.total_bytes, ""))
    return report


@dataclass(slots=True)
class _RunWorks:
    """The run's stored works as learning sees them, kept as they are stored instead of read
    back afterwards: the metadata of those from AO3 (without chapters), the ids of the rest."""

    ao3: dict[int, RawWork] = field(default_factory=dict)
    others: list[int] = field(default_factory=list)

    def add(self, work_id: int, raw: RawWork) -> None:
        if raw.origin == "ao3":
            self.ao3[work_id] = dataclasses.replace(raw, chapters=())
        else:
            self.others.append(work_id)


def _learn_from_run(library: Library, run: _RunWorks, kb: KnowledgeBase) -> None:
    """AO3 works teach the library's knowledge base; when they taught something, the run's
    other works are wrangled again with it (a plain-text file may name only their characters)."""
    if learn_from_raws(library, [run.ao3[work_id] for work_id in sorted(run.ao3)], kb).total:
        rewrangle_works(library, run.others)


# Below this many files a pool's start-up (about half a second of imports per worker) costs
# more than it saves.
_FILES_WORTH_A_POOL = 16
# How long stored works wait to be committed together (see the module docstring).
_BATCH_SECONDS = 1.0
# Stories read ahead of the one being stored, per worker: enough to keep every worker busy.
_READ_AHEAD_PER_WORKER = 16


@dataclass(frozen=True, slots=True)
class _StoryReaders:
    """Where stories are read and parsed: in this process, or in a pool of workers.
    ``read_here`` does one story in this process (see ``_Importer._lend_a_hand``)."""

    submit: Callable[[StoryBytes], Future[Work | str]]
    read_ahead: int
    read_here: Callable[[StoryBytes], Work | str]


@contextmanager
def _story_readers(
    workers: int | None,
    kb: KnowledgeBase,
    rules: Sequence[Rule],
    transform: RawTransform | None,
    *,
    strict: bool,
) -> Iterator[_StoryReaders]:
    workers = workers or os.cpu_count() or 1
    read_here = functools.partial(
        _read_or_explain, kb=kb, rules=rules, transform=transform, strict=strict
    )
    if workers <= 1:

        def submit_here(story: StoryBytes) -> Future[Work | str]:
            future: Future[Work | str] = Future()
            try:
                future.set_result(read_here(story))
            except Exception as error:  # only when strict: surfaces from result()
                future.set_exception(error)
            return future

        yield _StoryReaders(submit_here, read_ahead=0, read_here=read_here)
        return
    # The knowledge base's index is built here once and sent with the task (unpickling it
    # takes milliseconds), not built again in every worker. Every story handed out has been
    # collected when the pool closes (or the import is stopping): the workers wind down while
    # this process goes on.
    kb.index  # noqa: B018 - a cached property: built now, pickled with the knowledge base
    with task_pool(read_here, workers) as submit:
        yield _StoryReaders(
            submit, read_ahead=workers * _READ_AHEAD_PER_WORKER, read_here=read_here
        )


def _read_or_explain(
    story: StoryBytes,
    *,
    kb: KnowledgeBase | None,
    rules: Sequence[Rule],
    transform: RawTransform | None,
    strict: bool,
) -> Work | str:
    """The work, or the one-line reason it could not be read (a str crosses processes
    safely, where exception types with their own constructors may not)."""
    try:
        return read_story(story, kb=kb, rules=rules, strict=strict, transform=transform)
    except FicshelfError as error:
        return str(error)


def read_work(
    label: str,
    data: bytes,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] = (),
    transform: Callable[[RawWork], RawWork] | None = None,
) -> Work:
    """read -> parse -> wrangle for one story's bytes; what ``inspect`` shows and import stores."""
    raw = parse(read_bytes(label, data))
    return wrangle(transform(raw) if transform else raw, kb, rules)


class InternalParseError(UnreadableFile):
    """A parser or wrangler bug met on this file, reported as the file's failure so an import
    of thousands of files goes on; ``strict`` mode lets the original exception escape instead."""

    def __init__(self, path: str, error: Exception) -> None:
        super().__init__(path, f"internal error while parsing: {_describe(error)}")


def read_story(
    story: StoryBytes,
    *,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] = (),
    strict: bool = False,
    transform: RawTransform | None = None,
) -> Work:
    """:func:`read_work` that raises only FicshelfError (InternalParseError for bugs) unless
    ``strict``."""
    for_story = functools.partial(transform, story) if transform else None
    try:
        return read_work(story.label, story.data, kb, rules, for_story)
    except FicshelfError:
        raise
    except Exception as error:
        if strict:
            raise
        raise InternalParseError(story.label, error) from error


def _announcer(
    on_progress: ProgressCallback | None, progress: ImportProgress
) -> Callable[[str], None]:
    """Tells ``on_progress`` which story of the current file is being read."""

    def started(label: str) -> None:
        if on_progress:
            on_progress(dataclasses.replace(progress, current=label))

    return started


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class _InFlight:
    """A story handed to the readers, waiting to be stored in its turn."""

    source: SourceFile
    known_work_id: int | None
    story: StoryBytes
    work: Future[Work | str]
    read_here: bool = False  # taken back from the workers (see _Importer._lend_a_hand)


class _Importer:
    """The per-story decisions of one import run (see the module docstring)."""

    def __init__(
        self, library: Library, readers: _StoryReaders, batch: Batch, *, strict: bool
    ) -> None:
        self.library = library
        self.readers = readers
        self.batch = batch
        self.strict = strict
        self.in_flight: deque[_InFlight] = deque()
        # What the run's learning needs (see _learn_from_run), kept as works are stored.
        self.learned_from = _RunWorks()
        self.workers_warm = False

    def import_file(self, file: FoundFile, started: Callable[[str], None]) -> list[FileResult]:
        """Results of the stories of ``file`` (and of earlier ones) that are done by now;
        ``started(label)`` is called before each. :meth:`finish` returns the rest.

        An archive that turns out damaged part-way fails as a whole file; the members stored
        before the damage stay imported.
        """
        results: list[FileResult] = []
        stories = stories_in(file)
        while True:
            try:
                story = next(stories, None)
            except FicshelfError as error:  # only the reading of the file, not the library
                results.append(FileResult(str(file.path), Outcome.FAILED, reason=str(error)))
                return results
            if story is None:
                return results
            started(story.label)
            results.extend(self.import_story(story))

    def import_story(self, story: StoryBytes) -> list[FileResult]:
        """Stories are stored in the order they arrive; this returns those now stored."""
        source = SourceFile(story.label, content_hash(story.data), len(story.data), story.mtime)
        known = self.library.source(story.label)
        if known and known.content_hash == source.content_hash:
            decided = FileResult(story.label, Outcome.UNCHANGED, known.work_id)
            return [decided]
        if known is None and (duplicate := self._record_duplicate(source)):
            return [duplicate]
        known_id = known.work_id if known else None
        self.in_flight.append(_InFlight(source, known_id, story, self.readers.submit(story)))
        done: list[FileResult] = []
        while len(self.in_flight) > self.readers.read_ahead:
            done.append(self._store(self.in_flight.popleft()))
        return done

    def finish(self) -> list[FileResult]:
        """Store every story still in flight, in order."""
        done: list[FileResult] = []
        while self.in_flight:
            done.append(self._store(self.in_flight.popleft()))
        return done

    def _record_duplicate(self, source: SourceFile) -> FileResult | None:
        duplicate_of = self.library.work_with_content(source.content_hash)
        if duplicate_of is None:
            return None
        self.library.add_source(duplicate_of, source)
        return FileResult(
            source.path,
            Outcome.UNCHANGED,
            duplicate_of,
            reason=f"same content as work {duplicate_of}",
        )

    def _lend_a_hand(self, head: _InFlight) -> None:
        """Until the workers have delivered their first story, read here the stories they have
        not started, newest first (out of their way): they spend their first second loading,
        and this process would only wait. Later every core is busy, and this process has its
        own work (storing) to do."""
        if self.workers_warm:
            return
        index = len(self.in_flight) - 1
        while not head.work.done() and index >= 0:
            waiting = self.in_flight[index]
            if waiting.work.cancel():  # only a story no worker has taken can be cancelled
                done: Future[Work | str] = Future()
                done.set_result(self.readers.read_here(waiting.story))
                self.in_flight[index] = dataclasses.replace(waiting, work=done, read_here=True)
            elif not waiting.work.done():
                return  # the workers have taken this one, and so every one before it
            index -= 1

    def _store(self, pending: _InFlight) -> FileResult:
        # Waiting for a worker happens before the batch opens: between batches the library is
        # not locked, so another writer (the web app saving a rule) gets its turn.
        self._lend_a_hand(pending)
        work = pending.work.result()
        self.workers_warm = self.workers_warm or not pending.read_here
        if isinstance(work, str):
            return FileResult(pending.source.path, Outcome.FAILED, reason=work)
        self.batch.begin()
        try:
            result = self._store_work(pending, work)
        except Exception as error:
            if self.strict or not is_driver_error(error):
                raise
            # Not this work's fault (a full disk, a lost server): the import cannot go on.
            raise LibraryError(
                f"{pending.source.path}: could not store, import stopped: {first_line(error)}"
            ) from error
        self.batch.checkpoint()
        if result.outcome in (Outcome.IMPORTED, Outcome.UPDATED) and result.work_id is not None:
            self.learned_from.add(result.work_id, work.raw)
        return result

    def _store_work(self, pending: _InFlight, work: Work) -> FileResult:
        source = pending.source
        # The same content may have arrived twice in this run, both read before either was
        # stored: the second becomes a duplicate source of the first.
        if pending.known_work_id is None and (duplicate := self._record_duplicate(source)):
            return duplicate
        # Errors that come from one work's data (a value the database cannot hold, a constraint
        # it breaks) fail that work only; its transaction has rolled back. Anything else (the
        # disk is full, the library is locked) is a LibraryError or a bug, and stops the import.
        try:
            if pending.known_work_id is None:
                return FileResult(
                    source.path, Outcome.IMPORTED, self.library.add_work(work, source)
                )
            self.library.replace_work(pending.known_work_id, work, source)
            return FileResult(source.path, Outcome.UPDATED, pending.known_work_id)
        except self.library.database.refusals as error:
            if self.strict:
                raise
            return FileResult(
                source.path,
                Outcome.FAILED,
                reason=f"{source.path}: could not store: {_describe(error)}",
            )


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"

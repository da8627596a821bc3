"""A seeded generator of a realistic fan-fiction corpus for the import benchmark.

    python -m benchmarks.corpus --works 2000 --seed 7 --out DIR

Formats, encodings, header styles, word counts, chapters, fandoms, ratings and warnings are
drawn in the proportions of ``benchmarks/data/shares.toml``. The same seed and work count give
the same bytes, file for file. The stories go in ``DIR/stories`` (the folder to import);
``DIR/manifest.json`` lists every work (paths relative to ``DIR/stories``) with what it should
read as (format, encoding, words in the story text, chapters), so a benchmark can check results.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from unidecode import unidecode

from benchmarks.distributions import weighted
from benchmarks.render.ao3 import render_ao3_html
from benchmarks.render.archive import zip_bytes
from benchmarks.render.encoding import encode_text
from benchmarks.render.epub import render_ao3_epub, render_plain_epub
from benchmarks.render.markdown import render_markdown
from benchmarks.render.text import render_text
from benchmarks.spec import WorkSampler, WorkSpec
from benchmarks.vocab import Vocabulary, vocabulary

GENERATOR_VERSION = 3
MANIFEST = "manifest.json"
STORIES = "stories"  # the folder to import; the manifest sits beside it, not in it
BUNDLE_SIZES = (2, 6)


@dataclass(frozen=True, slots=True)
class Entry:
    """One generated work: where it is (``member`` inside a zip, if bundled) and what it is."""

    index: int
    path: str
    member: str | None
    format: str
    encoding: str
    newline: str
    header_style: str | None
    title: str
    words: int
    chapters: int
    size: int


@dataclass(frozen=True, slots=True)
class RenderedWork:
    name: str
    data: bytes
    entry: Entry


def slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")[:limit] or "work"


class CorpusWriter:
    """Turns sampled works into files: one renderer per format, bundles zipped together."""

    def __init__(self, vocab: Vocabulary, seed: int) -> None:
        self.vocab = vocab
        self.seed = seed
        self.sampler = WorkSampler(vocab, seed)

    def render(self, spec: WorkSpec, work_format: str, folder: str) -> RenderedWork:
        rng = random.Random(f"{self.seed}:form:{spec.index}")
        stem = f"{spec.index:05d}-{slug(spec.title)}"
        encoding, newline, style = "utf-8", "lf", None
        if work_format == "text":
            style = weighted(rng, self.vocab.weights("header_styles"))
            text = render_text(spec, self.vocab, style, rng)
            encoding = weighted(rng, self.vocab.weights("encodings"))
            newline = weighted(rng, self.vocab.weights("newlines"))
            data, encoding = encode_text(text, encoding, newline)
            name = f"{stem}.txt"
        elif work_format == "ao3-html":
            data, name = render_ao3_html(spec, rng.choice((1, 2))).encode(), f"{stem}.html"
        elif work_format == "ao3-epub":
            data, name = render_ao3_epub(spec), f"{stem}.epub"
        elif work_format == "epub":
            data, name = render_plain_epub(spec), f"{stem}.epub"
        else:
            data, name = render_markdown(spec).encode(), f"{stem}.md"
        entry = Entry(
            index=spec.index,
            path=f"{folder}/{name}",
            member=None,
            format=work_format,
            encoding=encoding,
            newline=newline,
            header_style=style,
            title=spec.title,
            words=spec.words,
            chapters=len(spec.chapters),
            size=len(data),
        )
        return RenderedWork(name, data, entry)

    def works(self, count: int) -> Iterator[tuple[str, RenderedWork]]:
        """(format-or-"bundle", rendered work) for each index, in order."""
        for index in range(count):
            spec = self.sampler.sample(index)
            rng = random.Random(f"{self.seed}:format:{index}")
            work_format = weighted(rng, self.vocab.weights("formats"))
            if work_format == "bundle":
                member_format = weighted(rng, self.vocab.weights("bundle_members"))
                yield "bundle", self.render(spec, member_format, "bundles")
            else:
                yield work_format, self.render(spec, work_format, slug(spec.fandoms[0].short))


def _prepare(out: Path) -> None:
    if (out / MANIFEST).exists():
        shutil.rmtree(out)  # a corpus we generated before: safe to replace
    elif out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out}: folder is not empty and holds no generated corpus")
    out.mkdir(parents=True, exist_ok=True)


def _write(out: Path, relative: str, data: bytes) -> None:
    target = out / STORIES / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def generate_corpus(out: Path, works: int, seed: int) -> list[Entry]:
    """Write ``works`` works under ``out`` (replacing a corpus generated there before) and
    ``out/manifest.json``; returns the manifest entries."""
    _prepare(out)
    writer = CorpusWriter(vocabulary(), seed)
    sizes = random.Random(f"{seed}:bundles")
    entries: list[Entry] = []
    bundle: list[RenderedWork] = []
    bundle_size = sizes.randint(*BUNDLE_SIZES)

    def close_bundle() -> None:
        nonlocal bundle, bundle_size
        path = f"bundles/bundle-{bundle[0].entry.index:05d}.zip"
        _write(out, path, zip_bytes((work.name, work.data) for work in bundle))
        for work in bundle:
            entries.append(_replace(work.entry, path=path, member=work.name))
        bundle, bundle_size = [], sizes.randint(*BUNDLE_SIZES)

    for kind, work in writer.works(works):
        if kind == "bundle":
            bundle.append(work)
            if len(bundle) >= bundle_size:
                close_bundle()
        else:
            _write(out, work.entry.path, work.data)
            entries.append(work.entry)
    if bundle:
        close_bundle()
    entries.sort(key=lambda entry: entry.index)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "works": works,
        "entries": [asdict(entry) for entry in entries],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return entries


def _replace(entry: Entry, **changes: object) -> Entry:
    return Entry(**(asdict(entry) | changes))


def load_manifest(out: Path) -> list[Entry]:
    manifest = json.loads((out / MANIFEST).read_text())
    return [Entry(**entry) for entry in manifest["entries"]]


@dataclass(frozen=True, slots=True)
class CorpusShape:
    """What the generator's shares came out as, for one corpus."""

    works: int
    files: int
    megabytes: float
    words_median: int
    words_max: int
    multi_chapter_share: float
    formats: dict[str, int]
    encodings: dict[str, int]
    bundled: int


def describe(entries: list[Entry]) -> CorpusShape:
    words = sorted(entry.words for entry in entries) or [0]
    multi = sum(entry.chapters > 1 for entry in entries)
    return CorpusShape(
        works=len(entries),
        files=len({entry.path for entry in entries}),
        megabytes=round(sum(entry.size for entry in entries) / 1e6, 1),
        words_median=words[len(words) // 2],
        words_max=words[-1],
        multi_chapter_share=round(multi / max(1, len(entries)), 3),
        formats=dict(Counter(entry.format for entry in entries).most_common()),
        encodings=dict(Counter(entry.encoding for entry in entries).most_common()),
        bundled=sum(entry.member is not None for entry in entries),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    entries = generate_corpus(args.out, args.works, args.seed)
    print(json.dumps(asdict(describe(entries)), ensure_ascii=False))


if __name__ == "__main__":
    main()

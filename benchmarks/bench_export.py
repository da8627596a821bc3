"""Export a 500k-word work to every format; print seconds beside a plain-write baseline.

Run: ``.venv/bin/python -m benchmarks.bench_export`` (issue 6 target: EPUB under 2 s).
The baseline writes the same story text to a plain file, the least any export must do.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ficshelf.export import FORMATS, export_work
from ficshelf.model import Rating, RawChapter, RawWork, Status, Work
from ficshelf.parse.words import count_words

_WORDS = 500_000
_CHAPTERS = 50
_SEED = 6
_PROSE = (
    "the lantern keeper walked along quiet shore where rain fell softly over old stone "
    "houses and she remembered every name of every ship that never came home again"
)
_VOCABULARY = tuple(_PROSE.split(" "))


def _paragraphs(rng: random.Random, words: int) -> list[str]:
    paragraphs = []
    while words > 0:
        size = min(words, rng.randint(40, 120))
        sentence = " ".join(rng.choice(_VOCABULARY) for _ in range(size))
        paragraphs.append(sentence.capitalize() + ".")
        words -= size
    return paragraphs


def big_work() -> Work:
    rng = random.Random(_SEED)
    chapters = []
    for number in range(1, _CHAPTERS + 1):
        paragraphs = _paragraphs(rng, _WORDS // _CHAPTERS)
        html = "".join(f"<p>{p.replace('rain', '<em>rain</em>', 1)}</p>" for p in paragraphs)
        chapters.append(RawChapter(title=f"Part {number}", text="\n\n".join(paragraphs), html=html))
    text_words = sum(count_words(chapter.text) for chapter in chapters)
    return Work(
        raw=RawWork(path="big.html", format="html", encoding="utf-8"),
        title="A Very Long Story",
        authors=("Benchmark",),
        fandoms=(),
        rating=Rating.GENERAL,
        warnings=(),
        categories=(),
        relationships=(),
        characters=(),
        freeforms=(),
        summary="Long.",
        notes=None,
        series=(),
        language="en",
        words=text_words,
        chapters=tuple(chapters),
        status=Status.COMPLETE,
        published=dt.date(2020, 1, 1),
        updated=None,
    )


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    work = big_work()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        text = "\n\n".join(chapter.text for chapter in work.chapters)
        baseline = _timed(lambda: (out / "baseline.txt").write_text(text, "utf-8"))
        print(f"work: {work.words:,} words in {len(work.chapters)} chapters")
        print(f"baseline (write the text to a file): {baseline:.3f} s")
        for fmt in FORMATS:
            seconds = _timed(lambda fmt=fmt: export_work(work, fmt, out))
            print(f"export {fmt:4}: {seconds:.3f} s  ({seconds / baseline:.0f}x baseline)")


if __name__ == "__main__":
    main()

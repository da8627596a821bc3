"""Plain-text fics: one of the free-form header styles of shared/DESIGN.md, then the chapters.

Returns ``str``; choosing the encoding and line endings is ``benchmarks.render.encoding``'s job.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.render import written as w
from benchmarks.spec import WorkSpec
from benchmarks.vocab import Vocabulary

HeaderStyle = Callable[[WorkSpec, Vocabulary, random.Random], str]


def _seed(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    warned = w.warnings_phrase(spec)
    other = ", ".join(part for part in (warned, w.tags_with_filler(spec, vocab.fillers, rng)))
    return (
        f"{spec.title}\nWritten by: {spec.author}\n\n"
        f"Pairing(s): {w.pairings_line(spec, rng)}\n\n"
        f"Rating: {spec.rating}\nSequel: {'Yes' if spec.series else 'No'}\n\n"
        f"Summary: {spec.summary}\n\n"
        f"Warnings: {w.categories_phrase(spec, rng).upper()}, {rng.choice(vocab.pleas)}\n\n"
        f"Other warnings: {other}\n"
    )


def _mailing_list(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return (
        f"Title: {spec.title}\nAuthor: {spec.author}\n"
        f"E-mail: {spec.author.lower()}@example.net\nFeedback: always welcome\n"
        "Archive: ask first\n"
        f"Pairing: {w.pairings_line(spec, rng)}\nRating: {w.MPAA[spec.rating]}\n"
        f"Spoilers: through the end of the series\nBeta: thanks to {vocab.words.nouns[3]}fan\n"
        f"Date: {spec.published:%B %d, %Y}\nSummary: {spec.summary}\n"
        f"Disclaimer: Not mine, no money made.\n\n-----\n"
    )


def _ffn(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    genres = "/".join(rng.sample(("Romance", "Angst", "Humor", "Drama", "Friendship"), 2))
    return (
        f"{spec.title}\nby {spec.author}\n"
        f"Rated: {w.FFN[spec.rating]} - English - {genres} - {w.character_names(spec)} - "
        f"Chapters: {len(spec.chapters)} - Words: {w.grouped(spec.words)} - "
        f"Published: {spec.published:%m/%d/%Y}" + (" - Complete" if spec.complete else "") + "\n"
    )


def _label_own_line(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    fields = {
        "Title": spec.title,
        "Author": spec.author,
        "Fandom": ", ".join(fandom.short for fandom in spec.fandoms),
        "Pairing": w.pairings_line(spec, rng),
        "Rating": spec.rating,
        "Warnings": w.warnings_phrase(spec),
        "Summary": spec.summary,
    }
    return "".join(f"{label}\n{value}\n\n" for label, value in fields.items())


def _pipe(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    fandom = spec.fandoms[0].short
    return (
        f"Title: {spec.title} | Author: {spec.author} | Fandom: {fandom}\n"
        f"Pairing: {w.pairings_line(spec, rng)} | Rating: {w.MPAA[spec.rating] or 'none'} | "
        f"Words: {spec.words}\nSummary: {spec.summary}\n\n* * *\n"
    )


def _ao3_flat(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    fields = {
        "Rating:": spec.rating,
        "Archive Warning:": ", ".join(spec.warnings),
        "Category:": ", ".join(spec.categories),
        "Fandom:": ", ".join(fandom.name for fandom in spec.fandoms),
        "Relationship:": ", ".join(pair.canonical for pair in spec.pairings),
        "Characters:": ", ".join(character.name for character in spec.characters),
        "Additional Tags:": ", ".join(spec.freeforms),
        "Language:": "English",
        "Stats:": f"Published: {spec.published:%Y-%m-%d} Words: {w.grouped(spec.words)} "
        f"Chapters: {len(spec.chapters)}/{spec.chapters_expected or '?'}",
    }
    block = "".join(f"{label}\n    {value}\n" for label, value in fields.items() if value)
    return f"{block}{spec.title}\n{spec.author}\nSummary:\n\n    {spec.summary}\n"


def _lj_exchange(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return (
        f"Title: {spec.title}\nRecipient: {rng.choice(vocab.words.pen_name_first)}fan\n"
        f"Author: {spec.author}\nFandom: {spec.fandoms[0].short}\n"
        f"Characters/Pairings: {w.pairings_line(spec, rng)}\nRating: {w.MPAA[spec.rating]}\n"
        f"Word Count: {spec.words}\nSummary: {spec.summary}\n"
        "Notes: Happy holidays! I hope this fits your prompt.\n\n"
    )


def _efiction(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return (
        f"{spec.title} by {spec.author}\n\nSummary: {spec.summary}\n"
        f"Rated: {w.MPAA[spec.rating] or 'Not rated'}\n"
        f"Categories: {spec.fandoms[0].short} Characters: {w.character_names(spec)}\n"
        f"Genres: {', '.join(spec.freeforms[:3]) or 'None'}\n"
        f"Warnings: {w.warnings_phrase(spec)}\nSeries: {spec.series[0] if spec.series else 'None'}"
        f"\nChapters: {len(spec.chapters)} Completed: {'Yes' if spec.complete else 'No'} "
        f"Word count: {spec.words} Read Count: {rng.randint(10, 9000)}\n"
        f"Published: {spec.published:%m/%d/%Y} Updated: {spec.updated:%m/%d/%Y}\n\n"
    )


def _russian(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    status = "закончен" if spec.complete else "в процессе"
    return (
        f"Название: {spec.title}\nАвтор: {spec.author}\n"
        f"Фэндом: {spec.fandoms[0].short}\nПейринг: {w.pairings_line(spec, rng)}\n"
        f"Рейтинг: {w.MPAA[spec.rating] or 'G'}\nЖанр: {', '.join(spec.freeforms[:3])}\n"
        f"Предупреждения: {w.warnings_phrase(spec)}\nСтатус: {status}\n"
        f"Саммари: {spec.summary}\nДисклеймер: все права у владельцев.\n\n"
    )


def _german(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return (
        f"Titel: {spec.title}\nAutor: {spec.author}\nFandom: {spec.fandoms[0].short}\n"
        f"Pairing: {w.pairings_line(spec, rng)}\nRating: {w.MPAA[spec.rating] or 'P12'}\n"
        f"Warnung: {w.warnings_phrase(spec)}\nZusammenfassung: {spec.summary}\n"
        "Disclaimer: Die Figuren gehören nicht mir.\n\n"
    )


def _disclaimer_only(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return f"Disclaimer: I don't own {spec.fandoms[0].short}. I just borrow them.\n\n"


def _no_header(spec: WorkSpec, vocab: Vocabulary, rng: random.Random) -> str:
    return ""


HEADER_STYLES: dict[str, HeaderStyle] = {
    "seed": _seed,
    "mailing-list": _mailing_list,
    "ffn": _ffn,
    "label-own-line": _label_own_line,
    "pipe": _pipe,
    "ao3-flat": _ao3_flat,
    "lj-exchange": _lj_exchange,
    "efiction": _efiction,
    "russian": _russian,
    "german": _german,
    "disclaimer-only": _disclaimer_only,
    "no-header": _no_header,
}

CHAPTER_HEADINGS = ("Chapter {n}: {title}", "Chapter {n}", "Part {n}", "~ {n} ~")


def render_text(spec: WorkSpec, vocab: Vocabulary, style: str, rng: random.Random) -> str:
    header = HEADER_STYLES[style](spec, vocab, rng)
    heading = rng.choice(CHAPTER_HEADINGS)
    parts = [header] if header else []
    multi = len(spec.chapters) > 1
    for number, chapter in enumerate(spec.chapters, start=1):
        if multi:
            title = chapter.title or f"Chapter {number}"
            parts.append(heading.format(n=number, title=title).removesuffix(": ") + "\n")
        parts.append("\n\n".join(chapter.paragraphs) + "\n")
    return "\n".join(parts)

"""Works built by hand, so storage is tested without the parser."""

from __future__ import annotations

import datetime as dt

from ficshelf.model import (
    Category,
    Rating,
    RawChapter,
    RawWork,
    SeriesRef,
    Status,
    TagRef,
    TagType,
    Warning,
    Work,
)


def make_work(
    title: str = "Lanterns", text: str = "The river was crowded.", **changes: object
) -> Work:
    """A small wrangled work; keyword arguments replace any Work field."""
    raw = RawWork(
        path=f"/stories/{title}.txt",
        format="text",
        encoding="utf-8",
        title=title,
        authors=("Saltmarsh",),
        fandoms=(),
        rating="Teen",
        warnings=("het, fluff",),
        relationships=("Shikamaru/Temari",),
        summary="A festival night.",
        words=None,
        series=(SeriesRef("Festival Nights", 2),),
        published=dt.date(2004, 5, 6),
        chapters=(RawChapter("One", text),),
        extra={"Sequel": "No"},
    )
    fields: dict[str, object] = {
        "raw": raw,
        "title": title,
        "authors": ("Saltmarsh",),
        "fandoms": (TagRef(TagType.FANDOM, "Naruto", "Naruto", "inferred from characters"),),
        "rating": Rating.TEEN,
        "warnings": (Warning.NONE_APPLY,),
        "categories": (Category.FM,),
        "relationships": (
            TagRef(TagType.RELATIONSHIP, "Nara Shikamaru/Temari", "Shikamaru/Temari", "kb"),
        ),
        "characters": (),
        "freeforms": (
            TagRef(TagType.FREEFORM, "Fluff", "fluff", "kb"),
            TagRef(TagType.FREEFORM, "lantern mishaps", "lantern mishaps", "unknown", known=False),
        ),
        "summary": "A festival night.",
        "notes": None,
        "series": (SeriesRef("Festival Nights", 2),),
        "language": "en",
        "words": 4,
        "chapters": (RawChapter("One", text),),
        "status": Status.COMPLETE,
        "published": dt.date(2004, 5, 6),
        "updated": None,
        "fandom_inferred": True,
        "decisions": ("fandom Naruto inferred from Temari",),
    }
    fields.update(changes)
    return Work(**fields)  # type: ignore[arg-type]

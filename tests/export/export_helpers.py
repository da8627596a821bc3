"""Works to export: from the demo library through the real pipeline, or built by hand for edge
cases."""

from __future__ import annotations

import datetime as dt
from importlib import resources

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
from ficshelf.parse import parse
from ficshelf.read import read_bytes
from ficshelf.wrangle import wrangle

DEMO_FILES = sorted(
    entry.name
    for entry in resources.files("ficshelf.data").joinpath("demo").iterdir()
    if entry.is_file()
)


def pipeline_work(name: str, data: bytes) -> Work:
    """read -> parse -> wrangle, exactly as an import does."""
    return wrangle(parse(read_bytes(name, data)))


def demo_work(name: str) -> Work:
    data = resources.files("ficshelf.data").joinpath("demo", name).read_bytes()
    return pipeline_work(name, data)


def tag(kind: TagType, name: str) -> TagRef:
    return TagRef(type=kind, name=name, written=name)


def make_work(**changes: object) -> Work:
    """A complete synthetic work; keyword arguments replace any field."""
    chapters = (
        RawChapter(
            title="The Lake",
            text="The water was still.\n\nShe waited.",
            html="<p>The water was <em>still</em>.</p><p>She waited.</p>",
            summary="Morning at the lake.",
            notes="Written for a prompt.",
            end_notes="Thanks for reading.",
        ),
        RawChapter(title=None, text="Night came.\nThe stars too.\n\nThey went home."),
    )
    fields: dict[str, object] = {
        "raw": RawWork(path="story.txt", format="text", encoding="utf-8", end_notes="Fin."),
        "title": "A Quiet Lake",
        "authors": ("Wren Ashgrove",),
        "fandoms": (tag(TagType.FANDOM, "Naruto"),),
        "rating": Rating.TEEN,
        "warnings": (Warning.NONE_APPLY,),
        "categories": (Category.GEN,),
        "relationships": (tag(TagType.RELATIONSHIP, "Hatake Kakashi & Umino Iruka"),),
        "characters": (
            tag(TagType.CHARACTER, "Umino Iruka"),
            tag(TagType.CHARACTER, "Hatake Kakashi"),
        ),
        "freeforms": (tag(TagType.FREEFORM, "Friendship"), tag(TagType.FREEFORM, "Fluff")),
        "summary": "Two friends wait by a lake.\n\nNothing bad happens.",
        "notes": "My first story here.",
        "series": (SeriesRef("Quiet Places", 2),),
        "language": "en",
        "words": 14,
        "chapters": chapters,
        "status": Status.COMPLETE,
        "published": dt.date(2021, 5, 1),
        "updated": dt.date(2021, 6, 1),
    }
    fields.update(changes)
    return Work(**fields)  # type: ignore[arg-type]

"""Work -> Markdown: YAML front matter with the metadata, then ``##`` chapter headings.

Front-matter keys are the ones ficshelf's Markdown reader maps (``data/export/labels.toml``
names them); chapter bodies are the story HTML converted with markdownify, so emphasis, lists
and quotes survive as Markdown. Chapter summaries and notes are block quotes: Markdown has no
place of their own for them, so on reading back they are part of the chapter's text.
"""

from __future__ import annotations

import yaml
from markdownify import markdownify

from ficshelf.export.chapters import chapter_fragment
from ficshelf.export.labels import labels
from ficshelf.export.markup import text_fragment
from ficshelf.export.preface import chapter_count, plain_heading, tag_values
from ficshelf.model import RawChapter, Work


def render_markdown(work: Work) -> str:
    """The Markdown file of ``work`` (expects a ``printable_work``)."""
    parts = ["---\n" + _front_matter(work) + "---"]
    titled = len(work.chapters) > 1 or any(chapter.title for chapter in work.chapters)
    for number, chapter in enumerate(work.chapters, start=1):
        if titled:
            parts.append(f"## {plain_heading(number, chapter)}")
        parts.extend(_chapter_blocks(chapter))
    return "\n\n".join(part for part in parts if part) + "\n"


def _front_matter(work: Work) -> str:
    key = labels().markdown
    fields: dict[str, object] = {key["title"]: work.title}
    if work.authors:
        fields[key["authors"]] = list(work.authors)
    for field, values in tag_values(work).items():
        if values:
            fields[key[field]] = values[0] if field == "rating" else list(values)
    if work.series:
        fields[key["series"]] = [
            {"name": ref.name, **({"position": ref.position} if ref.position else {})}
            for ref in work.series
        ]
    optional: dict[str, object | None] = {
        "language": work.language,
        "published": work.published,
        "updated": work.updated,  # even on the day of publication: a round trip keeps it
        "status": work.status.value if work.status else None,
        "words": work.words,
        "chapters": chapter_count(work) if work.status else None,
        "summary": work.summary,
        "notes": work.notes,
        "end_notes": work.raw.end_notes,
    }
    fields.update({key[name]: value for name, value in optional.items() if value is not None})
    dumped: str = yaml.dump(
        fields, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=100
    )
    return dumped


class _FrontMatterDumper(yaml.SafeDumper):
    """Safe YAML that writes text with line breaks as literal ``|`` blocks, as people do."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def _chapter_blocks(chapter: RawChapter) -> list[str]:
    sections = labels().sections
    blocks = [_quote(sections["chapter_summary"], chapter.summary)]
    blocks.append(_quote(sections["chapter_notes"], chapter.notes))
    blocks.append(_markdown(chapter_fragment(chapter).html()))
    blocks.append(_quote(sections["chapter_end_notes"], chapter.end_notes))
    return [block for block in blocks if block]


def _markdown(html: str) -> str:
    converted: str = markdownify(html, heading_style="ATX", bullets="*", escape_misc=True)
    return converted.strip()


def _quote(label: str, text: str | None) -> str:
    if not text:
        return ""
    body = _markdown(f"<p><strong>{label}:</strong></p>") + "\n\n" + _markdown_text(text)
    return "\n".join(f"> {line}".rstrip() for line in body.split("\n"))


def _markdown_text(text: str) -> str:
    return _markdown(text_fragment(text).html())

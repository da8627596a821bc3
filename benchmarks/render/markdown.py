"""Markdown fics with YAML front matter, as static-site and notes-app writers keep them."""

from __future__ import annotations

import yaml

from benchmarks.spec import WorkSpec


def render_markdown(spec: WorkSpec) -> str:
    front: dict[str, object] = {
        "title": spec.title,
        "author": spec.author,
        "fandom": [fandom.name for fandom in spec.fandoms],
        "rating": spec.rating,
        "warnings": list(spec.warnings),
        "category": list(spec.categories),
        "relationships": [pair.canonical for pair in spec.pairings],
        "characters": [character.name for character in spec.characters],
        "tags": list(spec.freeforms),
        "summary": spec.summary,
        "status": "complete" if spec.complete else "in-progress",
        "published": spec.published.isoformat(),
    }
    if spec.series:
        front["series"] = {"name": spec.series[0], "position": spec.series[1]}
    parts = [f"---\n{yaml.safe_dump(front, sort_keys=False, allow_unicode=True)}---\n"]
    multi = len(spec.chapters) > 1
    for number, chapter in enumerate(spec.chapters, start=1):
        if multi:
            parts.append(f"## Chapter {number}" + (f": {chapter.title}" if chapter.title else ""))
        parts.append("\n\n".join(chapter.paragraphs) + "\n")
    return "\n".join(parts)

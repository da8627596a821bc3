"""AO3 "Download > HTML" files: the preface definition list, byline, summary and chapters.

Written for ficshelf after the shape of AO3's download template (two generations differ in
URL scheme and label plurals). The EPUB renderer reuses the pieces for AO3-style EPUBs.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from benchmarks.render.written import grouped
from benchmarks.spec import ChapterSpec, WorkSpec


def _tag_url(base: str, tag: str) -> str:
    # AO3 spells "/" and "&" inside tag URLs as "*s*" and "*a*".
    return f"{base}/tags/{quote(tag.replace('/', '*s*').replace('&', '*a*'))}"


def _links(base: str, tags: tuple[str, ...]) -> str:
    return ", ".join(f'<a href="{_tag_url(base, tag)}">{escape(tag)}</a>' for tag in tags)


def _label(singular: str, plural: str, count: int, plurals: bool) -> str:
    return plural if plurals and count > 1 else singular


def preface_rows(spec: WorkSpec, base: str, plurals: bool) -> str:
    """The ``<dl class="tags">`` rows: rating, warnings, category ... series, stats."""
    tag_rows = [
        ("Rating:", "Rating:", (spec.rating,)),
        ("Archive Warning:", "Archive Warnings:", spec.warnings),
        ("Category:", "Categories:", spec.categories),
        ("Fandom:", "Fandoms:", tuple(fandom.name for fandom in spec.fandoms)),
        ("Relationship:", "Relationships:", tuple(pair.canonical for pair in spec.pairings)),
        ("Character:", "Characters:", tuple(character.name for character in spec.characters)),
        ("Additional Tags:", "Additional Tags:", spec.freeforms),
    ]
    rows = [
        f"          <dt>{_label(one, many, len(tags), plurals)}</dt>\n"
        f"          <dd>{_links(base, tags)}</dd>\n"
        for one, many, tags in tag_rows
        if tags
    ]
    rows.append("\n        <dt>Language:</dt>\n        <dd>English</dd>\n")
    if spec.series:
        name, position = spec.series
        rows.append(
            "\n        <dt>Series:</dt>\n"
            f'        <dd>Part {position} of <a href="{base}/series/{spec.index + 1000}">'
            f"{escape(name)}</a></dd>\n"
        )
    rows.append(f"      <dt>Stats:</dt>\n      <dd>\n{_stats(spec)}      </dd>\n")
    return "".join(rows)


def _stats(spec: WorkSpec) -> str:
    lines = [f"        Published: {spec.published:%Y-%m-%d}\n"]
    if len(spec.chapters) > 1:
        label = "Completed" if spec.complete else "Updated"
        lines.append(f"          {label}: {spec.updated:%Y-%m-%d}\n")
    lines.append(f"        Words: {grouped(spec.words)}\n")
    expected = spec.chapters_expected or "?"
    lines.append(f"        Chapters: {len(spec.chapters)}/{expected}\n")
    return "".join(lines)


def byline_and_summary(spec: WorkSpec, base: str) -> str:
    author = escape(spec.author)
    return (
        f"    <h1>{escape(spec.title)}</h1>\n"
        f'    <div class="byline">by <a rel="author" href="{base}/users/{author}/pseuds/'
        f'{author}">{author}</a></div>\n'
        "      <p>Summary</p>\n"
        f'      <blockquote class="userstuff"><p>{escape(spec.summary)}</p></blockquote>\n'
    )


def chapter_body(chapter: ChapterSpec) -> str:
    return "".join(f"<p>{escape(paragraph)}</p>\n" for paragraph in chapter.paragraphs)


def chapter_heading(spec: WorkSpec, number: int, chapter: ChapterSpec) -> str:
    if len(spec.chapters) == 1:
        return f'    <h2 class="toc-heading">{escape(spec.title)}</h2>\n'
    title = f"Chapter {number}" + (f": {escape(chapter.title)}" if chapter.title else "")
    return f'<div class="meta group">\n  <h2 class="heading">\n      {title}\n  </h2>\n</div>\n'


def render_ao3_html(spec: WorkSpec, generation: int) -> str:
    base = "https://archiveofourown.org" if generation == 2 else "http://archiveofourown.org"
    fandom = escape(spec.fandoms[0].name)
    chapters = "".join(
        chapter_heading(spec, number, chapter)
        + f'<!--chapter content-->\n<div class="userstuff">\n{chapter_body(chapter)}</div>\n'
        "<!--/chapter content-->\n\n"
        for number, chapter in enumerate(spec.chapters, start=1)
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n<head>\n'
        '  <meta charset="utf-8"/>\n'
        f"  <title>{escape(spec.title)} - {escape(spec.author)} - {fandom}</title>\n"
        "</head>\n<body>\n\n"
        '<div id="preface">\n  <h2 class="toc-heading">Preface</h2>\n\n'
        f'  <p class="message">\n    <b>{escape(spec.title)}</b><br/>\n'
        f'    Posted originally on the <a href="{base}/">Archive of Our Own</a> at '
        f'<a href="{base}/works/{spec.index + 1}">{base}/works/{spec.index + 1}</a>.\n  </p>\n\n'
        '  <div class="meta">\n    <dl class="tags">\n'
        f"{preface_rows(spec, base, plurals=generation == 2)}    </dl>\n"
        f"{byline_and_summary(spec, base)}  </div>\n</div>\n\n"
        f'<div id="chapters" class="userstuff">\n{chapters}</div>\n\n'
        '<div id="afterword">\n  <h2 class="toc-heading">Afterword</h2>\n'
        f'  <p class="message">Please <a href="{base}/works/{spec.index + 1}/comments/new">'
        "drop by the Archive and comment</a> to let the creator know if you enjoyed their "
        "work!</p>\n</div>\n\n</body>\n</html>\n"
    )

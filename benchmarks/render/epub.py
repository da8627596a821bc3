"""EPUBs: AO3-style (EPUB2 split by calibre, preface first) and plain EPUB3 from other tools."""

from __future__ import annotations

from html import escape

from benchmarks.render.ao3 import byline_and_summary, chapter_body, preface_rows
from benchmarks.render.archive import zip_bytes
from benchmarks.spec import WorkSpec

CONTAINER = (
    '<?xml version="1.0"?>\n<container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n  <rootfiles>\n'
    '    <rootfile full-path="{opf}" media-type="application/oebps-package+xml"/>\n'
    "  </rootfiles>\n</container>\n"
)


def _xhtml(title: str, body: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">\n'
        f"<head><title>{escape(title)}</title></head>\n<body>\n{body}</body></html>\n"
    ).encode()


def _chapter_label(spec: WorkSpec, number: int) -> str:
    title = spec.chapters[number - 1].title
    return title or f"Chapter {number}"


def render_ao3_epub(spec: WorkSpec) -> bytes:
    base = "https://archiveofourown.org"
    stem = "".join(ch if ch.isalnum() else "_" for ch in spec.title)[:20] or "work"
    preface = (
        '<div id="preface">\n  <h2 class="toc-heading">Preface</h2>\n'
        f'  <div class="meta">\n    <dl class="tags">\n{preface_rows(spec, base, True)}'
        f"    </dl>\n{byline_and_summary(spec, base)}  </div>\n</div>\n"
    )
    pages = [(f"{stem}_split_000.xhtml", _xhtml(spec.title, preface))]
    for number, chapter in enumerate(spec.chapters, start=1):
        body = (
            f'<div id="chapters" class="userstuff">\n<h2 class="heading">'
            f"{escape(_chapter_label(spec, number))}</h2>\n"
            f'<div class="userstuff">\n{chapter_body(chapter)}</div>\n</div>\n'
        )
        pages.append((f"{stem}_split_{number:03d}.xhtml", _xhtml(spec.title, body)))
    subjects = (
        "Fanworks",
        spec.rating,
        *spec.warnings,
        *(fandom.name for fandom in spec.fandoms),
        *(pair.canonical for pair in spec.pairings),
        *(character.name for character in spec.characters),
        *spec.freeforms,
        *spec.categories,
    )
    series = ""
    if spec.series:
        series = (
            f'    <meta name="calibre:series" content="{escape(spec.series[0])}"/>\n'
            f'    <meta name="calibre:series_index" content="{spec.series[1]}"/>\n'
        )
    opf = _opf2(spec, subjects, series, [name for name, _ in pages])
    return zip_bytes(
        [
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER.format(opf="content.opf").encode()),
            *pages,
            ("content.opf", opf.encode()),
        ]
    )


def _opf2(spec: WorkSpec, subjects: tuple[str, ...], series: str, pages: list[str]) -> str:
    items = "".join(
        f'    <item id="html{n}" href="{name}" media-type="application/xhtml+xml"/>\n'
        for n, name in enumerate(pages)
    )
    spine = "".join(f'    <itemref idref="html{n}"/>\n' for n in range(len(pages)))
    tags = "".join(f"    <dc:subject>{escape(subject)}</dc:subject>\n" for subject in subjects)
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">\n'
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:opf="http://www.idpf.org/2007/opf">\n'
        f"    <dc:title>{escape(spec.title)}</dc:title>\n    <dc:language>en</dc:language>\n"
        f'    <dc:creator opf:role="aut">{escape(spec.author)}</dc:creator>\n'
        f'    <dc:identifier id="id">ficshelf-bench-{spec.index}</dc:identifier>\n'
        f"    <dc:description>&lt;p&gt;{escape(escape(spec.summary))}&lt;/p&gt;"
        "</dc:description>\n    <dc:publisher>Archive of Our Own</dc:publisher>\n"
        f"{series}{tags}    <dc:date>{spec.published:%Y-%m-%d}T00:00:00+00:00</dc:date>\n"
        f"  </metadata>\n  <manifest>\n{items}  </manifest>\n  <spine>\n{spine}  </spine>\n"
        "</package>\n"
    )


def render_plain_epub(spec: WorkSpec) -> bytes:
    """An EPUB3 as writing tools export it: metadata only in the OPF, one file per chapter."""
    pages = [
        (
            f"OEBPS/chapter{number:03d}.xhtml",
            _xhtml(
                _chapter_label(spec, number),
                f"<h1>{escape(_chapter_label(spec, number))}</h1>\n{chapter_body(chapter)}",
            ),
        )
        for number, chapter in enumerate(spec.chapters, start=1)
    ]
    nav_items = "".join(
        f'<li><a href="{name.removeprefix("OEBPS/")}">{escape(_chapter_label(spec, n))}</a></li>'
        for n, (name, _) in enumerate(pages, start=1)
    )
    nav = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
        f'<nav epub:type="toc"><ol>{nav_items}</ol></nav></body></html>\n'
    )
    return zip_bytes(
        [
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER.format(opf="OEBPS/content.opf").encode()),
            ("OEBPS/content.opf", _opf3(spec, [name for name, _ in pages]).encode()),
            ("OEBPS/nav.xhtml", nav.encode()),
            *pages,
        ]
    )


def _opf3(spec: WorkSpec, pages: list[str]) -> str:
    items = "".join(
        f'    <item id="c{n}" href="{name.removeprefix("OEBPS/")}" '
        'media-type="application/xhtml+xml"/>\n'
        for n, name in enumerate(pages)
    )
    spine = "".join(f'    <itemref idref="c{n}"/>\n' for n in range(len(pages)))
    tags = "".join(
        f"    <dc:subject>{escape(tag)}</dc:subject>\n"
        for tag in (*(f.name for f in spec.fandoms), *spec.freeforms)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">\n'
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'    <dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-{spec.index:012d}'
        "</dc:identifier>\n"
        f"    <dc:title>{escape(spec.title)}</dc:title>\n"
        f"    <dc:creator>{escape(spec.author)}</dc:creator>\n    <dc:language>en</dc:language>\n"
        f"    <dc:description>{escape(spec.summary)}</dc:description>\n{tags}"
        f'    <meta property="dcterms:modified">{spec.updated:%Y-%m-%d}T00:00:00Z</meta>\n'
        "  </metadata>\n  <manifest>\n"
        '    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        f'properties="nav"/>\n{items}  </manifest>\n  <spine>\n{spine}  </spine>\n</package>\n'
    )

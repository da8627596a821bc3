"""Reading: a work's page, its chapters, the content gate, downloads, places and history.

Every way into a work's text (page, chapter, full view, download, JSON) goes through
:func:`guard`, which answers with the "hidden by your filters" page or the content gate
before anything of the work beyond its title, rating and warnings is shown.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.export import FORMATS, export_work
from ficshelf.library.blurbs import blurbs
from ficshelf.library.store import StoredWork
from ficshelf.record import work_record
from ficshelf.serve.cookies import (
    gate_answers_of,
    prefs_of,
    reading_of,
    save_gate_answers,
    save_reading,
)
from ficshelf.serve.endpoint import endpoint, form_of, path_int, shelf_of
from ficshelf.serve.preferences import Place
from ficshelf.serve.protection import is_blocked, needs_gate, visible_ids
from ficshelf.serve.rendering import json_response, render, wants_json

FULL_VIEW = 0  # the chapter number a place records for "entire work" reading
_DOWNLOAD_TYPES = {
    "epub": "application/epub+zip",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def stored_work(request: Request) -> StoredWork:
    found = shelf_of(request).library.get(path_int(request, "work_id"))
    if found is None:
        raise HTTPException(404)
    return found


def guard(request: Request, stored: StoredWork) -> Response | None:
    """The page to show instead of the work, when the reader's filters or the gate say so."""
    work = stored.work
    prefs = prefs_of(request)
    revealed = prefs.collapses and request.query_params.get("reveal") == "1"
    if not revealed and is_blocked(shelf_of(request), prefs, stored.id):
        return render(request, "reader/hidden.html", stored=stored, work=work,
                      title="Hidden by your filters")  # fmt: skip
    if needs_gate(work.rating, work.warnings) and not gate_answers_of(request).allows(stored.id):
        return render(
            request,
            "reader/gate.html",
            stored=stored,
            work=work,
            next=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
            title=f"{work.title}: content notice",
        )
    return None


@endpoint
def work_page(request: Request) -> Response:
    stored = stored_work(request)
    if wants_json(request):
        blocked = guard(request, stored)
        if blocked is not None:
            return json_response({"id": stored.id, "error": "hidden or gated"}, 403)
        return json_response({"id": stored.id, **work_record(stored.work)})
    blocked = guard(request, stored)
    if blocked is not None:
        return blocked
    chapters = stored.work.chapters
    full = len(chapters) <= 1 or request.query_params.get("view") == "full"
    place = reading_of(request).place(stored.id)
    return render(
        request,
        "reader/work.html",
        stored=stored,
        work=stored.work,
        full=full,
        shown=list(enumerate(chapters, start=1)) if full else [(1, chapters[0])],
        number=FULL_VIEW if full and len(chapters) > 1 else 1,
        place=place,
        restore=_restore(place, FULL_VIEW if full and len(chapters) > 1 else 1),
        reveal=request.query_params.get("reveal") == "1",
        formats=list(FORMATS),
        title=stored.work.title,
    )


@endpoint
def chapter_page(request: Request) -> Response:
    stored = stored_work(request)
    blocked = guard(request, stored)
    if blocked is not None:
        return blocked
    number = path_int(request, "number")
    chapters = stored.work.chapters
    if not 1 <= number <= len(chapters):
        raise HTTPException(404)
    chapter = chapters[number - 1]
    place = reading_of(request).place(stored.id)
    return render(
        request,
        "reader/chapter.html",
        stored=stored,
        work=stored.work,
        chapter=chapter,
        number=number,
        restore=_restore(place, number),
        reveal=request.query_params.get("reveal") == "1",
        title=f"{chapter.title or f'Chapter {number}'} — {stored.work.title}",
    )


def _restore(place: Place | None, number: int) -> str:
    """The scroll fraction to return to on this page, for reader.js ("" when none)."""
    if place is not None and place.chapter == number and place.fraction > 0:
        return f"{place.fraction:.4f}"
    return ""


@endpoint
def proceed(request: Request) -> Response:
    """The reader chose "Proceed" on the content gate: remember it, go where they were going."""
    stored = stored_work(request)
    form = form_of(request)
    target = _local_target(form.get("next", ""), stored.id)
    answers = gate_answers_of(request).proceed(stored.id, prefs_of(request).gate_scope)
    response = RedirectResponse(target, status_code=303)
    save_gate_answers(request, response, answers)
    return response


def _local_target(target: str, work_id: int) -> str:
    """Only a path of this same work may be the redirect target (no open redirect)."""
    parts = urlsplit(target)
    home = f"/works/{work_id}"
    if (
        parts.scheme
        or parts.netloc
        or not (parts.path == home or parts.path.startswith(home + "/"))
    ):
        return home
    return parts.path + (f"?{parts.query}" if parts.query else "")


@endpoint
def save_position(request: Request) -> Response:
    """reader.js posts where the reader is (chapter, fraction of the page scrolled)."""
    stored = stored_work(request)
    form = form_of(request)
    try:
        chapter = int(form.get("chapter", "1"))
        fraction = float(form.get("fraction", "0"))
    except ValueError as error:
        raise HTTPException(400, "chapter and fraction must be numbers") from error
    if not 0 <= chapter <= len(stored.work.chapters) or not 0 <= fraction <= 1:
        raise HTTPException(400, "no such place in this work")
    response = Response(status_code=204)
    save_reading(request, response, reading_of(request).remember(stored.id, chapter, fraction))
    return response


@endpoint
def download(request: Request) -> Response:
    stored = stored_work(request)
    blocked = guard(request, stored)
    if blocked is not None:
        return blocked
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS or fmt not in _DOWNLOAD_TYPES:
        raise HTTPException(404)
    with tempfile.TemporaryDirectory(prefix="ficshelf-download-") as folder:
        path = export_work(stored.work, fmt, Path(folder))
        data = path.read_bytes()
    return Response(
        data,
        media_type=_DOWNLOAD_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{path.name}"'},
    )


@endpoint
def history(request: Request) -> Response:
    shelf = shelf_of(request)
    places = reading_of(request).places
    visible = visible_ids(shelf, prefs_of(request), [place.work_id for place in places])
    found = {b.id: b for b in blurbs(shelf.library.database.connection, sorted(visible))}
    entries = [(place, found[place.work_id]) for place in places if place.work_id in found]
    if wants_json(request):
        return json_response(
            [
                {"id": b.id, "title": b.title, "chapter": p.chapter, "fraction": p.fraction}
                for p, b in entries
            ]
        )
    hidden = len(places) - len(entries)
    return render(request, "reader/history.html", entries=entries, hidden=hidden,
                  title="Reading history")  # fmt: skip


routes = [
    Route("/works/{work_id:int}", work_page),
    Route("/works/{work_id:int}.json", work_page),
    Route("/works/{work_id:int}/chapters/{number:int}", chapter_page),
    Route("/works/{work_id:int}/proceed", proceed, methods=["POST"]),
    Route("/works/{work_id:int}/position", save_position, methods=["POST"]),
    Route("/works/{work_id:int}/download.{fmt}", download),
    Route("/history", history),
    Route("/history.json", history),
]

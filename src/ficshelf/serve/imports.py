"""Import from the browser: upload story files or zips, watch the progress, read the summary.

Uploads are kept in the library folder (``uploads/<job>/``) as the works' source files, then
imported by the same ``import_paths`` the CLI runs, in a thread with its own connection. The
job page polls (a <noscript> refresh, or import.js) until the same summary the CLI prints.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import FicshelfError
from ficshelf.library.importer import ImportProgress, ImportReport, import_paths
from ficshelf.serve.endpoint import endpoint, shelf_of
from ficshelf.serve.rendering import json_response, render, wants_json
from ficshelf.serve.shelf import Shelf

UPLOADS_FOLDER = "uploads"
_UNSAFE = re.compile(r"[^\w.\- ]+")
_COPY_CHUNK = 1 << 20


@dataclass(slots=True)
class ImportJob:
    """One browser import; written by its thread, read by the job page."""

    id: str
    files: tuple[str, ...]
    progress: ImportProgress | None = None
    report: ImportReport | None = None
    error: str | None = None
    started: float = field(default_factory=time.time)

    @property
    def done(self) -> bool:
        return self.report is not None or self.error is not None

    def as_json(self) -> dict[str, object]:
        progress = self.progress
        return {
            "id": self.id,
            "done": self.done,
            "files_done": progress.files_done if progress else 0,
            "files_total": progress.files_total if progress else 0,
            "current": progress.current if progress else "",
            "error": self.error,
            "summary": self.report.as_json() if self.report else None,
        }


class ImportJobs:
    """The imports of this server run, newest first."""

    def __init__(self) -> None:
        self._jobs: dict[str, ImportJob] = {}

    def get(self, job_id: str) -> ImportJob | None:
        return self._jobs.get(job_id)

    def recent(self) -> list[ImportJob]:
        return sorted(self._jobs.values(), key=lambda job: job.started, reverse=True)

    def start(self, shelf: Shelf, folder: Path, files: tuple[str, ...]) -> ImportJob:
        job = ImportJob(folder.name, files)
        self._jobs[job.id] = job
        threading.Thread(target=_run, args=(job, shelf, folder), daemon=True).start()
        return job


def _run(job: ImportJob, shelf: Shelf, folder: Path) -> None:
    def on_progress(progress: ImportProgress) -> None:
        job.progress = progress

    try:
        with shelf.open_another() as library:
            report = import_paths(library, [folder], on_progress=on_progress)
    except FicshelfError as error:
        job.error = str(error)
        return
    job.report = report


def safe_name(filename: str | None, taken: set[str]) -> str:
    """A file name to store an upload under: no folders, no odd characters, not yet taken."""
    base = _UNSAFE.sub("_", Path(filename or "upload").name).strip(" .") or "upload"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        stem, dot, suffix = base.rpartition(".")
        name = f"{stem}-{number}.{suffix}" if dot else f"{base}-{number}"
    taken.add(name.casefold())
    return name


def save_uploads(uploads: list[UploadFile], folder: Path) -> tuple[str, ...]:
    folder.mkdir(parents=True)
    taken: set[str] = set()
    names: list[str] = []
    for upload in uploads:
        if not upload.filename:
            continue
        name = safe_name(upload.filename, taken)
        with (folder / name).open("wb") as out:
            upload.file.seek(0)
            while chunk := upload.file.read(_COPY_CHUNK):
                out.write(chunk)
        names.append(name)
    return tuple(names)


def _jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs = request.app.state.imports
    return jobs


@endpoint
def import_page(request: Request) -> Response:
    return render(request, "imports/import.html", jobs=_jobs(request).recent(), error=None,
                  title="Import stories")  # fmt: skip


@endpoint
def start_import(request: Request) -> Response:
    shelf = shelf_of(request)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = shelf.directory / UPLOADS_FOLDER / f"{stamp}-{secrets.token_hex(3)}"
    names = save_uploads(request.state.uploads, folder)
    if not names:
        if folder.exists():
            folder.rmdir()
        return render(
            request,
            "imports/import.html",
            400,
            jobs=_jobs(request).recent(),
            error="Choose at least one file to import.",
            title="Import stories",
        )
    job = _jobs(request).start(shelf, folder, names)
    return RedirectResponse(f"/import/jobs/{job.id}", status_code=303)


def job_page(request: Request) -> Response:
    """Not under the shelf lock: a running import must be watchable while it writes."""
    name: str = request.path_params["job_id"]
    job = _jobs(request).get(name.removesuffix(".json"))
    if job is None:
        raise HTTPException(404)
    if wants_json(request):
        return json_response(job.as_json())
    return render(request, "imports/job.html", job=job, title="Import progress")


routes = [
    Route("/import", import_page),
    Route("/import", start_import, methods=["POST"]),
    Route("/import/jobs/{job_id}", job_page),
]

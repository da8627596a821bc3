"""What every route shares: reading a posted form, the shelf lock, small request helpers.

Routes are plain sync functions (the library is sync SQLite). :func:`endpoint` reads a posted
form first (that needs ``await``), then runs the route on Starlette's thread pool while holding
the shelf lock.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from ficshelf.serve.shelf import Shelf

Handler = Callable[[Request], Response]
MAX_UPLOADS = 1000


def shelf_of(request: Request) -> Shelf:
    shelf: Shelf = request.app.state.shelf
    return shelf


def endpoint(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """``handler`` as a route: form fields in ``request.state.form`` (text) and
    ``request.state.uploads`` (files), run on the thread pool holding the shelf lock."""

    def locked(request: Request) -> Response:
        with shelf_of(request).reading():
            return handler(request)

    @functools.wraps(handler)
    async def route(request: Request) -> Response:
        request.state.form = {}
        request.state.uploads = []
        if request.method == "POST":
            form = await request.form(max_files=MAX_UPLOADS)
            request.state.form = {k: v for k, v in form.multi_items() if isinstance(v, str)}
            request.state.form_lists = {
                key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form
            }
            request.state.uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        return await run_in_threadpool(locked, request)

    return route


def form_of(request: Request) -> dict[str, str]:
    """The posted text fields (the last value of each)."""
    form: dict[str, str] = request.state.form
    return form


def page_param(request: Request) -> int | None:
    """``?page=N``; None (the query's own ``page:``, else 1) when absent or unreadable."""
    value = request.query_params.get("page", "")
    return int(value) if value.isdigit() and int(value) >= 1 else None


def path_int(request: Request, name: str) -> int:
    value: int = request.path_params[name]
    return value

"""The web application: ``create_app(library_dir)`` wires pages, static files and security."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ficshelf.errors import FicshelfError
from ficshelf.serve import imports, opds, reader, settings, tags, works, wrangling
from ficshelf.serve.preferences import CookieSigner, library_secret
from ficshelf.serve.rendering import json_response, render, wants_json
from ficshelf.serve.security import SecurityMiddleware
from ficshelf.serve.shelf import Shelf


def static_folder() -> Path:
    folder = resources.files("ficshelf.data").joinpath("web/static")
    assert isinstance(folder, Path), "ficshelf is installed as real files"
    return folder


def create_app(
    library_dir: Path,
    *,
    database_url: str | None = None,
    secret: bytes | None = None,
) -> Starlette:
    """The ficshelf web app over the library in ``library_dir`` (created when missing), or
    in PostgreSQL at ``database_url``.

    ``secret`` signs the reader's cookies; by default a key kept in the library folder, so
    preferences survive restarts.
    """
    shelf = Shelf(Path(library_dir), database_url)
    app = Starlette(
        routes=[
            *works.routes,
            *reader.routes,
            *settings.routes,
            *tags.routes,
            *imports.routes,
            *wrangling.routes,
            *opds.routes,
            Mount("/static", StaticFiles(directory=static_folder()), name="static"),
        ],
        middleware=[Middleware(SecurityMiddleware)],
        exception_handlers={FicshelfError: _user_error, 404: _not_found},
        lifespan=_closing(shelf),
    )
    app.state.shelf = shelf
    app.state.imports = imports.ImportJobs()
    app.state.signer = CookieSigner(secret or library_secret(shelf.directory))
    return app


def _closing(shelf: Shelf) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        shelf.close()

    return lifespan


def _user_error(request: Request, error: Exception) -> Response:
    if wants_json(request):
        return json_response({"error": str(error)}, 400)
    return render(request, "error.html", 400, message=str(error), title="Something went wrong")


def _not_found(request: Request, error: Exception) -> Response:
    if wants_json(request):
        return json_response({"error": "not found"}, 404)
    return render(request, "error.html", 404, message="There is nothing at this address.",
                  title="Not found")  # fmt: skip

"""/preferences: reading settings, blocked tags and authors, how blocks and the gate behave."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.serve.cookies import prefs_of, save_prefs
from ficshelf.serve.endpoint import endpoint, form_of
from ficshelf.serve.preferences import Preferences, choices, clean_names
from ficshelf.serve.rendering import json_response, render, wants_json


def _local(target: str, default: str) -> str:
    """Redirect only to a path on this site."""
    return target if target.startswith("/") and not target.startswith("//") else default


def _chosen(prefs: Preferences, form: dict[str, str]) -> Preferences:
    """``prefs`` with every setting the form chose (unknown values ignored)."""
    for setting, values in choices().items():
        if form.get(setting) in values:
            prefs = prefs.choosing(setting, form[setting])
    return prefs


@endpoint
def preferences_page(request: Request) -> Response:
    prefs = prefs_of(request)
    if wants_json(request):
        return json_response(prefs.as_json())
    saved = request.query_params.get("saved") == "1"
    return render(request, "reader/preferences.html", saved=saved, title="Preferences")


@endpoint
def save_preferences(request: Request) -> Response:
    form = form_of(request)
    prefs = replace(
        _chosen(prefs_of(request), form),
        blocked_tags=clean_names(form.get("blocked_tags", "")),
        blocked_authors=clean_names(form.get("blocked_authors", "")),
    )
    response = RedirectResponse("/preferences?saved=1", status_code=303)
    save_prefs(request, response, prefs)
    return response


@endpoint
def save_reading_settings(request: Request) -> Response:
    """The reader's quick theme/size form: change only what it sends, go back to the page."""
    form = form_of(request)
    response = RedirectResponse(_local(form.get("next", ""), "/works"), status_code=303)
    save_prefs(request, response, _chosen(prefs_of(request), form))
    return response


@endpoint
def block(request: Request) -> Response:
    """ "Block this tag/author" buttons on tag and author pages."""
    form = form_of(request)
    prefs = prefs_of(request)
    if tag := form.get("tag", "").strip():
        prefs = replace(prefs, blocked_tags=clean_names([*prefs.blocked_tags, tag]))
    if author := form.get("author", "").strip():
        prefs = replace(prefs, blocked_authors=clean_names([*prefs.blocked_authors, author]))
    response = RedirectResponse(_local(form.get("next", ""), "/preferences"), status_code=303)
    save_prefs(request, response, prefs)
    return response


routes = [
    Route("/preferences", preferences_page),
    Route("/preferences.json", preferences_page),
    Route("/preferences", save_preferences, methods=["POST"]),
    Route("/preferences/reading", save_reading_settings, methods=["POST"]),
    Route("/preferences/block", block, methods=["POST"]),
]

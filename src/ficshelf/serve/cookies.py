"""Reading a reader's cookies from a request and writing them on a response."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from ficshelf.serve.preferences import (
    PREFS_COOKIE,
    READING_COOKIE,
    SESSION_COOKIE,
    YEAR_SECONDS,
    CookieSigner,
    GateAnswers,
    Preferences,
    Reading,
)


def _signer(request: Request) -> CookieSigner:
    signer: CookieSigner = request.app.state.signer
    return signer


def _load(request: Request, name: str) -> object:
    return _signer(request).load(request.cookies.get(name))


def prefs_of(request: Request) -> Preferences:
    return Preferences.from_json(_load(request, PREFS_COOKIE))


def reading_of(request: Request) -> Reading:
    return Reading.from_json(_load(request, READING_COOKIE))


def gate_answers_of(request: Request) -> GateAnswers:
    return GateAnswers.from_json(_load(request, SESSION_COOKIE))


def _set(
    request: Request, response: Response, name: str, value: object, max_age: int | None
) -> None:
    response.set_cookie(
        name,
        _signer(request).dump(value),
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def save_prefs(request: Request, response: Response, prefs: Preferences) -> None:
    _set(request, response, PREFS_COOKIE, prefs.as_json(), YEAR_SECONDS)


def save_reading(request: Request, response: Response, reading: Reading) -> None:
    _set(request, response, READING_COOKIE, reading.as_json(), YEAR_SECONDS)


def save_gate_answers(request: Request, response: Response, answers: GateAnswers) -> None:
    _set(request, response, SESSION_COOKIE, answers.as_json(), None)

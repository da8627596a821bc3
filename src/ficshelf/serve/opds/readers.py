"""Whose catalog this is: the reader's blocked tags and authors, for clients without cookies.

ficshelf has no accounts; a reader's blocks live in their browser's signed cookie. E-reader
apps rarely send that cookie, so a reader takes their catalog along as an address carrying a
*reader token*: their blocked tags and authors, signed with the same key as the cookies, so
nobody can edit a token into hiding less. Every link in the catalog carries the token on.

Without a token the cookie counts (a browser opening /opds); without either, nothing is
blocked, as on the web pages. A token that fails its signature is refused rather than
ignored: quietly showing everything would break the reader's protection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from starlette.exceptions import HTTPException
from starlette.requests import Request

from ficshelf.search.ast import MAX_PER_PAGE
from ficshelf.serve.cookies import prefs_of
from ficshelf.serve.preferences import CookieSigner, Preferences
from ficshelf.serve.protection import visible_ids
from ficshelf.serve.shelf import Shelf

READER_PARAM = "reader"
BAD_TOKEN = (
    "This catalog address has a reader token this library did not sign (or it was cut "
    "short): open /opds/address in your browser for a fresh one."
)


def _signer(request: Request) -> CookieSigner:
    signer: CookieSigner = request.app.state.signer
    return signer


def reader_token(request: Request, prefs: Preferences) -> str:
    """The token that carries ``prefs``' blocks (and nothing else) in a catalog address."""
    blocks = {
        "blocked_tags": list(prefs.blocked_tags),
        "blocked_authors": list(prefs.blocked_authors),
    }
    return _signer(request).dump(blocks)


def token_of(request: Request) -> str | None:
    """The reader token the request came with, if any."""
    return request.query_params.get(READER_PARAM)


def reader_prefs(request: Request) -> Preferences:
    """The blocks that apply to this request: its token's, else its cookie's, else none.

    Raises HTTPException 403 for a token that is not this library's.
    """
    token = token_of(request)
    if token is None:
        return prefs_of(request)
    data = _signer(request).load(token)
    if not isinstance(data, dict):
        raise HTTPException(403, BAD_TOKEN)
    return Preferences.from_json(data)


def visibility(shelf: Shelf, prefs: Preferences, ids: Iterable[int]) -> Callable[[int], bool]:
    """Which of ``ids`` the reader may see, as a test; asks the search service (through the
    same rule as every web page) a page of ids at a time."""
    if not prefs.blocks_anything:
        return lambda _work_id: True
    wanted = sorted(set(ids))
    seen: set[int] = set()
    for start in range(0, len(wanted), MAX_PER_PAGE):
        seen |= visible_ids(shelf, prefs, wanted[start : start + MAX_PER_PAGE])
    return seen.__contains__

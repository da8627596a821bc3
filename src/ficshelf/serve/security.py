"""HTTP headers every response carries, and refusing state changes that come from other sites.

The Content-Security-Policy is the second wall around story HTML (the first is nh3 at import):
no inline script or style, nothing loaded from anywhere but this server, no framing.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SecurityMiddleware:
    """Adds :data:`SECURITY_HEADERS`; answers 403 to a POST sent by another site's page.

    Without this check a page elsewhere could post a form to /preferences and quietly clear a
    reader's blocked tags. Browsers send ``Sec-Fetch-Site`` and ``Origin`` on such posts.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in _SAFE_METHODS and _cross_site(Headers(scope=scope)):
            response = PlainTextResponse("Refused: this form was sent from another site.", 403)
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        return sending


def _cross_site(headers: Headers) -> bool:
    """Fetch metadata when the browser sends it, else the Origin header; neither: same site
    (a script or an old browser, which a cross-site page could not make send the cookies)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("cross-site", "same-site")
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return False
    return origin.split("://", 1)[-1] != headers.get("host", "")

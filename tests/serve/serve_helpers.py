"""Helpers the web tests share."""

from __future__ import annotations

from starlette.testclient import TestClient


def work_id(client: TestClient, title: str) -> int:
    """The id of the work titled ``title``, as the index lists it."""
    works = client.get("/works.json", params={"q": "per-page:100"}).json()["works"]
    return next(work["id"] for work in works if work["title"] == title)

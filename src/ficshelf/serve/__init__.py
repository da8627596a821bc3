"""serve stage: the web app and reader (``create_app``), run by ``ficshelf serve``."""

from ficshelf.serve.app import create_app

__all__ = ["create_app"]

"""ficshelf: a self-hosted fan-fiction archive."""

__version__ = "0.1.0"

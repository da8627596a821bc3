"""Renderers: turn a ``WorkSpec`` into the bytes of one file format fans keep stories in."""

"""Benchmarks: a seeded generator of a realistic fan-fiction corpus and the import benchmark."""

"""Package data: vocabularies, the knowledge base, the demo library."""

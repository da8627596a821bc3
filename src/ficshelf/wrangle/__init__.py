"""wrangle stage."""

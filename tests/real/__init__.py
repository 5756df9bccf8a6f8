"""Corpora of what nobody here wrote: real saved pages (pages/) and real article texts (texts/)."""

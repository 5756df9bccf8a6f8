"""Spiders, one per portal."""

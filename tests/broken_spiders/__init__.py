"""Spiders for tests only: the real liyang spider with one part made to fail on purpose."""

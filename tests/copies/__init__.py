"""Labelled ground truth for syndicated-copy (near-duplicate) detection."""

from tests.copies.labelled import Item, labelled_set, pairs

__all__ = ["Item", "labelled_set", "pairs"]

"""Aligned text tables for people: columns padded to their widest cell, CJK counted double."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence


def width(text: str) -> int:
    """Columns a terminal gives the text: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render(
    columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Collection[str] = ()
) -> str:
    """The table, header first; columns named in `numeric` right-aligned."""
    widths = [max(width(cell) for cell in column) for column in zip(columns, *rows, strict=True)]
    lines = []
    for cells in (columns, *rows):
        padded = []
        for name, cell, size in zip(columns, cells, widths, strict=True):
            fill = " " * (size - width(cell))
            padded.append(fill + cell if name in numeric else cell + fill)
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def clip(value: str, columns: int) -> str:
    """The text cut to fit `columns` terminal columns, with … where it was cut."""
    out, used = "", 0
    for char in value:
        size = width(char)
        if used + size > columns - 1:
            return out + "…"
        out, used = out + char, used + size
    return out

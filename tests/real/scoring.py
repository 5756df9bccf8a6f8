"""Score an extraction of a real saved page against the truth a person wrote for it.

One scorer for the test gate and the benchmark, so that this project, GNE and trafilatura are
judged alike. Texts are compared after NFKC (full-width forms to ASCII) and without whitespace:
line breaks and indents differ between extractors, not the words.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
FIELDS = ("title", "date", "first_paragraph", "last_paragraph")


@dataclass(frozen=True)
class Case:
    name: str
    html: bytes
    truth: dict

    @property
    def encoding(self) -> str:
        return self.truth.get("encoding") or "utf-8"

    @property
    def text(self) -> str:
        return self.html.decode(self.encoding, errors="replace")

    @property
    def url(self) -> str:
        """The page's own URL, or a stand-in on a host of its own."""
        return self.truth["provenance"].get("url") or f"http://{self.name}.example/article.html"


@dataclass(frozen=True)
class Output:
    """What an extractor read off a page."""

    title: str
    published: date | None
    paragraphs: tuple[str, ...]


def cases() -> list[Case]:
    found = []
    for path in sorted(PAGES.glob("*.json")):
        page = path.with_suffix(".html")
        if page.exists():
            truth = json.loads(path.read_text(encoding="utf-8"))
            found.append(Case(path.stem, page.read_bytes(), truth))
    return found


def norm(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).split())


def score(case: Case, got: Output) -> dict[str, bool | int]:
    """Per field whether it is right, and `leaked`: the truth's boilerplate lines in the body."""
    truth = case.truth
    paragraphs = [p for p in got.paragraphs if norm(p)]
    head = [norm(t) for t in truth.get("head_optional", []) if norm(t)]
    tail = [norm(t) for t in truth.get("tail_optional", []) if norm(t)]
    while paragraphs and _only_optional(norm(paragraphs[0]), head):
        paragraphs.pop(0)
    while paragraphs and _only_optional(norm(paragraphs[-1]), tail):
        paragraphs.pop()
    body = norm("".join(got.paragraphs))
    kept = norm("".join(paragraphs))
    first, last = norm(truth["first_paragraph"]), norm(truth["last_paragraph"])
    want_date = date.fromisoformat(truth["date"]) if truth.get("date") else None
    leaked = sum(
        1 for line in truth.get("boilerplate", []) if len(norm(line)) >= 4 and norm(line) in body
    )
    return {
        "title": norm(got.title) == norm(truth["title"]),
        "date": got.published == want_date,
        "first_paragraph": bool(first) and kept.startswith(first),
        "last_paragraph": bool(last) and kept.endswith(last),
        "leaked": leaked,
    }


def _only_optional(line: str, optional: list[str]) -> bool:
    """Whether a line is made of the truth's optional lines only (one, or several run
    together: 本文来源：… 责任编辑：…). Optional are the credits below the text (tail) and the
    centred display lines above it (head) that a reader may take for text or not."""
    for item in sorted(optional, key=len, reverse=True):
        line = line.replace(item, "")
    return not line

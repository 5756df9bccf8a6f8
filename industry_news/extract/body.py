"""The body: the container whose paragraphs carry the most non-link text in the body's zone."""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, char_count, tag, text

_NEGATIVE = re.compile(
    r"comment|sidebar|side|widget|footer|header|menu|nav|related|relate|recommend|hot|share|"
    r"copy|banner|ad-|login|pagebar|pages",
    re.IGNORECASE,
)
_POSITIVE = re.compile(r"article|content|entry|single|post|text|detail|body|main", re.IGNORECASE)
_MIN_BLOCK = 10


def body_containers(doc: Document, skip: set[HtmlElement], lo: int, hi: int) -> list[HtmlElement]:
    """The elements holding the body, in page order, from the text between lo and hi.

    The element whose paragraphs carry the most non-link text wins; siblings that carry a fair
    share too (an article split over several sections) join it.
    """
    if doc.theme is not None:
        fast = [el for el in doc.theme.body(doc.root) if lo < doc.order[el] < hi]
        if len(fast) == 1:
            return fast
    scores: dict[HtmlElement, float] = defaultdict(float)
    weights: dict[HtmlElement, int] = {}

    def in_zone(node: HtmlElement) -> bool:
        return doc.last[node] > lo and doc.order[node] < hi

    def visit(node: HtmlElement, in_link: bool) -> tuple[int, int]:
        name = tag(node)
        if not name or name in cue.SKIP_TAGS or name in cue.FURNITURE_TAGS or node in skip:
            return 0, 0
        if name in cue.BLOCK_TAGS and not in_zone(node):
            return 0, 0  # a block gives its parent nothing, and nothing in it is in the zone
        in_link = in_link or name == "a"
        own = char_count(node.text)
        link = own if in_link else 0
        for child in node:
            c_own, c_link = visit(child, in_link)
            tail = char_count(child.tail)
            own += c_own + tail
            link += c_link + (tail if in_link else 0)
        if name not in cue.BLOCK_TAGS:
            return own, link
        weight = weights[node] = own - link
        if weight >= _MIN_BLOCK and in_zone(node):
            parent = node.getparent()
            first = node if name in cue.CONTAINER_TAGS else parent
            if first is not None:
                scores[first] += weight
                second = first.getparent()
                if second is not None:
                    scores[second] += weight / 2
        return 0, 0

    visit(doc.root, False)
    if not scores:
        return []

    def adjusted(el: HtmlElement) -> float:
        label = f"{el.get('class', '')} {el.get('id', '')}"
        factor = 1.0
        if _NEGATIVE.search(label):
            factor *= 0.3
        if _POSITIVE.search(label):
            factor *= 1.3
        return scores[el] * factor

    top = max(scores, key=adjusted)
    parent = top.getparent()
    if parent is None:
        return [top]
    share = max(2 * _MIN_BLOCK, 0.2 * adjusted(top))
    body = text(top)

    def joins(el: HtmlElement) -> bool:
        if not tag(el) or el in skip or not in_zone(el):
            return False
        if not (adjusted(el) >= share or (tag(el) == "p" and weights.get(el, 0) >= 40)):
            return False
        # A summary repeating the article's opening is not more article.
        return text(el).rstrip(".…")[:40] not in body

    return [el for el in parent if el is top or joins(el)]

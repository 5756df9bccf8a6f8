"""Article extraction as a pure function of a page: HTML in, fields out.

It rests on cues that survive a change of theme, one module each around the parsed page
(`document`): the 当前位置 breadcrumb (`breadcrumb`), the page <title> against the page's
headings (`title`), the meta line's shape (`meta`), the 相关文章 heading (`related`), and text
density between the meta line and that heading (`body`). The portal theme's own selectors (see
`industry_news.selectors`) are only a fast path, taken when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from industry_news.extract.body import body_containers
from industry_news.extract.breadcrumb import crumb_category, crumb_title, find_breadcrumb
from industry_news.extract.byline import byline
from industry_news.extract.captions import is_caption
from industry_news.extract.document import (
    Document,
    Resolver,
    char_count,
    document_base,
    lines,
    link_target,
    parse_html,
    squash,
    text,
)
from industry_news.extract.machine_date import machine_date
from industry_news.extract.masthead import masthead
from industry_news.extract.meta import Meta, find_meta
from industry_news.extract.related import Related, find_related, related_entries
from industry_news.extract.title import find_title
from industry_news.selectors import THEMES

__all__ = [
    "Extracted",
    "Related",
    "Resolver",
    "document_base",
    "extract_article",
    "link_target",
    "parse_html",
    "squash",
]


_BELOW = 60
"""Characters of text between the title and the meta line that make it a line below the body
(a subtitle above a meta line is shorter)."""


@dataclass(frozen=True)
class Extracted:
    """What an article page shows, before any cleaning."""

    title: str = ""
    author: str = ""
    category: str = ""
    views: int | None = None
    date_text: str = ""
    machine_date: str = ""
    """The date the page states for machines (<meta>, <time datetime>), as written."""
    paragraphs: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()


def extract_article(
    root: HtmlElement | None, url: str, resolve: Resolver, theme: str = ""
) -> Extracted:
    """Read an article page (see `parse_html`). Fields the page does not show come back empty.

    `theme` names a known theme (`selectors.THEMES`) whose selectors are tried first.
    """
    if root is None:
        return Extracted()
    doc = Document(root, url, resolve, THEMES.get(theme))
    crumb = find_breadcrumb(doc)
    title_el = find_title(doc, crumb)
    title = text(title_el) if title_el is not None else ""
    if not title and crumb is not None:
        title = crumb_title(crumb)
    category = crumb_category(crumb, title)
    heading, block = find_related(doc)
    hi = doc.order[heading] if heading is not None else len(doc.order)
    meta_node, meta = find_meta(doc, title_el, crumb, hi, category) or (None, Meta())
    meta_el = meta_node if isinstance(meta_node, HtmlElement) else None

    skip = {el for el in (title_el, crumb, meta_el, heading) if el is not None} | set(block)
    skip |= doc.hidden
    anchors = [el for el in (title_el, crumb) if el is not None]
    lo = max((doc.last[el] for el in anchors), default=-1)
    if meta_el is not None:
        # A meta line below the body ends the body's zone; one above it starts the zone.
        if doc.order[meta_el] > lo and _text_between(doc, lo + 1, doc.order[meta_el]) > _BELOW:
            hi = min(hi, doc.order[meta_el])
        else:
            lo = max(lo, doc.last[meta_el])

    def in_zone(el: HtmlElement) -> bool:
        return doc.last[el] > lo and doc.order[el] < hi

    def in_text(el: HtmlElement) -> bool:
        return in_zone(el) and not is_caption(el)

    containers = body_containers(doc, skip, lo, hi)
    found = [(c, lines(c, skip, in_text)) for c in containers]
    if not any(shown for _, shown in found):
        # Only captions: a picture story's lines are its text.
        found = [(c, lines(c, skip, in_zone)) for c in containers]
    found = [(c, shown) for c, shown in found if shown]
    if found:
        first, opening = found[0]
        found[0] = first, opening[masthead(doc, first, opening) :]
    paragraphs = [line.text for _, shown in found for line in shown]
    # The title or a bare meta line inside the body's container is not body text.
    shown_above = {title, meta_node if isinstance(meta_node, str) else None}
    while paragraphs and paragraphs[0] in shown_above:
        paragraphs.pop(0)
    del paragraphs[: _title_lines(paragraphs, title)]
    author = meta.author
    if paragraphs and (names := byline(paragraphs[0])) is not None:
        author = author or names
        del paragraphs[0]
    return Extracted(
        title=title,
        author=author,
        category=category or meta.category,
        views=meta.views,
        date_text=meta.date_text,
        machine_date=machine_date(root),
        paragraphs=tuple(paragraphs),
        related=related_entries(doc, block),
    )


def _text_between(doc: Document, start: int, stop: int) -> int:
    """Characters of text (not whitespace) in the elements start…stop."""
    return sum(char_count(value) for value, _ in doc.texts(start, stop, 1))


def _title_lines(paragraphs: list[str], title: str) -> int:
    """How many opening lines are the title broken over lines (a notice's 关于… / …的通告)."""
    bare = "".join(title.split())
    joined = ""
    for count, line in enumerate(paragraphs[:4], start=1):
        joined += "".join(line.split())
        if joined == bare:
            return count if count > 1 else 0
        if not bare.startswith(joined):
            return 0
    return 0

"""The publication date a page states for machines (<meta>, <time datetime>), as written.

Portals often show a date without its year (09-30 22:46); the page's own machine-readable date
then says which year (see `dates.read_date`). Publication dates are preferred to update dates.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from industry_news.extract.document import squash

_PUBLISHED = frozenset(
    {
        ("itemprop", "datePublished"),
        ("property", "article:published_time"),
        ("name", "pubdate"),
        ("name", "publishdate"),
        ("name", "PubDate"),
        ("name", "publish_date"),
        ("name", "ptime"),
        ("name", "weibo:article:create_at"),
    }
)
_UPDATED = frozenset(
    {
        ("itemprop", "dateUpdate"),
        ("itemprop", "dateModified"),
        ("property", "article:modified_time"),
    }
)
_NAMING = ("itemprop", "property", "name")


def machine_date(root: HtmlElement) -> str:
    """The first machine-readable date of the page, publication first; "" if none."""
    published: list[str] = []
    updated: list[str] = []
    for meta in root.iter("meta"):
        stated = {(key, meta.get(key)) for key in _NAMING}
        if value := squash(meta.get("content") or ""):
            if stated & _PUBLISHED:
                published.append(value)
            elif stated & _UPDATED:
                updated.append(value)
    if published:
        return published[0]
    for time in root.iter("time"):
        if value := squash(time.get("datetime") or ""):
            return value
    return updated[0] if updated else ""

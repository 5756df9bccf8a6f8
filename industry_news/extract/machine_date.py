"""The publication date a page states for machines (<meta>, <time datetime>), as written.

Portals often show a date without its year (09-30 22:46); the page's own machine-readable date
then says which year (see `dates.read_date`). Publication dates are preferred to update dates.
"""

from __future__ import annotations

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from industry_news.extract.document import squash

_STATED = (
    CSSSelector(
        "meta[itemprop=datePublished], meta[property='article:published_time'], "
        "meta[name=pubdate], meta[name=publishdate], meta[name=PubDate], "
        "meta[name=publish_date], meta[name=ptime], meta[name='weibo:article:create_at']"
    ),
    CSSSelector("time[datetime]"),
    CSSSelector(
        "meta[itemprop=dateUpdate], meta[itemprop=dateModified], "
        "meta[property='article:modified_time']"
    ),
)


def machine_date(root: HtmlElement) -> str:
    """The first machine-readable date of the page, publication first; "" if none."""
    for selector in _STATED:
        for el in selector(root):
            value = squash(el.get("content") or el.get("datetime") or "")
            if value:
                return value
    return ""

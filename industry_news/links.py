"""Which links of a page the crawl follows: articles, listings and their pagination."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract import Resolver, squash
from industry_news.urls import Kind, classify


@dataclass(frozen=True)
class Link:
    url: str
    kind: Kind


def page_links(root: HtmlElement, url: str, resolve: Resolver) -> list[Link]:
    """Same-site article and listing links in page order, each once.

    A link whose URL the portal's scheme does not explain still counts as a listing page when its
    text gives it the role of pagination (下一页, 尾页, a page number).
    """
    base_el = root.find(".//base[@href]")
    base = urljoin(url, base_el.get("href")) if base_el is not None else url
    seen: set[str] = set()
    links: list[Link] = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        target = resolve(urljoin(base, href))
        if target is None or target in seen:
            continue
        kind = classify(target)
        if kind is Kind.OTHER and cue.PAGINATION_TEXT.match(squash(anchor.text_content())):
            kind = Kind.LISTING
        if kind is not Kind.OTHER:
            seen.add(target)
            links.append(Link(target, kind))
    return links

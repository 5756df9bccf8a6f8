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
    text: str = ""


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
        text = squash(anchor.text_content())
        if kind is Kind.OTHER and cue.PAGINATION_TEXT.match(text):
            kind = Kind.LISTING
        if kind is not Kind.OTHER:
            seen.add(target)
            links.append(Link(target, kind, text))
    return links


def listing_entries(root: HtmlElement, links: list[Link], url: str, resolve: Resolver) -> set[str]:
    """The articles a listing page lists as its own entries (not its sidebars' lists).

    Each article link stands in an entry: its highest ancestor holding no link to another article.
    Entries are grouped by the element that holds them; the listing is the group whose entries
    carry the most text (titles with intros and meta lines beat sidebars' bare titles).
    """
    articles = {link.url for link in links if link.kind is Kind.ARTICLE}
    base_el = root.find(".//base[@href]")
    base = urljoin(url, base_el.get("href")) if base_el is not None else url
    targets: dict[HtmlElement, str] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        target = resolve(urljoin(base, href)) if href else None
        if target in articles:
            targets[anchor] = target

    def only_links_to(el: HtmlElement, target: str) -> bool:
        return all(targets.get(a, target) == target for a in el.iter("a"))

    groups: dict[HtmlElement, dict[str, int]] = {}
    for anchor, target in targets.items():
        entry, parent = anchor, anchor.getparent()
        while parent is not None and only_links_to(parent, target):
            entry, parent = parent, parent.getparent()
        if parent is None:
            continue
        group = groups.setdefault(parent, {})
        group[target] = max(group.get(target, 0), len(squash(entry.text_content())))
    if not groups:
        return set()
    return set(max(groups.values(), key=lambda group: sum(group.values())))

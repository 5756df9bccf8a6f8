"""Which links of a page the crawl follows: articles, listings and their pagination."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract import Resolver, document_base, link_target, squash
from industry_news.urls import Kind, classify


@dataclass(frozen=True)
class Link:
    url: str
    kind: Kind
    text: str = ""
    anchors: tuple[HtmlElement, ...] = ()
    """Every <a> of the page that points here."""


def page_links(root: HtmlElement, url: str, resolve: Resolver) -> list[Link]:
    """Same-site article and listing links in page order, each once.

    A link whose URL the portal's scheme does not explain still counts as a listing page when its
    text gives it the role of pagination (下一页, 尾页, a page number).
    """
    base = document_base(root, url)
    found: dict[str, Link] = {}
    for anchor in root.iter("a"):
        target = link_target(anchor, base, resolve)
        if target is None:
            continue
        if target in found:
            link = found[target]
            found[target] = replace(link, anchors=(*link.anchors, anchor))
            continue
        kind = classify(target)
        text = squash(anchor.text_content())
        if kind is Kind.OTHER and cue.PAGINATION_TEXT.match(text):
            kind = Kind.LISTING
        found[target] = Link(target, kind, text, (anchor,))
    return [link for link in found.values() if link.kind is not Kind.OTHER]


def listing_entries(links: list[Link]) -> set[str]:
    """The articles a listing page lists as its own entries (not its sidebars' lists).

    Each article link stands in an entry: its highest ancestor holding no link to another article.
    Entries are grouped by the element that holds them; the listing is the group whose entries
    carry the most text (titles with intros and meta lines beat sidebars' bare titles).
    """
    targets = {
        anchor: link.url for link in links if link.kind is Kind.ARTICLE for anchor in link.anchors
    }

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

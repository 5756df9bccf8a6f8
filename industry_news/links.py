"""Which links of a page the crawl follows: articles, listings and their pagination."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract import Extracted, Resolver, document_base, link_target, squash
from industry_news.schemes import Kind, classify, is_page


@dataclass(frozen=True)
class Link:
    url: str
    kind: Kind
    text: str = ""
    anchors: tuple[HtmlElement, ...] = ()
    """Every <a> of the page that points here."""


def page_links(
    root: HtmlElement,
    url: str,
    resolve: Resolver,
    schemes: tuple[str, ...] = (),
    by_shape: bool = True,
) -> list[Link]:
    """Same-site links in page order, each once, with what they point to.

    Links are read by the CMS schemes (`schemes`, default all). A link whose URL no scheme
    explains still counts as a listing page when its text gives it the role of pagination
    (下一页, 尾页, a page number), and as an article when it is one of many links with a date
    beside each (a listing's entries) — unless `by_shape` is off (a profile that names its
    portal's scheme says what its links are).
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
        kind = classify(target, schemes or None)
        text = squash(anchor.text_content())
        if kind is Kind.OTHER and cue.PAGINATION_TEXT.match(text):
            kind = Kind.LISTING
        found[target] = Link(target, kind, text, (anchor,))
    unexplained = [link for link in found.values() if link.kind is Kind.OTHER]
    if unexplained and by_shape:
        dated = _dated_entries(list(found.values()))
        for link in unexplained:
            if link.url in dated and link.url != url:
                found[link.url] = replace(link, kind=Kind.ARTICLE)
    return list(found.values())


_MENU_TEXT = re.compile(r"^[\w\u3000-\u9fff·]{2,10}$")
"""A menu item's text: a short name (政策法规, 园区动态, News)."""


def menu_links(links: list[Link]) -> list[Link]:
    """Links no URL scheme explains whose text names a section, as a site's menu does: pages
    the crawl looks at to learn, from their shape, whether they are listings."""
    return [
        link
        for link in links
        if link.kind is Kind.OTHER and _MENU_TEXT.match(link.text) and is_page(link.url)
    ]


_MIN_DATED = 4
"""Entries with a date beside them that make a group a listing."""


def _entries(links: list[Link]) -> dict[HtmlElement, dict[str, HtmlElement]]:
    """Each link's entry (its highest ancestor holding no link elsewhere), grouped by the
    element that holds the entries: {holder: {url: entry}}."""
    targets = {anchor: link.url for link in links for anchor in link.anchors}

    def only_links_to(el: HtmlElement, target: str) -> bool:
        return all(targets.get(a, target) == target for a in el.iter("a"))

    groups: dict[HtmlElement, dict[str, HtmlElement]] = {}
    for anchor, target in targets.items():
        entry, parent = anchor, anchor.getparent()
        while parent is not None and only_links_to(parent, target):
            entry, parent = parent, parent.getparent()
        if parent is not None:
            groups.setdefault(parent, {}).setdefault(target, entry)
    return groups


def _dated_entries(links: list[Link]) -> set[str]:
    """URLs of entries that show a date beside their link, in groups of several such."""
    out: set[str] = set()
    for group in _entries(links).values():
        dated = [url for url, entry in group.items() if cue.has_date(entry.text_content())]
        if len(dated) >= _MIN_DATED and len(dated) * 2 > len(group):
            out.update(dated)
    return out


_ARTICLE_CHARS = 60
"""Characters of body text that, with a title and a date, make a page an article."""


def looks_like_article(page: Extracted) -> bool:
    """Whether an extracted page reads as an article: a title, a date and a body of text."""
    body = sum(len(p) for p in page.paragraphs)
    return bool(page.title and page.date_text) and body >= _ARTICLE_CHARS


def listing_entries(links: list[Link]) -> set[str]:
    """The articles a listing page lists as its own entries (not its sidebars' lists).

    Each article link stands in an entry: its highest ancestor holding no link to another article.
    Entries are grouped by the element that holds them; the listing is the group whose entries
    carry the most text (titles with intros and meta lines beat sidebars' bare titles).
    """
    groups = _entries([link for link in links if link.kind is Kind.ARTICLE])
    if not groups:
        return set()

    def weight(group: dict[str, HtmlElement]) -> int:
        return sum(len(squash(entry.text_content())) for entry in group.values())

    return set(max(groups.values(), key=weight))

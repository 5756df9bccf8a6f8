"""The 相关文章 block: its heading, and the entries after it grouped by their own elements."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, opening, squash, tag, text
from industry_news.schemes import Kind, classify, is_home, is_page


@dataclass(frozen=True)
class Related:
    url: str
    title: str
    excerpt: str


def find_related(doc: Document) -> tuple[HtmlElement | None, list[HtmlElement]]:
    """The 相关文章 heading and the elements after it that hold its entries."""
    heading = None
    for _, owner in doc.mentions("相关"):
        if cue.RELATED_HEADING.match(text(owner)):
            heading = owner
            break
    if heading is None:
        return None, []
    node = heading
    for _ in range(4):
        block: list[HtmlElement] = []
        for sibling in node.itersiblings():
            if not tag(sibling):
                continue
            if cue.SECTION_END.match(opening(sibling)) or (
                tag(sibling) in cue.HEADING_TAGS and not sibling.findall(".//a")
            ):
                break
            block.append(sibling)
        if any(_article_links(doc, el) for el in block):
            return heading, block
        parent = node.getparent()
        if parent is None or tag(parent) in ("body", "html"):
            break
        node = parent
    return heading, []


def _article_links(doc: Document, el: HtmlElement) -> list[str]:
    urls = (doc.link(a) for a in el.iter("a"))
    return [u for u in urls if u and _may_be_article(u)]


def _may_be_article(url: str) -> bool:
    """Whether a link under the 相关 heading may be an article: one by its CMS's scheme, or a
    page no scheme explains (an in-house CMS's /News/Detail/12), not a folder (a section's
    更多>>), a listing or the home."""
    kind = classify(url)
    if kind is not Kind.OTHER:
        return kind is Kind.ARTICLE
    return is_page(url) and not is_home(url) and not urlsplit(url).path.endswith("/")


def _is_stamp(value: str) -> bool:
    """A date, or a count, standing alone (in brackets, with a label or not)."""
    bare = cue.STAMP_EDGES.sub("", value)
    return bool(cue.DATE.fullmatch(bare)) or bare.isdigit()


def related_entries(doc: Document, block: list[HtmlElement]) -> tuple[Related, ...]:
    """Entries in page order, each with its title and the text around it as excerpt.

    An entry is the largest element holding links to one article only (li, div, dt…); text
    between entries (a dd after its dt) belongs to the entry before it.
    """
    targets: dict[HtmlElement, str] = {}
    for el in block:
        for anchor in el.iter("a"):
            url = doc.link(anchor)
            # A link back to the page itself (the theme's mobile excerpts) is excerpt text.
            if url and url != doc.url and _may_be_article(url):
                targets[anchor] = url
    roots: dict[HtmlElement, str] = {}
    tops = set(block)
    for anchor, url in targets.items():
        root = anchor
        while root not in tops:
            parent = root.getparent()
            if any(targets.get(a, url) != url for a in parent.iter("a")):
                break
            root = parent
        roots.setdefault(root, url)

    def tokens(node: HtmlElement, out: list[tuple[str | None, str]]) -> None:
        """The block's pieces in page order: (an entry's URL, its title) where an entry or its
        link begins, (None, text) for the text between."""
        name = tag(node)
        if not name or name in cue.SKIP_TAGS:
            return
        if node in roots:
            out.append((roots[node], ""))
        if node in targets:
            alt = " ".join(i.get("alt", "") or i.get("title", "") for i in node.iter("img"))
            out.append((targets[node], text(node) or squash(alt) or squash(node.get("title", ""))))
            return
        if node.text:
            out.append((None, node.text))
        for child in node:
            tokens(child, out)
            if child.tail:
                out.append((None, child.tail))

    pieces_in_order: list[tuple[str | None, str]] = []
    for el in block:
        tokens(el, pieces_in_order)
    entries: dict[str, dict[str, list[str]]] = {}
    current: str | None = None
    for url, piece in pieces_in_order:
        if url is not None:
            current = url
            entry = entries.setdefault(url, {"titles": [], "text": []})
            if piece:
                entry["titles"].append(piece)
        elif current is not None:
            entries[current]["text"].append(piece)
    result = []
    for url, parts in entries.items():
        title = parts["titles"][0] if parts["titles"] else ""
        pieces = [squash(t) for t in parts["text"]]
        # An entry's date or view count is not its excerpt.
        excerpt = squash(" ".join(p for p in pieces if p and p != title and not _is_stamp(p)))
        result.append(Related(url=url, title=title, excerpt=excerpt))
    return tuple(result)

"""The parsed page every cue reads: elements in document order, text sizes, links.

Only elements count: comments and processing instructions are skipped everywhere, so that a
cue never meets a node without text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache
from typing import NamedTuple
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.schemes import is_home
from industry_news.selectors import ThemeSelectors

Resolver = Callable[[str], str | None]

# Server-side includes leave </body></html> mid-page; libxml2 keeps nothing after them, browsers
# keep going. End tags of these two are never needed: the parser closes both at the end.
_DOCUMENT_END = re.compile(r"</\s*(?:body|html)\s*>", re.IGNORECASE)


def squash(text: str) -> str:
    """Collapse runs of whitespace (full-width and non-breaking included) to one space."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())


def tag(node: object) -> str:
    """The tag of an element (libxml2's HTML parser gives it in lower case); "" for comments,
    processing instructions and entities."""
    name = getattr(node, "tag", None)
    return name if type(name) is str else ""


def text(el: HtmlElement) -> str:
    """An element's text, squashed ("" for a node that is not an element)."""
    if not tag(el):
        return ""
    # A leaf's text is its .text: no need to gather it.
    return squash(el.text_content() if len(el) else el.text or "")


def opening(el: HtmlElement, chars: int = 24) -> str:
    """The start of an element's text, squashed: at least `chars` characters of it when it has
    them, without reading a large element whole."""
    pieces: list[str] = []
    count = 0
    for piece in el.itertext():
        pieces.append(piece)
        count += len(piece)
        if count >= chars and len(squash("".join(pieces))) >= chars:
            break
    return squash("".join(pieces))


def char_count(value: str | None) -> int:
    """Characters that are not whitespace."""
    return len("".join(value.split())) if value else 0


def document_base(root: HtmlElement, url: str) -> str:
    """The URL the page's relative links resolve against (its <base href>, if any)."""
    base = root.find(".//base[@href]")
    if base is None:
        return url
    try:
        return urljoin(url, base.get("href"))
    except ValueError:  # an href no URL parser accepts ("http://[bad")
        return url


def link_target(anchor: HtmlElement, base: str, resolve: Resolver) -> str | None:
    """The same-site URL an <a> points to, or None (no href, script, mail, fragment, off-site)."""
    href = (anchor.get("href") or "").strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    return _resolved(base, href, resolve)


@lru_cache(maxsize=16384)
def _resolved(base: str, href: str, resolve: Resolver) -> str | None:
    """An href resolved on a page: pages of one site share most of theirs (menus, sidebars)."""
    try:
        return resolve(urljoin(base, href))
    except ValueError:  # an href no URL parser accepts ("http://[bad")
        return None


class Document:
    """A parsed page with document order at hand."""

    def __init__(
        self, root: HtmlElement, url: str, resolve: Resolver, theme: ThemeSelectors | None = None
    ) -> None:
        self.root = root
        self.theme = theme
        self.elements: list[HtmlElement] = list(root.iter(etree.Element))
        n = len(self.elements)
        self.order: dict[HtmlElement, int] = dict(zip(self.elements, range(n), strict=True))
        # Each element's text, tail and parent, read from the tree once (each read decodes).
        order, elements = self.order, self.elements
        own = [el.text or "" for el in elements]
        tails = [el.tail or "" for el in elements]
        parents = [el.getparent() for el in elements]
        # Text after a comment (or processing instruction) stands in the comment's parent.
        after_comments: dict[int, list[str]] = {}
        for node in root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity):
            parent = node.getparent()
            if node.tail and parent is not None:
                after_comments.setdefault(order[parent], []).append(node.tail)
        # Backwards, an element comes after all it holds, and its last child before its others.
        held = [0] * n
        for i, values in after_comments.items():
            held[i] = sum(map(len, values))
        last: dict[HtmlElement, int] = {}
        sizes = [0] * n
        for i in range(n - 1, -1, -1):
            el = elements[i]
            at = last.setdefault(el, i)
            sizes[i] = size = len(own[i]) + held[i]
            parent = parents[i]
            if parent is not None:
                held[order[parent]] += size + len(tails[i])
                if parent not in last:
                    last[parent] = at
        self.own_texts, self._tails, self._parents = own, tails, parents
        """Each element's own text (before its first child), by position."""
        self._after_comments = after_comments
        self.last = last
        """The position of each element's last descendant (its own when it has none)."""
        self.size: dict[HtmlElement, int] = dict(zip(elements, sizes, strict=True))
        """Characters of text (whitespace included) inside each element: a cheap upper bound."""
        self.hidden: set[HtmlElement] = set()
        """Elements a browser does not show (display:none, hidden), with all they hold."""
        for el in elements:
            if el.get("style") is None and el.get("hidden") is None:
                continue
            if el not in self.hidden and _hides(el):
                self.hidden.update(el.iter(etree.Element))
        self._links: dict[HtmlElement, str | None] = {}
        self.base = document_base(root, url)
        self.url = resolve(url) or url
        self.resolve = resolve

    @cached_property
    def anchors_by_text(self) -> dict[str, list[HtmlElement]]:
        """The page's <a> elements by their shown text (which links name a category, a site)."""
        found: dict[str, list[HtmlElement]] = {}
        for anchor in self.root.iter("a"):
            found.setdefault(text(anchor), []).append(anchor)
        return found

    @cached_property
    def keywords(self) -> frozenset[str]:
        """The page's <meta name="keywords">: its categories and tags, as the theme lists them."""
        found = [m.get("content") or "" for m in self._metas if _named(m, "keywords")]
        return frozenset(k for value in found for k in _KEYWORD_SEP.split(squash(value)) if k)

    def names_site(self, shown: str) -> bool:
        """Whether the page calls its site `shown`: the alt or title of its logo (a picture
        linking home), or its og:site_name / application-name <meta>."""
        if shown in self._stated_names:
            return True
        for img in self._pictures.get(shown, ()):
            anchor = next(a for a in img.iterancestors() if tag(a) == "a")
            if (url := self.link(anchor)) is not None and is_home(url):
                return True
        return False

    @cached_property
    def _stated_names(self) -> frozenset[str]:
        return frozenset(
            squash(m.get("content") or "")
            for m in self._metas
            if m.get("property") == "og:site_name" or m.get("name") == "application-name"
        )

    @cached_property
    def _metas(self) -> list[HtmlElement]:
        return [m for m in self.root.iter("meta") if m.get("content") is not None]

    @cached_property
    def _pictures(self) -> dict[str, list[HtmlElement]]:
        """Pictures inside links by their alt and title texts."""
        found: dict[str, list[HtmlElement]] = {}
        for img in self.root.xpath("//a//img[@alt or @title]"):
            for name in {squash(img.get("alt") or ""), squash(img.get("title") or "")} - {""}:
                found.setdefault(name, []).append(img)
        return found

    def link(self, anchor: HtmlElement) -> str | None:
        """The same-site URL an <a> points to (see `link_target`), resolved once per page."""
        if anchor not in self._links:
            self._links[anchor] = link_target(anchor, self.base, self.resolve)
        return self._links[anchor]

    def contains(self, outer: HtmlElement, inner: HtmlElement) -> bool:
        return self.order[outer] <= self.order[inner] <= self.last[outer]

    def texts(self, start: int, stop: int, step: int) -> Iterator[tuple[str, HtmlElement]]:
        """(text, the element it stands in) for the text nodes of elements start…stop (step 1
        or -1); a node without text may be left out.

        Text after a comment inside an element (发布日期：<!-- -->2019-03-06) stands in it too.
        """
        elements, own, tails, parents = self.elements, self.own_texts, self._tails, self._parents
        after_comments = self._after_comments
        for i in range(start, stop, step):
            el = elements[i]
            if step > 0:
                yield own[i], el
                if i in after_comments:
                    for value in after_comments[i]:
                        yield value, el
                if tails[i] and parents[i] is not None:
                    yield tails[i], parents[i]
            else:
                if tails[i] and parents[i] is not None:
                    yield tails[i], parents[i]
                if i in after_comments:
                    for value in reversed(after_comments[i]):
                        yield value, el
                yield own[i], el

    def mentions(self, word: str) -> Iterator[tuple[str, HtmlElement]]:
        """(text, the element it stands in) for the text nodes holding `word`, in page order."""
        return ((v, owner) for v, owner in self.texts(0, len(self.elements), 1) if word in v)


def _named(meta: HtmlElement, name: str) -> bool:
    return (meta.get("name") or "").lower() == name


_KEYWORD_SEP = re.compile(r"\s*[,，、;；|]\s*")
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def centred(el: HtmlElement) -> bool:
    """Whether the element centres its text (<center>, align="center", text-align: center)."""
    return (
        tag(el) == "center"
        or (el.get("align") or "").lower() == "center"
        or bool(_CENTRED_STYLE.search(el.get("style") or ""))
    )


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hides(el: HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


_PARSER = etree.HTMLParser()
# lxml.html's own parser picks each element's class in Python (form controls get theirs); one
# class for all, picked in C, makes every element cheaper to reach.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def parse_html(html: str) -> HtmlElement | None:
    """The document's root element, or None when there is no document."""
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(_DOCUMENT_END.sub("", html), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


class Line(NamedTuple):
    """A line of text and the innermost block element it stands in."""

    text: str
    block: HtmlElement


def lines(
    el: HtmlElement, skip: set[HtmlElement], keep: Callable[[HtmlElement], bool]
) -> list[Line]:
    """The element's text as lines: block elements and <br> end a line; link-only lines go."""
    out: list[Line] = []
    buf: list[str] = []
    linked = [0]
    blocks = [el]

    def flush() -> None:
        line = squash("".join(buf))
        if line and linked[0] <= 0.6 * char_count(line):
            out.append(Line(line, blocks[-1]))
        buf.clear()
        linked[0] = 0

    def add(value: str | None, in_link: bool) -> None:
        if value:
            buf.append(value)
            if in_link:
                linked[0] += char_count(value)

    def walk(node: HtmlElement, in_link: bool) -> None:
        name = tag(node)
        if not name or name in cue.SKIP_TAGS or node in skip or not keep(node):
            return
        block = name in cue.BLOCK_TAGS
        in_link = in_link or name == "a"
        if block:
            flush()
            blocks.append(node)
        add(node.text, in_link)
        for child in node:
            walk(child, in_link)
            add(child.tail, in_link)
        if block:
            flush()
            blocks.pop()

    walk(el, False)
    flush()
    return out

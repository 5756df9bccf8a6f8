"""The title: the element whose text the page's <title> (or its title <meta>) begins or ends with.

A <title> is the article's title with the site's and section's names around it, joined by any
separator, with or without spaces (标题-新华网, 标题--文化--人民网, 标题_溧阳厂房网, 标题 站点名).
Titles contain separators themselves (时政|…, …——…), so the <title> is never split: an element
qualifies when the <title> starts (or ends) with its whole text at a separator. Among those the
longest wins (the article's title is longer than the site's name), headings before other
elements; one above the breadcrumb only when nothing below it is a title (that is the logo). A
short text that is also a link's text is a site or section name, not a title.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.body import body_containers
from industry_news.extract.document import Document, squash, tag, text
from industry_news.schemes import Kind, classify

_SEPARATOR_CJK = frozenset("丨｜")
_TITLE_CLASS = re.compile(r"title|biaoti|headline|heading|^bt$|^tit$", re.IGNORECASE)
_MAX_TITLE = 200
_CRUMB_TEXT = re.compile(r"^(?:首页|主页|网站首页|home)\s*(?:[-»>/＞|›→]|&gt;)", re.IGNORECASE)
_NAME_CHARS = 8
"""A link text this short repeated as a page's heading is a site or section name."""


_NOT_TITLES = frozenset({"html", "head", "title", "body", "a", *cue.SKIP_TAGS})


def page_titles(root: HtmlElement) -> list[str]:
    """The texts the page gives as its title: <title>, then title <meta>s; each once."""
    found = [squash(root.findtext(".//title") or "")]
    found += [squash(m.get("content", "")) for m in cue.TITLE_META(root)]
    return list(dict.fromkeys(t for t in found if t))


def _at_separator(whole: str, shown: str) -> int:
    """3: `shown` is `whole`; 2: `whole` begins with it, then a separator; 1: ends so; else 0.

    A title broken over lines (<br>) is still the whole <title>."""
    if shown == whole or "".join(shown.split()) == "".join(whole.split()):
        return 3
    n = len(shown)
    if len(whole) > n and whole.startswith(shown) and _separates(whole[n]):
        return 2
    if len(whole) > n and whole.endswith(shown) and _separates(whole[-n - 1]):
        return 1
    return 0


def _separates(char: str) -> bool:
    return not char.isalnum() or char in _SEPARATOR_CJK


def _is_name(doc: Document, shown: str) -> bool:
    """Whether a text is the site's name (its logo's, see `Document.names_site`), or a short
    link's to anything but an article: a section's name (a sidebar listing this very article
    links its short title to an article)."""
    if doc.names_site(shown):
        return True
    return len(shown) <= _NAME_CHARS and any(
        (url := doc.link(anchor)) is None or classify(url) is not Kind.ARTICLE
        for anchor in doc.anchors_by_text.get(shown, ())
    )


def find_title(doc: Document, crumb: HtmlElement | None) -> HtmlElement | None:
    """The element showing the article title (see the module's docstring)."""
    titles = page_titles(doc.root)
    # What an element's text may open with: a piece of a title, whitespace aside.
    heads = {
        t[i : i + k]
        for t in ("".join(t.split()) for t in titles)
        for k in (1, 2, 3)
        for i in range(len(t))
    }
    longest = max((len(t) for t in titles), default=0)
    start = doc.last[crumb] if crumb is not None else -1
    best: tuple[tuple[int, ...], HtmlElement] | None = None
    limit = 3 * longest + 100
    size, hidden, own_texts = doc.size, doc.hidden, doc.own_texts
    for i, el in enumerate(doc.elements):
        if not 2 <= size[el] <= limit:
            continue
        # Cheap first: text that opens with what no title holds is no title.
        if ("".join(own_texts[i][:12].split())[:3] or _head(el)) not in heads:
            continue
        name = el.tag
        if name in _NOT_TITLES or el in hidden:
            continue
        shown = text(el)
        if not 2 <= len(shown) <= _MAX_TITLE:
            continue
        relation = max((_at_separator(t, shown) for t in titles), default=0)
        if not relation or _is_name(doc, shown) or _CRUMB_TEXT.match(shown):
            continue
        inside_link = el.find(".//a") is not None or any(tag(a) == "a" for a in el.iterancestors())
        rank = (
            doc.order[el] > start,
            relation == 3,
            not inside_link,
            len(shown),
            name in cue.HEADING_TAGS,
            # The same text twice: the first is the headline, the second the body repeating it.
            -doc.order[el],
        )
        if best is None or rank > best[0]:
            best = (rank, el)
    # Named only above the breadcrumb: that is the site's name on its logo, unless nothing else.
    if best is not None and best[0][0]:
        return best[1]
    heading = _fallback(doc, crumb, start)
    return heading if heading is not None or best is None else best[1]


def _head(el: HtmlElement) -> str:
    """The first few characters of an element's text, whitespace aside (its first piece's)."""
    for piece in el.itertext():
        head = "".join(piece[:12].split())[:3]
        if head:
            return head
    return ""


def _fallback(doc: Document, crumb: HtmlElement | None, start: int) -> HtmlElement | None:
    """No element the <title> names: the first plain h1; else the headline-like line right
    above the body; else the first plain h2, or an element whose class says "title"."""

    def plain(el: HtmlElement) -> bool:
        shown = text(el)
        return (
            el not in doc.hidden
            and 2 <= len(shown) <= _MAX_TITLE
            and not _is_name(doc, shown)
            and not _CRUMB_TEXT.match(shown)
            and el.find(".//a") is None
            and not any(tag(a) == "a" for a in el.iterancestors())
            and not cue.RELATED_HEADING.match(shown)
            and not cue.SECTION_END.match(shown)
        )

    after = doc.elements[start + 1 :]
    for el in after:
        if tag(el) == "h1" and plain(el):
            return el
    body = body_containers(doc, {crumb} if crumb is not None else set(), start, len(doc.order))
    line = line_before(doc, body, start) if body else None
    if line is not None and plain(line):
        return line
    for el in after:
        if tag(el) == "h2" and plain(el):
            return el
    for el in after:
        label = f"{el.get('class', '')} {el.get('id', '')}"
        titled = tag(el) not in cue.SKIP_TAGS and _TITLE_CLASS.search(label)
        if titled and doc.size[el] <= 600 and plain(el) and len(text(el)) >= 4:
            return el
    return None


def line_before(doc: Document, body: list[HtmlElement], start: int) -> HtmlElement | None:
    """The nearest line of its own above the body that reads like a headline: a page that
    names no title anywhere still shows it right above its meta line and body. A short body
    takes that line in as its first section; then the first section is the title."""
    first = body[0]
    if len(body) > 1 and _headline(first) and not any(tag(c) in cue.BLOCK_TAGS for c in first):
        return first
    opening = _opening_headline(doc, first)
    if opening is not None:
        return opening
    for i in range(doc.order[first] - 1, start, -1):
        el = doc.elements[i]
        if tag(el) not in cue.BLOCK_TAGS or doc.contains(el, first) or doc.size[el] > 600:
            continue
        if not _headline(el) or cue.BREADCRUMB_LABEL.match(text(el)):
            continue
        if el.find(".//a") is not None or any(tag(a) == "a" for a in el.iterancestors()):
            return None
        return el
    return None


def _headline(el: HtmlElement) -> bool:
    shown = text(el)
    return 4 <= len(shown) <= 100 and not cue.has_date(shown)


def _opening_headline(doc: Document, container: HtmlElement) -> HtmlElement | None:
    """A container holding the whole page opens with the headline, then the date line."""
    for el in container.iterdescendants():
        if tag(el) not in cue.BLOCK_TAGS or el in doc.hidden or not text(el):
            continue
        if not _headline(el) or any(tag(c) in cue.BLOCK_TAGS for c in el):
            return None
        after = el.getnext()
        return el if after is not None and cue.has_date(text(after)[:80]) else None
    return None

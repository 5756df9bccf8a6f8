"""The meta line: the short element around the first date near the title.

The author stands before the date; the category (a listing link, or the breadcrumb's name) and
the view count after it. Labelled pieces (作者：, 浏览：) are read by their labels.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, squash, tag, text
from industry_news.urls import Kind, classify

MAX_META_CHARS = 160
_TRAILING_COUNT = re.compile(r"(.*?\D)\s*(\d[\d,]*)")
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Meta:
    author: str = ""
    category: str = ""
    views: int | None = None
    date_text: str = ""


def _prose(line: str) -> bool:
    """A sentence of the article ("2019年2月27日下午，…。"), not a meta line."""
    return (
        bool(_SENTENCE_END.search(line))
        or line.count("，") >= 2
        or (len(line) > 60 and "，" in line)
    )


def _stamp_of_entry(owner: HtmlElement) -> bool:
    """A date beside a list entry's title link (a sidebar's or a related list's)."""
    block = owner if tag(owner) in cue.BLOCK_TAGS else owner.getparent()
    return block is not None and any(len(text(a)) >= 10 for a in block.iter("a"))


def _date_node(
    texts: Iterator[tuple[str | None, HtmlElement]],
    title: HtmlElement | None,
    doc: Document,
    entries_too: bool = True,
) -> HtmlElement | str | None:
    """The short element holding the first date; a bare line of text when its element is long."""
    for value, owner in texts:
        if not value or tag(owner) in cue.SKIP_TAGS or not cue.DATE.search(value):
            continue
        line = squash(value)
        if _prose(line) or (not entries_too and _stamp_of_entry(owner)):
            continue
        holds_title = title is not None and doc.contains(owner, title)
        if not holds_title and len(text(owner)) <= MAX_META_CHARS and not _prose(text(owner)):
            return owner
        if len(line) <= MAX_META_CHARS:
            return line
    return None


def find_meta(
    doc: Document, title: HtmlElement | None, crumb: HtmlElement | None, stop: int
) -> HtmlElement | str | None:
    """The short element around the first date near the title, grown to hold its neighbours.

    Looked for after the title, then before it, then further down to `stop` (a date line
    below the body); a date inside a sentence is the article's, not the page's. When the date
    stands in a long element (a line of text among <br>s), the line itself.
    """
    if title is not None:
        after = doc.last[title] + 1
        near = min(after + 80, stop)
        parent = title.getparent()
        tail = [(title.tail, parent)] if parent is not None else []
        forward = doc.texts(after, near, 1)
        node = _date_node(itertools.chain(tail, forward), title, doc)
        if node is None:
            start = doc.order[title]
            node = _date_node(doc.texts(start - 1, max(start - 40, -1), -1), title, doc)
        if node is None and near < stop:
            node = _date_node(doc.texts(near, stop, 1), title, doc, entries_too=False)
    else:
        node = _date_node(doc.texts(0, len(doc.elements), 1), None, doc)
    if node is None or isinstance(node, str):
        return node
    while True:
        parent = node.getparent()
        if parent is None or tag(parent) in ("body", "html"):
            break
        if len(text(parent)) > MAX_META_CHARS:
            break
        if any(x is not None and doc.contains(parent, x) for x in (title, crumb)):
            break
        node = parent
    return node


@dataclass
class _Fragment:
    start: int
    end: int
    href_kind: Kind | None


def _fragments(doc: Document, meta: HtmlElement | str) -> tuple[str, list[_Fragment]]:
    if isinstance(meta, str):
        return meta, [_Fragment(0, len(meta), None)]
    raw: list[str] = []
    frags: list[_Fragment] = []
    pos = 0

    def add(value: str | None, kind: Kind | None) -> None:
        nonlocal pos
        if not value:
            return
        raw.append(value)
        if value.strip():
            frags.append(_Fragment(pos, pos + len(value), kind))
        pos += len(value)

    def walk(node: HtmlElement, kind: Kind | None) -> None:
        name = tag(node)
        if not name or name in cue.SKIP_TAGS:
            return
        if name == "a":
            url = doc.link(node)
            kind = classify(url) if url else Kind.OTHER
        elif name in cue.BLOCK_TAGS:
            add(" ", None)
        add(node.text, kind)
        for child in node:
            walk(child, kind)
            add(child.tail, kind)

    walk(meta, None)
    return "".join(raw), frags


def _clean_piece(value: str) -> str:
    return squash(value).strip(" |丨/·•:：,，;；")


def _split_labels(line: str) -> dict[str, str]:
    """Values of labelled parts ("作者：admin 浏览：24"), by field."""
    hits: list[tuple[int, int, str]] = []
    for name, pattern in cue.META_LABELS.items():
        for m in pattern.finditer(line):
            if name != "author" or m.group(0).endswith((":", "：")) or m.group(1) != "by":
                hits.append((m.start(), m.end(), name))
    hits.sort()
    values: dict[str, str] = {}
    for i, (_, end, name) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(line)
        value = _clean_piece(line[end:stop])
        if value and name not in values:
            values[name] = value
    return values


def _views(value: str) -> int | None:
    m = cue.VIEWS.match(_clean_piece(value))
    return int(m.group(1).replace(",", "")) if m else None


def _find_date(raw: str, frags: list[_Fragment]) -> tuple[int, int] | None:
    """Where the date stands in the meta text: within one fragment, its hint may follow."""
    for i, frag in enumerate(frags):
        # Fragments are the page's own text nodes: a date may begin where one begins.
        m = cue.DATE.search(raw[frag.start : frag.end])
        if m is None:
            continue
        found = frag.start + m.start()
        glued = m.start() > 0 and not raw[found - 1].isspace()
        start = _trim_count(raw, found) if glued else found
        end = frags[i + 1].end if i + 1 < len(frags) else frag.end
        full = cue.DATE.match(raw[start:end])
        return start, start + (full.end() if full else m.end() - (start - found))
    return None


def _trim_count(raw: str, start: int) -> int:
    """Text run into the date ("liyang02159秒前"): the count is the digits a theme can show."""
    m = cue.RELATIVE_COUNT.match(raw, start)
    if m is None:
        return start
    digits, most = m.group(1), cue.RELATIVE_MAX[m.group(2)]
    while len(digits) > 1 and int(digits) > most:
        digits, start = digits[1:], start + 1
    return start


def parse_meta(doc: Document, meta: HtmlElement | str, crumb_category: str) -> Meta:
    raw, frags = _fragments(doc, meta)
    date = _find_date(raw, frags)
    date_text = squash(raw[date[0] : date[1]]) if date else ""
    labelled = {
        name: _clean_piece(value.split(date_text)[0]) if date_text else value
        for name, value in _split_labels(squash(raw)).items()
    }
    before = [
        (_clean_piece(raw[f.start : min(f.end, date[0])]), f.href_kind)
        for f in frags
        if date is None or f.start < date[0]
    ]
    after = [
        (_clean_piece(raw[max(f.start, date[1]) : f.end]), f.href_kind)
        for f in frags
        if date is not None and f.end > date[1]
    ]
    # Pieces holding a label were read with their labels above.
    before = [(t, k) for t, k in before if t and not cue.META_LABEL.search(t)]
    after = [(t, k) for t, k in after if t and not cue.META_LABEL.search(t)]
    author = labelled.get("author") or (before[-1][0] if before and date else "")
    category = labelled.get("category", "")
    views = _views(labelled["views"]) if "views" in labelled else None
    unknown = []
    for piece, kind in after:
        if views is None and _views(piece) is not None:
            views = _views(piece)
        elif not category and (kind is Kind.LISTING or piece == crumb_category):
            category = piece
        elif not category and crumb_category and piece.startswith(crumb_category):
            category, rest = crumb_category, piece[len(crumb_category) :]
            views = views if views is not None else _views(rest)
        elif not category and views is None and (m := _TRAILING_COUNT.fullmatch(piece)):
            category, views = m.group(1).strip(), _views(m.group(2))
        elif _views(piece) is None:
            unknown.append(piece)
    # A name after the date (the date shown first) is the author, else the category.
    if unknown and not author:
        author = unknown.pop(0)
    return Meta(
        author=author,
        category=category or (unknown[0] if unknown else ""),
        views=views,
        date_text=date_text,
    )

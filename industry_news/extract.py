"""Article extraction as a pure function of a page: HTML in, fields out.

It rests on cues that survive a change of theme: the 当前位置 breadcrumb, the page <title>
against the page's headings, the meta line's shape (a date with an author before it and a
category and a count after it), the 相关文章 heading, and text density between the meta line
and that heading. The portal theme's own selectors (see `selectors`) are only a fast path.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.urls import Kind, classify

Resolver = Callable[[str], str | None]

_SPACE = re.compile(r"\s+")
_NEGATIVE = re.compile(
    r"comment|sidebar|side|widget|footer|header|menu|nav|related|relate|recommend|hot|share|"
    r"copy|banner|ad-|login|pagebar|pages",
    re.IGNORECASE,
)
_POSITIVE = re.compile(r"article|content|entry|single|post|text|detail|body|main", re.IGNORECASE)
_MIN_BLOCK = 10
_TRAILING_COUNT = re.compile(r"(.*?\D)\s*(\d[\d,]*)")
_MAX_META_CHARS = 160


@dataclass(frozen=True)
class Related:
    url: str
    title: str
    excerpt: str


@dataclass(frozen=True)
class Extracted:
    """What an article page shows, before any cleaning."""

    title: str = ""
    author: str = ""
    category: str = ""
    views: int | None = None
    date_text: str = ""
    paragraphs: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()


def squash(text: str) -> str:
    """Collapse runs of whitespace (full-width and non-breaking included) to one space."""
    return _SPACE.sub(" ", text.replace("\u200b", "").replace("\ufeff", "")).strip()


def parse_html(html: str) -> HtmlElement | None:
    """The document's root element, or None when there is no document."""
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def document_base(root: HtmlElement, url: str) -> str:
    """The URL the page's relative links resolve against (its <base href>, if any)."""
    base = root.find(".//base[@href]")
    return urljoin(url, base.get("href")) if base is not None else url


def link_target(anchor: HtmlElement, base: str, resolve: Resolver) -> str | None:
    """The same-site URL an <a> points to, or None (no href, script, mail, fragment, off-site)."""
    href = (anchor.get("href") or "").strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    return resolve(urljoin(base, href))


def _tag(node: object) -> str:
    tag = getattr(node, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def _text(el: HtmlElement) -> str:
    return squash(el.text_content())


class _Doc:
    """A parsed page with document order at hand."""

    def __init__(self, root: HtmlElement, url: str, resolve: Resolver) -> None:
        self.root = root
        self.elements: list[HtmlElement] = list(root.iter())
        self.order: dict[HtmlElement, int] = {el: i for i, el in enumerate(self.elements)}
        self.last: dict[HtmlElement, int] = {}
        self.size: dict[HtmlElement, int] = {}
        """Characters of text (whitespace included) inside each element: a cheap upper bound."""
        for el in reversed(self.elements):
            descendants = size = 0
            for child in el:
                descendants += self.last[child] - self.order[child] + 1
                size += self.size[child] + len(child.tail or "")
            self.last[el] = self.order[el] + descendants
            self.size[el] = size + len(el.text or "") if isinstance(el.tag, str) else 0
        self.base = document_base(root, url)
        self.url = resolve(url) or url
        self.resolve = resolve

    def link(self, anchor: HtmlElement) -> str | None:
        return link_target(anchor, self.base, self.resolve)

    def contains(self, outer: HtmlElement, inner: HtmlElement) -> bool:
        return self.order[outer] <= self.order[inner] <= self.last[outer]


def _lines(
    el: HtmlElement, skip: set[HtmlElement], keep: Callable[[HtmlElement], bool]
) -> list[str]:
    """The element's text as lines: block elements and <br> end a line; link-only lines go."""
    out: list[str] = []
    buf: list[str] = []
    linked = [0]

    def flush() -> None:
        line = squash("".join(buf))
        if line and linked[0] <= 0.6 * _char_count(line):
            out.append(line)
        buf.clear()
        linked[0] = 0

    def add(text: str | None, in_link: bool) -> None:
        if text:
            buf.append(text)
            if in_link:
                linked[0] += _char_count(text)

    def walk(node: HtmlElement, in_link: bool) -> None:
        tag = _tag(node)
        if not tag or tag in cue.SKIP_TAGS or node in skip or not keep(node):
            return
        block = tag in cue.BLOCK_TAGS
        in_link = in_link or tag == "a"
        if block:
            flush()
        add(node.text, in_link)
        for child in node:
            walk(child, in_link)
            add(child.tail, in_link)
        if block:
            flush()

    walk(el, False)
    flush()
    return out


# --- title -----------------------------------------------------------------------------------


def _title_parts(root: HtmlElement) -> list[str]:
    node = root.find(".//title")
    if node is None:
        return []
    text = _text(node)
    return [p for p in cue.TITLE_SEPARATORS.split(text) if len(p) >= 2] or ([text] if text else [])


def _find_title(doc: _Doc, crumb: HtmlElement | None) -> HtmlElement | None:
    """The element showing the article title: a heading that the <title> names, preferably."""
    parts = _title_parts(doc.root)
    whole = squash(doc.root.findtext(".//title") or "")
    best: tuple[int, int, HtmlElement] | None = None
    # Exact matches, found by libxml2; the slower scan below also takes prefixes of <title>.
    named = [
        el for part in parts for el in doc.root.xpath("//body//*[normalize-space(.)=$p]", p=part)
    ]
    for el in named or doc.elements:
        tag = _tag(el)
        if tag in ("html", "head", "title", "body", "a") or tag in cue.SKIP_TAGS:
            continue
        if doc.size[el] > 2000:
            continue
        text = _text(el)
        if not 2 <= len(text) <= 200:
            continue
        if not (text in parts or (len(text) >= 6 and whole.startswith(text))):
            continue
        inside_link = el.find(".//a") is not None or any(_tag(a) == "a" for a in el.iterancestors())
        rank = (0 if tag in cue.HEADING_TAGS else 1) + (2 if inside_link else 0)
        candidate = (rank, -len(list(el.iterancestors())), el)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    # A <title> of one part matched before the breadcrumb is the site's name on its logo:
    # then the first plain h1/h2 after the breadcrumb is the title.
    start = doc.last[crumb] if crumb is not None else -1
    if best is not None and (doc.order[best[2]] > start or len(parts) > 1):
        return best[2]
    headings = [
        el
        for el in doc.elements[start + 1 :]
        if _tag(el) in ("h1", "h2")
        and el.find(".//a") is None
        and (text := _text(el))
        and not cue.RELATED_HEADING.match(text)
        and not cue.SECTION_END.match(text)
    ]
    if headings:
        return min(headings, key=lambda el: _tag(el))
    return best[2] if best is not None else None


# --- breadcrumb ------------------------------------------------------------------------------


def _find_breadcrumb(doc: _Doc) -> HtmlElement | None:
    for el in doc.root.cssselect(cue.TPURE_BREADCRUMB):
        if cue.BREADCRUMB_LABEL.match(_text(el)):
            return el
    for el in doc.elements:
        text = el.text or ""
        own = bool(_tag(el)) and cue.BREADCRUMB_LABEL.match(text) is not None
        if own or cue.BREADCRUMB_LABEL.match(el.tail or ""):
            node = el if own else el.getparent()
            while node is not None and node.find(".//a") is None and node.getparent() is not None:
                node = node.getparent()
            if node is not None and len(_text(node)) <= 300:
                return node
    for el in doc.elements:
        label = f"{el.get('class', '')} {el.get('id', '')} {el.get('aria-label', '')}"
        if _tag(el) and cue.BREADCRUMB_CLASS.search(label) and el.find(".//a") is not None:
            first = el.find(".//a")
            if cue.HOME_TEXT.match(_text(first)) and len(_text(el)) <= 300:
                return el
    # No label, no telling class: a 首页 link followed by a crumb separator ("首页 >> 栏目").
    for anchor in doc.root.iter("a"):
        if cue.HOME_TEXT.match(_text(anchor)) and cue.CRUMB_AFTER_HOME.match(anchor.tail or ""):
            parent = anchor.getparent()
            if parent is not None and len(_text(parent)) <= 300:
                return parent
    return None


def _crumb_category(doc: _Doc, crumb: HtmlElement | None, title: str) -> str:
    """The last crumb that is neither home, the article, nor the 正文 leaf."""
    if crumb is None:
        return ""
    names = [_text(a) for a in crumb.iter("a")]
    if not names:
        text = cue.BREADCRUMB_LABEL.sub("", _text(crumb))
        names = [p for p in cue.BREADCRUMB_SEPARATORS.split(text) if p]
    names = [
        n for n in names if n and not cue.HOME_TEXT.match(n) and not cue.BREADCRUMB_LEAF.match(n)
    ]
    names = [n for n in names if n != title]
    return names[-1] if names else ""


# --- meta line -------------------------------------------------------------------------------


def _texts(doc: _Doc, start: int, stop: int, step: int) -> Iterator[tuple[str | None, HtmlElement]]:
    """(text, the element it stands in) for the text nodes of elements start…stop."""
    for i in range(start, stop, step):
        el = doc.elements[i]
        parent = el.getparent()
        pairs = (
            ((el.text, el), (el.tail, parent)) if step > 0 else ((el.tail, parent), (el.text, el))
        )
        for text, owner in pairs:
            if owner is not None:
                yield text, owner


def _date_node(
    texts: Iterator[tuple[str | None, HtmlElement]], title: HtmlElement | None, doc: _Doc
) -> HtmlElement | str | None:
    """The short element holding the first date; a bare line of text when its element is long."""
    for text, owner in texts:
        if not text or _tag(owner) in cue.SKIP_TAGS or not cue.DATE.search(text):
            continue
        holds_title = title is not None and doc.contains(owner, title)
        if not holds_title and len(_text(owner)) <= _MAX_META_CHARS:
            return owner
        if len(squash(text)) <= _MAX_META_CHARS:
            return squash(text)
    return None


def _find_meta(
    doc: _Doc, title: HtmlElement | None, crumb: HtmlElement | None
) -> HtmlElement | str | None:
    """The short element around the first date near the title, grown to hold its neighbours.

    When that date stands in a long element (a line of text among <br>s), the line itself.
    """
    if title is not None:
        after = doc.last[title] + 1
        parent = title.getparent()
        tail = [(title.tail, parent)] if parent is not None else []
        forward = _texts(doc, after, min(after + 80, len(doc.elements)), 1)
        node = _date_node(itertools.chain(tail, forward), title, doc)
        if node is None:
            start = doc.order[title]
            node = _date_node(_texts(doc, start - 1, max(start - 40, -1), -1), title, doc)
    else:
        node = _date_node(_texts(doc, 0, len(doc.elements), 1), None, doc)
    if node is None or isinstance(node, str):
        return node
    while True:
        parent = node.getparent()
        if parent is None or _tag(parent) in ("body", "html"):
            break
        if len(_text(parent)) > _MAX_META_CHARS:
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


def _fragments(doc: _Doc, meta: HtmlElement | str) -> tuple[str, list[_Fragment]]:
    if isinstance(meta, str):
        return meta, [_Fragment(0, len(meta), None)]
    raw: list[str] = []
    frags: list[_Fragment] = []
    pos = 0

    def add(text: str | None, kind: Kind | None) -> None:
        nonlocal pos
        if not text:
            return
        raw.append(text)
        if text.strip():
            frags.append(_Fragment(pos, pos + len(text), kind))
        pos += len(text)

    def walk(node: HtmlElement, kind: Kind | None) -> None:
        if _tag(node) in cue.SKIP_TAGS:
            return
        if _tag(node) == "a":
            url = doc.link(node)
            kind = classify(url) if url else Kind.OTHER
        elif _tag(node) in cue.BLOCK_TAGS:
            add(" ", None)
        add(node.text, kind)
        for child in node:
            walk(child, kind)
            add(child.tail, kind)

    walk(meta, None)
    return "".join(raw), frags


def _clean_piece(text: str) -> str:
    return squash(text).strip(" |丨/·•:：,，;；")


def _split_labels(text: str) -> dict[str, str]:
    """Values of labelled parts ("作者：admin 浏览：24"), by field."""
    hits: list[tuple[int, int, str]] = []
    for name, pattern in cue.META_LABELS.items():
        for m in pattern.finditer(text):
            if name != "author" or m.group(0).endswith((":", "：")) or m.group(1) != "by":
                hits.append((m.start(), m.end(), name))
    hits.sort()
    values: dict[str, str] = {}
    for i, (_, end, name) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        value = _clean_piece(text[end:stop])
        if value and name not in values:
            values[name] = value
    return values


def _views(text: str) -> int | None:
    m = cue.VIEWS.match(_clean_piece(text))
    return int(m.group(1).replace(",", "")) if m else None


def _find_date(raw: str, frags: list[_Fragment]) -> tuple[int, int] | None:
    """Where the date stands in the meta text: within one fragment, its hint may follow."""
    for i, frag in enumerate(frags):
        m = cue.DATE.search(raw, frag.start, frag.end)
        if m is None:
            continue
        start = _trim_count(raw, m.start())
        end = frags[i + 1].end if i + 1 < len(frags) else frag.end
        full = cue.DATE.match(raw, start, end)
        return start, full.end() if full else m.end()
    return None


def _trim_count(raw: str, start: int) -> int:
    """Run-together text ("liyang02159秒前"): the count is the digits a theme can show."""
    m = cue.RELATIVE_COUNT.match(raw, start)
    if m is None:
        return start
    digits, most = m.group(1), cue.RELATIVE_MAX[m.group(2)]
    while len(digits) > 1 and int(digits) > most:
        digits, start = digits[1:], start + 1
    return start


def _parse_meta(doc: _Doc, meta: HtmlElement | str, crumb_category: str) -> dict[str, object]:
    raw, frags = _fragments(doc, meta)
    date = _find_date(raw, frags)
    date_text = squash(raw[date[0] : date[1]]) if date else ""
    out: dict[str, object] = {"date_text": date_text}
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
    for text, kind in after:
        if views is None and _views(text) is not None:
            views = _views(text)
        elif not category and (kind is Kind.LISTING or text == crumb_category):
            category = text
        elif not category and crumb_category and text.startswith(crumb_category):
            category, rest = crumb_category, text[len(crumb_category) :]
            views = views if views is not None else _views(rest)
        elif not category and views is None and (m := _TRAILING_COUNT.fullmatch(text)):
            category, views = m.group(1).strip(), _views(m.group(2))
        elif _views(text) is None:
            unknown.append(text)
    # A name after the date (the date shown first) is the author, else the category.
    if unknown and not author:
        author = unknown.pop(0)
    out["author"] = author
    out["category"] = category or (unknown[0] if unknown else "")
    out["views"] = views
    return out


# --- related block ---------------------------------------------------------------------------


def _find_related(doc: _Doc) -> tuple[HtmlElement | None, list[HtmlElement]]:
    """The 相关文章 heading and the elements after it that hold its entries."""
    heading = None
    for el in doc.elements:
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if (
                text
                and "相关" in text
                and owner is not None
                and _tag(owner)
                and cue.RELATED_HEADING.match(_text(owner))
            ):
                heading = owner
                break
        if heading is not None:
            break
    if heading is None:
        return None, []
    node = heading
    for _ in range(4):
        block: list[HtmlElement] = []
        for sibling in node.itersiblings():
            if not _tag(sibling):
                continue
            text = _text(sibling)
            if cue.SECTION_END.match(text) or (
                _tag(sibling) in cue.HEADING_TAGS and not sibling.findall(".//a")
            ):
                break
            block.append(sibling)
        if any(_article_links(doc, el) for el in block):
            return heading, block
        parent = node.getparent()
        if parent is None or _tag(parent) in ("body", "html"):
            break
        node = parent
    return heading, []


def _article_links(doc: _Doc, el: HtmlElement) -> list[str]:
    urls = (doc.link(a) for a in el.iter("a"))
    return [u for u in urls if u and classify(u) is Kind.ARTICLE]


def _is_stamp(text: str) -> bool:
    """A date, or a count, standing alone (in brackets, with a label or not)."""
    bare = cue.STAMP_EDGES.sub("", text)
    return bool(cue.DATE.fullmatch(bare)) or bare.isdigit()


def _related_entries(doc: _Doc, block: list[HtmlElement]) -> tuple[Related, ...]:
    """Entries in page order, each with its title and the text around it as excerpt.

    An entry is the largest element holding links to one article only (li, div, dt…); text
    between entries (a dd after its dt) belongs to the entry before it.
    """
    targets: dict[HtmlElement, str] = {}
    for el in block:
        for anchor in el.iter("a"):
            url = doc.link(anchor)
            # A link back to the page itself (the theme's mobile excerpts) is excerpt text.
            if url and url != doc.url and classify(url) is Kind.ARTICLE:
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

    def tokens(node: HtmlElement) -> Iterator[tuple[str | None, str]]:
        tag = _tag(node)
        if not tag or tag in cue.SKIP_TAGS:
            return
        if node in roots:
            yield roots[node], ""
        if node in targets:
            alt = " ".join(i.get("alt", "") or i.get("title", "") for i in node.iter("img"))
            yield targets[node], _text(node) or squash(alt) or squash(node.get("title", ""))
            return
        yield None, node.text or ""
        for child in node:
            yield from tokens(child)
            yield None, child.tail or ""

    entries: dict[str, dict[str, list[str]]] = {}
    current: str | None = None
    for el in block:
        for url, text in tokens(el):
            if url is not None:
                current = url
                entry = entries.setdefault(url, {"titles": [], "text": []})
                if text:
                    entry["titles"].append(text)
            elif current is not None:
                entries[current]["text"].append(text)
    result = []
    for url, parts in entries.items():
        title = parts["titles"][0] if parts["titles"] else ""
        pieces = [squash(t) for t in parts["text"]]
        # An entry's date or view count is not its excerpt.
        excerpt = squash(" ".join(p for p in pieces if p and p != title and not _is_stamp(p)))
        result.append(Related(url=url, title=title, excerpt=excerpt))
    return tuple(result)


# --- body ------------------------------------------------------------------------------------


def _char_count(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def _body_containers(doc: _Doc, skip: set[HtmlElement], lo: int, hi: int) -> list[HtmlElement]:
    """The elements holding the body, in page order, from the text between lo and hi.

    The element whose paragraphs carry the most non-link text wins; siblings that carry a fair
    share too (an article split over several sections) join it.
    """
    fast = [el for el in doc.root.cssselect(cue.TPURE_BODY) if lo < doc.order[el] < hi]
    if len(fast) == 1:
        return fast
    scores: dict[HtmlElement, float] = defaultdict(float)
    weights: dict[HtmlElement, int] = {}

    def in_zone(node: HtmlElement) -> bool:
        return doc.last[node] > lo and doc.order[node] < hi

    def visit(node: HtmlElement, in_link: bool) -> tuple[int, int]:
        tag = _tag(node)
        if not tag or tag in cue.SKIP_TAGS or tag in cue.FURNITURE_TAGS or node in skip:
            return 0, 0
        in_link = in_link or tag == "a"
        own = _char_count(node.text)
        link = own if in_link else 0
        for child in node:
            c_own, c_link = visit(child, in_link)
            tail = _char_count(child.tail)
            own += c_own + tail
            link += c_link + (tail if in_link else 0)
        if tag not in cue.BLOCK_TAGS:
            return own, link
        weight = weights[node] = own - link
        if weight >= _MIN_BLOCK and in_zone(node):
            parent = node.getparent()
            first = node if tag in cue.CONTAINER_TAGS else parent
            if first is not None:
                scores[first] += weight
                second = first.getparent()
                if second is not None:
                    scores[second] += weight / 2
        return 0, 0

    visit(doc.root, False)
    if not scores:
        return []

    def adjusted(el: HtmlElement) -> float:
        label = f"{el.get('class', '')} {el.get('id', '')}"
        factor = 1.0
        if _NEGATIVE.search(label):
            factor *= 0.3
        if _POSITIVE.search(label):
            factor *= 1.3
        return scores[el] * factor

    top = max(scores, key=adjusted)
    parent = top.getparent()
    if parent is None:
        return [top]
    share = max(2 * _MIN_BLOCK, 0.2 * adjusted(top))
    body = _text(top)

    def joins(el: HtmlElement) -> bool:
        if not _tag(el) or el in skip or not in_zone(el):
            return False
        if not (adjusted(el) >= share or (_tag(el) == "p" and weights.get(el, 0) >= 40)):
            return False
        # A summary repeating the article's opening is not more article.
        return _text(el).rstrip(".…")[:40] not in body

    return [el for el in parent if el is top or joins(el)]


def extract_article(root: HtmlElement | None, url: str, resolve: Resolver) -> Extracted:
    """Read an article page (see `parse_html`). Fields the page does not show come back empty."""
    if root is None:
        return Extracted()
    doc = _Doc(root, url, resolve)
    crumb = _find_breadcrumb(doc)
    title_el = _find_title(doc, crumb)
    title = _text(title_el) if title_el is not None else ""
    if not title and crumb is not None:
        names = [_text(a) for a in crumb.iter("a")] or [_text(crumb)]
        leaf = cue.BREADCRUMB_SEPARATORS.split(_text(crumb))[-1]
        title = "" if cue.BREADCRUMB_LEAF.match(leaf) or leaf in names else leaf
    crumb_category = _crumb_category(doc, crumb, title)
    meta_node = _find_meta(doc, title_el, crumb)
    meta = _parse_meta(doc, meta_node, crumb_category) if meta_node is not None else {}
    meta_el = meta_node if isinstance(meta_node, HtmlElement) else None
    heading, block = _find_related(doc)
    related = _related_entries(doc, block)

    skip = {el for el in (title_el, crumb, meta_el, heading) if el is not None} | set(block)
    anchors = [el for el in (meta_el, title_el, crumb) if el is not None]
    lo = max((doc.last[el] for el in anchors), default=-1)
    hi = doc.order[heading] if heading is not None else len(doc.order)

    def in_zone(el: HtmlElement) -> bool:
        return doc.last[el] > lo and doc.order[el] < hi

    lines = [
        line
        for container in _body_containers(doc, skip, lo, hi)
        for line in _lines(container, skip, in_zone)
    ]
    # The title or a bare meta line inside the body's container is not body text.
    shown_above = {title, meta_node if isinstance(meta_node, str) else None}
    while lines and lines[0] in shown_above:
        lines.pop(0)
    paragraphs = lines
    return Extracted(
        title=title,
        author=str(meta.get("author", "")),
        category=crumb_category or str(meta.get("category", "")),
        views=meta.get("views"),  # type: ignore[arg-type]
        date_text=str(meta.get("date_text", "")),
        paragraphs=tuple(paragraphs),
        related=related,
    )

"""The meta line: of the short lines holding a date near the title, the page's own.

Each piece of it is read by what says what it is: its label (作者：, 浏览：), the class or icon of
its element, a link to a listing, its shape (54756次浏览); only what nothing tells goes by
position (the author before the date, the category after it).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, squash, tag, text
from industry_news.schemes import Kind, classify, is_home

MAX_META_CHARS = 160
_CANDIDATES = 12
_DEEP = 1_000
_WORD = re.compile(r"\w")
_UNKNOWN_LABEL = re.compile(r"[^\d\s:：]{1,6}\s*[:：]")
_UNIT = re.compile(r"[次人]?(?:浏览|阅读|点击|查看)?[次人]?|[次人](?:浏览|阅读|点击)")
_TRAILING_COUNT = re.compile(r"(.*?\D)\s*(\d[\d,]*)")
_HANDLE_END = re.compile(r"[A-Za-z_]$")
"""Digits run onto Latin letters belong to a handle (liyang021), not a count."""
_SENTENCE_END = re.compile(r"[。！？!?]")
_COMMA = re.compile(r"[,，、；;]")
_CLOCK = re.compile(r"今天是|今日是|星期[一二三四五六日天]")
"""A site header's calendar (今天是2025年5月21日 星期三), not the article's date."""


@dataclass(frozen=True)
class Meta:
    author: str = ""
    category: str = ""
    views: int | None = None
    date_text: str = ""
    evidence: int = 0
    """Fields read from a label, class, icon, link or count (not from their position)."""


def _prose(line: str) -> bool:
    """A sentence of the article ("2019年2月27日下午，…。"), not a meta line."""
    if _SENTENCE_END.search(line):
        return True
    return bool(_COMMA.search(cue.DATE.sub("", line))) and not cue.META_LABEL.search(line)


def _stamp_of_entry(doc: Document, owner: HtmlElement, title: HtmlElement | None) -> bool:
    """A date beside list entries' title links (a sidebar's or a related list's): a link to an
    article, or two long links; a meta line's one link to its source (来源：人民网-《人民日报》)
    is no entry, nor is a date in the block of the headline (a post's <span> in its <div>)."""
    block = owner if tag(owner) in cue.BLOCK_TAGS else owner.getparent()
    if block is None or (title is not None and doc.contains(block, title)):
        return False
    long = [a for a in block.iter("a") if len(text(a)) >= 10]
    return len(long) >= 2 or any(
        (url := doc.link(a)) is not None and classify(url) is Kind.ARTICLE for a in long
    )


def _date_nodes(
    texts: Iterator[tuple[str | None, HtmlElement]],
    title: HtmlElement | None,
    doc: Document,
    entries_too: bool = True,
) -> Iterator[HtmlElement | str]:
    """Short elements holding a date; a bare line of text among <br>s in a long element."""
    for value, owner in texts:
        # A meta line is short: a longer text node is no part of one, nor a line of its own.
        if not value or (len(value) > MAX_META_CHARS and len(squash(value)) > MAX_META_CHARS):
            continue
        if not cue.has_date(value):
            continue
        if tag(owner) in cue.SKIP_TAGS or owner in doc.hidden:
            continue
        line = squash(value)
        if (
            _prose(line)
            or _CLOCK.search(line)
            or (not entries_too and _stamp_of_entry(doc, owner, title))
        ):
            continue
        holds_title = title is not None and doc.contains(owner, title)
        if not holds_title and len(text(owner)) <= MAX_META_CHARS and not _prose(text(owner)):
            yield owner
        elif len(line) <= MAX_META_CHARS and any(tag(child) == "br" for child in owner):
            yield line


def _rich(node: HtmlElement | str) -> bool:
    """Whether a date line says more than its date (an author, a label, a count): a notice's
    own signature date is a date alone."""
    line = node if isinstance(node, str) else text(node)
    return len(cue.DATE.sub("", line).strip(" |/·•:：()（）")) >= 2


def find_meta(
    doc: Document,
    title: HtmlElement | None,
    crumb: HtmlElement | None,
    stop: int,
    crumb_category: str = "",
) -> tuple[HtmlElement | str, Meta] | None:
    """The short element around a date near the title, grown to hold its neighbours.

    Dates are looked for after the title, then before it, then further down to `stop` (a date
    line below the body); a date inside a sentence is the article's, not the page's. A line
    near the title and at its level beats the rest; then the one standing closest to the
    title's level (a source's meta line pasted into the text, or a notice's signature date,
    stands among the paragraphs); then the one that shows most of the page's own fields
    (author, category, views), the first on a tie. When the
    date stands in a long element (a line of text among <br>s), the line itself; with what it
    reads as.
    """
    if title is not None:
        after = doc.last[title] + 1
        near = min(after + 80, stop)
        parent = title.getparent()
        tail = [(title.tail, parent)] if parent is not None else []
        start = doc.order[title]
        # Not above the breadcrumb: the site's header may show today's date.
        floor = max(start - 40, doc.last[crumb] if crumb is not None else -1, -1)
        found = [
            *((n, True) for n in _date_nodes(chain(tail, doc.texts(after, near, 1)), title, doc)),
            *((n, True) for n in _date_nodes(doc.texts(start - 1, floor, -1), title, doc)),
            *((n, False) for n in _date_nodes(doc.texts(near, stop, 1), title, doc, False)),
        ]
    else:
        found = [(n, True) for n in _date_nodes(doc.texts(0, len(doc.elements), 1), None, doc)]
    best: tuple[HtmlElement | str, Meta] | None = None
    best_score: tuple[bool, int, int, bool] = (False, -_DEEP - 1, -1, False)
    grown: dict[HtmlElement | str, bool] = {}
    for node, by_title in found:
        grown.setdefault(_grown(doc, node, title, crumb), by_title)
    # Items of one list (comments, a sidebar's entries) share their shape; a page's meta line
    # stands alone, or twice (above and below the body).
    shapes = Counter(_shape(node) for node in grown)
    for node, by_title in islice(grown.items(), _CANDIDATES):
        # A list of entries (a sidebar's titles with their dates) is no meta line,
        # nor a comment: its author, its time, and a sentence of its text.
        entries = not isinstance(node, str) and (
            _stamp_of_entry(doc, node, title) or _prose(text(node)) or shapes[_shape(node)] >= 3
        )
        if entries:
            continue
        meta = parse_meta(doc, node, crumb_category)
        depth = _depth(doc, node, title)
        score = (by_title and depth <= 1, -depth, meta.evidence, _rich(node))
        if score > best_score:
            best, best_score = (node, meta), score
    return best


def _depth(doc: Document, node: HtmlElement | str, title: HtmlElement | None) -> int:
    """How far below its common ancestor with the title an element stands (a bare line of a
    long element: deepest)."""
    if isinstance(node, str):
        return _DEEP
    if title is None:
        return 0
    steps, el = 0, node
    while el is not None and not doc.contains(el, title):
        el, steps = el.getparent(), steps + 1
    return steps


def _shape(node: HtmlElement | str) -> tuple[object, ...]:
    """What items of one list share: their parent, and their tag and class. Lines of two
    blocks (a sidebar's box and the article, on a page without classes) do not."""
    if isinstance(node, str):
        return ()
    return (node.getparent(), f"{tag(node)}.{node.get('class', '')}")


def _grown(
    doc: Document, node: HtmlElement | str, title: HtmlElement | None, crumb: HtmlElement | None
) -> HtmlElement | str:
    """The date's element grown to hold its neighbours, short of the title and breadcrumb."""
    if isinstance(node, str):
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
    """One text node of the meta line: where it stands in the line's text, and what says what
    it is (the kind of URL it links to, the class or icon of its element)."""

    start: int
    end: int
    href_kind: Kind | None
    hint: str | None = None


def _hint(el: HtmlElement) -> str | None:
    label = f"{el.get('class', '')} {el.get('id', '')}"
    if not label.strip():
        return None
    return next((field for field, pattern in cue.META_HINTS if pattern.search(label)), None)


def _names_one_field(el: HtmlElement, hint: str) -> bool:
    """Whether an element whose class names a field holds that field only."""
    if any(_hint(d) not in (None, hint) for d in el.iterdescendants()):
        return False
    shown = text(el)
    if hint == "date":
        return not _WORD.search(cue.META_LABEL.sub("", cue.DATE.sub("", shown)))
    return not cue.has_date(shown)


def _fragments(doc: Document, meta: HtmlElement | str) -> tuple[str, list[_Fragment]]:
    if isinstance(meta, str):
        return meta, [_Fragment(0, len(meta), None)]
    raw: list[str] = []
    frags: list[_Fragment] = []
    pos = 0
    icon: list[str | None] = [None]
    """The field an empty element just before the text names (<i class="icon-user"></i>)."""

    def add(value: str | None, kind: Kind | None, hint: str | None) -> None:
        nonlocal pos
        if not value:
            return
        raw.append(value)
        if value.strip():
            frags.append(_Fragment(pos, pos + len(value), kind, icon[0] or hint))
            icon[0] = None
        pos += len(value)

    def walk(node: HtmlElement, kind: Kind | None, hint: str | None, root: bool) -> None:
        name = tag(node)
        if not name or name in cue.SKIP_TAGS:
            return
        own = None if root else _hint(node)
        if own and not _names_one_field(node, own):
            own = None  # a wrapper of several fields (div.time-info) names none of them
        if name == "a":
            url = doc.link(node)
            # The home page is a listing, but its link (the site's name) names no category.
            kind = classify(url) if url and not is_home(url) else Kind.OTHER
            if url and "/author" in url:
                own = own or "author"
        elif name in cue.BLOCK_TAGS:
            add(" ", None, None)
        if own and not text(node):
            icon[0] = own
            return
        hint = own or hint
        add(node.text, kind, hint)
        for child in node:
            walk(child, kind, hint, False)
            add(child.tail, kind, hint)

    walk(meta, None, None, True)
    return "".join(raw), frags


def _clean_piece(value: str) -> str:
    return squash(value).strip(" |丨/·•:：,，;；")


def _views(value: str) -> int | None:
    piece = _clean_piece(value)
    m = cue.VIEWS.match(piece) or cue.VIEWS_UNIT.match(piece)
    if m is None:
        return None
    digits = next(g for g in m.groups() if g and g[0].isdigit())
    return int(digits.replace(",", ""))


def _find_date(raw: str, frags: list[_Fragment]) -> tuple[int, int, str] | None:
    """Where the date stands in the meta text, and the date as shown: within one fragment, and
    its time or hint may follow in the next one (<span>09-30</span><span>22:46</span>)."""
    for i, frag in enumerate(frags):
        # Fragments are the page's own text nodes: a date may begin where one begins.
        m = cue.DATE.search(raw[frag.start : frag.end])
        if m is None:
            continue
        found = frag.start + m.start()
        # Run into a handle (admin8个月前, liyang02159秒前), not after a label (时间:23天前).
        glued = m.start() > 0 and raw[found - 1].isascii() and raw[found - 1].isalnum()
        start = _trim_count(raw, found) if glued else found
        # Found mid-node, a date broken over inline elements (2<font>0</font>2<em>0年12月10</em>日)
        # reads whole when it begins where a node begins.
        whole = cue.DATE.search(raw) if m.start() > 0 and not glued else None
        begins = whole is not None and any(f.start == whole.start() for f in frags)
        if whole and begins and whole.start() < start < whole.end():
            return whole.start(), whole.end(), squash(whole.group())
        own = raw[start : frag.end]
        if i + 1 < len(frags):
            after = frags[i + 1]
            # As shown, then with the space a theme's CSS puts between its spans (09-30 22:46).
            for head in (raw[start : after.start], own + " "):
                full = cue.DATE.match(head + raw[after.start : after.end])
                if full and full.end() > len(head):
                    return start, after.start + full.end() - len(head), squash(full.group())
        full = cue.DATE.match(own)
        end = start + full.end() if full else frag.start + m.end()
        return start, end, squash(raw[start:end])
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


@dataclass
class _Piece:
    text: str
    before_date: bool
    kind: Kind | None
    hint: str | None
    field: str | None = None
    """The field a label gave it."""


def _pieces(raw: str, frags: list[_Fragment], date: tuple[int, int] | None) -> list[_Piece]:
    """The meta line's values, date left out, each with its label's field if it had one.

    A text node is cut at separators (| / · runs of spaces) and at labels; a label standing
    alone (栏目：) names the value that follows it.
    """
    pieces: list[_Piece] = []
    pending: str | None = None
    for frag in frags:
        spans = [(frag.start, frag.end)]
        if date is not None:
            spans = [(a, min(b, date[0])) for a, b in spans if a < date[0]] + [
                (max(a, date[1]), b) for a, b in spans if b > date[1]
            ]
        for a, b in spans:
            if date is not None and a >= date[1] and pending == "date":
                pending = None
            before = date is None or b <= date[0]
            for chunk in cue.META_SEPARATOR.split(raw[a:b]):
                labels = list(cue.META_LABEL.finditer(chunk))
                cuts = [(m.start(), m.end(), _label_field(m.group(0))) for m in labels]
                if _views(chunk) is not None or cue.COMMENTS_UNIT.match(_clean_piece(chunk)):
                    cuts = []  # 54756次浏览, 阅读(24): a unit, not a label
                head = chunk[: cuts[0][0]] if cuts else chunk
                values = [
                    (head, None, ""),
                    *(
                        (chunk[e : n[0] if n else None], f, chunk[s:e])
                        for (s, e, f), n in zip(cuts, [*cuts[1:], None], strict=False)
                    ),
                ]
                for value, field, label in values:
                    piece = _clean_piece(value)
                    if field is None and _UNKNOWN_LABEL.fullmatch(value.strip()):
                        pending = "other"  # a label no rule knows: its value is no name
                        continue
                    if piece and (not _WORD.search(piece) or _UNIT.fullmatch(piece)):
                        continue  # a bracket or a count's unit (次浏览) standing apart
                    if field is not None and not piece:
                        if ":" in label or "：" in label:
                            pending = field
                            continue
                        if field != "author":
                            continue  # a count's unit (次浏览, 阅读) standing apart
                        # A label word with no colon and no value is a value (小编).
                        piece, field = _clean_piece(label), None
                    if not piece:
                        continue
                    chosen = field or pending
                    pending = None
                    pieces.append(_Piece(piece, before, frag.href_kind, frag.hint, chosen))
    return pieces


def _label_field(label: str) -> str:
    return next(f for f, pattern in cue.META_LABELS.items() if pattern.match(label))


def parse_meta(doc: Document, meta: HtmlElement | str, crumb_category: str) -> Meta:
    raw, frags = _fragments(doc, meta)
    found = _find_date(raw, frags)
    date = found[:2] if found else None
    date_text = found[2] if found else ""
    fields: dict[str, str] = {}
    views: int | None = None
    unknown: list[_Piece] = []
    own_category = False
    for piece in _pieces(raw, frags, date):
        field = piece.field or piece.hint
        count = _views(piece.text)
        if field in ("date", "source", "comments", "other") or cue.COMMENTS_UNIT.match(piece.text):
            continue
        if field == "views" or (field is None and count is not None):
            if views is None and count is not None:
                views = count
            continue
        if field in ("author", "category"):
            fields.setdefault(field, piece.text)
        elif (
            piece.kind is Kind.LISTING
            or piece.text == crumb_category
            or _names_a_listing(doc, piece.text)
            or (piece.text in doc.keywords and not doc.names_site(piece.text))
        ):
            fields.setdefault("category", piece.text)
            own_category = True
        elif piece.before_date:
            unknown.append(piece)
        elif crumb_category and piece.text.startswith(crumb_category):
            fields.setdefault("category", crumb_category)
            own_category = True
            views = views if views is not None else _views(piece.text[len(crumb_category) :])
        elif (
            views is None
            and (m := _TRAILING_COUNT.fullmatch(piece.text))
            and not _HANDLE_END.search(m.group(1))
        ):
            # A name and a count run together (常州溧阳产业信息 3809): the name goes by position.
            views = _views(m.group(2))
            unknown.append(dataclasses.replace(piece, text=m.group(1).strip()))
        else:
            unknown.append(piece)
    # The site's own category (one of its listings) says most that this line is the page's own:
    # a source's meta line pasted into the body names the source's editor and count, not that.
    evidence = len(fields) + (views is not None) + own_category
    # A breadcrumb that names the category leaves an unlinked other name to be the author.
    known = "category" in fields or bool(crumb_category)
    for field, name in _by_position(unknown, "author" in fields, known):
        fields.setdefault(field, name)
    return Meta(
        author=fields.get("author", ""),
        category=fields.get("category", ""),
        views=views,
        date_text=date_text,
        evidence=evidence,
    )


def _by_position(
    unknown: list[_Piece], has_author: bool, has_category: bool
) -> list[tuple[str, str]]:
    """(field, name) of the names no label, class or link tells: the author before the date;
    after it, a category (a handle such as admin is an author), or the author when two names
    follow the date."""
    out = []
    before = [p.text for p in unknown if p.before_date]
    after = [p.text for p in unknown if not p.before_date]
    if before and not has_author:
        out.append(("author", before[-1]))
        has_author = True
    if after and not has_author and (len(after) > 1 or not _has_cjk(after[0]) or has_category):
        out.append(("author", after.pop(0)))
    if after and not has_category:
        out.append(("category", after[0]))
    return out


def _has_cjk(value: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in value)


def _names_a_listing(doc: Document, name: str) -> bool:
    """Whether a link of the page to one of its listings shows `name`: its categories, as its
    navigation names them. Links are resolved only for the texts asked about."""
    return any(
        (url := doc.link(anchor)) is not None and classify(url) is Kind.LISTING and not is_home(url)
        for anchor in doc.anchors_by_text.get(name, ())
    )

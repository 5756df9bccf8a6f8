"""The 当前位置 breadcrumb, and the category it names."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, tag, text

_TELLING_ATTRIBUTES = "//body//*[@class or @id or @aria-label]"
_HOME_LINKS = etree.XPath(
    "//a[contains(., '首页') or contains(., '主页')"
    " or contains(translate(., 'HOME', 'home'), 'home')]"
)
"""Links that may be a 首页 link (HOME_TEXT decides), in C."""


def find_breadcrumb(doc: Document) -> HtmlElement | None:
    """The 当前位置 breadcrumb; only ever one of the document's elements (a broken page's
    absolute XPaths can reach nodes outside its root)."""
    found = _breadcrumb(doc)
    return found if found is not None and found in doc.order else None


def _breadcrumb(doc: Document) -> HtmlElement | None:
    for el in doc.theme.breadcrumb(doc.root) if doc.theme is not None else ():
        if cue.BREADCRUMB_LABEL.match(text(el)):
            return el
    # Every label holds 位置 (当前位置, 您的位置, 所在位置…).
    body = doc.root.find("body")
    for found, node in doc.mentions("位置"):
        if body is None or not doc.contains(body, node) or not cue.BREADCRUMB_LABEL.match(found):
            continue
        while node is not None and node.find(".//a") is None and node.getparent() is not None:
            node = node.getparent()
        if node is not None and tag(node) and len(text(node)) <= 300:
            return node
    for el in doc.root.xpath(_TELLING_ATTRIBUTES):
        label = f"{el.get('class', '')} {el.get('id', '')} {el.get('aria-label', '')}"
        if cue.BREADCRUMB_CLASS.search(label) and el.find(".//a") is not None:
            first = el.find(".//a")
            if cue.HOME_TEXT.match(text(first)) and len(text(el)) <= 300:
                return el
    # No label, no telling class: a 首页 link followed by a crumb separator ("首页 >> 栏目").
    for anchor in _HOME_LINKS(doc.root):
        if cue.HOME_TEXT.match(text(anchor)) and cue.CRUMB_AFTER_HOME.match(anchor.tail or ""):
            parent = anchor.getparent()
            if parent is not None and len(text(parent)) <= 300:
                return parent
    return None


def crumb_names(crumb: HtmlElement) -> list[str]:
    """The crumbs' texts: its links, or the pieces between separators when it has none."""
    names = [text(a) for a in crumb.iter("a")]
    if not names:
        shown = cue.BREADCRUMB_LABEL.sub("", text(crumb))
        names = [p for p in cue.BREADCRUMB_SEPARATORS.split(shown) if p]
    return names


def crumb_category(crumb: HtmlElement | None, title: str) -> str:
    """The last crumb that is neither home, the article, nor the 正文 leaf."""
    if crumb is None:
        return ""
    names = [
        n
        for n in crumb_names(crumb)
        if n and not cue.HOME_TEXT.match(n) and not cue.BREADCRUMB_LEAF.match(n) and n != title
    ]
    return names[-1] if names else ""


def crumb_title(crumb: HtmlElement) -> str:
    """The breadcrumb's last piece when it names the article (a theme setting shows it)."""
    names = [text(a) for a in crumb.iter("a")] or [text(crumb)]
    leaf = cue.BREADCRUMB_SEPARATORS.split(text(crumb))[-1]
    return "" if cue.BREADCRUMB_LEAF.match(leaf) or leaf in names else leaf

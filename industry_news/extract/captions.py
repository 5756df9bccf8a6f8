"""Captions of the article's pictures: lines of the page that are not paragraphs of the text.

A caption is a <figcaption>, a short centred line in the block of a picture or right after
it, or the one short line beside a picture in a block of their own (a figure without the tag).
Wording alone (图为…，…摄) does not make one: texts quote their captions as paragraphs.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from industry_news.extract.document import centred, tag, text

_MAX_CAPTION = 60
_HOLDERS = frozenset({"p", "div", "span", "center", "td", "font", "strong"})


def is_caption(el: HtmlElement) -> bool:
    """Whether a block of the body holds a picture's caption (and nothing else)."""
    name = tag(el)
    if name == "figcaption":
        return True
    if name not in _HOLDERS:
        return False
    previous = el.getprevious()
    after_picture = previous is not None and (
        tag(previous) == "img" or previous.find(".//img") is not None
    )
    if not centred(el):
        # A figure: a block that holds a picture and this one line (<div><img><p>…</p></div>).
        parent = el.getparent()
        if not after_picture or parent is None:
            return False
        shown = text(el)
        return 0 < len(shown) <= _MAX_CAPTION and text(parent) == shown
    if not after_picture and el.find(".//img") is None:
        return False
    return 0 < len(text(el)) <= _MAX_CAPTION

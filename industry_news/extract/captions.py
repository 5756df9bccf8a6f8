"""Captions of the article's pictures: lines of the page that are not paragraphs of the text.

A caption is a <figcaption>, or a short centred line in the block of a picture or right after
it. Wording alone (图为…，…摄) does not make one: texts quote their captions as paragraphs.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from industry_news.extract.document import tag, text

_CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_MAX_CAPTION = 60


def is_caption(el: HtmlElement) -> bool:
    """Whether a block of the body holds a picture's caption (and nothing else)."""
    name = tag(el)
    if name == "figcaption":
        return True
    if name not in ("p", "div", "span", "center", "td", "font", "strong"):
        return False
    shown = text(el)
    if not shown or len(shown) > _MAX_CAPTION:
        return False
    centred = (
        name == "center" or el.get("align") == "center" or _CENTRED.search(el.get("style", ""))
    )
    if not centred:
        return False
    previous = el.getprevious()
    return (
        el.find(".//img") is not None
        or (previous is not None and previous.find(".//img") is not None)
        or (previous is not None and tag(previous) == "img")
    )

"""The body's masthead: the lines above the text that display the document, not say it.

Notices, bulletins and reprinted stories open with centred display lines: the headline again
(whole, broken over lines, with its issuer 平潭县人民政府关于 or a note mark [1]), a deck, the
issuer (江西省统计局 国家统计局江西调查总队) and a date. They are centred, short and no
sentence; the text starts at the first line that is not. A body that is centred throughout has
no masthead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from industry_news.extract.document import Document, Line, centred

_MAX_DISPLAY = 60
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_LABELLED = re.compile(r"^[【\[(（]?[\u4e00-\u9fff]{2,5}[】\])）]?\s*[:：]")


def masthead(doc: Document, container: HtmlElement, found: Sequence[Line]) -> int:
    """How many of the body's opening lines (`found`, in `container`) are its masthead."""
    for count, line in enumerate(found):
        if not _display(doc, container, line):
            return count
    return 0


def _display(doc: Document, container: HtmlElement, line: Line) -> bool:
    if len(line.text) > _MAX_DISPLAY or _SENTENCE_END.search(line.text):
        return False
    if _LABELLED.match(line.text):
        return False  # 原标题：…, 来源：…: a line that states something, even centred
    el: HtmlElement | None = line.block
    while el is not None and el is not container and doc.contains(container, el):
        if centred(el):
            return True
        el = el.getparent()
    return False

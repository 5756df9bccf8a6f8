"""The text a browser shows of a page, line by line (an approximation of innerText).

Independent of the project's extraction code: stdlib html.parser only. Skips <head>, <script>,
<style>, <template>, comments and elements hidden by `display:none` / `hidden`; block elements
and <br> break lines; runs of ASCII whitespace collapse to one space; lines are stripped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
SKIP = frozenset(["head", "script", "style", "template", "title", "noscript", "textarea", "select"])
_SPACE = re.compile(r"[ \t\n\r\f]+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.out: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK or tag == "br":
            self.out.append("\n")
        if tag in VOID:
            return
        a = dict(attrs)
        hidden = (
            self._hidden()
            or tag in SKIP
            or "hidden" in a
            or bool(_HIDDEN.search(a.get("style") or ""))
        )
        if tag == "p" and self.stack and self.stack[-1][0] == "p":
            self.stack.pop()  # <p> closes an open <p>
        self.stack.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK or tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK:
            self.out.append("\n")
        if tag in ("html", "body"):
            return  # browsers ignore them until the end of the input
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.out.append(_SPACE.sub(" ", data))


def visible_lines(html: str) -> list[str]:
    """The page's visible text as non-empty stripped lines, in page order."""
    p = _Visible()
    p.feed(html)
    p.close()
    text = "".join(p.out)
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def visible_text(html: str) -> str:
    return "\n".join(visible_lines(html))


def html5_lines(html: str) -> list[str]:
    """The same lines from a tree built by the browsers' algorithm (html5lib, if installed).

    A cross-check of `visible_lines` on stray end tags, unclosed <p>, nested forms and the like.
    Raises ImportError without html5lib (not a dependency of the project).
    """
    import html5lib

    ns = "{http://www.w3.org/1999/xhtml}"
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag.replace(ns, "") if isinstance(el.tag, str) else None
        a = el.attrib
        if tag is None or tag in SKIP or "hidden" in a or _HIDDEN.search(a.get("style") or ""):
            if el.tail:
                out.append(_SPACE.sub(" ", el.tail))
            return
        if tag in BLOCK or tag == "br":
            out.append("\n")
        if el.text:
            out.append(_SPACE.sub(" ", el.text))
        for child in el:
            walk(child)
        if tag in BLOCK:
            out.append("\n")
        if el.tail:
            out.append(_SPACE.sub(" ", el.tail))

    walk(html5lib.parse(html, treebuilder="etree"))
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return [line for line in lines if line]

"""The title: the heading the page's <title> names."""

from __future__ import annotations

from lxml.html import HtmlElement

from industry_news import selectors as cue
from industry_news.extract.document import Document, squash, tag, text


def title_parts(root: HtmlElement) -> list[str]:
    node = root.find(".//title")
    if node is None:
        return []
    whole = text(node)
    return [p for p in cue.TITLE_SEPARATORS.split(whole) if len(p) >= 2] or (
        [whole] if whole else []
    )


def find_title(doc: Document, crumb: HtmlElement | None) -> HtmlElement | None:
    """The element showing the article title: a heading that the <title> names, preferably."""
    parts = title_parts(doc.root)
    whole = squash(doc.root.findtext(".//title") or "")
    best: tuple[int, int, HtmlElement] | None = None
    # Exact matches, found by libxml2; the slower scan below also takes prefixes of <title>.
    named = [
        el for part in parts for el in doc.root.xpath("//body//*[normalize-space(.)=$p]", p=part)
    ]
    for el in named or doc.elements:
        name = tag(el)
        if name in ("", "html", "head", "title", "body", "a") or name in cue.SKIP_TAGS:
            continue
        if doc.size.get(el, 0) > 2000:
            continue
        shown = text(el)
        if not 2 <= len(shown) <= 200:
            continue
        if not (shown in parts or (len(shown) >= 6 and whole.startswith(shown))):
            continue
        inside_link = el.find(".//a") is not None or any(tag(a) == "a" for a in el.iterancestors())
        rank = (0 if name in cue.HEADING_TAGS else 1) + (2 if inside_link else 0)
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
        if tag(el) in ("h1", "h2")
        and el.find(".//a") is None
        and (shown := text(el))
        and not cue.RELATED_HEADING.match(shown)
        and not cue.SECTION_END.match(shown)
    ]
    if headings:
        return min(headings, key=tag)
    return best[2] if best is not None else None

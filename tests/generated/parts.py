"""Small HTML building blocks: class/id names, escaping with entity noise, inline decoration."""

from __future__ import annotations

import html
import random

MEANINGFUL: dict[str, tuple[str, ...]] = {
    "page": ("wrapper", "container", "page", "wrap", "main-wrap", "site"),
    "header": ("header", "head", "top", "site-header", "hd"),
    "nav": ("menu", "nav", "navbar", "mainnav", "topnav"),
    "layout": ("main", "wrap", "content-wrap", "mainbody", "w1000", "clearfix"),
    "wrapper": (
        "inner",
        "box",
        "mainbox",
        "con",
        "wrap",
        "post-wrap",
        "article-wrap",
        "main-inner",
    ),
    "main": ("content", "main", "left", "col-main", "primary", "mainbox", "l_box"),
    "article": (
        "post",
        "article",
        "news-detail",
        "detail",
        "art-box",
        "single-post",
        "show",
        "block",
    ),
    "crumb": ("sitemap", "breadcrumb", "position", "crumbs", "location", "weizhi", "dqwz", "path"),
    "title": (
        "title",
        "post-title",
        "article-title",
        "news-title",
        "tit",
        "h-title",
        "detail-title",
    ),
    "meta": (
        "info",
        "meta",
        "post-meta",
        "article-info",
        "news-info",
        "property",
        "attr",
        "time-info",
    ),
    "body": (
        "single",
        "content",
        "article-body",
        "detail",
        "article-content",
        "post-content",
        "entry-content",
        "news_content",
        "con_text",
        "art_con",
        "TRS_Editor",
        "zoom",
        "newsContent",
        "text",
        "article_con",
    ),
    "after": (
        "copynotice",
        "post-footer",
        "article-footer",
        "notice",
        "copyright",
        "post-copyright",
    ),
    "tags": ("tags", "post-tags", "tag", "keywords"),
    "share": ("sharebox", "share", "bdsharebuttonbox", "social"),
    "pages": ("pages", "prevnext", "post-nav", "nextprev", "page-link"),
    "related": (
        "relatecon",
        "related",
        "related-posts",
        "xgwz",
        "relate-list",
        "read-more",
        "xglb",
    ),
    "related-head": ("posttitle", "related-title", "xg-tit", "hd", "box-title"),
    "comments": ("comments", "comment-list", "cmts", "pl", "comment-box"),
    "sidebar": ("sidebar", "side", "right", "aside", "col-side", "r_box"),
    "sidebox": ("sidebox", "widget", "side-box", "module", "box"),
    "footer": ("footer", "foot", "copyright", "bottom", "ft"),
}

_IDS = {
    "body": ("zoom", "content", "artibody", "article_content", "news_body", "js_content", "Zoom"),
    "article": ("article", "main", "post-1", "detail"),
    "title": ("title", "h1-title", "ArticleTitle"),
    "footer": ("footer", "foot"),
    "related": ("related", "divRelated"),
}


def obfuscated(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return f"c-{rng.getrandbits(16):04x}"
    if kind == 1:
        return f"x{rng.randint(1, 99)}"
    if kind == 2:
        return "_" + "".join(
            rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(rng.randint(2, 5))
        )
    if kind == 3:
        return f"css-{rng.getrandbits(24):06x}"
    return "sc-" + "".join(
        rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(6)
    )


class Namer:
    """Class/id attributes per role, in one naming style per page (stable per role)."""

    def __init__(self, rng: random.Random, style: str) -> None:
        self.rng = rng
        self.style = style
        self.cache: dict[str, str] = {}
        self.used: list[str] = []

    def __call__(self, role: str) -> str:
        if role not in self.cache:
            self.cache[role] = self._make(role)
        return self.cache[role]

    def fresh(self, role: str) -> str:
        """A new class attribute for one more element of the role (never an id)."""
        out = self._make(role, ids=False)
        return out

    def _make(self, role: str, ids: bool = True) -> str:
        rng = self.rng
        style = self.style
        if style == "mixed":
            style = rng.choice(("meaningful", "meaningful", "obfuscated", "none"))
        if style == "none":
            return ""
        if style == "obfuscated":
            name = obfuscated(rng)
            while name in self.used:
                name = obfuscated(rng)
            self.used.append(name)
            return f' class="{name}"'
        name = rng.choice(MEANINGFUL.get(role, (role,)))
        out = f' class="{name}"'
        if ids and role in _IDS and rng.random() < 0.3:
            ident = rng.choice(_IDS[role])
            out = f' id="{ident}"' + (out if rng.random() < 0.5 else "")
        return out


NAMED = {
    "“": "&ldquo;",
    "”": "&rdquo;",
    "‘": "&lsquo;",
    "’": "&rsquo;",
    "—": "&mdash;",
    "…": "&hellip;",
    "·": "&middot;",
    "×": "&times;",
    "%": "&#37;",
    "、": "&#12289;",
}


def attr(text: str) -> str:
    """An attribute value, escaped."""
    return html.escape(text, quote=True)


def esc(text: str, rng: random.Random | None = None, rate: float = 0.0) -> str:
    """Text as HTML; with rate > 0 some characters become entities or numeric references."""
    s = html.escape(text, quote=False)
    if not rate or rng is None:
        return s
    out = []
    for ch in s:
        if ch in NAMED and rng.random() < min(1.0, rate * 4):
            out.append(NAMED[ch])
        elif "\u4e00" <= ch <= "\u9fff" and rng.random() < rate:
            out.append(f"&#x{ord(ch):x};" if rng.random() < 0.5 else f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


INLINE_WRAPS = (
    ("<strong>", "</strong>"),
    ('<span style="font-size: 16px;">', "</span>"),
    ('<font face="宋体">', "</font>"),
    ("<b>", "</b>"),
    ('<span lang="EN-US">', "</span>"),
    ('<span style="color: rgb(51, 51, 51);">', "</span>"),
    ("<em>", "</em>"),
)
WHOLE_WRAPS = (
    (
        '<span style="font-family: 微软雅黑, &quot;Microsoft YaHei&quot;; font-size: 16px;">',
        "</span>",
    ),
    ('<font size="3" face="宋体">', "</font>"),
    ('<span style="font-size:14px;">', "</span>"),
    ('<span class="bjh-p">', "</span>"),
)
INNER_COMMENTS = ("<!--[if !supportLists]-->", "<!--[endif]-->", "<!-- -->", "<!--StartFragment-->")


def decorate(text: str, rng: random.Random, rate: float, ent: float, comments: bool) -> str:
    """A paragraph's text as inline HTML: some runs wrapped in spans/strong/font, comments between.

    The visible text stays exactly `text`.
    """
    if rng.random() >= rate or len(text) < 4:
        inner = esc(text, rng, ent)
    else:
        cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.choice((2, 2, 4)))))
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        out = []
        for k, piece in enumerate(pieces):
            h = esc(piece, rng, ent)
            if k % 2 == 1:
                open_, close = rng.choice(INLINE_WRAPS)
                h = open_ + h + close
            out.append(h)
            if comments and k < len(pieces) - 1 and rng.random() < 0.3:
                out.append(rng.choice(INNER_COMMENTS))
        inner = "".join(out)
    if rng.random() < rate * 0.5:
        open_, close = rng.choice(WHOLE_WRAPS)
        inner = open_ + inner + close
    return inner

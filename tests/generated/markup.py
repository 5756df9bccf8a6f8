"""A seeded generator of unseen 溧阳厂房网 article-page markups, each with the truth it shows.

    page = generate_page(seed, article, related, rendered_at)

Every choice (wrapper tags, names, title and breadcrumb forms, meta line, date form, body markup,
boilerplate, related block, noise, encoding) comes from `random.Random(seed)`: the same seed and
inputs give the same bytes. `page.truth` says what a careful human reader sees on the page;
`page.features` names each choice made. `python -m tests.generated.markup --seeds 200 --out DIR`
writes pages and truths and checks them (see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tests.portal.model import SHANGHAI, to_ascii

from . import texts as T
from .dates import ShownDate, pick_published, show_date
from .parts import Namer, attr, decorate, esc, obfuscated

TEXTS_JSONL = Path(__file__).resolve().parents[1] / "real" / "texts" / "texts.jsonl"


# ---------------------------------------------------------------- API


@dataclass(frozen=True)
class Article:
    """Input: one real article text."""

    title: str
    paragraphs: tuple[str, ...]
    footers: tuple[str, ...] = ()
    """Real source footers to paste as boilerplate (may be empty)."""


@dataclass(frozen=True)
class Truth:
    title: str
    author: str
    """The meta line's author, e.g. "admin" ("" if the page shows none)."""
    category: str
    views: int | None
    date_text: str
    """The date exactly as shown, no label: "8个月前 (09-24)", "27天前", "2024-05-21 10:17"."""
    published_at: datetime
    paragraphs: tuple[str, ...]
    boilerplate: tuple[str, ...]
    """Every line inserted into or around the body that is not article text, in page order."""
    related: tuple[tuple[str, str], ...]
    """(absolute url, title) of each 相关文章 entry, in page order."""


@dataclass(frozen=True)
class Page:
    url: str
    html: bytes
    encoding: str
    rendered_at: datetime
    truth: Truth
    features: tuple[str, ...]


def post_url(post_id: int) -> str:
    return f"{T.HOST}/index.php/post/{post_id}.html"


_WS = re.compile(r"[ \t\r\n\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Text as a browser shows it: invisible characters gone, runs of spaces one space, stripped."""
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


# ---------------------------------------------------------------- the theme's choices


class _Choices:
    """The theme drawn from the seed: attributes plus the feature names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.features: list[str] = []

    def pick(self, name: str, options: Sequence, weights: Sequence[float] | None = None):
        value = self.rng.choices(list(options), weights=weights)[0]
        setattr(self, name.replace(".", "_").replace("-", "_"), value)
        self.features.append(f"{name}={value}")
        return value

    def flag(self, name: str, p: float) -> bool:
        value = self.rng.random() < p
        setattr(self, name.replace(".", "_").replace("-", "_"), value)
        if value:
            self.features.append(name)
        return value


def _draw_theme(rng: random.Random) -> _Choices:
    c = _Choices(rng)
    mobile = c.flag("mobile", 0.15)
    c.pick("punct", ("full", "ascii", "ascii-all"), (55, 30, 15))
    c.full = c.punct == "full"
    c.pick("enc", ("utf-8", "gbk", "gb18030"), (55, 30, 15))
    c.pick("charset", ("meta-charset", "http-equiv"))
    c.want_gb2312 = c.enc == "gbk" and rng.random() < 0.35
    c.bom = c.enc == "utf-8" and rng.random() < 0.05
    if c.bom:
        c.features.append("bom")
    c.pick("doctype", ("html5", "xhtml", "none"), (60, 30, 10))
    c.pick("names", ("meaningful", "obfuscated", "none", "mixed"), (45, 25, 10, 20))
    c.pick(
        "title", ("dash", "underscore", "pipe", "space", "cat", "bare"), (30, 20, 15, 10, 15, 10)
    )
    c.pick("h", ("h1", "h2", "h3", "div", "strong", "td"), (45, 15, 10, 12, 10, 8))
    c.flag("logo-h1", 0.25)
    c.flag("topbar", 0.0 if mobile else 0.3)
    c.flag("nav", 0.6 if mobile else 0.85)
    c.pick(
        "sidebar",
        ("none", "bottom") if mobile else ("right", "left", "none"),
        (70, 30) if mobile else (55, 20, 25),
    )
    c.pick(
        "layout",
        ("div",) if mobile or c.sidebar in ("none", "bottom") else ("div", "table"),
        None if mobile or c.sidebar in ("none", "bottom") else (75, 25),
    )
    c.pick(
        "tag",
        ("div", "section", "article", "table", "dl", "ul", "form"),
        (35, 12, 12, 12, 8, 8, 13),
    )
    c.pick("depth", (0, 1, 2, 3, 4), (20, 30, 25, 15, 10))
    c.pick("body.depth", (0, 1, 2, 3), (45, 30, 17, 8))
    c.pick(
        "crumb",
        ("tpure", "your", "dgt", "slash", "arrow", "title", "none"),
        (30, 15, 12, 10, 8, 10, 15),
    )
    c.pick("crumb.at", ("article", "top")) if c.crumb != "none" else None
    c.crumb_parent = c.crumb != "none" and rng.random() < 0.12
    c.pick("meta", ("above", "below", "both"), (60, 15, 25))
    c.pick(
        "body",
        ("p", "br", "div", "wechat", "mixed", "font", "p-unclosed"),
        (35, 15, 10, 10, 12, 8, 10),
    )
    c.pick(
        "indent", ("none", "style", "nbsp", "ideographic", "emsp", "spaces"), (25, 25, 15, 20, 8, 7)
    )
    c.pick("inline", ("none", "some", "heavy"), (40, 40, 20))
    c.inline = {"none": 0.0, "some": 0.15, "heavy": 0.5}[c.inline]
    c.pick("entities", ("none", "some", "heavy"), (50, 35, 15))
    c.entities = {"none": 0.0, "some": 0.02, "heavy": 0.05}[c.entities]
    c.flag("noise.comments", 0.5)
    c.flag("noise.empty-p", 0.35)
    c.flag("noise.images", 0.4)
    c.flag("noise.scripts", 0.6)
    c.flag("noise.hidden", 0.2)
    c.flag("noise.ld-json", 0.1)
    c.pick("stray", ("none", "div", "body", "html"), (60, 15, 12, 13))
    c.pick("href", ("abs", "root", "rel", "proto"), (40, 35, 15, 10))
    c.flag("comments", 0.25)
    c.compact = mobile or rng.random() < 0.1
    if c.compact:
        c.features.append("compact")
    return c


# ---------------------------------------------------------------- the page


class _Builder:
    def __init__(
        self, seed: int, article: Article, related: Sequence[Article], rendered_at: datetime
    ):
        self.rng = rng = random.Random(seed)
        self.c = c = _draw_theme(rng)
        self.names = Namer(rng, c.names)
        self.rendered_at = rendered_at
        self.nl = "" if c.compact else "\n"
        self.bp: list[str] = []

        # content facts
        self.post_id = rng.randint(1200, 9800)
        self.cat_id, self.cat = rng.choice(T.CATEGORIES)
        self.parent = rng.choice(T.PARENT_CATEGORIES)
        self.author = rng.choice(T.AUTHORS)
        self.views = rng.choice(
            (rng.randint(0, 99), rng.randint(100, 3000), rng.randint(3000, 60000))
        )
        self.published, kind = pick_published(rng, rendered_at)
        c.features.append(f"age={kind}")
        self.shown: ShownDate = show_date(rng, self.published, rendered_at)
        c.features.append(f"date={self.shown.mode}")

        def prep(s: str) -> str:
            s = clean(s)
            return to_ascii(s) if c.punct == "ascii-all" else s

        self.prep = prep
        self.title = prep(article.title) or "无标题"
        self.paras = [p for p in (prep(x) for x in article.paragraphs) if p]
        footers: list[str] = []
        skip_title = False
        for f in (prep(x) for x in article.footers):
            if skip_title and f == self.title:
                skip_title = False
                continue
            skip_title = False
            if f.startswith("原标题"):  # 原标题 lines are left out of the generator for now
                skip_title = f.rstrip(":：") == "原标题"
                continue
            if f and f not in self.paras and f not in footers:
                footers.append(f)
        self.footers = footers
        year = rendered_at.astimezone(SHANGHAI).year
        self.year = year

        # related entries
        used = {self.post_id}
        self.rel: list[tuple[int, str, str]] = []  # (id, title, excerpt)
        k = min(len(related), rng.randint(2, 6))
        for r in related[:k]:
            rt = prep(r.title)
            if not rt:
                continue
            rid = self._new_id(used)
            text = " ".join(prep(p) for p in r.paragraphs if prep(p))
            self.rel.append((rid, rt, text))
        # other articles (sidebars, prev/next)
        self.others: list[tuple[int, str]] = []
        while len(self.others) < 12:
            t = prep(T.other_title(rng, year - rng.randint(0, 2)))
            if t != self.title and all(t != o for _, o in self.others):
                self.others.append((self._new_id(used), t))

    def _new_id(self, used: set[int]) -> int:
        while True:
            v = self.rng.randint(800, 9900)
            if v not in used:
                used.add(v)
                return v

    # ---- helpers
    def p(self, text: str) -> str:
        """The theme's own text in its punctuation."""
        return T.punct(text, self.c.full)

    def href(self, path: str) -> str:
        style = self.c.href
        if style == "abs":
            return attr(T.HOST + path)
        if style == "proto":
            return attr("//liyang.021cf.cn" + path)
        if style == "rel" and path.startswith("/index.php/post/"):
            return attr(path.rsplit("/", 1)[1])
        if style == "rel" and path.startswith("/index.php/"):
            return attr("../" + path[len("/index.php/") :])
        return attr(path)

    def post_href(self, pid: int) -> str:
        return self.href(f"/index.php/post/{pid}.html")

    def cat_href(self, cid: int | None = None) -> str:
        return self.href(f"/index.php/category-{cid or self.cat_id}.html")

    def J(self, parts: Sequence[str]) -> str:
        return self.nl.join(x for x in parts if x)

    def comment(self) -> str:
        return self.rng.choice(
            (
                "<!-- 正文开始 -->",
                "<!--more-->",
                "<!-- content -->",
                "<!--{$article.Content}-->",
                '<!-- #BeginEditable "body" -->',
                "<!-- ad -->",
                "<!--[if IE]><p>请升级浏览器</p><![endif]-->",
            )
        )

    def maybe_comment(self, p: float = 0.3) -> str:
        return self.comment() if self.c.noise_comments and self.rng.random() < p else ""

    def name(self, role: str) -> str:
        return self.names(role)

    # ---- head
    def head(self) -> str:
        c, rng = self.c, self.rng
        label = c.enc.upper() if rng.random() < 0.4 else c.enc
        cs = "{CHARSET}"
        charset = (
            f'<meta charset="{cs}">'
            if c.charset == "meta-charset"
            else f'<meta http-equiv="Content-Type" content="text/html; charset={cs}" />'
        )
        self.charset_label = label
        site = T.SITE_NAME
        title = {
            "dash": f"{self.title} - {site}",
            "underscore": f"{self.title}_{site}",
            "pipe": f"{self.title}|{site}",
            "space": f"{self.title} {site}",
            "cat": f"{self.title}--{self.cat}--{site}",
            "bare": self.title,
        }[c.title]
        desc = " ".join(self.paras)[:80]
        parts = [charset]
        if c.mobile or rng.random() < 0.3:
            parts.append(
                '<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">'
            )
        parts.append(f"<title>{esc(title)}</title>")
        parts.append(f'<meta name="keywords" content="溧阳厂房,溧阳厂房出租,{attr(self.cat)}">')
        parts.append(f'<meta name="description" content="{attr(desc)}">')
        if rng.random() < 0.3:
            parts.append(f'<meta property="og:title" content="{attr(self.title)}">')
        parts.append(
            '<link rel="stylesheet" href="/zb_users/theme/x/style/style.css?v=2.1" type="text/css">'
        )
        if c.noise_scripts:
            parts.append(
                "<style>.datetime{margin-left:4px}@media (max-width:768px){.datetime{display:none}}"
                ".info span{margin-right:10px}.single p{text-indent:2em;line-height:1.8}</style>"
            )
            parts.append('<script src="/zb_system/script/jquery-2.2.4.min.js"></script>')
            parts.append(
                "<script>var zbp = {path:'/', title:'溧阳厂房网', notice:'版权声明：转载请注明出处'};"
                "window.onerror=function(){return true};</script>"
            )
        if c.noise_ld_json:
            data = {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": self.title,
                "datePublished": self.published.isoformat(),
            }
            parts.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
        return "<head>" + self.nl + self.J(parts) + self.nl + "</head>"

    # ---- site furniture
    def header(self) -> str:
        c, rng = self.c, self.rng
        out = []
        if c.topbar:
            r = self.rendered_at.astimezone(SHANGHAI)
            week = "一二三四五六日"[r.weekday()]
            out.append(
                f'<div class="topbar">{esc(self.p("今天是："))}{r.year}年{r.month}月{r.day}日 星期{week}'
                f' <a href="/">设为首页</a> <a href="#">加入收藏</a></div>'
            )
        logo_img = f'<a href="{self.href("/")}"><img src="/zb_users/theme/x/style/images/logo.png" alt="{T.SITE_NAME}"></a>'
        logo = (
            f'<h1 class="logo">{logo_img}<a href="{self.href("/")}">{T.SITE_NAME}</a></h1>'
            if c.logo_h1
            else f'<div class="logo">{logo_img}</div>'
        )
        nav = ""
        if c.nav:
            cats = list(T.CATEGORIES)
            rng.shuffle(cats)
            cats = cats[: rng.randint(3, 6)]
            if all(cid != self.cat_id for cid, _ in cats):
                cats.insert(rng.randint(0, len(cats)), (self.cat_id, self.cat))
            items = [f'<li><a href="{self.href("/")}">首页</a></li>']
            for cid, name in cats:
                on = ' class="on"' if cid == self.cat_id and rng.random() < 0.5 else ""
                items.append(
                    f'<li{on}><a href="{self.cat_href(cid)}" title="{attr(name)}">{esc(name)}</a></li>'
                )
            for extra in rng.sample(T.EXTRA_NAV, rng.randint(0, 2)):
                items.append(
                    f'<li><a href="{self.href("/index.php/" + str(rng.randint(2, 40)) + ".html")}">{esc(extra)}</a></li>'
                )
            nav = f"<div{self.name('nav')}><ul>{''.join(items)}</ul></div>"
        search = ""
        if rng.random() < 0.5:
            search = (
                '<form method="post" action="/zb_system/cmd.php?act=search">'
                f'<input type="text" name="q" placeholder="{attr(self.p("搜索..."))}"><button type="submit">搜索</button></form>'
            )
        out.append(f"<div{self.name('header')}>{self.J([logo, nav, search])}</div>")
        return self.J(out)

    def sidebar(self) -> str:
        c, rng = self.c, self.rng
        boxes = []
        others = list(self.others)
        newest = others[:6]
        items = [(pid, t) for pid, t in newest]
        if rng.random() < 0.3:  # the page's own article among the newest
            items.insert(0, (self.post_id, self.title))
            c.features.append("side.self")
        li = "".join(
            f'<li><a href="{self.post_href(pid)}" title="{attr(t)}">{esc(t)}</a></li>'
            for pid, t in items
        )
        head_tag = rng.choice(("h3", "h4", "div", "h2"))
        boxes.append(
            f"<div{self.name('sidebox')}><{head_tag}>最新文章</{head_tag}><ul>{li}</ul></div>"
        )
        if rng.random() < 0.7:
            hot = others[6:12]
            li = "".join(
                f'<li><span>{k}</span><a href="{self.post_href(pid)}">{esc(t)}</a>'
                + (f"<em>{self._other_date()}</em>" if rng.random() < 0.4 else "")
                + "</li>"
                for k, (pid, t) in enumerate(hot, 1)
            )
            boxes.append(
                f"<div{self.name('sidebox')}><{head_tag}>{rng.choice(('热门文章', '热门推荐', '猜你喜欢'))}</{head_tag}><ul>{li}</ul></div>"
            )
        if rng.random() < 0.4:
            tags = "".join(
                f'<a href="{self.href(f"/index.php/tags-{k}.html")}">{esc(t)}</a> '
                for k, t in enumerate(T.TAG_NAMES, 1)
            )
            boxes.append(
                f'<div{self.name("sidebox")}><{head_tag}>标签列表</{head_tag}><div class="tagcloud">{tags}</div></div>'
            )
        if rng.random() < 0.35:
            lines = "".join(f"<p>{esc(self.p(x))}</p>" for x in T.SIDEBAR_CONTACT)
            boxes.append(
                f"<div{self.name('sidebox')}><{head_tag}>联系我们</{head_tag}>{lines}</div>"
            )
        rng.shuffle(boxes)
        tag = "aside" if rng.random() < 0.2 else "div"
        return f"<{tag}{self.name('sidebar')}>{self.J(boxes)}</{tag}>"

    def _other_date(self) -> str:
        d = self.rendered_at - timedelta(
            days=self.rng.randint(1, 400), minutes=self.rng.randint(0, 1440)
        )
        from tests.portal.model import php_date

        return php_date(d, self.rng.choice(("m-d", "Y-m-d")))

    def footer(self) -> str:
        rng = self.rng
        lines = [x.format(year=self.year) for x in T.SITE_FOOTER_LINES]
        lines = [lines[0], *rng.sample(lines[1:], rng.randint(1, len(lines) - 1))]
        lines = [self.p(x) for x in lines]
        if rng.random() < 0.5:
            inner = "".join(f"<p>{esc(x)}</p>" for x in lines)
        else:
            inner = "<br>".join(esc(x) for x in lines)
        tag = "footer" if rng.random() < 0.25 else "div"
        return f"<{tag}{self.name('footer')}>{inner}</{tag}>"

    # ---- breadcrumb, headline, meta
    def crumb(self) -> str:
        c = self.c
        home = f'<a href="{self.href("/")}">首页</a>'
        cat = f'<a href="{self.cat_href()}">{esc(self.cat)}</a>'
        mid = [cat]
        if c.crumb_parent:
            mid.insert(0, f'<a href="{self.cat_href(self.parent[0])}">{esc(self.parent[1])}</a>')
            c.features.append("crumb.parent")
        label, sep, tail = {
            "tpure": ("当前位置：", " &gt; ", "正文内容"),
            "your": ("您的位置：", " &raquo; ", ""),
            "dgt": ("", " &gt;&gt; ", "正文"),
            "slash": ("位置: ", " / ", ""),
            "arrow": ("当前位置：", " → ", "正文"),
            "title": ("当前位置：", " &gt; ", "{title}"),
        }[c.crumb]
        label = esc(self.p(label)) if label else ""
        parts = [home, *mid]
        if tail == "{title}":
            parts.append(f"<span>{esc(self.title)}</span>")
        elif tail:
            parts.append(tail)
        inner = label + sep.join(parts)
        tag = self.rng.choice(("div", "div", "p", "nav"))
        return f"<{tag}{self.name('crumb')}>{inner}</{tag}>"

    def headline(self) -> str:
        c = self.c
        t = esc(self.title, self.rng, c.entities)
        cls = self.name("title")
        if c.h in ("h1", "h2", "h3"):
            h = f"<{c.h}{cls}>{t}</{c.h}>"
            if self.rng.random() < 0.3:
                h = f'<div class="{self.rng.choice(("title", "hd", "art-title", obfuscated(self.rng)))}">{h}</div>'
            return h
        if c.h == "div":
            return f"<div{cls}>{t}</div>"
        if c.h == "strong":
            return f"<div{cls}><strong>{t}</strong></div>"
        return f'<table width="100%"><tr><td{cls} align="center">{t}</td></tr></table>'

    def meta_line(self, first: bool) -> str:
        """One rendering of the meta line (drawn anew each time it is shown)."""
        c, rng = self.c, self.rng
        tag = "meta" if first else "meta2"
        sep = rng.choice(("icons", "none", "space", "pipe", "slash", "dot", "br"))
        labels = rng.random() < (0.25 if sep in ("icons", "none") else 0.75)
        c.features.append(f"{tag}.labels={'yes' if labels else 'no'}")
        fields = list(self.meta_fields)
        if rng.random() < 0.6:
            rng.shuffle(fields)
        p = self.p
        frags: list[tuple[str, str]] = []  # (field, html)
        icons = {
            "author": "icon-user",
            "date": "icon-time",
            "category": "icon-folder",
            "views": "icon-eye",
            "source": "icon-link",
        }
        for f in fields:
            if f == "author":
                v = esc(self.author)
                if rng.random() < 0.4:
                    v = f'<a href="{self.href("/index.php/author-1.html")}" rel="nofollow">{v}</a>'
                lab = p(rng.choice(("作者：", "发布者：", "发布人：", "作者："))) if labels else ""
                cls = "user"
            elif f == "date":
                v = esc(self.shown.text)
                if self.shown.hint:
                    if rng.random() < 0.75:
                        v += f'<span class="datetime">{esc(self.shown.hint)}</span>'
                        c.features.append(f"{tag}.hint=span")
                    else:
                        v += esc(self.shown.hint)
                        c.features.append(f"{tag}.hint=plain")
                if rng.random() < 0.1:
                    v = f'<time datetime="{self.published.isoformat()}">{v}</time>'
                    c.features.append(f"{tag}.time-el")
                lab = (
                    p(rng.choice(("发布时间：", "时间：", "日期：", "发布于：", "发布日期：")))
                    if labels
                    else ""
                )
                cls = "date"
            elif f == "category":
                v = esc(self.cat)
                if rng.random() < 0.6:
                    v = f'<a href="{self.cat_href()}">{v}</a>'
                    c.features.append(f"{tag}.cat=link")
                lab = (
                    p(rng.choice(("栏目：", "分类：", "所属栏目：", "所属分类：")))
                    if labels
                    else ""
                )
                cls = "cate"
            elif f == "views":
                n = str(self.views)
                if rng.random() < 0.15:
                    n = f'<span id="spanViews">{n}</span>'
                if labels:
                    pre, post = rng.choice(
                        (
                            ("浏览：", "次"),
                            ("阅读：", ""),
                            ("点击：", " 次"),
                            ("浏览次数：", ""),
                            ("阅读量：", ""),
                            ("人气：", ""),
                        )
                    )
                elif sep in ("icons", "none"):
                    pre, post = "", ""
                else:
                    pre, post = rng.choice(
                        (("", "次浏览"), ("", " 次阅读"), ("阅读(", ")"), ("浏览(", ")"))
                    )
                lab, v = p(pre), n + esc(post)
                cls = "view"
            else:  # source
                v = esc(self.source)
                lab = p("来源：")
                cls = "source"
            if lab and rng.random() < 0.3:
                lab = f'<span class="label">{esc(lab)}</span>'
            else:
                lab = esc(lab)
            if sep == "icons":
                frag = f'<span class="{cls}"><i class="{icons[f]}"></i>{lab}{v}</span>'
            elif sep == "none" or rng.random() < 0.5:
                frag = f'<span class="{cls}">{lab}{v}</span>'
            else:
                frag = lab + v
            frags.append((f, frag))
        if sep == "none":
            frags, ok = self._unambiguous(frags)
            if not ok:  # e.g. only a date ending in digits and a bare view count: spaced apart
                sep = "space"
                c.features.append(f"{tag}.unsplittable")
        c.features.append(f"{tag}.sep={sep}")
        c.features.append(f"{tag}.order=" + "".join(f[0] for f, _ in frags))
        gap = {
            "icons": rng.choice(("", " ", "&nbsp;&nbsp;")),
            "none": "",
            "space": rng.choice(("  ", "&nbsp;&nbsp;", "　", " &nbsp; ")),
            "pipe": rng.choice((" | ", "&nbsp;|&nbsp;", " ｜ ")),
            "slash": " / ",
            "dot": rng.choice((" · ", " &middot; ")),
            "br": "<br>",
        }[sep]
        out = []
        for k, (_, frag) in enumerate(frags):
            if k:
                out.append(gap)
                out.append(self.maybe_comment(0.3))
            out.append(frag)
        inner = "".join(out)
        box = rng.choice(("div", "div", "p", "div-span"))
        if box == "div-span":
            return f'<div{self.name(tag)}><span class="{self.rng.choice(("meta", "info", obfuscated(rng)))}">{inner}</span></div>'
        return f"<{box}{self.name(tag)}>{inner}</{box}>"

    # ---- body
    def blocks_html(self, lines: Sequence[str], kind: str, style: str) -> str:
        """Boilerplate lines pasted into the body (recorded in order)."""
        rng = self.rng
        self.bp.extend(lines)
        qr = f'<img src="{T.QR_IMAGE}" alt="{attr(lines[0]) if rng.random() < 0.7 else ""}" width="200" height="200" border="0"/>'
        if style == "br":
            out = "<br/>".join(esc(x) for x in lines) + "<br/>"
            if kind == "contact":
                out += qr + "<br/>"
            return out
        if kind == "contact":
            form = rng.choice(("tpure", "lines", "br-box"))
            self.c.features.append(f"contact.form={form}")
            if form == "tpure":
                rest = "<br/>".join(esc(x) for x in lines[1:])
                return (
                    f'<p style="text-align: center;"><strong>{esc(lines[0])}</strong></p>{self.nl}'
                    f'<p style="text-align: center;">{rest}</p>{self.nl}'
                    f'<p style="text-align: center;">{qr}</p>'
                )
            if form == "lines":
                ps = [f'<p style="text-align:center">{esc(x)}</p>' for x in lines]
                ps.insert(rng.choice((1, len(ps))), f"<p>{qr}</p>")
                return self.J(ps)
            return (
                f'<div style="text-align:center">{"<br>".join(esc(x) for x in lines)}<br>{qr}</div>'
            )
        tag = "div" if style == "div" else "p"
        return self.J(f"<{tag}>{esc(x)}</{tag}>" for x in lines)

    def para_html(self, text: str, style: str) -> str:
        c, rng = self.c, self.rng
        inner = decorate(text, rng, c.inline, c.entities, c.noise_comments)
        indent = {
            "none": "",
            "style": "",
            "nbsp": "&nbsp;&nbsp;&nbsp;&nbsp;",
            "ideographic": "　　",
            "emsp": "&emsp;&emsp;",
            "spaces": "    ",
        }[c.indent]
        if style == "mixed":
            style = rng.choice(("p", "div", "p", "section"))
        style_attr = ' style="text-indent: 2em;"' if c.indent == "style" else ""
        if style == "p":
            extra = (
                style_attr
                if style_attr
                else rng.choice(("", "", ' class="MsoNormal"', ' align="justify"'))
            )
            return f"<p{extra}>{indent}{inner}</p>"
        if style == "p-unclosed":
            return f"<p{style_attr}>{indent}{inner}"
        if style == "div":
            return f"<div{style_attr}>{indent}{inner}</div>"
        if style == "section":
            return f"<section{style_attr}>{indent}{inner}</section>"
        if style == "wechat":
            return (
                '<section style="margin: 0px 8px; line-height: 1.75em;"><p style="text-align: justify;'
                f'{" text-indent: 2em;" if c.indent == "style" else ""}"><span style="font-size: 15px;'
                f' letter-spacing: 1px;">{indent}{inner}</span></p></section>'
            )
        if style == "font":
            return f'<p{style_attr}><font face="宋体" size="3">{indent}{inner}</font></p>'
        return f"{indent}{inner}"  # br

    def body(self) -> str:
        c, rng = self.c, self.rng
        style = c.body
        items: list[str] = []
        n = len(self.paras)
        # where the pasted blocks go
        contact = rng.choice(("none", "half", "full", "half", "full"))
        contact_at = n
        if contact != "none":
            c.features.append(f"bp.contact={contact}")
            if n >= 3 and rng.random() < 0.2:
                contact_at = rng.randint(1, n - 1)
                c.features.append("bp.contact-middle")
        paste_footers = bool(self.footers) and rng.random() < 0.85
        footers_first = rng.random() < 0.5
        if paste_footers:
            c.features.append("bp.footers" + ("-before-contact" if footers_first else ""))
        paste_copyright = self.copyright and self.copyright_pasted
        img_alts = [self.title, "图片", f"{self.cat}图片", "现场", ""]
        if rng.random() < 0.3 and c.noise_scripts:
            items.append('<script type="text/javascript">/*ad*/var cpro_id="u2263101";</script>')

        def blocks_at_end() -> None:
            if paste_footers and footers_first:
                items.append(self.blocks_html(self.footers, "footers", style))
            if contact != "none" and contact_at == n:
                items.append(self.blocks_html(T.contact_block(contact == "full"), "contact", style))
            if paste_footers and not footers_first:
                items.append(self.blocks_html(self.footers, "footers", style))
            if paste_copyright:
                items.append(self.blocks_html([self.copyright], "copyright", style))

        for k, text in enumerate(self.paras):
            if k == contact_at:
                items.append(self.blocks_html(T.contact_block(contact == "full"), "contact", style))
            if k and c.noise_images and rng.random() < 0.2:
                img = f'<img src="/zb_users/upload/{self.year}/0{rng.randint(1, 9)}/{rng.getrandbits(40):x}.jpg" alt="{attr(rng.choice(img_alts))}"'
                img += ' style="max-width:100%"/>' if rng.random() < 0.5 else ">"
                if style == "br":
                    items.append(img + "<br/>")
                else:
                    items.append(
                        rng.choice(
                            (
                                f'<p style="text-align: center;">{img}</p>',
                                f'<div class="pic">{img}</div>',
                                img,
                            )
                        )
                    )
            if k and c.noise_empty_p and rng.random() < 0.2:
                items.append(
                    {"br": "<br/>", "div": "<div>&nbsp;</div>"}.get(
                        style, rng.choice(("<p>&nbsp;</p>", "<p><br/></p>", "<p></p>", "<p>　</p>"))
                    )
                )
            if k and rng.random() < 0.1:
                items.append(self.maybe_comment(1.0))
            h = self.para_html(text, style)
            if style == "br":
                h += rng.choice(("<br/>", "<br><br>", "<br />\n<br />"))
            items.append(h)
        blocks_at_end()
        inner = self.J(items)
        tag = rng.choice(("div", "div", "div", "section", "article"))
        out = f"<{tag}{self.name('body')}>{self.nl}{inner}{self.nl}</{tag}>"
        for _ in range(c.body_depth):
            out = f'<div class="{rng.choice(("content", "con", "article-content", "txt", obfuscated(rng)))}">{out}</div>'
        return out

    # ---- after the body
    def after(self) -> list[tuple[str, list[str]]]:
        """The theme's blocks below the body: (html, the boilerplate lines it shows)."""
        c, rng = self.c, self.rng
        out: list[tuple[str, list[str]]] = []
        p = self.p
        notice_lines: list[str] = []
        qr = rng.random() < 0.5
        if qr:
            notice_lines.append(p(T.QR_PUSH))
        if self.copyright and not self.copyright_pasted:
            notice_lines.append(self.copyright)
        if rng.random() < 0.35:
            notice_lines.append(p(T.PERMALINK) + post_url(self.post_id))
        if notice_lines:
            rng.shuffle(notice_lines)
            rows = []
            for line in notice_lines:
                if line.startswith(p(T.PERMALINK)):
                    url = line[len(p(T.PERMALINK)) :]
                    rows.append(f'<p>{esc(p(T.PERMALINK))}<a href="{attr(url)}">{esc(url)}</a></p>')
                else:
                    rows.append(f"<p>{esc(line)}</p>")
            img = (
                f'<div class="copynoticeimg"><img src="/zb_users/theme/x/plugin/qrcode.php?url={self.post_id}" alt="{T.SITE_NAME}"></div>'
                if qr
                else ""
            )
            out.append(
                (
                    f'<div{self.name("after")}>{img}<div class="copynotetxt">{"".join(rows)}</div></div>',
                    notice_lines,
                )
            )
            c.features.append("after.notice")
        if rng.random() < 0.45:
            tags = rng.sample(T.TAG_NAMES, rng.randint(1, 3))
            sep = rng.choice(("、", " ", "，", ",", " | "))
            line = p(T.TAGS) + sep.join(tags)
            links = esc(sep).join(
                f'<a href="{self.href(f"/index.php/tags-{T.TAG_NAMES.index(t) + 1}.html")}">{esc(t)}</a>'
                for t in tags
            )
            out.append((f"<div{self.name('tags')}>{esc(p(T.TAGS))}{links}</div>", [line]))
            c.features.append("after.tags")
        if rng.random() < 0.5:
            line = p(T.SHARE)
            icons = "".join(
                f'<a class="share-{s}" title="{t}" href="javascript:;"></a>'
                for s, t in (("weixin", "微信"), ("weibo", "微博"), ("qq", "QQ"))
            )
            out.append((f"<div{self.name('share')}><span>{esc(line)}</span>{icons}</div>", [line]))
            c.features.append("after.share")
        if rng.random() < 0.5:
            rows, lines = [], []
            if rng.random() < 0.5:
                lines.append(T.BACK)
                rows.append(f'<a href="{self.cat_href()}" class="backlist">{T.BACK}</a>')
            (pid1, t1), (pid2, t2) = self.others[0], self.others[1]
            for label, pid, t in ((T.PREV, pid1, t1), (T.NEXT, pid2, t2)):
                if rng.random() < 0.12:
                    lines.append(p(label) + T.NO_MORE)
                    rows.append(f"<p>{esc(p(label))}{T.NO_MORE}</p>")
                else:
                    lines.append(p(label) + t)
                    rows.append(
                        f'<p>{esc(p(label))}<a href="{self.post_href(pid)}" title="{attr(t)}">{esc(t)}</a></p>'
                    )
            out.append((f"<div{self.name('pages')}>{''.join(rows)}</div>", lines))
            c.features.append("after.prevnext")
        if len(out) > 1 and rng.random() < 0.4:
            rng.shuffle(out)
            c.features.append("after.shuffled")
        return out

    def related(self) -> str:
        c, rng = self.c, self.rng
        if not self.rel:
            c.features.append("rel=none")
            return ""
        head_text = rng.choice(("相关文章", "相关文章", "相关阅读", "相关链接", "相关新闻"))
        head_tag = rng.choice(("h2", "h3", "h4", "h4", "div", "strong"))
        style = rng.choice(("relate", "relate", "ul", "h3p", "dl", "table", "ol", "grid"))
        ell = rng.choice(("...", "...", "…", "……"))
        c.features += [f"rel.head={head_tag}", f"rel.item={style}", f"rel.n={len(self.rel)}"]
        head = f"<{head_tag}>{head_text}</{head_tag}>"
        if head_tag == "strong" or rng.random() < 0.4:
            head = f"<div{self.name('related-head')}>{head}</div>"
        entries = []
        for rid, t, text in self.rel:
            a = f'<a href="{self.post_href(rid)}" title="{attr(t)}" target="_blank">{esc(t)}</a>'
            exc = esc(text[:120].rstrip() + ell) if text else ""
            img = f'<a href="{self.post_href(rid)}" title="{attr(t)}"><img src="/zb_users/upload/{self.year}/05/{rid}.jpg" alt="{attr(t)}"></a>'
            if style == "relate":
                entries.append(
                    f'<div class="relate"><div class="relateimg">{img}</div><div class="relateinfo"><h3>{a}</h3><p>{exc}</p></div></div>'
                )
            elif style in ("ul", "ol"):
                date = f"<span>{self._other_date()}</span>" if rng.random() < 0.5 else ""
                entries.append(f"<li>{a}{date}</li>")
            elif style == "h3p":
                entries.append(f"<h3>{a}</h3><p>{exc}</p>")
            elif style == "dl":
                entries.append(f"<dl><dt>{a}</dt><dd>{exc}</dd></dl>")
            elif style == "table":
                entries.append(f"<tr><td>{a}</td><td>{self._other_date()}</td></tr>")
            else:  # grid
                entries.append(f'<div class="item">{img}<p>{a}</p></div>')
        if style in ("ul", "ol"):
            body = f"<{style}>{''.join(entries)}</{style}>"
        elif style == "table":
            body = f'<table width="100%">{"".join(entries)}</table>'
        else:
            body = f"<div{self.name('related')}>{self.J(entries)}</div>"
        return f'<div class="{rng.choice(("block", "related-box", "xg", obfuscated(rng)))}">{head}{self.nl}{body}</div>'

    def comments(self) -> str:
        rng = self.rng
        rows = []
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(T.COMMENT_NAMES)
            when = rng.choice(("3天前", "2小时前", self._other_date()))
            rows.append(
                f'<li class="cmtsitem"><div class="cmtsname">{esc(name)}</div>'
                f'<div class="cmtsbody"><p>{esc(self.p(T.comment_text(rng)))}</p></div>'
                f'<div class="cmtsdate">{esc(when)}</div></li>'
            )
        head = rng.choice(("发表评论", "网友评论", "评论列表", "最新评论"))
        form = (
            '<form id="frmSumbit" method="post"><textarea name="txaArticle" rows="5"></textarea>'
            f'<input type="text" name="inpName" placeholder="{attr(self.p("名称（必填）"))}"><input type="submit" value="提交评论"></form>'
        )
        return f"<div{self.name('comments')}><h3>{head}</h3><ul>{''.join(rows)}</ul>{form}</div>"

    # ---- assembly
    def build(self) -> tuple[str, Truth]:
        c, rng = self.c, self.rng
        # which meta fields the page shows
        has_author = rng.random() < 0.82
        has_views = rng.random() < 0.78
        has_cat = c.crumb == "none" or rng.random() < 0.7
        self.source = rng.choice(T.SOURCES)
        has_source = has_author and rng.random() < 0.15
        fields = ["author"] * has_author + ["date"] + ["category"] * has_cat + ["views"] * has_views
        if has_source:
            fields.insert(rng.randint(0, len(fields)), "source")
            c.features.append("meta.source")
        self.meta_fields = fields
        c.features += [
            f"author={'yes' if has_author else 'none'}",
            f"views={'yes' if has_views else 'none'}",
            f"meta.has-cat={'yes' if has_cat else 'no'}",
        ]
        # copyright statement: pasted into the body or in the notice below it
        kind = rng.choice(("none", "liyang", "liyang", "wuxi"))
        self.copyright = ""
        if kind != "none":
            cfull = c.full if rng.random() < 0.75 else not c.full
            base = T.COPYRIGHT_LIYANG if kind == "liyang" else T.COPYRIGHT_WUXI
            self.copyright = T.punct(base, cfull)
            if self.copyright in self.footers:
                self.footers.remove(self.copyright)  # the source footer is the statement itself
            self.copyright_pasted = rng.random() < 0.35
            c.features.append(
                f"bp.copyright={kind}-{'full' if cfull else 'half'}-{'pasted' if self.copyright_pasted else 'notice'}"
            )
        else:
            self.copyright_pasted = False

        crumb = self.crumb() if c.crumb != "none" else ""
        parts: list[tuple[str, str]] = []  # (role, html)
        if crumb and c.crumb_at == "article":
            parts.append(("crumb", crumb))
        parts.append(("headline", self.headline()))
        if c.meta in ("above", "both"):
            parts.append(("meta", self.meta_line(True)))
        body = self.body()
        parts.append(("body", body))
        if c.stray == "div":
            parts.append(("stray", "</div></div>"))
        if c.meta in ("below", "both"):
            parts.append(("meta", self.meta_line(c.meta == "below")))
        for html_, lines in self.after():
            parts.append(("after", html_))
            self.bp.extend(lines)
        rel = self.related()
        if rel:
            parts.append(("related", rel))
        if c.comments:
            parts.append(("comments", self.comments()))

        article = self._container(parts)
        for _ in range(c.depth):
            tag = rng.choice(("div", "div", "section", "div"))
            article = f"<{tag}{self.names.fresh('wrapper')}>{self.nl}{article}{self.nl}</{tag}>"
        main = f"<div{self.name('main')}>{self.nl}{article}{self.nl}</div>"

        side = self.sidebar() if c.sidebar != "none" else ""
        if c.layout == "table":
            cells = [
                f'<td width="720" valign="top">{main}</td>',
                f'<td width="260" valign="top">{side}</td>',
            ]
            if c.sidebar == "left":
                cells.reverse()
            layout = f'<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr>{"".join(cells)}</tr></table>'
        else:
            cols = [main, side]
            if c.sidebar == "left":
                cols.reverse()
            layout = f"<div{self.name('layout')}>{self.nl}{self.J(cols)}{self.nl}</div>"

        body_parts = []
        if c.noise_hidden:
            body_parts.append(
                f'<div style="display:none">溧阳厂房,溧阳厂房出租,溧阳土地出售,{esc(self.cat)},{esc(T.SITE_NAME)}</div>'
            )
        body_parts.append(self.header())
        if c.stray in ("body", "html"):
            body_parts.append("</body></html>" if c.stray == "html" else "</div></body>")
        if crumb and c.crumb_at == "top":
            body_parts.append(crumb)
        body_parts.append(layout)
        body_parts.append(self.footer())
        if c.noise_scripts:
            body_parts.append(
                '<script>var _hmt = _hmt || [];(function(){var hm = document.createElement("script");'
                'hm.src = "https://hm.baidu.com/hm.js?0a1b2c3d";var s = document.getElementsByTagName("script")[0];'
                "s.parentNode.insertBefore(hm, s);})();</script>"
            )
            body_parts.append(
                '<script>document.write("<div class=\\"float\\">在线咨询：400-0123-021<\\/div>");</script>'
            )
        if c.mobile and rng.random() < 0.6:
            body_parts.append(
                '<div class="m-bottom"><a href="tel:4000123021">电话咨询</a><a href="#">微信咨询</a></div>'
            )
        doctype = {
            "html5": "<!DOCTYPE html>",
            "xhtml": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            "none": "",
        }[c.doctype]
        html_open = (
            '<html xmlns="http://www.w3.org/1999/xhtml">'
            if c.doctype == "xhtml"
            else '<html lang="zh-CN">'
        )
        body_open = (
            f'<body class="{rng.choice(("single", "article", "post-7", "m"))}">'
            if rng.random() < 0.5
            else "<body>"
        )
        doc = (
            self.J(
                [
                    doctype,
                    html_open,
                    self.head(),
                    body_open,
                    self.J(body_parts),
                    "</body>",
                    "</html>",
                ]
            )
            + "\n"
        )

        truth = Truth(
            title=self.title,
            author=self.author if "author" in self.meta_fields else "",
            category=self.cat,
            views=self.views if "views" in self.meta_fields else None,
            date_text=self.shown.full,
            published_at=self.published,
            paragraphs=tuple(self.paras),
            boilerplate=tuple(self.bp),
            related=tuple((post_url(rid), t) for rid, t, _ in self.rel),
        )
        return doc, truth

    def _unambiguous(self, frags: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
        """The fields in an order whose run-together text keeps digits of neighbours apart.

        ("admin8个月前" reads fine; "2024-05-21 10:1724" does not.)
        """
        from .visible import visible_text

        def ok(order: list[tuple[str, str]]) -> bool:
            shown = [visible_text(h) for _, h in order]
            return not any(
                a[-1:].isdigit() and b[:1].isdigit() for a, b in itertools.pairwise(shown)
            )

        order = list(frags)
        for _ in range(24):
            if ok(order):
                return order, True
            self.rng.shuffle(order)
        for first in ("author", "category", "source", "date", "views"):
            order = [x for x in frags if x[0] == first] + [x for x in frags if x[0] != first]
            if ok(order):
                return order, True
        return frags, False

    def _container(self, parts: list[tuple[str, str]]) -> str:
        c = self.c
        tag = c.tag
        cls = self.name("article")
        if tag in ("div", "section", "article", "form"):
            extra = ' method="post" action="" id="form1"' if tag == "form" else ""
            return f"<{tag}{cls}{extra}>{self.nl}{self.J(h for _, h in parts)}{self.nl}</{tag}>"
        if tag == "table":
            rows = []
            for role, h in parts:
                if role == "stray":
                    continue  # a stray </div> inside a table would be foster-parented: keep it out
                if role == "headline" and c.h == "td":
                    h = h.replace('<table width="100%"><tr>', "").replace("</tr></table>", "")
                    rows.append(f"<tr>{h}</tr>")
                else:
                    rows.append(f"<tr><td>{h}</td></tr>")
            return f'<table{cls} width="100%" border="0" cellspacing="0" cellpadding="0">{self.nl}{self.J(rows)}{self.nl}</table>'
        if tag == "dl":
            rows = []
            for role, h in parts:
                if role == "stray":
                    continue
                rows.append(f"<dt>{h}</dt>" if role == "headline" else f"<dd>{h}</dd>")
            return f"<dl{cls}>{self.nl}{self.J(rows)}{self.nl}</dl>"
        rows = [f"<li>{h}</li>" for role, h in parts if role != "stray"]
        return f'<ul{cls} style="list-style:none">{self.nl}{self.J(rows)}{self.nl}</ul>'


def generate_page(
    seed: int, article: Article, related: Sequence[Article], rendered_at: datetime
) -> Page:
    """One article page in a theme drawn from seed, with the truth it shows."""
    if rendered_at.tzinfo is None:
        raise ValueError("rendered_at must be aware")
    b = _Builder(seed, article, related, rendered_at)
    doc, truth = b.build()
    c = b.c
    enc = c.enc
    label = b.charset_label
    data = doc.replace("{CHARSET}", label).encode(enc, errors="xmlcharrefreplace")
    if c.want_gb2312:
        try:
            data.decode("gb2312")
        except UnicodeDecodeError:
            pass
        else:
            label = "gb2312"
            data = doc.replace("{CHARSET}", label).encode(enc, errors="xmlcharrefreplace")
            c.features.append("enc.label=gb2312")
    if c.bom:
        data = b"\xef\xbb\xbf" + data
    return Page(
        url=post_url(b.post_id),
        html=data,
        encoding=enc,
        rendered_at=rendered_at,
        truth=truth,
        features=tuple(c.features),
    )


# ---------------------------------------------------------------- texts


def load_articles() -> list[Article]:
    """Real texts from tests/real/texts/texts.jsonl when present, else the replays' own texts."""
    if TEXTS_JSONL.exists():
        out = []
        with TEXTS_JSONL.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                paras = tuple(p for p in d.get("paragraphs", ()) if clean(p))
                if not clean(d.get("title", "")) or not paras:
                    continue
                out.append(
                    Article(d["title"], paras, tuple(x for x in d.get("footers", ()) if clean(x)))
                )
        if out:
            return out
    from tests.portal.model import CONTACT_BLOCK, SEED_PARAGRAPHS, SEED_TITLE, make_portal

    arts = [Article(SEED_TITLE, tuple(SEED_PARAGRAPHS))]
    portal = make_portal(30, seed=7)
    for a in portal.articles:
        footers = tuple(
            x for block in a.boilerplate if block and block[0] != CONTACT_BLOCK[0] for x in block
        )
        arts.append(Article(a.title, tuple(a.paragraphs), footers))
    return arts


# ---------------------------------------------------------------- self-check


def _truth_json(page: Page) -> dict:
    t = page.truth
    return {
        "url": page.url,
        "encoding": page.encoding,
        "rendered_at": page.rendered_at.isoformat(),
        "features": list(page.features),
        "truth": {
            "title": t.title,
            "author": t.author,
            "category": t.category,
            "views": t.views,
            "date_text": t.date_text,
            "published_at": t.published_at.isoformat(),
            "paragraphs": list(t.paragraphs),
            "boilerplate": list(t.boilerplate),
            "related": [list(r) for r in t.related],
        },
    }


def check_page(page: Page, parser: str = "stdlib") -> list[str]:
    """What is wrong with a page's truth against its own visible text ([] if nothing).

    parser "html5lib" builds the tree by the browsers' algorithm (needs html5lib installed).
    """
    from .visible import html5_lines, visible_lines

    problems = []
    raw = page.html[3:] if page.html.startswith(b"\xef\xbb\xbf") else page.html
    text = raw.decode(page.encoding)
    head = raw[:1024].decode("ascii", errors="replace").lower()
    declared = re.search(r"charset=\"?([a-z0-9_-]+)", head)
    if not declared:
        problems.append("no charset declared in the first 1024 bytes")
    else:
        label = declared.group(1)
        if label not in (page.encoding, "gb2312" if page.encoding == "gbk" else page.encoding):
            problems.append(f"declares {label}, encoded {page.encoding}")
        if label == "gb2312":
            raw.decode("gb2312")
    lines = html5_lines(text) if parser == "html5lib" else visible_lines(text)
    line_set = set(lines)
    t = page.truth
    if t.title not in line_set:
        problems.append(f"title not a visible line: {t.title!r}")
    for para in t.paragraphs:
        if not para.strip() or para != para.strip():
            problems.append(f"bad paragraph {para!r}")
        if para not in line_set:
            problems.append(f"paragraph not a visible line: {para[:40]!r}")
    for line in t.boilerplate:
        if line not in line_set:
            problems.append(f"boilerplate not a visible line: {line[:40]!r}")
        if line in t.paragraphs:
            problems.append(f"boilerplate line is also a paragraph: {line[:40]!r}")
    meta_lines = [x for x in lines if t.date_text in x]
    if not meta_lines:
        problems.append(f"date_text not visible: {t.date_text!r}")
    if t.author and not any(t.author in x for x in lines):
        problems.append("author not visible")
    if t.views is not None and not any(str(t.views) in x for x in meta_lines + lines):
        problems.append("views not visible")
    if not any(t.category in x for x in lines):
        problems.append("category not visible")
    age = page.rendered_at - t.published_at
    if not timedelta(minutes=10) <= age <= timedelta(days=3 * 365):
        problems.append(f"published_at out of range: {age}")
    if t.published_at.utcoffset() != timedelta(hours=8):
        problems.append("published_at not in Asia/Shanghai")
    for url, title in t.related:
        if title not in text and title not in lines:
            pass
        if not any(title in x for x in lines):
            problems.append(f"related title not visible: {title[:30]!r}")
        pid = url.rsplit("/", 1)[1]
        if pid not in text:
            problems.append(f"related link missing: {url}")
    if not 0 <= len(t.related) <= 6:
        problems.append("related count")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=200)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--html5lib", action="store_true", help="check against html5lib's tree too (if installed)"
    )
    ap.add_argument(
        "--show", type=int, nargs="*", default=[], help="print the visible text of these seeds"
    )
    args = ap.parse_args(argv)
    from .visible import visible_text

    articles = load_articles()
    rendered_at = datetime(2025, 5, 21, 9, 30, 0, tzinfo=SHANGHAI)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    counts: Counter[str] = Counter()
    bad = 0
    for seed in range(args.start, args.start + args.seeds):
        pick = random.Random(f"pick-{seed}")
        article = articles[seed % len(articles)]
        pool = [a for a in articles if a is not article]
        want = pick.choice((0, 1, *range(2, 9), *range(2, 9), *range(2, 9)))
        related = pick.sample(pool, min(len(pool), want))
        at = rendered_at + timedelta(seconds=pick.randint(0, 400 * 86400))
        page = generate_page(seed, article, related, at)
        again = generate_page(seed, article, related, at)
        if page != again:
            print(f"seed {seed}: not deterministic", file=sys.stderr)
            bad += 1
        digest.update(page.html)
        counts.update(
            f.split("=")[0] + "=" + f.split("=")[1] if "=" in f else f for f in page.features
        )
        problems = check_page(page)
        if args.html5lib:
            problems += [f"html5lib: {x}" for x in check_page(page, "html5lib")]
        if problems:
            bad += 1
            print(f"seed {seed}: " + "; ".join(problems[:6]), file=sys.stderr)
        if args.out:
            (args.out / f"{seed:04d}.html").write_bytes(page.html)
            (args.out / f"{seed:04d}.json").write_text(
                json.dumps(_truth_json(page), ensure_ascii=False, indent=1), encoding="utf-8"
            )
        if seed in args.show:
            raw = page.html[3:] if page.html.startswith(b"\xef\xbb\xbf") else page.html
            print(f"===== seed {seed} {page.url} {' '.join(page.features)}")
            print(visible_text(raw.decode(page.encoding)))
            print(json.dumps(_truth_json(page)["truth"], ensure_ascii=False, indent=1)[:3000])
    print(
        f"{args.seeds} pages, {bad} with problems, {len(articles)} texts, sha256 {digest.hexdigest()[:16]}"
    )
    print("features:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())

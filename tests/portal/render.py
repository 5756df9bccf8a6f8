"""Render a `model.Portal` as the pages of a site, in one of several very different markups.

`render_site(portal, "tpure")` returns {path: Page}; `server.ReplayServer` serves them.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from math import ceil

from .model import (
    CONTACT_BLOCK,
    CONTACT_QR,
    LIVE_HOST,
    MARKUP_DATE_FORMAT,
    MARKUP_ENCODING,
    RELATIVE,
    SHANGHAI,
    SITE_NAME,
    SPECIALS,
    Article,
    Portal,
    ascii_portal,
    excerpt,
    php_date,
    post_path,
    relative_parts,
    to_ascii,
)

MARKUPS = ("tpure", "table", "html5", "cms", "mobile", "wordpress", "legacy")
NOT_FOUND = "<404>"
"""Key of the themed 404 page in `render_site`'s result (served for unknown paths)."""
ROBOTS = "User-agent: *\nDisallow: /zb_system/\nDisallow: /zb_users/plugin/\nAllow: /\n"
COPYRIGHT = (
    "版权声明：本文由溧阳厂房网发布，如需转载请注明出处。部份内容收集于网络，"
    "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
)
ICP = "苏ICP备18052236号-2"
HUGE_BYTES = 5_000_000
BROWSER_CODECS = {"gb2312": "gbk"}
"""Python codecs for charset labels as browsers read them (a "gb2312" page is GBK)."""


def codec(charset: str) -> str:
    """The Python codec that decodes a page declaring this charset as a browser would."""
    return BROWSER_CODECS.get(charset.lower(), charset)


@dataclass
class Page:
    """One response: status, body bytes as served, Content-Type and extra headers."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body decoded with the charset of its Content-Type."""
        charset = self.content_type.partition("charset=")[2] or "utf-8"
        return self.body.decode(codec(charset))


def e(text: object) -> str:
    """HTML-escape text and attribute values."""
    return escape(str(text), quote=True)


def category_path(category_id: int, n: int = 1) -> str:
    """A category listing page's path."""
    return (
        f"/index.php/category-{category_id}.html"
        if n == 1
        else (f"/index.php/category-{category_id}_{n}.html")
    )


def home_path(n: int = 1) -> str:
    """A home listing page's path."""
    return "/" if n == 1 else f"/index.php/page_{n}.html"


def tag_path(tag_id: int, n: int = 1) -> str:
    """A tag listing page's path."""
    return f"/index.php/tags-{tag_id}.html" if n == 1 else f"/index.php/tags-{tag_id}_{n}.html"


def author_path(author_id: int, n: int = 1) -> str:
    """An author listing page's path."""
    return (
        f"/index.php/author-{author_id}.html"
        if n == 1
        else f"/index.php/author-{author_id}_{n}.html"
    )


@dataclass
class Listing:
    """One page of a listing."""

    heading: str  # "" for the home page
    crumb: str  # the category/tag name shown in the breadcrumb
    articles: list[Article]
    n: int
    pages: int
    path: Callable[[int], str]


class Theme:
    """What all markups share: links, dates, body segments, site structure."""

    name = ""
    charset_meta = '<meta charset="{charset}">'

    def __init__(
        self,
        portal: Portal,
        host: str | None,
        encoding: str,
        date_format: str,
        body_style: str,
    ) -> None:
        self.portal = portal
        self.host = host.rstrip("/") if host else ""
        self.encoding = encoding
        self.charset = "gbk" if encoding.lower() in ("gbk", "gb2312", "gb18030") else "utf-8"
        self.date_format = date_format
        self.body_style = body_style
        self.newest = portal.newest_first()
        authors = sorted({a.author for a in portal.articles}, key=lambda a: (a != "admin", a))
        self.author_ids = {name: k + 1 for k, name in enumerate(authors)}

    # ---- helpers
    def href(self, path: str) -> str:
        return e(self.host + path)

    def post(self, article: Article) -> str:
        return self.href(post_path(article.id))

    def date_parts(self, article: Article) -> tuple[str, str]:
        if self.date_format == RELATIVE:
            return relative_parts(article.published_at, self.portal.rendered_at)
        return php_date(article.published_at, self.date_format), ""

    def date(self, article: Article) -> str:
        text, hint = self.date_parts(article)
        return text + hint

    def cat_name(self, article: Article) -> str:
        return self.portal.category(article.category_id).name

    def cat_href(self, article: Article) -> str:
        return self.href(category_path(article.category_id))

    def hot(self) -> list[Article]:
        return sorted(self.portal.articles, key=lambda a: (-a.views, a.id))[:6]

    def prev_next(self, article: Article) -> tuple[Article | None, Article | None]:
        """(older, newer) neighbours in publication order."""
        order = self.newest[::-1]
        k = order.index(article)
        return (order[k - 1] if k else None, order[k + 1] if k + 1 < len(order) else None)

    def segments(self, article: Article) -> list[tuple[str, list[str]]]:
        """The body in page order: ("orig"|"p"|"contact"|"block", lines)."""
        out: list[tuple[str, list[str]]] = []
        if article.original_title:
            out.append(("orig", [article.original_title]))
        blocks = [
            ("contact" if block and block[0] == CONTACT_BLOCK[0] else "block", list(block))
            for block in article.boilerplate
        ]
        at = len(article.paragraphs) if article.boilerplate_at is None else article.boilerplate_at
        for k, paragraph in enumerate(article.paragraphs):
            if k == at:
                out += blocks
            out.append(("p", [paragraph]))
        if at >= len(article.paragraphs):
            out += blocks
        return out

    def describe(self, article: Article, special: str | None) -> str:
        """The page's meta description: the start of the excerpt (none without a body)."""
        return "" if special == "no_body" else excerpt(article)[:80]

    def qr(self) -> str:
        return self.href(CONTACT_QR)

    def thumb(self, article: Article) -> str:
        day = article.published_at.astimezone(SHANGHAI)
        return self.href(f"/zb_users/upload/{day:%Y/%m}/{day:%Y%m%d}{article.id % 1000:03d}.jpg")

    # ---- site
    def listings(self) -> list[Listing]:
        per = self.portal.per_page
        groups: list[tuple[str, str, list[Article], Callable[[int], str]]] = [
            ("", "", self.newest, home_path)
        ]
        for c in self.portal.categories:
            items = [a for a in self.newest if a.category_id == c.id]
            groups.append((c.name, c.name, items, lambda n, c=c: category_path(c.id, n)))
        for t in self.portal.tags:
            items = [a for a in self.newest if t.id in a.tag_ids]
            groups.append((f"标签：{t.name}", t.name, items, lambda n, t=t: tag_path(t.id, n)))
        for name, k in self.author_ids.items():
            items = [a for a in self.newest if a.author == name]
            groups.append((f"作者：{name}", name, items, lambda n, k=k: author_path(k, n)))
        out = []
        for heading, crumb, items, path in groups:
            pages = max(1, ceil(len(items) / per))
            for n in range(1, pages + 1):
                chunk = items[(n - 1) * per : n * per]
                out.append(Listing(heading, crumb, chunk, n, pages, path))
        return out

    def page_numbers(self, listing: Listing) -> list[int]:
        lo = max(1, min(listing.n - 4, listing.pages - 9))
        return list(range(lo, min(listing.pages, lo + 9) + 1))

    # ---- to override
    def layout(self, title: str, main: str, *, description: str = "") -> str:
        raise NotImplementedError

    def listing_page(self, listing: Listing) -> str:
        raise NotImplementedError

    def article_page(self, article: Article, special: str | None) -> str:
        raise NotImplementedError

    def error_page(self) -> str:
        raise NotImplementedError

    # ---- huge pages
    def huge_filler(self, article: Article) -> tuple[str, str]:
        """(an inline base64 image for the body, a giant comment list) of about 5 MB together."""
        rng = random.Random(article.id)
        data = base64.b64encode(rng.randbytes(900_000)).decode("ascii")
        image = f'<p><img src="data:image/jpeg;base64,{data}" alt="现场图片"/></p>'
        rows = []
        size = len(image)
        k = 0
        while size < HUGE_BYTES:
            k += 1
            text = (
                f"第{k}楼：请问溧阳{rng.choice(('高新区', '中关村', '天目湖'))}还有厂房出租吗？"
                f"我们需要{rng.randint(500, 9000)}平方米，层高8米以上，行车10吨。"
            )
            row = self.comment_html(f"网友{rng.randint(1000, 99999)}", text, "3天前")
            rows.append(row)
            size += len(row.encode("utf-8"))
        return image, "".join(rows)

    def comment_html(self, name: str, text: str, when: str) -> str:
        raise NotImplementedError


# ====================================================================== tpure


class Tpure(Theme):
    """Z-BlogPHP with the tpure theme, as PORTAL.md describes it."""

    name = "tpure"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li class="navbar-item"><a href="{self.href(category_path(c.id))}" '
            f'title="{e(c.name)}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f'<li><a href="{self.post(a)}" title="{e(a.title)}">{e(a.title)}</a></li>'
            for a in self.newest[:6]
        )
        hot = "".join(
            f'<li><span class="hotnum">{k}</span><a href="{self.post(a)}" title="{e(a.title)}">'
            f"{e(a.title)}</a></li>"
            for k, a in enumerate(self.hot(), 1)
        )
        tags = "".join(
            f'<a href="{self.href(tag_path(t.id))}" title="{e(t.name)}">{e(t.name)}</a>'
            for t in self.portal.tags
        )
        return f"""<!DOCTYPE html>
<html xml:lang="zh-Hans" lang="zh-Hans">
<head>
    <meta charset="{self.charset}">
    <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="renderer" content="webkit">
    <title>{e(title)}</title>
    <meta name="keywords" content="溧阳厂房,溧阳厂房出租,溧阳土地出售,溧阳招商政策">
    <meta name="description" content="{e(description or SITE_NAME)}">
    <meta name="generator" content="Z-BlogPHP 1.7.3">
    <link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/style.css?v=5.0.6")}">
    <script src="{self.href("/zb_system/script/jquery-2.2.4.min.js")}"></script>
    <script src="{self.href("/zb_system/script/zblogphp.js")}"></script>
</head>
<body class="{self.name}">
<div class="wrapper">
    <div class="header">
        <div class="wrap">
            <div class="logo"><a href="{self.href("/")}"><img src="{self.href("/zb_users/theme/tpure/style/images/logo.svg")}" alt="{SITE_NAME}"></a></div>
            <div class="head">
                <div class="menuico"><span></span><span></span><span></span></div>
                <div class="menu">
                    <ul>
                        <li class="navbar-item"><a href="{self.href("/")}" title="首页">首页</a></li>{nav}
                    </ul>
                    <div class="schico statefixed">
                        <div class="schfixed">
                            <form method="post" name="search" action="{self.href("/zb_system/cmd.php?act=search")}">
                                <input type="text" name="q" placeholder="搜索..." class="schinput">
                                <button type="submit" class="btn"></button>
                            </form>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </div>
    <div class="main">
        <div class="mask"></div>
        <div class="wrap">
{main}
            <div class="sidebar">
                <div class="sidebox" id="divNewestArticle"><h3 class="sidetitle">最新文章</h3><ul>{newest}</ul></div>
                <div class="sidebox" id="divHotArticle"><h3 class="sidetitle">热门文章</h3><ul class="hotpost">{hot}</ul></div>
                <div class="sidebox" id="divTags"><h3 class="sidetitle">标签列表</h3><div class="tagcloud">{tags}</div></div>
            </div>
        </div>
    </div>
    <div class="footer">
        <div class="fademask"></div>
        <div class="wrap">
            <h3>Copyright © 2018-2025 {SITE_NAME} 版权所有 <a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">{ICP}</a></h3>
            <h4>Powered By <a href="https://www.zblogcn.com/" target="_blank">Z-BlogPHP</a>. Theme by <a href="https://www.toyean.com/" target="_blank">TOYEAN</a>.</h4>
        </div>
    </div>
</div>
<a class="backtotop"><i></i></a>
</body>
</html>
"""

    def info(self, article: Article) -> str:
        text, hint = self.date_parts(article)
        hint_html = f'<span class="datetime">{e(hint)}</span>' if hint else ""
        author_href = self.href(author_path(self.author_ids[article.author]))
        return (
            f'<div class="info"><span class="user"><a href="{author_href}" rel="nofollow">'
            f'{e(article.author)}</a></span><span class="date">{e(text)}{hint_html}</span>'
            f'<span class="cate"><a href="{self.cat_href(article)}">{e(self.cat_name(article))}'
            f'</a></span><span class="view">{article.views}</span></div>'
        )

    def listing_page(self, listing: Listing) -> str:
        items = []
        for a in listing.articles:
            items.append(
                f"""                <div class="post item">
                    <div class="post-img"><a href="{self.post(a)}"><img src="{self.thumb(a)}" alt="{e(a.title)}"></a></div>
                    <div class="post-main">
                        <h2><a href="{self.post(a)}">{e(a.title)}</a></h2>
                        <div class="intro">{e(excerpt(a))}</div>
                        {self.info(a)}
                        <a href="{self.post(a)}" class="readmore">阅读全文</a>
                    </div>
                </div>"""
            )
        if not items:
            items.append('<div class="post item"><p>暂无文章</p></div>')
        crumb = (
            f'<div class="sitemap">当前位置：<a href="{self.href("/")}">首页</a> &gt; '
            f"{e(listing.crumb)}</div>"
            if listing.heading
            else ""
        )
        main = f"""            <div class="content listcon">
                {crumb}
                <div class="block">
{chr(10).join(items)}
                </div>
                {self.pagebar(listing)}
            </div>"""
        title = (
            f"{listing.heading or SITE_NAME}"
            + (f"_第{listing.n}页" if listing.n > 1 else "")
            + ("" if not listing.heading else f" - {SITE_NAME}")
        )
        return self.layout(title, main)

    def pagebar(self, listing: Listing) -> str:
        if listing.pages <= 1:
            return ""
        p = listing.path
        parts = [f'<a href="{self.href(p(1))}" title="首页">首页</a>']
        if listing.n > 1:
            parts.append(f'<a href="{self.href(p(listing.n - 1))}" title="上页">上页</a>')
        for k in self.page_numbers(listing):
            if k == listing.n:
                parts.append(f'<span class="now-page">{k}</span>')
            else:
                parts.append(f'<a href="{self.href(p(k))}" title="第{k}页">{k}</a>')
        if listing.n < listing.pages:
            parts.append(f'<a href="{self.href(p(listing.n + 1))}" title="下页">下页</a>')
        parts.append(f'<a href="{self.href(p(listing.pages))}" title="尾页">尾页</a>')
        return f'<div class="pagebar">{"".join(parts)}</div>'

    def body_html(self, article: Article) -> str:
        if self.body_style == "br":
            chunks = []
            for kind, lines in self.segments(article):
                if kind == "orig":
                    chunks.append("原标题：" + e(lines[0]))
                elif kind == "contact":
                    chunks.append(
                        "<br/>".join(e(x) for x in lines) + f'<br/><img src="{self.qr()}">'
                    )
                else:
                    chunks.append("<br/>".join(e(x) for x in lines))
            return "\n<br/><br/>\n".join(chunks)
        out = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(f"<p>原标题：{e(lines[0])}</p>")
            elif kind == "p":
                out.append(f'<p style="text-indent: 2em;">{e(lines[0])}</p>')
            elif kind == "contact":
                rest = "<br/>".join(e(x) for x in lines[1:])
                out.append(
                    f'<p style="text-align: center;"><strong>{e(lines[0])}</strong></p>'
                    f'<p style="text-align: center;">{rest}</p>'
                    f'<p style="text-align: center;"><img src="{self.qr()}" title="{e(lines[0])}"'
                    f' alt="{e(lines[0])}" width="200" height="200" border="0"/></p>'
                )
            else:
                out.extend(f"<p>{e(x)}</p>" for x in lines)
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            f'<div class="cmtsitem"><div class="avatar"><img src="{self.href("/zb_users/avatar/0.png")}"'
            f' alt="{e(name)}"></div><div class="cmtscon"><div class="cmtsname">{e(name)}</div>'
            f'<div class="cmtsbody"><p>{e(text)}</p></div><div class="cmtsdate">{e(when)}</div>'
            "</div></div>\n"
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, "2天前") for name, text in article.comments
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body = body.replace("</p>", "</p>" + image, 1) if "</p>" in body else body + image
            comments += giant
        older, newer = self.prev_next(article)
        pages = [f'<a href="{self.cat_href(article)}" class="backlist">返回列表</a>']
        if older:
            pages.append(
                f'<p>上一篇：<a href="{self.post(older)}" title="{e(older.title)}">'
                f"{e(older.title)}</a></p>"
            )
        if newer:
            pages.append(
                f'<p>下一篇：<a href="{self.post(newer)}" title="{e(newer.title)}">'
                f"{e(newer.title)}</a></p>"
            )
        tags = "".join(
            f'<a href="{self.href(tag_path(t.id))}" title="{e(t.name)}">{e(t.name)}</a>'
            for t in self.portal.tags
            if t.id in article.tag_ids
        )
        related = ""
        if article.related_ids:
            rel = []
            for rid in article.related_ids:
                r = self.portal.article(rid)
                rel.append(
                    f"""                    <div class="relate">
                        <div class="relateimg"><a href="{self.post(r)}" title="{e(r.title)}" target="_blank"><img src="{self.thumb(r)}" alt="{e(r.title)}"></a></div>
                        <div class="relateinfo">
                            <h3><a href="{self.post(r)}" title="{e(r.title)}" target="_blank">{e(r.title)}</a></h3>
                            <p>{e(excerpt(r))}</p>
                        </div>
                    </div>"""
                )
            related = f"""                <div class="block">
                    <div class="posttitle"><h4>相关文章</h4></div>
                    <div class="relatecon">
{chr(10).join(rel)}
                    </div>
                </div>"""
        url = self.href(post_path(article.id))
        main = f"""            <div class="content">
                <div class="block">
                    <div class="post">
                        <div class="sitemap">当前位置：<a href="{self.href("/")}">首页</a> &gt; <a href="{self.cat_href(article)}">{e(self.cat_name(article))}</a> &gt; 正文内容</div>
                        <h1>{e(article.title)}</h1>
                        {self.info(article)}
                        <div class="single">
{body}
                        </div>
                        <div class="copynotice">
                            <div class="copynoticeimg"><img src="{self.href("/zb_users/theme/tpure/plugin/qrcode.php?url=" + post_path(article.id))}" alt="{SITE_NAME}"></div>
                            <div class="copynotetxt">
                                <p>扫描二维码推送至手机访问。</p>
                                <p>{COPYRIGHT}</p>
                                <p>本文链接：<a href="{url}">{url}</a></p>
                            </div>
                        </div>
                        <div class="tags">标签：{tags}</div>
                        <div class="sharebox">
                            <div class="label">分享给朋友：</div>
                            <div class="sharebtn"><div class="bdsharebuttonbox"><a href="#" class="bds_tsina" data-cmd="tsina"></a><a href="#" class="bds_weixin" data-cmd="weixin"></a><a href="#" class="bds_sqq" data-cmd="sqq"></a></div></div>
                        </div>
                    </div>
                    <div class="pages">{"".join(pages)}</div>
                </div>
{related}
                <div class="block" id="comments">
                    <div class="posttitle"><h4>发表评论</h4></div>
                    <div class="comment">
                        <form id="frmSumbit" target="_self" method="post" action="{self.href("/zb_system/cmd.php?act=cmt&postid=" + str(article.id))}">
                            <p>◎欢迎参与讨论，请在这里发表您的看法、交流您的观点。</p>
                            <textarea name="txaArticle" id="txaArticle" rows="5"></textarea>
                            <input name="sumbit" type="submit" value="提交" class="button">
                        </form>
                    </div>
                    <div class="cmts">
{comments}
                    </div>
                </div>
            </div>"""
        return self.layout(
            f"{article.title} - {SITE_NAME}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f"""            <div class="content">
                <div class="block">
                    <div class="post errorpage">
                        <h2 class="errortitle">404</h2>
                        <div class="errortext">抱歉，您访问的页面不存在或已被删除！</div>
                        <p><a href="{self.href("/")}">返回首页</a></p>
                    </div>
                </div>
            </div>"""
        return self.layout(f"404错误 - {SITE_NAME}", main)


# ====================================================================== table


class Table(Theme):
    """An old table layout: nested tables, <font>, <br> text, ASCII punctuation."""

    name = "table"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = " | ".join(
            [f'<a href="{self.href("/")}"><font color="#ffffff">首页</font></a>']
            + [
                f'<a href="{self.href(category_path(c.id))}"><font color="#ffffff">{e(c.name)}'
                "</font></a>"
                for c in self.portal.categories
            ]
        )
        newest = "<br>\n".join(
            f'·<a href="{self.post(a)}">{e(a.title)}</a>' for a in self.newest[:6]
        )
        hot = "<br>\n".join(
            f'{k}. <a href="{self.post(a)}">{e(a.title)}</a>' for k, a in enumerate(self.hot(), 1)
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}">
<title>{e(title)}</title>
<meta name="description" content="{e(description or SITE_NAME)}">
<link href="{self.href("/zb_users/theme/default/style/default.css")}" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0" class="t1">
  <tr><td height="80" class="t1"><font face="黑体" size="6" color="#003399"><b>{SITE_NAME}</b></font> <font size="2">liyang.021cf.cn</font></td></tr>
  <tr><td height="30" bgcolor="#003399" class="t2">&nbsp;{nav}</td></tr>
  <tr><td>
    <table width="100%" border="0" cellpadding="4" cellspacing="0">
      <tr>
        <td width="700" valign="top" class="t3">
{main}
        </td>
        <td width="260" valign="top" class="t3">
          <table width="100%" border="1" cellpadding="4" cellspacing="0" bordercolor="#cccccc">
            <tr><td bgcolor="#eeeeee"><b>最新文章</b></td></tr>
            <tr><td><font size="2">{newest}</font></td></tr>
          </table>
          <br>
          <table width="100%" border="1" cellpadding="4" cellspacing="0" bordercolor="#cccccc">
            <tr><td bgcolor="#eeeeee"><b>热门文章</b></td></tr>
            <tr><td><font size="2">{hot}</font></td></tr>
          </table>
        </td>
      </tr>
    </table>
  </td></tr>
  <tr><td align="center" bgcolor="#eeeeee" class="t9"><font size="2">Copyright (c) {SITE_NAME} All Rights Reserved. <a href="https://beian.miit.gov.cn/">{ICP}</a><br>客服热线: 400-0123-021</font></td></tr>
</table>
</body>
</html>
"""

    def listing_page(self, listing: Listing) -> str:
        rows = []
        for a in listing.articles:
            rows.append(
                f'<tr><td class="t4">·<a href="{self.post(a)}"><b>{e(a.title)}</b></a></td>'
                f'<td width="110"><font size="2">{e(self.cat_name(a))}</font></td>'
                f'<td width="120"><font size="2" color="#999999">{e(self.date(a))}</font></td>'
                "</tr>\n"
                f'<tr><td colspan="3"><font size="2" color="#666666">{e(excerpt(a))}</font></td></tr>'
            )
        if not rows:
            rows.append('<tr><td colspan="3">暂无文章</td></tr>')
        crumb = f" &gt; {e(listing.crumb)}" if listing.heading else ""
        main = f"""          <table width="100%" border="0" cellpadding="3" cellspacing="0">
            <tr><td colspan="3" class="t3">当前位置: <a href="{self.href("/")}">首页</a>{crumb}</td></tr>
            {chr(10).join(rows)}
            <tr><td colspan="3" align="center">{self.pagebar(listing)}</td></tr>
          </table>"""
        title = (listing.heading or SITE_NAME) + (f"_第{listing.n}页" if listing.n > 1 else "")
        return self.layout(title, main)

    def pagebar(self, listing: Listing) -> str:
        if listing.pages <= 1:
            return ""
        p = listing.path
        parts = []
        if listing.n > 1:
            parts.append(f'<a href="{self.href(p(listing.n - 1))}">上一页</a>')
        else:
            parts.append('<font color="#999999">上一页</font>')
        for k in self.page_numbers(listing):
            if k == listing.n:
                parts.append(f'<font color="red"><b>{k}</b></font>')
            else:
                parts.append(f'<a href="{self.href(p(k))}">{k}</a>')
        if listing.n < listing.pages:
            parts.append(f'<a href="{self.href(p(listing.n + 1))}">下一页</a>')
        else:
            parts.append('<font color="#999999">下一页</font>')
        return " ".join(parts) + f" 共{listing.pages}页"

    def meta(self, article: Article) -> str:
        if article.id % 2 == 0:
            return (
                f'<i class="icon-user"></i>作者：{e(article.author)} '
                f'<i class="icon-time"></i>{e(self.date(article))} '
                f'<i class="icon-folder"></i>分类：<a href="{self.cat_href(article)}">'
                f"{e(self.cat_name(article))}</a> "
                f'<i class="icon-eye"></i>浏览：{article.views}'
            )
        return (
            f'<i class="icon-user"></i>{e(article.author)}<i class="icon-time"></i>'
            f'{e(self.date(article))}<i class="icon-folder"></i><a href="{self.cat_href(article)}">'
            f'{e(self.cat_name(article))}</a><i class="icon-eye"></i>{article.views}'
        )

    def body_html(self, article: Article) -> str:
        chunks = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                chunks.append("原标题:" + e(lines[0]))
            elif kind == "p":
                chunks.append("&nbsp;&nbsp;&nbsp;&nbsp;" + e(lines[0]))
            elif kind == "contact":
                chunks.append(
                    "<br>".join(e(x) for x in lines)
                    + f'<br><img src="{self.qr()}" width="200" height="200">'
                )
            else:
                chunks.append("<br>".join(e(x) for x in lines))
        return "<br><br>\n".join(chunks)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            f'<tr><td><font size="2" color="#003399">{e(name)}</font> '
            f'<font size="2" color="#999999">{e(when)}</font><br>{e(text)}</td></tr>\n'
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, "2天前") for name, text in article.comments
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body += image
            comments += giant
        older, newer = self.prev_next(article)
        prev_next = "<br>".join(
            [
                f'上一篇: <a href="{self.post(older)}">{e(older.title)}</a>'
                if older
                else "上一篇: 没有了",
                f'下一篇: <a href="{self.post(newer)}">{e(newer.title)}</a>'
                if newer
                else "下一篇: 没有了",
            ]
        )
        if article.id % 2 == 0:
            title = f'<h2 style="font-size:20px">{e(article.title)}</h2>'
        else:
            title = f'<b><font size="4" color="#000000">{e(article.title)}</font></b>'
        tags = " ".join(
            f'<a href="{self.href(tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.portal.tags
            if t.id in article.tag_ids
        )
        related = ""
        if article.related_ids:
            items = "\n".join(
                f'<li><a href="{self.post(r)}">{e(r.title)}</a> <span>{e(excerpt(r))}</span></li>'
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = (
                '<tr><td class="t6" bgcolor="#eeeeee">相关文章</td></tr>\n'
                f'<tr><td class="t6"><ul>\n{items}\n</ul></td></tr>'
            )
        main = f"""          <table width="100%" border="0" cellpadding="5" cellspacing="0">
            <tr><td class="t3">当前位置: <a href="{self.href("/")}">首页</a> &gt; <a href="{self.cat_href(article)}">{e(self.cat_name(article))}</a> &gt; 正文内容</td></tr>
            <tr><td align="center" height="50">{title}</td></tr>
            <tr><td align="center" class="t5"><font size="2" color="#999999">{self.meta(article)}</font></td></tr>
            <tr><td class="t4" style="line-height:200%"><font size="3">
{body}
            </font></td></tr>
            <tr><td><font size="2" color="#666666">{to_ascii(COPYRIGHT)}</font></td></tr>
            <tr><td><font size="2">标签: {tags}</font></td></tr>
            <tr><td><font size="2">分享给朋友: <a href="#">微信</a> <a href="#">QQ空间</a> <a href="#">微博</a></font></td></tr>
            <tr><td class="t7"><font size="2">{prev_next}</font></td></tr>
            {related}
            <tr><td class="t8"><b>网友评论</b></td></tr>
            {comments}
            <tr><td><form method="post" action="{self.href("/zb_system/cmd.php?act=cmt&postid=" + str(article.id))}"><textarea name="txaArticle" cols="60" rows="4"></textarea><br><input type="submit" value="发表评论"></form></td></tr>
          </table>"""
        return self.layout(
            f"{article.title}_{SITE_NAME}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f"""          <table width="100%"><tr><td align="center" height="300"><font size="5">404 Not Found</font><br>
          对不起, 您访问的页面不存在! <a href="{self.href("/")}">返回首页</a></td></tr></table>"""
        return self.layout(f"404_{SITE_NAME}", main)


# ====================================================================== html5


class Html5(Theme):
    """Semantic HTML5: <main>, <article>, <time>, breadcrumb <ol>, run-together meta text."""

    name = "html5"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f'<li><a href="{self.post(a)}">{e(a.title)}</a></li>' for a in self.newest[:6]
        )
        hot = "".join(f'<li><a href="{self.post(a)}">{e(a.title)}</a></li>' for a in self.hot())
        return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(description or SITE_NAME)}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/html5/style.css")}">
</head>
<body>
<header class="site-header">
  <a class="brand" href="{self.href("/")}">{SITE_NAME}</a>
  <nav aria-label="主菜单"><ul><li><a href="{self.href("/")}">首页</a></li>{nav}</ul></nav>
</header>
<div class="layout">
<main id="main">
{main}
</main>
<aside class="widgets">
  <section class="widget"><h2>最新文章</h2><ol>{newest}</ol></section>
  <section class="widget"><h2>热门文章</h2><ol>{hot}</ol></section>
</aside>
</div>
<footer class="site-footer"><small>© 2018–2025 {SITE_NAME} · <a href="https://beian.miit.gov.cn/">{ICP}</a></small></footer>
</body>
</html>
"""

    def iso(self, article: Article) -> str:
        return article.published_at.astimezone(SHANGHAI).isoformat()

    def listing_page(self, listing: Listing) -> str:
        items = []
        for a in listing.articles:
            items.append(
                f"""<article class="entry">
  <h2 class="entry-title"><a href="{self.post(a)}">{e(a.title)}</a></h2>
  <p class="entry-meta"><time datetime="{self.iso(a)}">{e(self.date(a))}</time> · <a href="{self.cat_href(a)}">{e(self.cat_name(a))}</a> · 阅读 {a.views}</p>
  <p class="entry-summary">{e(excerpt(a))}</p>
</article>"""
            )
        if not items:
            items.append("<p>暂无文章</p>")
        crumb = (
            f'<nav aria-label="breadcrumb"><ol><li><a href="{self.href("/")}">首页</a></li>'
            f'<li aria-current="page">{e(listing.crumb)}</li></ol></nav>\n'
            f"<h1>{e(listing.heading)}</h1>"
            if listing.heading
            else ""
        )
        main = f"{crumb}\n{chr(10).join(items)}\n{self.pagebar(listing)}"
        title = (listing.heading or SITE_NAME) + (f" – 第{listing.n}页" if listing.n > 1 else "")
        return self.layout(title, main)

    def pagebar(self, listing: Listing) -> str:
        if listing.pages <= 1:
            return ""
        p = listing.path
        parts = [f'<a rel="first" href="{self.href(p(1))}">首页</a>']
        if listing.n > 1:
            parts.append(f'<a rel="prev" href="{self.href(p(listing.n - 1))}">上页</a>')
        for k in self.page_numbers(listing):
            current = ' aria-current="page"' if k == listing.n else ""
            parts.append(f'<a href="{self.href(p(k))}"{current}>{k}</a>')
        if listing.n < listing.pages:
            parts.append(f'<a rel="next" href="{self.href(p(listing.n + 1))}">下页</a>')
        parts.append(f'<a rel="last" href="{self.href(p(listing.pages))}">尾页</a>')
        return f'<nav class="pagination" aria-label="分页">{"".join(parts)}</nav>'

    def body_html(self, article: Article) -> str:
        out = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(f'<p class="source-title">原标题：{e(lines[0])}</p>')
            elif kind == "p":
                out.append(f"<p>{e(lines[0])}</p>")
            elif kind == "contact":
                out.append(
                    f'<figure class="wechat"><img src="{self.qr()}" alt="{e(lines[0])}">'
                    f"<figcaption>{'<br>'.join(e(x) for x in lines)}</figcaption></figure>"
                )
            else:
                out.append(f'<div class="src-footer">{"<br>".join(e(x) for x in lines)}</div>')
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            f'<li><article class="comment"><footer><b>{e(name)}</b> <span>{e(when)}</span>'
            f"</footer><p>{e(text)}</p></article></li>\n"
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, "2天前") for name, text in article.comments
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body += image
            comments += giant
        older, newer = self.prev_next(article)
        nav = []
        if older:
            nav.append(f'<a rel="prev" href="{self.post(older)}">上一篇：{e(older.title)}</a>')
        if newer:
            nav.append(f'<a rel="next" href="{self.post(newer)}">下一篇：{e(newer.title)}</a>')
        tags = "".join(
            f'<a rel="tag" href="{self.href(tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.portal.tags
            if t.id in article.tag_ids
        )
        related = ""
        if article.related_ids:
            items = "\n".join(
                f'<dt><a href="{self.post(r)}">{e(r.title)}</a></dt><dd>{e(excerpt(r))}</dd>'
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = (
                f'<section class="related"><h2>相关文章</h2>\n<dl>\n{items}\n</dl>\n</section>'
            )
        meta = (
            f"{e(article.author)}{e(self.date(article))}{e(self.cat_name(article))}{article.views}"
        )
        main = f"""<nav aria-label="breadcrumb"><ol>
  <li><a href="{self.href("/")}">首页</a></li>
  <li><a href="{self.cat_href(article)}">{e(self.cat_name(article))}</a></li>
  <li aria-current="page">{e(article.title)}</li>
</ol></nav>
<article class="post">
  <header>
    <h1>{e(article.title)}</h1>
    <p class="post-meta">{meta}</p>
  </header>
  <div class="post-content">
{body}
  </div>
  <footer>
    <p class="copyright">{COPYRIGHT}</p>
    <p class="tags">标签：{tags}</p>
    <div class="share">分享给朋友：<button type="button">微信</button><button type="button">微博</button></div>
    <nav class="post-nav" aria-label="上下篇">{"".join(nav)}</nav>
  </footer>
</article>
{related}
<section id="comments"><h2>评论</h2>
<ol class="comment-list">
{comments}</ol>
<form method="post" action="{self.href("/zb_system/cmd.php?act=cmt&postid=" + str(article.id))}"><label>发表评论<textarea name="txaArticle"></textarea></label><button>提交</button></form>
</section>"""
        return self.layout(
            f"{article.title} | {SITE_NAME}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f'<section class="error"><h1>404</h1><p>页面不存在。</p><p><a href="{self.href("/")}">返回首页</a></p></section>'
        return self.layout(f"页面不存在 | {SITE_NAME}", main)


# ====================================================================== cms


class Cms(Theme):
    """A DedeCMS/PHPCMS government-news layout: sidebar first, labelled meta (date first), GBK."""

    name = "cms"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f"<li><span>{php_date(a.published_at, 'm-d')}</span>"
            f'<a href="{self.post(a)}" title="{e(a.title)}" target="_blank">{e(a.title)}</a></li>'
            for a in self.newest[:8]
        )
        hot = "".join(
            f"<li><span>{php_date(a.published_at, 'm-d')}</span>"
            f'<a href="{self.post(a)}" title="{e(a.title)}" target="_blank">{e(a.title)}</a></li>'
            for a in self.hot()
        )
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}" />
<title>{e(title)}</title>
<meta name="keywords" content="溧阳厂房,溧阳招商,溧阳土地" />
<meta name="description" content="{e(description or SITE_NAME)}" />
<link href="{self.href("/templets/default/style/dedecms.css")}" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="{self.href("/include/dedeajax2.js")}"></script>
</head>
<body class="articleview">
<div class="top w960 center">
  <div class="toplogo"><a href="{self.href("/")}"><img src="{self.href("/templets/default/images/logo.gif")}" alt="{SITE_NAME}" /></a></div>
  <div class="topdate">欢迎访问{SITE_NAME}！ <a href="{self.href("/member/")}">会员中心</a> | <a href="{self.href("/data/rss/1.xml")}">RSS订阅</a></div>
</div>
<div class="nav w960 center"><ul><li class="hover"><a href="{self.href("/")}">网站首页</a></li>{nav}</ul></div>
<div class="w960 center clear mt1">
  <div class="left">
    <div class="sbox"><div class="hd"><strong>最新文章</strong></div><ul class="d1">{newest}</ul></div>
    <div class="sbox"><div class="hd"><strong>热门文章</strong></div><ul class="d1">{hot}</ul></div>
    <div class="sbox"><div class="hd"><strong>联系我们</strong></div><div class="bd">热线：400-0123-021<br />地址：溧阳市昆仑北路</div></div>
  </div>
  <div class="right">
{main}
  </div>
</div>
<div class="footer w960 center mt1 clear">
  <div class="footer_left"></div>
  <div class="footer_body">
    <p class="powered">Copyright &copy; 2018-2025 {SITE_NAME} 版权所有 技术支持：DedeCMS</p>
    <p class="copyright"><a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a> 客服热线：400-0123-021</p>
  </div>
  <div class="footer_right"></div>
</div>
</body>
</html>
"""

    def position(self, *names: tuple[str, str | None]) -> str:
        """The 您现在的位置 breadcrumb: (text, href or None for plain text)."""
        parts = [f'<a href="{self.href("/")}">首页</a>']
        for text, href in names:
            parts.append(f'<a href="{href}">{e(text)}</a>' if href else e(text))
        return f'<div class="position">您现在的位置：{"&gt;&gt;".join(parts)}</div>'

    def listing_page(self, listing: Listing) -> str:
        items = []
        for a in listing.articles:
            items.append(
                f'<li><span class="date">{php_date(a.published_at, "Y-m-d")}</span>'
                f'<a href="{self.post(a)}" title="{e(a.title)}" target="_blank">{e(a.title)}</a>'
                f'<p class="intro">{e(excerpt(a))}</p></li>'
            )
        if not items:
            items.append("<li>暂无文章</li>")
        here = self.href(listing.path(listing.n))
        crumb = self.position((listing.crumb, here)) if listing.heading else self.position()
        heading = f"<h3>{e(listing.heading)}</h3>" if listing.heading else "<h3>最新资讯</h3>"
        main = f"""    {crumb}
    <div class="listbox"><div class="hd">{heading}</div>
      <ul class="e2">
{chr(10).join(items)}
      </ul>
    </div>
    {self.pagebar(listing)}"""
        title = (listing.heading or "首页") + (f"_第{listing.n}页" if listing.n > 1 else "")
        return self.layout(f"{title}_{SITE_NAME}", main)

    def pagebar(self, listing: Listing) -> str:
        if listing.pages <= 1:
            return ""
        p, n = listing.path, listing.n
        parts = [f'<li><a href="{self.href(p(1))}">首页</a></li>']
        parts.append(
            f'<li><a href="{self.href(p(n - 1))}">上一页</a></li>'
            if n > 1
            else "<li><a>上一页</a></li>"
        )
        for k in self.page_numbers(listing):
            if k == n:
                parts.append(f'<li class="thisclass">{k}</li>')
            else:
                parts.append(f'<li><a href="{self.href(p(k))}">{k}</a></li>')
        parts.append(
            f'<li><a href="{self.href(p(n + 1))}">下一页</a></li>'
            if n < listing.pages
            else "<li><a>下一页</a></li>"
        )
        parts.append(f'<li><a href="{self.href(p(listing.pages))}">末页</a></li>')
        info = (
            f'<li><span class="pageinfo">共 <strong>{listing.pages}</strong>页'
            f"<strong>{len(listing.articles)}</strong>条</span></li>"
        )
        return f'<div class="pages"><ul>{"".join(parts)}{info}</ul></div>'

    def body_html(self, article: Article) -> str:
        out = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(f'<p style="text-indent:2em">原标题：{e(lines[0])}</p>')
            elif kind == "p":
                out.append(f'<p style="text-indent:2em">{e(lines[0])}</p>')
            elif kind == "contact":
                out.extend(f'<p style="text-align:center">{e(x)}</p>' for x in lines)
                out.append(
                    f'<p style="text-align:center"><img src="{self.qr()}" alt="" '
                    'width="200" height="200" border="0" /></p>'
                )
            else:
                out.extend(f"<p>{e(x)}</p>" for x in lines)
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            f'<dl><dt><strong>{e(name)}</strong> <span class="date">{e(when)}</span></dt>'
            f"<dd>{e(text)}</dd></dl>\n"
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, "2天前") for name, text in article.comments
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body += image
            comments += giant
        older, newer = self.prev_next(article)
        prev_link = f'<a href="{self.post(older)}">{e(older.title)}</a>' if older else "没有了"
        next_link = f'<a href="{self.post(newer)}">{e(newer.title)}</a>' if newer else "没有了"
        related = "".join(
            f'<li><span class="date">{php_date(r.published_at, "Y-m-d")}</span>'
            f'<a href="{self.post(r)}" title="{e(r.title)}">{e(r.title)}</a></li>'
            for r in (self.portal.article(rid) for rid in article.related_ids)
        )
        main = f"""    {self.position((self.cat_name(article), self.cat_href(article)), ("正文", None))}
    <div class="viewbox">
      <div class="title"><h2>{e(article.title)}</h2></div>
      <div class="info">发布时间：{e(self.date(article))} &nbsp;来源：溧阳日报 &nbsp;作者：{e(article.author)} &nbsp;浏览次数：<span id="hits">{article.views}</span></div>
      <div class="intro">{e(self.describe(article, special))}</div>
      <div id="content" class="content">
{body}
      </div>
      <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
      <div class="xgwz"><div class="hd"><span>相关文章</span><a href="{self.cat_href(article)}">更多&gt;&gt;</a></div><ul>{related}</ul></div>
      <div class="context"><ul><li>上一篇：{prev_link}</li><li>下一篇：{next_link}</li></ul></div>
      <div class="handle"><div class="context_r"><a href="#" onclick="window.print();">打印</a> | <a href="#" onclick="window.close();">关闭</a></div></div>
    </div>
    <div class="feedback"><div class="hd"><strong>网友评论</strong></div>
{comments}
      <form action="{self.href("/plus/feedback.php?action=send&aid=" + str(article.id))}" method="post"><textarea name="msg" cols="60" rows="4"></textarea><input type="submit" value="发表评论" /></form>
    </div>"""
        return self.layout(
            f"{article.title}_{self.cat_name(article)}_{SITE_NAME}",
            main,
            description=self.describe(article, special),
        )

    def error_page(self) -> str:
        main = f"""    {self.position(("404", None))}
    <div class="viewbox"><div class="title"><h2>404 页面不存在</h2></div>
    <p>对不起，您访问的页面不存在或已被删除。<a href="{self.href("/")}">返回首页</a></p></div>"""
        return self.layout(f"404_{SITE_NAME}", main)


# ====================================================================== mobile


class Mobile(Tpure):
    """The tpure theme as a phone gets it: no sidebar, crumb in <header>, div.meta, mobile bugs."""

    name = "mobile"

    def layout(self, title: str, main: str, *, description: str = "", crumb: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">
<meta name="applicable-device" content="mobile">
<title>{e(title)}</title>
<meta name="description" content="{e(description or SITE_NAME)}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/style.css?v=5.0.6")}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/iconfont.css")}">
<style>@media (max-width:768px){{.datetime{{display:none}}.sidebar{{display:none}}}}</style>
</head>
<body class="tpure mobile">
<header class="header">
  <div class="mhead">
    <a class="menuico" href="javascript:;" aria-label="菜单"><span></span><span></span><span></span></a>
    <div class="logo"><a href="{self.href("/")}"><img src="{self.href("/zb_users/theme/tpure/style/images/logo.svg")}" alt="{SITE_NAME}"></a></div>
    <a class="schico" href="{self.href("/zb_system/cmd.php?act=search")}" aria-label="搜索"><i class="iconfont icon-search"></i></a>
  </div>
  <nav class="mnav" style="display:none"><ul><li><a href="{self.href("/")}">首页</a></li>{nav}</ul></nav>
  {crumb}
</header>
<div class="main">
{main}
</div>
<footer class="footer">
  <p>Copyright © 2018-2025 {SITE_NAME} <a href="https://beian.miit.gov.cn/" rel="nofollow">{ICP}</a></p>
  <p><a href="{self.href("/")}?pc=1">电脑版</a></p>
</footer>
<a class="backtotop"><i class="iconfont icon-top"></i></a>
</body>
</html>
"""

    def meta(self, article: Article) -> str:
        text, hint = self.date_parts(article)
        hint_html = f'<span class="datetime">{e(hint)}</span>' if hint else ""
        return (
            f'<div class="meta"><i class="iconfont icon-user"></i>{e(article.author)}'
            f'<i class="iconfont icon-time"></i>{e(text)}{hint_html}'
            f'<i class="iconfont icon-cate"></i><a href="{self.cat_href(article)}">'
            f"{e(self.cat_name(article))}</a>"
            f'<i class="iconfont icon-eye"></i>{article.views}'
            f'<i class="iconfont icon-cmt"></i>{len(article.comments)}</div>'
        )

    def crumb(self, *names: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.href("/")}">首页</a>']
        for text, href in names:
            parts.append(f'<a href="{href}">{e(text)}</a>' if href else e(text))
        return f'<div class="sitemap">当前位置：{" &gt; ".join(parts)}</div>'

    def listing_page(self, listing: Listing) -> str:
        items = []
        for a in listing.articles:
            items.append(
                f"""  <div class="post item">
    <h2><a href="{self.post(a)}">{e(a.title)}</a></h2>
    <div class="intro">{e(excerpt(a))}</div>
    {self.meta(a)}
  </div>"""
            )
        if not items:
            items.append('<div class="post item"><p>暂无文章</p></div>')
        crumb = self.crumb((listing.crumb, None)) if listing.heading else ""
        main = f"""<div class="content listcon">
{chr(10).join(items)}
{self.pagebar(listing)}
</div>"""
        title = (
            f"{listing.heading or SITE_NAME}"
            + (f"_第{listing.n}页" if listing.n > 1 else "")
            + ("" if not listing.heading else f" - {SITE_NAME}")
        )
        return self.layout(title, main, crumb=crumb)

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, "2天前") for name, text in article.comments
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body = body.replace("</p>", "</p>" + image, 1) if "</p>" in body else body + image
            comments += giant
        older, newer = self.prev_next(article)
        pages = []
        if older:
            pages.append(f'<p>上一篇：<a href="{self.post(older)}">{e(older.title)}</a></p>')
        if newer:
            pages.append(f'<p>下一篇：<a href="{self.post(newer)}">{e(newer.title)}</a></p>')
        tags = "".join(
            f'<a href="{self.href(tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.portal.tags
            if t.id in article.tag_ids
        )
        here = self.post(article)
        related = ""
        if article.related_ids:
            rel = "\n".join(
                f'<div class="relate"><div class="relateinfo"><h3><a href="{self.post(r)}">'
                f'{e(r.title)}</a></h3><p><a href="{here}">{e(excerpt(r))}</a></p></div></div>'
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = f"""<div class="block">
  <div class="posttitle"><h4>相关文章</h4></div>
  <div class="relatecon">
{rel}
  </div>
</div>"""
        crumb = self.crumb((self.cat_name(article), self.cat_href(article)), ("正文内容", None))
        main = f"""<div class="content">
<div class="block">
  <div class="post">
    <h1 class="post-title">{e(article.title)}</h1>
    {self.meta(article)}
    <div class="single postcon">
{body}
      <div class="tags">标签：{tags}</div>
      <div class="bdshare">分享到：<a href="#" class="bds_weixin">微信</a><a href="#" class="bds_sqq">QQ</a><a href="#" class="bds_tsina">微博</a></div>
    </div>
    <div class="copynotice"><p>{COPYRIGHT}</p></div>
  </div>
  <div class="pages">{"".join(pages)}</div>
</div>
{related}
<div class="block" id="comments">
  <div class="posttitle"><h4>发表评论</h4></div>
  <div class="cmts">
{comments}
  </div>
  <form method="post" action="{self.href("/zb_system/cmd.php?act=cmt&postid=" + str(article.id))}"><textarea name="txaArticle" rows="3"></textarea><input type="submit" value="提交"></form>
</div>
</div>"""
        return self.layout(
            f"{article.title} - {SITE_NAME}",
            main,
            description=self.describe(article, special),
            crumb=crumb,
        )

    def error_page(self) -> str:
        main = f"""<div class="content"><div class="block"><div class="post errorpage">
  <h2 class="errortitle">404</h2>
  <div class="errortext">抱歉，您访问的页面不存在或已被删除！</div>
  <p><a href="{self.href("/")}">返回首页</a></p>
</div></div></div>"""
        return self.layout(f"404错误 - {SITE_NAME}", main)


# ====================================================================== wordpress


class Wordpress(Theme):
    """A Chinese WordPress news theme: site title in an <h1> before the breadcrumb, entry-meta
    spans with labels, related posts with thumbnails and excerpts, widgets after the content."""

    name = "wordpress"

    def layout(
        self,
        title: str,
        main: str,
        *,
        description: str = "",
        head: str = "",
        crumb: str = "",
        body_class: str = "home blog",
    ) -> str:
        menu = "".join(
            f'<li id="menu-item-{10 + c.id}" class="menu-item menu-item-type-taxonomy '
            f'menu-item-object-category menu-item-{10 + c.id}"><a href="{self.href(category_path(c.id))}">'
            f"{e(c.name)}</a></li>"
            for c in self.portal.categories
        )
        recent = "\n".join(
            f'<li><a href="{self.post(a)}">{e(a.title)}</a>'
            f'<span class="post-date">{e(php_date(a.published_at, "Y年n月j日"))}</span></li>'
            for a in self.newest[:5]
        )
        tags = "\n".join(
            f'<a href="{self.href(tag_path(t.id))}" class="tag-cloud-link tag-link-{t.id} '
            f'tag-link-position-{k}" style="font-size: {8 + (t.id * 5) % 14}pt;" '
            f'aria-label="{e(t.name)} ({sum(t.id in a.tag_ids for a in self.portal.articles)}个项目)">'
            f"{e(t.name)}</a>"
            for k, t in enumerate(self.portal.tags, 1)
        )
        return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{e(title)}</title>
<meta name='robots' content='max-image-preview:large' />
<meta name="description" content="{e(description or SITE_NAME)}">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" href="{self.href("/feed/")}" />
<link rel='stylesheet' id='wp-block-library-css' href='{self.href("/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3")}' type='text/css' media='all' />
<link rel='stylesheet' id='newsup-style-css' href='{self.href("/wp-content/themes/newsup/style.css?ver=6.4.3")}' type='text/css' media='all' />
<script type="text/javascript" src="{self.href("/wp-includes/js/jquery/jquery.min.js?ver=3.7.1")}" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="{self.href("/wp-json/")}" />
<meta name="generator" content="WordPress 6.4.3" />
{head}</head>
<body class="{body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">跳至内容</a>
<header id="masthead" class="site-header">
  <div class="site-branding">
    <h1 class="site-title"><a href="{self.href("/")}" rel="home">{SITE_NAME}</a></h1>
    <p class="site-description">溧阳厂房出租 · 土地出售 · 招商政策</p>
  </div>
  <nav id="site-navigation" class="main-navigation" aria-label="主菜单">
    <button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">菜单</button>
    <div class="menu-main-container"><ul id="primary-menu" class="menu"><li id="menu-item-9" class="menu-item menu-item-home menu-item-9"><a href="{self.href("/")}">首页</a></li>{menu}</ul></div>
  </nav>
</header>
<div id="content" class="site-content">
{crumb}
<div id="primary" class="content-area">
<main id="main" class="site-main">
{main}
</main>
</div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{self.href("/")}"><label><span class="screen-reader-text">搜索：</span><input type="search" class="search-field" placeholder="搜索&hellip;" value="" name="s" /></label><input type="submit" class="search-submit" value="搜索" /></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">近期文章</h2><nav aria-label="近期文章"><ul>
{recent}
</ul></nav></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">热门标签</h2><div class="tagcloud">{tags}</div></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
  <div class="site-info">Copyright &copy; 2018-2025 {SITE_NAME} <a href="https://beian.miit.gov.cn/" rel="nofollow">{ICP}</a> <span class="sep"> | </span>自豪地采用 <a href="https://cn.wordpress.org/">WordPress</a></div>
</footer>
</div>
<script type="text/javascript" src="{self.href("/wp-content/themes/newsup/js/navigation.js?ver=1.0")}" id="newsup-navigation-js"></script>
</body>
</html>
"""

    def crumb(self, *names: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.href("/")}">首页</a>']
        for text, href in names:
            parts.append(f'<a href="{href}">{e(text)}</a>' if href else f"<span>{e(text)}</span>")
        return f'<nav class="breadcrumbs">您的位置：{" » ".join(parts)}</nav>'

    def iso(self, when: datetime) -> str:
        return when.astimezone(SHANGHAI).isoformat()

    def wp_date(self, article: Article) -> str:
        return (
            f'<time class="entry-date published" datetime="{self.iso(article.published_at)}">'
            f"{e(self.date(article))}</time>"
        )

    def author_link(self, article: Article) -> str:
        href = self.href(author_path(self.author_ids[article.author]))
        return f'<span class="author vcard"><a class="url fn n" href="{href}">{e(article.author)}</a></span>'

    def listing_page(self, listing: Listing) -> str:
        items = []
        for a in listing.articles:
            items.append(
                f"""<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard has-post-thumbnail hentry category-{a.category_id}">
  <div class="post-thumbnail"><a href="{self.post(a)}" aria-hidden="true" tabindex="-1"><img width="300" height="200" src="{self.thumb(a)}" class="attachment-medium size-medium wp-post-image" alt="{e(a.title)}" loading="lazy" /></a></div>
  <header class="entry-header">
    <h2 class="entry-title"><a href="{self.post(a)}" rel="bookmark">{e(a.title)}</a></h2>
    <div class="entry-meta"><span class="posted-on">发表于 <a href="{self.post(a)}" rel="bookmark">{self.wp_date(a)}</a></span> <span class="byline">作者：{self.author_link(a)}</span></div>
  </header>
  <div class="entry-summary"><p>{e(excerpt(a))}</p></div>
  <footer class="entry-footer"><span class="cat-links">分类：<a href="{self.cat_href(a)}" rel="category tag">{e(self.cat_name(a))}</a></span> <span class="views">阅读 {a.views} 次</span></footer>
</article>"""
            )
        if not items:
            items.append(
                '<section class="no-results not-found"><header class="page-header">'
                '<h1 class="page-title">未找到</h1></header><div class="page-content">'
                "<p>抱歉，没有符合您搜索条件的结果。</p></div></section>"
            )
        header = ""
        crumb = ""
        if listing.heading:
            heading = (
                listing.heading
                if listing.heading.startswith(("标签", "作者"))
                else f"分类：{listing.heading}"
            )
            header = (
                f'<header class="page-header"><h1 class="page-title">{e(heading)}</h1></header>'
            )
            crumb = self.crumb((listing.crumb, None))
        main = f"{header}\n{chr(10).join(items)}\n{self.pagination(listing)}"
        paged = f" – 第{listing.n}页" if listing.n > 1 else ""
        title = (
            f"{listing.crumb}{paged} – {SITE_NAME}"
            if listing.heading
            else f"{SITE_NAME}{paged} – 溧阳厂房出租 · 土地出售 · 招商政策"
        )
        return self.layout(title, main, crumb=crumb)

    def pagination(self, listing: Listing) -> str:
        """paginate_links(): end_size 1, mid_size 2, dots between."""
        if listing.pages <= 1:
            return ""
        p, n = listing.path, listing.n
        parts = []
        if n > 1:
            parts.append(
                f'<a class="prev page-numbers" href="{self.href(p(n - 1))}">&laquo; 上一页</a>'
            )
        dots = False
        for k in range(1, listing.pages + 1):
            if k == n:
                parts.append(f'<span aria-current="page" class="page-numbers current">{k}</span>')
                dots = True
            elif k == 1 or k == listing.pages or abs(k - n) <= 2:
                parts.append(f'<a class="page-numbers" href="{self.href(p(k))}">{k}</a>')
                dots = True
            elif dots:
                parts.append('<span class="page-numbers dots">&hellip;</span>')
                dots = False
        if n < listing.pages:
            parts.append(
                f'<a class="next page-numbers" href="{self.href(p(n + 1))}">下一页 &raquo;</a>'
            )
        return (
            '<nav class="navigation pagination" aria-label="文章分页">'
            '<h2 class="screen-reader-text">文章分页</h2>'
            f'<div class="nav-links">{"".join(parts)}</div></nav>'
        )

    def body_html(self, article: Article) -> str:
        out = []
        spaced = False
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(f"<p>原标题：{e(lines[0])}</p>")
            elif kind == "p":
                out.append(f"<p>{e(lines[0])}</p>")
                continue
            elif kind == "contact":
                if not spaced:
                    out.append("<p>&nbsp;</p>")
                rest = "<br />\n".join(e(x) for x in lines[1:])
                out.append(
                    f'<p style="text-align: center;"><strong>{e(lines[0])}</strong></p>\n'
                    f'<p style="text-align: center;">{rest}</p>\n'
                    '<figure class="wp-block-image aligncenter size-full"><img loading="lazy" '
                    f'decoding="async" width="200" height="200" src="{self.qr()}" alt="" '
                    'class="wp-image-1288"/></figure>'
                )
            else:
                if not spaced:
                    out.append("<p>&nbsp;</p>")
                out.append("<p>" + "<br />\n".join(e(x) for x in lines) + "</p>")
            spaced = kind != "orig"
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            '<li class="comment even thread-even depth-1"><article class="comment-body">'
            '<footer class="comment-meta"><div class="comment-author vcard">'
            f'<img alt="" src="{self.href("/wp-content/uploads/avatar.png")}" class="avatar avatar-32" '
            f'height="32" width="32" /><b class="fn">{e(name)}</b> <span class="says">说道：</span>'
            f'</div><div class="comment-metadata"><time>{e(when)}</time></div></footer>'
            f'<div class="comment-content"><p>{e(text)}</p></div>'
            '<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">回复</a>'
            "</div></article></li>\n"
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        day = article.published_at + timedelta(days=1)
        comments = "".join(
            self.comment_html(name, text, php_date(day + timedelta(hours=3 * k), "Y年n月j日 H:i"))
            for k, (name, text) in enumerate(article.comments)
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            body += image
            comments += giant
        older, newer = self.prev_next(article)
        nav = []
        if older:
            nav.append(
                f'<div class="nav-previous"><a href="{self.post(older)}" rel="prev">'
                f'<span class="meta-nav">上一篇</span> <span class="post-title">{e(older.title)}'
                "</span></a></div>"
            )
        if newer:
            nav.append(
                f'<div class="nav-next"><a href="{self.post(newer)}" rel="next">'
                f'<span class="meta-nav">下一篇</span> <span class="post-title">{e(newer.title)}'
                "</span></a></div>"
            )
        tags = "，".join(
            f'<a href="{self.href(tag_path(t.id))}" rel="tag">{e(t.name)}</a>'
            for t in self.portal.tags
            if t.id in article.tag_ids
        )
        related = ""
        if article.related_ids:
            items = "\n".join(
                f'<li><a href="{self.post(r)}" class="related-thumb"><img src="{self.thumb(r)}" '
                f'alt="{e(r.title)}" width="150" height="100" loading="lazy" /></a>'
                f'<a href="{self.post(r)}" class="related-link" rel="bookmark">{e(r.title)}</a>'
                f'<div class="excerpt">{e(excerpt(r))}</div></li>'
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = (
                '<section class="related-posts"><h3 class="related-title">相关文章</h3>\n'
                f"<ul>\n{items}\n</ul>\n</section>"
            )
        count = len(article.comments)
        thread = (
            f'<h3 class="comments-title">{count} 条评论</h3>\n<ol class="comment-list">\n'
            f"{comments}</ol>\n"
            if comments
            else ""
        )
        url = self.post(article)
        iso = self.iso(article.published_at)
        head = f"""<link rel="canonical" href="{url}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{e(article.title)}" />
<meta property="og:url" content="{url}" />
<meta property="article:published_time" content="{iso}" />
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{e(article.title)}","datePublished":"{iso}","author":{{"@type":"Person","name":"{e(article.author)}"}}}}</script>
"""
        main = f"""<article id="post-{article.id}" class="post-{article.id} post type-post status-publish format-standard hentry category-{article.category_id}">
  <header class="entry-header">
    <h1 class="entry-title">{e(article.title)}</h1>
    <div class="entry-meta"><span class="byline">作者：<a href="{self.href(author_path(self.author_ids[article.author]))}">{e(article.author)}</a></span> <span class="posted-on">发表于 {self.wp_date(article)}</span> <span class="cat-links">分类：<a href="{self.cat_href(article)}" rel="category tag">{e(self.cat_name(article))}</a></span> <span class="views">阅读 {article.views} 次</span></div>
  </header>
  <div class="entry-content">
{body}
  </div>
  <footer class="entry-footer">
    <div class="post-copyright">{COPYRIGHT}</div>
    <span class="tags-links">标签：{tags}</span>
  </footer>
</article>
<nav class="navigation post-navigation" aria-label="文章"><h2 class="screen-reader-text">文章导航</h2><div class="nav-links">{"".join(nav)}</div></nav>
{related}
<div id="comments" class="comments-area">
{thread}<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">发表回复</h3><form action="{self.href("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><p class="comment-notes">您的电子邮箱地址不会被公开。 必填项已用 <span class="required">*</span> 标注</p><p class="comment-form-comment"><label for="comment">评论 <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="发表评论" /><input type="hidden" name="comment_post_ID" value="{article.id}" id="comment_post_ID" /></p></form></div>
</div>"""
        crumb = self.crumb((self.cat_name(article), self.cat_href(article)), (article.title, None))
        return self.layout(
            f"{article.title} – {SITE_NAME}",
            main,
            description=self.describe(article, special),
            head=head,
            crumb=crumb,
            body_class=f"post-template-default single single-post postid-{article.id} "
            "single-format-standard",
        )

    def error_page(self) -> str:
        main = f"""<section class="error-404 not-found">
  <header class="page-header"><h1 class="page-title">有点尴尬诶！该页无法显示。</h1></header>
  <div class="page-content"><p>这儿似乎什么都没有，试试搜索？</p><p><a href="{self.href("/")}">返回首页</a></p></div>
</section>"""
        return self.layout(f"未找到页面 – {SITE_NAME}", main, body_class="error404")


# ====================================================================== legacy


class Legacy(Theme):
    """An old GB2312 portal: nested tables, no headings at all, 首页 &gt;&gt; crumb without a
    label, 发布日期/点击数/来源/作者 meta (author last), body as <br><br> text, 相关阅读 titles."""

    name = "legacy"

    def __init__(
        self,
        portal: Portal,
        host: str | None,
        encoding: str,
        date_format: str,
        body_style: str,
    ) -> None:
        super().__init__(portal, host, encoding, date_format, body_style)
        if encoding.lower() == "gb2312":
            self.charset = "gb2312"  # the label old pages declare; the bytes are GBK

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        menu = " | ".join(
            [f'<a href="{self.href("/")}" class="menu">网站首页</a>']
            + [
                f'<a href="{self.href(category_path(c.id))}" class="menu">{e(c.name)}</a>'
                for c in self.portal.categories
            ]
        )
        newest = "<br>\n".join(
            f'·<a href="{self.post(a)}" target="_blank" title="{e(a.title)}">{e(a.title[:16])}</a>'
            for a in self.newest[:8]
        )
        hot = "<br>\n".join(
            f'·<a href="{self.post(a)}" target="_blank" title="{e(a.title)}">{e(a.title[:16])}</a>'
            for a in self.hot()
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}">
<title>{e(title)}</title>
<meta name="keywords" content="溧阳厂房,溧阳厂房出租,溧阳土地,溧阳招商">
<meta name="description" content="{e(description or SITE_NAME)}">
<link href="{self.href("/css/style.css")}" rel="stylesheet" type="text/css">
<script language="JavaScript" src="{self.href("/js/menu.js")}"></script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="220" height="80"><a href="{self.href("/")}"><img src="{self.href("/images/logo.gif")}" width="220" height="80" border="0" alt="{SITE_NAME}"></a></td>
    <td width="558" align="right"><img src="{self.href("/images/banner.gif")}" width="468" height="60" border="0"></td>
  </tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#CC0000">
  <tr><td height="28" align="center" class="menu">{menu}</td></tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
  <tr>
    <td width="570" valign="top">
{main}
    </td>
    <td width="8"></td>
    <td width="200" valign="top" bgcolor="#F7F7F7">
      <table width="100%" border="0" cellspacing="0" cellpadding="4">
        <tr><td bgcolor="#E8E8E8"><b>最新信息</b></td></tr>
        <tr><td style="line-height:180%">{newest}</td></tr>
        <tr><td bgcolor="#E8E8E8"><b>热门点击</b></td></tr>
        <tr><td style="line-height:180%">{hot}</td></tr>
        <tr><td bgcolor="#E8E8E8"><b>联系我们</b></td></tr>
        <tr><td>招商热线：400-0123-021<br>手机：13391219793<br>地址：江苏省溧阳市</td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="1" bgcolor="#CC0000"></td></tr>
  <tr><td align="center" height="60" style="line-height:160%">版权所有 &copy; {SITE_NAME} 2008-2025 &nbsp;<a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a><br>
    招商热线：400-0123-021 &nbsp;建议使用IE6.0以上版本、1024*768分辨率浏览本站</td></tr>
</table>
</body>
</html>
"""

    def nav(self, *names: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.href("/")}">首页</a>']
        for text, href in names:
            parts.append(f'<a href="{href}">{e(text)}</a>' if href else e(text))
        return (
            '      <table width="100%" border="0" cellspacing="0" cellpadding="0">\n'
            f'        <tr><td class="nav" height="28">{" &gt;&gt; ".join(parts)}</td></tr>\n'
            "      </table>"
        )

    def listing_page(self, listing: Listing) -> str:
        rows = [
            f'        <tr><td height="24">·<a href="{self.post(a)}" target="_blank">{e(a.title)}'
            f'</a></td><td width="90" align="right">{php_date(a.published_at, "Y-m-d")}</td></tr>'
            for a in listing.articles
        ]
        if not rows:
            rows.append('        <tr><td colspan="2">暂无信息</td></tr>')
        crumb = self.nav((listing.crumb, None)) if listing.heading else self.nav(("最新信息", None))
        main = f"""{crumb}
      <table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
{chr(10).join(rows)}
        <tr><td colspan="2" align="center" height="30">{self.pagebar(listing)}</td></tr>
      </table>"""
        return self.layout(f"{listing.crumb or '最新信息'}-{SITE_NAME}", main)

    def pagebar(self, listing: Listing) -> str:
        p, n, pages = listing.path, listing.n, listing.pages
        first = f'<a href="{self.href(p(1))}">首页</a>' if n > 1 else "首页"
        prev = f'<a href="{self.href(p(n - 1))}">上一页</a>' if n > 1 else "上一页"
        nxt = f'<a href="{self.href(p(n + 1))}">下一页</a>' if n < pages else "下一页"
        last = f'<a href="{self.href(p(pages))}">尾页</a>' if n < pages else "尾页"
        return f"共{pages}页 第{n}页 {first} {prev} {nxt} {last}"

    def body_html(self, article: Article) -> str:
        chunks = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                chunks.append("&nbsp;&nbsp;&nbsp;&nbsp;原标题：" + e(lines[0]))
            elif kind == "p":
                chunks.append("&nbsp;&nbsp;&nbsp;&nbsp;" + e(lines[0]))
            elif kind == "contact":
                chunks.append(
                    "<br>".join(e(x) for x in lines)
                    + f'<br><img src="{self.qr()}" width="200" height="200" border="0">'
                )
            else:
                chunks.append("<br>".join(e(x) for x in lines))
        return "<br><br>\n".join(chunks)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return (
            f'        <tr><td bgcolor="#F7F7F7">网友：{e(name)} &nbsp;时间：{e(when)}</td></tr>\n'
            f"        <tr><td>{e(text)}</td></tr>\n"
        )

    def article_page(self, article: Article, special: str | None) -> str:
        body = "" if special == "no_body" else self.body_html(article)
        when = php_date(article.published_at + timedelta(days=2), "Y-m-d H:i:s")
        comments = "".join(self.comment_html(name, text, when) for name, text in article.comments)
        if special == "huge":
            image, giant = self.huge_filler(article)
            body += image
            comments += giant
        related = ""
        if article.related_ids:
            links = "<br>\n".join(
                f'<a href="{self.post(r)}" target="_blank">{e(r.title)}</a>'
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = f"        <tr><td><b>相关阅读：</b><br>\n{links}</td></tr>\n"
        feedback = (
            '        <tr><td height="25" bgcolor="#E8E8E8"><b>网友评论</b></td></tr>\n' + comments
            if comments
            else ""
        )
        main = f"""{self.nav((self.cat_name(article), self.cat_href(article)), ("正文", None))}
      <table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
        <tr><td height="50" align="center"><font size="4" color="#cc0000"><b>{e(article.title)}</b></font></td></tr>
        <tr><td align="center" height="25" bgcolor="#F7F7F7">发布日期：{e(self.date(article))} &nbsp;&nbsp;点击数：{article.views} &nbsp;&nbsp;来源：{SITE_NAME} &nbsp;&nbsp;作者：{e(article.author)}</td></tr>
        <tr><td height="10"></td></tr>
        <tr><td class="content" style="font-size:14px;line-height:200%">{body}</td></tr>
        <tr><td height="10"></td></tr>
{related}        <tr><td align="right" height="30">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
{feedback}      </table>"""
        return self.layout(
            f"{article.title}-{SITE_NAME}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f"""{self.nav(("错误", None))}
      <table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
        <tr><td height="200" align="center"><font size="4" color="#cc0000"><b>对不起，您访问的信息不存在或已被删除！</b></font><br><br><a href="javascript:history.back()">返回上一页</a> | <a href="{self.href("/")}">返回首页</a></td></tr>
      </table>"""
        return self.layout(f"信息不存在-{SITE_NAME}", main)


THEMES: dict[str, type[Theme]] = {
    "tpure": Tpure,
    "table": Table,
    "html5": Html5,
    "cms": Cms,
    "mobile": Mobile,
    "wordpress": Wordpress,
    "legacy": Legacy,
}

SERVER_ERROR = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Z-BlogPHP 错误提示</title></head>
<body><div class="divHeader">错误提示</div>
<p>数据库连接失败 (Error 500)</p><p>文件：zb_system/function/lib/database/mysqli.php</p>
</body></html>
"""


def break_markup(html: str) -> str:
    """Unclosed tags and stray closers, as hand-edited or truncated templates have."""
    for closer in ("</p>", "</li>", "</dd>"):
        html = html.replace(closer, "", 40)
    for marker in ("</h1>", "</h2>", '<font size="3">'):
        html = html.replace(marker, marker + "</div></td></div><b>", 1)
    return html.replace("</body>", "").replace("</html>", "")


def render_site(
    portal: Portal,
    markup: str = "tpure",
    *,
    absolute_links_host: str | None = LIVE_HOST,
    encoding: str | None = None,
    specials: dict[int, str] | None = None,
    date_format: str | None = None,
    punct: str = "full",
    body_style: str = "p",
) -> dict[str, Page]:
    """Every page of the site: {path (with query if any): Page}, plus NOT_FOUND's themed 404.

    encoding: the bytes' encoding (default: the markup's own, see model.MARKUP_ENCODING);
    date_format: "relative" or one of model.ABSOLUTE_FORMATS (default: the markup's own);
    punct="ascii" renders the portal with ASCII ：，（）；！？ everywhere (see model.ascii_portal);
    body_style="br" renders tpure article bodies as <br>-separated text inside div.single;
    specials: {article_id: "broken"|"no_body"|"empty"|"404"|"500"|"status"|"huge"}.
    """
    if markup not in THEMES:
        raise ValueError(f"unknown markup {markup!r}; one of {MARKUPS}")
    specials = dict(specials or {})
    for article_id, special in specials.items():
        if special not in SPECIALS:
            raise ValueError(f"unknown special {special!r} for {article_id}")
        portal.article(article_id)
    if punct == "ascii":
        portal = ascii_portal(portal)
    encoding = encoding or MARKUP_ENCODING.get(markup, "utf-8")
    theme = THEMES[markup](
        portal, absolute_links_host, encoding, date_format or MARKUP_DATE_FORMAT[markup], body_style
    )
    ctype = f"text/html; charset={theme.charset}"

    def page(html: str, status: int = 200) -> Page:
        if punct == "ascii":
            html = to_ascii(html)
        return Page(status, html.encode(codec(theme.charset), errors="xmlcharrefreplace"), ctype)

    site: dict[str, Page] = {"/robots.txt": Page(200, ROBOTS.encode(), "text/plain")}
    for listing in theme.listings():
        site[listing.path(listing.n)] = page(theme.listing_page(listing))
    not_found = page(theme.error_page(), 404)
    site[NOT_FOUND] = not_found
    for article in portal.articles:
        special = specials.get(article.id)
        path = post_path(article.id)
        if special in ("404", "status"):
            site[path] = not_found
        elif special == "500":
            site[path] = Page(500, SERVER_ERROR.encode(), "text/html; charset=utf-8")
        elif special == "empty":
            site[path] = Page(200, b"", ctype)
        else:
            html = theme.article_page(article, special)
            if special == "broken":
                html = break_markup(html)
            site[path] = page(html)
    return site


def render_article(portal: Portal, article_id: int, markup: str = "tpure", **options) -> Page:
    """One article page (options as for `render_site`)."""
    return render_site(portal, markup, **options)[post_path(article_id)]

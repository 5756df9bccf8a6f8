"""The inhouse markup: `Inhouse`."""

from __future__ import annotations

import base64
import random

from ..model import ATTRIBUTION, SHANGHAI, Article, php_date
from ..theme import HUGE_BYTES, Listing, Theme, e

ABOUT_PATH = "/About/Index"
CONTACT_PATH = "/About/Contact"
ABOUT_TITLE = "园区概况"
CONTACT_TITLE = "联系我们"

ABOUT_TEXT = (
    "句容经济开发区成立于1992年，2006年经江苏省人民政府批准为省级经济开发区，规划面积"
    "36.8平方公里，地处宁镇扬同城化核心区域，西距南京主城区35公里，距南京禄口国际机场"
    "40公里，沪宁高速、宁杭高速、243省道穿境而过，区位优势明显，交通便捷。",
    "开发区坚持“产业强区、项目兴区”战略，重点发展新能源、高端装备制造、新材料三大主导"
    "产业，现有工业企业四百余家，其中规模以上工业企业一百二十余家，已形成较为完善的产业"
    "配套体系。区内建有标准厂房、人才公寓、邻里中心等配套设施，水、电、气、污水处理、"
    "通信等基础设施实现“九通一平”。",
    "近年来，开发区先后获评江苏省新型工业化产业示范基地、江苏省生态工业园区、江苏省"
    "知识产权示范园区等称号。管委会设立招商局、经济发展局、规划建设局、综合服务局等"
    "职能部门，为入区企业提供从项目洽谈、注册登记到施工许可、竣工投产的全程代办服务。",
    "开发区热忱欢迎海内外客商前来投资兴业，共谋发展！",
)
"""What the 园区概况 page says (the site's own furniture, written for this replay)."""

YSOD_404 = """<!DOCTYPE html>
<html>
    <head>
        <title>无法找到资源。</title>
        <meta name="viewport" content="width=device-width" />
        <style>
         body {font-family:"Verdana";font-weight:normal;font-size: .7em;color:black;}
         H1 { font-family:"Verdana";font-weight:normal;font-size:18pt;color:red }
         H2 { font-family:"Verdana";font-weight:normal;font-size:14pt;color:maroon }
        </style>
    </head>

    <body bgcolor="white">

            <span><H1>“/”应用程序中的服务器错误。<hr width=100% size=1 color=silver></H1>

            <h2> <i>无法找到资源。</i> </h2></span>

            <font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif ">

            <b> 说明: </b>HTTP 404。您正在查找的资源(或者它的一个依赖项)可能已被移除，或其名称已更改，或暂时不可用。请检查以下 URL 并确保其拼写正确。
            <br><br>

            <hr width=100% size=1 color=silver>

            <b>版本信息:</b>&nbsp;Microsoft .NET Framework 版本:4.0.30319; ASP.NET 版本:4.0.30319.36415

            </font>

    </body>
</html>
"""
"""The 404 ASP.NET answers with when the site sets no custom error page."""


ON = ' class="on"'
CUR = ' class="cur"'


def short(title: str, limit: int) -> str:
    """A title cut to fit a fixed-width column, as the site's templates cut them."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


class Inhouse(Theme):
    """A 2010s in-house ASP.NET MVC site of a development zone's 招商局: top bar, banner with
    the hotline, a nav menu naming the sections, 您现在的位置：首页 > 栏目 > 正文, title in h2,
    the 发布时间/来源/作者/点击数 line, an editor's body in div#fontzoom, 【打印本页】【关闭窗口】,
    上一篇/下一篇 within the section, 相关信息 (titles and dates, no excerpts), a footer with
    address, ICP and a visitor counter. Root-relative links; no comments.

    Listings show each entry's title with its date beside it in a span, and an MvcPager-style
    pager (首页 上一页 1 2 下一页 尾页, page links ?pageIndex=n); the home page has blocks of
    the newest entries of each section. The menu also links two single pages (园区概况,
    联系我们) with no date: `extra_pages`."""

    name = "inhouse"
    home_title_chars = 24
    list_title_chars = 40

    # ---- frame
    def menu(self, current: str) -> str:
        items = [("网站首页", "/"), (ABOUT_TITLE, ABOUT_PATH)]
        items += [(c.name, self.category_path(c.id)) for c in self.portal.categories]
        items.append((CONTACT_TITLE, CONTACT_PATH))
        return "\n".join(
            f"      <li{ON if name == current else ''}>"
            f'<a href="{self.href(path)}">{e(name)}</a></li>'
            for name, path in items
        )

    def layout(
        self, title: str, main: str, *, description: str = "", current: str = "网站首页"
    ) -> str:
        site = self.site
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}" />
<title>{e(title)}</title>
<meta name="keywords" content="{e(site.city)}经济开发区,{e(site.city)}招商,{e(site.city)}投资,{e(site.city)}厂房" />
<meta name="description" content="{e(description or site.name)}" />
<link href="{self.href("/Content/css/common.css")}" rel="stylesheet" type="text/css" />
<link href="{self.href("/Content/css/style.css?v=20160318")}" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="{self.href("/Scripts/jquery-1.8.2.min.js")}"></script>
<script type="text/javascript" src="{self.href("/Scripts/jquery.SuperSlide.2.1.1.js")}"></script>
<script type="text/javascript" src="{self.href("/Scripts/common.js")}"></script>
</head>
<body>
<div class="top">
  <div class="wrap">
    <span class="fl">欢迎访问{e(site.name)}！今天是：<script type="text/javascript">showDate();</script></span>
    <span class="fr"><a href="javascript:void(0);" onclick="SetHome(this,window.location);">设为首页</a> | <a href="javascript:void(0);" onclick="AddFavorite(window.location,document.title);">加入收藏</a> | <a href="{self.href(CONTACT_PATH)}">联系我们</a></span>
  </div>
</div>
<div class="header">
  <div class="wrap">
    <div class="logo"><a href="{self.href("/")}"><img src="{self.href("/Content/images/logo.png")}" alt="{e(site.name)}" /></a></div>
    <div class="hotline">招商热线：<b>{e(site.hotline)}</b></div>
  </div>
</div>
<div class="menu">
  <div class="wrap">
    <ul>
{self.menu(current)}
    </ul>
    <div class="search">
      <form action="{self.href("/Search/Index")}" method="get">
        <input type="text" name="keyword" class="txt" value="请输入关键字" onfocus="if(this.value=='请输入关键字')this.value='';" />
        <input type="submit" class="btn" value="" />
      </form>
    </div>
  </div>
</div>
<div class="banner"><img src="{self.href("/UploadFiles/banner/ny_banner.jpg")}" width="1000" height="200" alt="" /></div>
{main}
<div class="links">
  <div class="wrap">
    <span>友情链接：</span>
    <a href="http://www.jiangsu.gov.cn/" target="_blank">江苏省人民政府</a>
    <a href="http://www.zhenjiang.gov.cn/" target="_blank">镇江市人民政府</a>
    <a href="http://www.jurong.gov.cn/" target="_blank">句容市人民政府</a>
    <a href="http://swt.jiangsu.gov.cn/" target="_blank">江苏省商务厅</a>
  </div>
</div>
<div class="footer">
  <div class="wrap">
    <p>{e(site.copyright)}</p>
    <p>地址：{e(site.address)} &nbsp;&nbsp;招商热线：{e(site.hotline)} &nbsp;&nbsp;传真：0511-87289988 &nbsp;&nbsp;邮编：212400</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank">{e(site.icp)}</a> &nbsp;&nbsp;技术支持：镇江天衡网络科技有限公司 &nbsp;&nbsp;您是本站第<span id="counter">{1_283_000 + len(self.portal.articles) * 37}</span>位访客</p>
  </div>
</div>
</body>
</html>
"""

    def location(self, *crumbs: tuple[str, str | None]) -> str:
        """您现在的位置：首页 > … (text, href or None for plain text)."""
        parts = [f'<a href="{self.href("/")}">首页</a>']
        parts += [f'<a href="{href}">{e(text)}</a>' if href else e(text) for text, href in crumbs]
        return f'<div class="location">您现在的位置：{" &gt; ".join(parts)}</div>'

    def sidebar(self, current: int | None) -> str:
        items = "".join(
            f"<li{CUR if c.id == current else ''}>"
            f'<a href="{self.href(self.category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        return f"""  <div class="side">
    <div class="side-title"><h3>新闻中心</h3><span>NEWS CENTER</span></div>
    <ul class="side-menu">{items}</ul>
    <div class="side-contact">
      <div class="side-title"><h3>联系我们</h3><span>CONTACT US</span></div>
      <p>招商热线：{e(self.site.hotline)}</p>
      <p>手机：{e(self.site.mobile)}</p>
      <p>地址：{e(self.site.address)}</p>
    </div>
  </div>"""

    # ---- listings
    def listing_page(self, listing: Listing) -> str:
        if not listing.heading:
            return self.home_page()
        category = next(c for c in self.portal.categories if c.name == listing.crumb)
        rows = [
            f'      <li><a href="{self.post(a)}" target="_blank" title="{e(a.title)}">'
            f"{e(short(a.title, self.list_title_chars))}</a>"
            f"<span>{php_date(a.published_at, 'Y-m-d')}</span></li>"
            for a in listing.articles
        ]
        if not rows:
            rows.append('      <li class="nodata">暂无信息！</li>')
        here = self.href(self.category_path(category.id))
        main = f"""<div class="wrap clearfix">
{self.sidebar(category.id)}
  <div class="main">
    <div class="main-title"><h3>{e(category.name)}</h3>{self.location((category.name, here))}</div>
    <ul class="news-list">
{chr(10).join(rows)}
    </ul>
    {self.pager(listing)}
  </div>
</div>"""
        return self.layout(f"{category.name}-{self.site.name}", main, current=category.name)

    def pager(self, listing: Listing) -> str:
        """MvcPager's output: every page linked by its ?pageIndex, page 1 too."""
        n, pages = listing.n, listing.pages
        base = listing.path(1)

        def url(k: int) -> str:
            return self.href(f"{base}?pageIndex={k}")

        parts = [
            f'<a href="{url(1)}">首页</a>' if n > 1 else '<a disabled="disabled">首页</a>',
            f'<a href="{url(n - 1)}">上一页</a>' if n > 1 else '<a disabled="disabled">上一页</a>',
        ]
        for k in self.page_numbers(listing):
            parts.append(
                f'<span class="cpb">{k}</span>' if k == n else f'<a href="{url(k)}">{k}</a>'
            )
        parts += [
            f'<a href="{url(n + 1)}">下一页</a>'
            if n < pages
            else '<a disabled="disabled">下一页</a>',
            f'<a href="{url(pages)}">尾页</a>' if n < pages else '<a disabled="disabled">尾页</a>',
        ]
        count = sum(
            1
            for a in self.portal.articles
            if self.portal.category(a.category_id).name == listing.crumb
        )
        return (
            f'<div class="pager">共{count}条记录&nbsp;&nbsp;当前第{n}/{pages}页&nbsp;&nbsp;'
            f"{'&nbsp;'.join(parts)}</div>"
        )

    def home_page(self) -> str:
        lead = self.newest[0] if self.newest else None
        focus = ""
        if lead is not None:
            focus = (
                f'<div class="focus"><div class="bd"><ul><li><a href="{self.post(lead)}" '
                f'target="_blank"><img src="{self.thumb(lead)}" width="360" height="240" '
                f'alt="{e(lead.title)}" /></a></li></ul></div>'
                f'<div class="tit"><a href="{self.post(lead)}" target="_blank">'
                f"{e(short(lead.title, 22))}</a></div></div>"
            )
        blocks = []
        for k, c in enumerate(self.portal.categories):
            items = [a for a in self.newest if a.category_id == c.id][:6]
            if k == 0:
                rows = "".join(
                    f'<li><a href="{self.post(a)}" target="_blank" title="{e(a.title)}">'
                    f"{e(short(a.title, self.home_title_chars))}</a>"
                    f"<span>{php_date(a.published_at, 'Y-m-d')}</span></li>"
                    for a in items
                )
            else:
                rows = "".join(
                    f"<li><span>[{php_date(a.published_at, 'm-d')}]</span>"
                    f'<a href="{self.post(a)}" target="_blank" title="{e(a.title)}">'
                    f"{e(short(a.title, self.home_title_chars))}</a></li>"
                    for a in items
                )
            blocks.append(
                f'<div class="index-news index-news{k + 1}"><div class="index-title">'
                f"<h3>{e(c.name)}</h3>"
                f'<a href="{self.href(self.category_path(c.id))}" class="more">更多&gt;&gt;</a>'
                f"</div><ul>{rows}</ul></div>"
            )
        about = (
            '<div class="index-about"><div class="index-title"><h3>园区概况</h3>'
            f'<a href="{self.href(ABOUT_PATH)}" class="more">详细&gt;&gt;</a></div>'
            f'<p><img src="{self.href("/Content/images/about.jpg")}" width="120" height="90" '
            f'alt="" />{e(ABOUT_TEXT[0][:86])}…<a href="{self.href(ABOUT_PATH)}">[详细]</a></p>'
            "</div>"
        )
        main = f"""<div class="wrap clearfix index-top">
  {focus}
  {blocks[0] if blocks else ""}
</div>
<div class="wrap clearfix index-mid">
  {"".join(blocks[1:])}
  {about}
  <div class="index-service"><div class="index-title"><h3>投资服务</h3></div>
    <ul>
      <li><a href="http://www.jszwfw.gov.cn/" target="_blank">江苏政务服务网</a></li>
      <li><a href="{self.href(CONTACT_PATH)}">招商热线：{e(self.site.hotline)}</a></li>
    </ul>
  </div>
</div>"""
        return self.layout(self.site.name, main)

    # ---- single pages (no date: not articles)
    def single_page(self, title: str, paragraphs: tuple[str, ...]) -> str:
        body = "\n".join(f'<p style="text-indent:2em;">{e(p)}</p>' for p in paragraphs)
        main = f"""<div class="wrap clearfix">
{self.sidebar(None)}
  <div class="main">
    <div class="main-title"><h3>{e(title)}</h3>{self.location((title, None))}</div>
    <div class="page-content">
{body}
    </div>
  </div>
</div>"""
        return self.layout(f"{title}-{self.site.name}", main, current=title)

    def extra_pages(self) -> dict[str, str]:
        """{path: html} of the menu's pages that are not news: 园区概况 and 联系我们."""
        site = self.site
        contact = (
            f"{site.name}（{site.city}经济开发区管委会招商局）",
            f"地址：{site.address}开发区管委会大楼3楼",
            f"招商热线：{site.hotline} 87281688 传真：0511-87289988",
            f"联系人：刘科长 手机：{site.mobile}",
            f"电子邮箱：zsj@{site.netloc.removeprefix('zs.')}",
        )
        return {
            ABOUT_PATH: self.single_page(ABOUT_TITLE, ABOUT_TEXT),
            CONTACT_PATH: self.single_page(CONTACT_TITLE, contact),
        }

    # ---- articles
    def upload(self, article: Article) -> str:
        """The path of the article's uploaded picture."""
        day = article.published_at.astimezone(SHANGHAI)
        return f"/UploadFiles/Image/{day:%Y/%m/%d}/{day:%Y%m%d%H%M%S}_{article.id % 997}.jpg"

    def thumb(self, article: Article) -> str:
        return self.href(self.upload(article))

    def huge_filler(self, article: Article) -> tuple[str, str]:
        """A picture pasted inline as base64 (about 5 MB): no comments to fill the page with."""
        rng = random.Random(article.id)
        data = base64.b64encode(rng.randbytes(HUGE_BYTES * 3 // 4)).decode("ascii")
        return f'<p><img src="data:image/jpeg;base64,{data}" alt="" /></p>', ""

    def image(self, article: Article) -> str:
        path = self.upload(article)
        return (
            f'<p style="text-align:center;"><img src="{self.href(path)}" border="0" '
            'style="width:600px;" alt="" /></p>'
        )

    def body_html(self, article: Article) -> str:
        word_paste = article.id % 3 == 0  # pasted from Word: full-width spaces indent
        out = []
        pictured = article.id % 2 == 0
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(
                    f'<p style="text-align:center;"><strong>原标题：{e(lines[0])}</strong></p>'
                )
            elif kind == "p":
                text = lines[0]
                if ATTRIBUTION.match(text):
                    out.append(f'<p style="text-align:right;">{e(text)}</p>')
                elif word_paste:
                    out.append(f"<p>\u3000\u3000{e(text)}</p>")
                else:
                    out.append(
                        '<p style="text-indent:2em;line-height:2em;">'
                        f'<span style="font-family:宋体;font-size:16px;">{e(text)}</span></p>'
                    )
                if pictured:
                    out.append(self.image(article))
                    pictured = False
            elif len(lines) == 1 and lines[0].startswith("【"):
                out.append(f'<p style="text-align:center;">{e(lines[0])}</p>')
            else:
                out.append(f"<p>{'<br />'.join(e(x) for x in lines)}</p>")
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return ""  # the site takes no comments

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(上一篇, 下一篇): the newer and the older article of the same section."""
        same = [a for a in self.newest if a.category_id == article.category_id]
        k = same.index(article)
        return (same[k - 1] if k else None, same[k + 1] if k + 1 < len(same) else None)

    def article_page(self, article: Article, special: str | None) -> str:
        body, _ = self.body_and_comments(article, special)
        category = self.portal.category(article.category_id)
        newer, older = self.neighbours(article)
        prev_link = (
            f'<a href="{self.post(newer)}" title="{e(newer.title)}">{e(newer.title)}</a>'
            if newer
            else "没有了"
        )
        next_link = (
            f'<a href="{self.post(older)}" title="{e(older.title)}">{e(older.title)}</a>'
            if older
            else "没有了"
        )
        related = ""
        if article.related_ids:
            rows = "".join(
                f'<li><a href="{self.post(r)}" target="_blank" title="{e(r.title)}">'
                f"{e(r.title)}</a><span>{php_date(r.published_at, 'Y-m-d')}</span></li>"
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = (
                '<div class="related"><div class="related-title"><h4>相关信息</h4></div>'
                f"<ul>{rows}</ul></div>"
            )
        here = self.href(self.category_path(category.id))
        main = f"""<div class="wrap clearfix">
{self.sidebar(category.id)}
  <div class="main">
    <div class="main-title"><h3>{e(category.name)}</h3>{self.location((category.name, here), ("正文", None))}</div>
    <div class="article">
      <h2 class="art-title">{e(article.title)}</h2>
      <div class="art-info">发布时间：{e(self.date(article))}&nbsp;&nbsp;&nbsp;来源：{e(self.site.source)}&nbsp;&nbsp;&nbsp;作者：{e(article.author)}&nbsp;&nbsp;&nbsp;点击数：<span id="hits">{article.views}</span>&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:fontZoom(18);">大</a> <a href="javascript:fontZoom(16);">中</a> <a href="javascript:fontZoom(14);">小</a>】</div>
      <div class="art-content" id="fontzoom">
{body}
      </div>
      <div class="art-tools">【<a href="javascript:window.print();">打印本页</a>】&nbsp;【<a href="javascript:window.close();">关闭窗口</a>】</div>
      <div class="art-page">
        <p>上一篇：{prev_link}</p>
        <p>下一篇：{next_link}</p>
      </div>
      {related}
    </div>
  </div>
</div>"""
        return self.layout(
            f"{article.title}-{category.name}-{self.site.name}",
            main,
            description=self.describe(article, special),
            current=category.name,
        )

    def error_page(self) -> str:
        return YSOD_404

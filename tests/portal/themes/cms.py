"""The cms markup: `Cms`."""

from __future__ import annotations

from ..model import Article, excerpt, php_date
from ..theme import Listing, Theme, e


class Cms(Theme):
    """A DedeCMS/PHPCMS government-news layout: sidebar first, labelled meta (date first), GBK."""

    name = "cms"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(self.category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f"<li><span>{php_date(a.published_at, 'm-d')}</span>"
            f'<a href="{self.post(a)}" title="{e(a.title)}" target="_blank">{e(a.title)}</a></li>'
            for a in self.newest[:8]
        )
        hot = "".join(
            f"<li><span>{php_date(a.published_at, 'm-d')}</span>"
            f'<a href="{self.hot_post(a)}" title="{e(a.title)}" target="_blank">{e(a.title)}</a></li>'
            for a in self.hot()
        )
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}" />
<title>{e(title)}</title>
<meta name="keywords" content="{self.site.city}厂房,{self.site.city}招商,{self.site.city}土地" />
<meta name="description" content="{e(description or self.site.name)}" />
<link href="{self.href("/templets/default/style/dedecms.css")}" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="{self.href("/include/dedeajax2.js")}"></script>
</head>
<body class="articleview">
<div class="top w960 center">
  <div class="toplogo"><a href="{self.href("/")}"><img src="{self.href("/templets/default/images/logo.gif")}" alt="{self.site.name}" /></a></div>
  <div class="topdate">欢迎访问{self.site.name}！ <a href="{self.href("/member/")}">会员中心</a> | <a href="{self.href("/data/rss/1.xml")}">RSS订阅</a></div>
</div>
<div class="nav w960 center"><ul><li class="hover"><a href="{self.href("/")}">网站首页</a></li>{nav}</ul></div>
<div class="w960 center clear mt1">
  <div class="left">
    <div class="sbox"><div class="hd"><strong>最新文章</strong></div><ul class="d1">{newest}</ul></div>
    <div class="sbox"><div class="hd"><strong>热门文章</strong></div><ul class="d1">{hot}</ul></div>
    <div class="sbox"><div class="hd"><strong>联系我们</strong></div><div class="bd">热线：{self.site.hotline}<br />地址：{self.site.address}</div></div>
  </div>
  <div class="right">
{main}
  </div>
</div>
<div class="footer w960 center mt1 clear">
  <div class="footer_left"></div>
  <div class="footer_body">
    <p class="powered">Copyright &copy; 2018-2025 {self.site.name} 版权所有 技术支持：DedeCMS</p>
    <p class="copyright"><a href="https://beian.miit.gov.cn/" target="_blank">{self.site.icp}</a> 客服热线：{self.site.hotline}</p>
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
        return self.layout(f"{title}_{self.site.name}", main)

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
        body, comments = self.body_and_comments(article, special)
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
      <div class="info">发布时间：{e(self.date(article))} &nbsp;来源：{e(self.site.source)} &nbsp;作者：{e(article.author)} &nbsp;浏览次数：<span id="hits">{article.views}</span></div>
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
            f"{article.title}_{self.cat_name(article)}_{self.site.name}",
            main,
            description=self.describe(article, special),
        )

    def error_page(self) -> str:
        main = f"""    {self.position(("404", None))}
    <div class="viewbox"><div class="title"><h2>404 页面不存在</h2></div>
    <p>对不起，您访问的页面不存在或已被删除。<a href="{self.href("/")}">返回首页</a></p></div>"""
        return self.layout(f"404_{self.site.name}", main)

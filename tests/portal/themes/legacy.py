"""The legacy markup: `Legacy`."""

from __future__ import annotations

from datetime import timedelta

from ..model import Article, php_date
from ..theme import Listing, Theme, e


class Legacy(Theme):
    """An old GB2312 portal: nested tables, no headings at all, 首页 &gt;&gt; crumb without a
    label, 发布日期/点击数/来源/作者 meta (author last), body as <br><br> text, 相关阅读 titles."""

    name = "legacy"

    declares_gb2312 = True  # the label old pages declare; the bytes are GBK

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        menu = " | ".join(
            [f'<a href="{self.href("/")}" class="menu">网站首页</a>']
            + [
                f'<a href="{self.href(self.category_path(c.id))}" class="menu">{e(c.name)}</a>'
                for c in self.portal.categories
            ]
        )
        newest = "<br>\n".join(
            f'·<a href="{self.post(a)}" target="_blank" title="{e(a.title)}">{e(a.title[:16])}</a>'
            for a in self.newest[:8]
        )
        hot = "<br>\n".join(
            f'·<a href="{self.hot_post(a)}" target="_blank" title="{e(a.title)}">{e(a.title[:16])}</a>'
            for a in self.hot()
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}">
<title>{e(title)}</title>
<meta name="keywords" content="{self.site.city}厂房,{self.site.city}厂房出租,{self.site.city}土地,{self.site.city}招商">
<meta name="description" content="{e(description or self.site.name)}">
<link href="{self.href("/css/style.css")}" rel="stylesheet" type="text/css">
<script language="JavaScript" src="{self.href("/js/menu.js")}"></script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="220" height="80"><a href="{self.href("/")}"><img src="{self.href("/images/logo.gif")}" width="220" height="80" border="0" alt="{self.site.name}"></a></td>
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
        <tr><td>招商热线：{self.site.hotline}<br>手机：{self.site.mobile}<br>地址：{self.site.region}</td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="1" bgcolor="#CC0000"></td></tr>
  <tr><td align="center" height="60" style="line-height:160%">版权所有 &copy; {self.site.name} 2008-2025 &nbsp;<a href="https://beian.miit.gov.cn/" target="_blank">{self.site.icp}</a><br>
    招商热线：{self.site.hotline} &nbsp;建议使用IE6.0以上版本、1024*768分辨率浏览本站</td></tr>
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
        return self.layout(f"{listing.crumb or '最新信息'}-{self.site.name}", main)

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

    def comment_when(self, article: Article, k: int) -> str:
        return php_date(article.published_at + timedelta(days=2), "Y-m-d H:i:s")

    def article_page(self, article: Article, special: str | None) -> str:
        body, comments = self.body_and_comments(article, special)
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
        <tr><td align="center" height="25" bgcolor="#F7F7F7">发布日期：{e(self.date(article))} &nbsp;&nbsp;点击数：{article.views} &nbsp;&nbsp;来源：{self.site.name} &nbsp;&nbsp;作者：{e(article.author)}</td></tr>
        <tr><td height="10"></td></tr>
        <tr><td class="content" style="font-size:14px;line-height:200%">{body}</td></tr>
        <tr><td height="10"></td></tr>
{related}        <tr><td align="right" height="30">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
{feedback}      </table>"""
        return self.layout(
            f"{article.title}-{self.site.name}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f"""{self.nav(("错误", None))}
      <table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
        <tr><td height="200" align="center"><font size="4" color="#cc0000"><b>对不起，您访问的信息不存在或已被删除！</b></font><br><br><a href="javascript:history.back()">返回上一页</a> | <a href="{self.href("/")}">返回首页</a></td></tr>
      </table>"""
        return self.layout(f"信息不存在-{self.site.name}", main)

"""The table markup: `Table`."""

from __future__ import annotations

from ..model import Article, excerpt, to_ascii
from ..theme import Listing, Theme, e


class Table(Theme):
    """An old table layout: nested tables, <font>, <br> text, ASCII punctuation."""

    name = "table"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = " | ".join(
            [f'<a href="{self.href("/")}"><font color="#ffffff">首页</font></a>']
            + [
                f'<a href="{self.href(self.category_path(c.id))}"><font color="#ffffff">{e(c.name)}'
                "</font></a>"
                for c in self.portal.categories
            ]
        )
        newest = "<br>\n".join(
            f'·<a href="{self.post(a)}">{e(a.title)}</a>' for a in self.newest[:6]
        )
        hot = "<br>\n".join(
            f'{k}. <a href="{self.hot_post(a)}">{e(a.title)}</a>'
            for k, a in enumerate(self.hot(), 1)
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}">
<title>{e(title)}</title>
<meta name="description" content="{e(description or self.site.name)}">
<link href="{self.href("/zb_users/theme/default/style/default.css")}" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0" class="t1">
  <tr><td height="80" class="t1"><font face="黑体" size="6" color="#003399"><b>{self.site.name}</b></font> <font size="2">{self.site.netloc}</font></td></tr>
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
  <tr><td align="center" bgcolor="#eeeeee" class="t9"><font size="2">Copyright (c) {self.site.name} All Rights Reserved. <a href="https://beian.miit.gov.cn/">{self.site.icp}</a><br>客服热线: {self.site.hotline}</font></td></tr>
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
        title = (listing.heading or self.site.name) + (f"_第{listing.n}页" if listing.n > 1 else "")
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
        body, comments = self.body_and_comments(article, special)
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
            f'<a href="{self.href(self.tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.linked_tags
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
            <tr><td><font size="2" color="#666666">{to_ascii(self.site.copyright)}</font></td></tr>
            <tr><td><font size="2">标签: {tags}</font></td></tr>
            <tr><td><font size="2">分享给朋友: <a href="#">微信</a> <a href="#">QQ空间</a> <a href="#">微博</a></font></td></tr>
            <tr><td class="t7"><font size="2">{prev_next}</font></td></tr>
            {related}
            <tr><td class="t8"><b>网友评论</b></td></tr>
            {comments}
            <tr><td><form method="post" action="{self.href("/zb_system/cmd.php?act=cmt&postid=" + str(article.id))}"><textarea name="txaArticle" cols="60" rows="4"></textarea><br><input type="submit" value="发表评论"></form></td></tr>
          </table>"""
        return self.layout(
            f"{article.title}_{self.site.name}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f"""          <table width="100%"><tr><td align="center" height="300"><font size="5">404 Not Found</font><br>
          对不起, 您访问的页面不存在! <a href="{self.href("/")}">返回首页</a></td></tr></table>"""
        return self.layout(f"404_{self.site.name}", main)

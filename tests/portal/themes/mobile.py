"""The mobile markup: `Mobile`."""

from __future__ import annotations

from ..model import Article, excerpt
from ..theme import Listing, e
from .tpure import Tpure


class Mobile(Tpure):
    """The tpure theme as a phone gets it: no sidebar, crumb in <header>, div.meta, mobile bugs."""

    name = "mobile"

    def layout(self, title: str, main: str, *, description: str = "", crumb: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(self.category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">
<meta name="applicable-device" content="mobile">
<title>{e(title)}</title>
<meta name="description" content="{e(description or self.site.name)}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/style.css?v=5.0.6")}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/iconfont.css")}">
<style>@media (max-width:768px){{.datetime{{display:none}}.sidebar{{display:none}}}}</style>
</head>
<body class="tpure mobile">
<header class="header">
  <div class="mhead">
    <a class="menuico" href="javascript:;" aria-label="菜单"><span></span><span></span><span></span></a>
    <div class="logo"><a href="{self.href("/")}"><img src="{self.href("/zb_users/theme/tpure/style/images/logo.svg")}" alt="{self.site.name}"></a></div>
    <a class="schico" href="{self.href("/zb_system/cmd.php?act=search")}" aria-label="搜索"><i class="iconfont icon-search"></i></a>
  </div>
  <nav class="mnav" style="display:none"><ul><li><a href="{self.href("/")}">首页</a></li>{nav}</ul></nav>
  {crumb}
</header>
<div class="main">
{main}
</div>
<footer class="footer">
  <p>Copyright © 2018-2025 {self.site.name} <a href="https://beian.miit.gov.cn/" rel="nofollow">{self.site.icp}</a></p>
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
            f"{listing.heading or self.site.name}"
            + (f"_第{listing.n}页" if listing.n > 1 else "")
            + ("" if not listing.heading else f" - {self.site.name}")
        )
        return self.layout(title, main, crumb=crumb)

    def article_page(self, article: Article, special: str | None) -> str:
        body, comments = self.body_and_comments(article, special)
        older, newer = self.prev_next(article)
        pages = []
        if older:
            pages.append(f'<p>上一篇：<a href="{self.post(older)}">{e(older.title)}</a></p>')
        if newer:
            pages.append(f'<p>下一篇：<a href="{self.post(newer)}">{e(newer.title)}</a></p>')
        tags = "".join(
            f'<a href="{self.href(self.tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.linked_tags
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
    <div class="copynotice"><p>{self.site.copyright}</p></div>
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
            f"{article.title} - {self.site.name}",
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
        return self.layout(f"404错误 - {self.site.name}", main)

"""The html5 markup: `Html5`."""

from __future__ import annotations

from ..model import SHANGHAI, Article, excerpt
from ..theme import Listing, Theme, e


class Html5(Theme):
    """Semantic HTML5: <main>, <article>, <time>, breadcrumb <ol>, run-together meta text."""

    name = "html5"

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.href(self.category_path(c.id))}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f'<li><a href="{self.post(a)}">{e(a.title)}</a></li>' for a in self.newest[:6]
        )
        hot = "".join(f'<li><a href="{self.hot_post(a)}">{e(a.title)}</a></li>' for a in self.hot())
        return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(description or self.site.name)}">
<link rel="stylesheet" href="{self.href("/zb_users/theme/html5/style.css")}">
</head>
<body>
<header class="site-header">
  <a class="brand" href="{self.href("/")}">{self.site.name}</a>
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
<footer class="site-footer"><small>© 2018–2025 {self.site.name} · <a href="https://beian.miit.gov.cn/">{self.site.icp}</a></small></footer>
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
        title = (listing.heading or self.site.name) + (
            f" – 第{listing.n}页" if listing.n > 1 else ""
        )
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
        body, comments = self.body_and_comments(article, special)
        older, newer = self.prev_next(article)
        nav = []
        if older:
            nav.append(f'<a rel="prev" href="{self.post(older)}">上一篇：{e(older.title)}</a>')
        if newer:
            nav.append(f'<a rel="next" href="{self.post(newer)}">下一篇：{e(newer.title)}</a>')
        tags = "".join(
            f'<a rel="tag" href="{self.href(self.tag_path(t.id))}">{e(t.name)}</a>'
            for t in self.linked_tags
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
    <p class="copyright">{self.site.copyright}</p>
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
            f"{article.title} | {self.site.name}", main, description=self.describe(article, special)
        )

    def error_page(self) -> str:
        main = f'<section class="error"><h1>404</h1><p>页面不存在。</p><p><a href="{self.href("/")}">返回首页</a></p></section>'
        return self.layout(f"页面不存在 | {self.site.name}", main)

"""The wordpress markup: `Wordpress`."""

from __future__ import annotations

from datetime import datetime, timedelta

from ..model import SHANGHAI, Article, excerpt, php_date
from ..theme import Listing, Theme, e


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
            f'menu-item-object-category menu-item-{10 + c.id}"><a href="{self.href(self.category_path(c.id))}">'
            f"{e(c.name)}</a></li>"
            for c in self.portal.categories
        )
        recent = "\n".join(
            f'<li><a href="{self.post(a)}">{e(a.title)}</a>'
            f'<span class="post-date">{e(php_date(a.published_at, "Y年n月j日"))}</span></li>'
            for a in self.newest[:5]
        )
        tags = "\n".join(
            f'<a href="{self.href(self.tag_path(t.id))}" class="tag-cloud-link tag-link-{t.id} '
            f'tag-link-position-{k}" style="font-size: {8 + (t.id * 5) % 14}pt;" '
            f'aria-label="{e(t.name)} ({sum(t.id in a.tag_ids for a in self.portal.articles)}个项目)">'
            f"{e(t.name)}</a>"
            for k, t in enumerate(self.linked_tags, 1)
        )
        return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="{self.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{e(title)}</title>
<meta name='robots' content='max-image-preview:large' />
<meta name="description" content="{e(description or self.site.name)}">
<link rel="alternate" type="application/rss+xml" title="{self.site.name} &raquo; Feed" href="{self.href("/feed/")}" />
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
    <h1 class="site-title"><a href="{self.href("/")}" rel="home">{self.site.name}</a></h1>
    <p class="site-description">{self.site.tagline}</p>
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
  <div class="site-info">Copyright &copy; 2018-2025 {self.site.name} <a href="https://beian.miit.gov.cn/" rel="nofollow">{self.site.icp}</a> <span class="sep"> | </span>自豪地采用 <a href="https://cn.wordpress.org/">WordPress</a></div>
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
        href = self.href(self.author_path(article.author))
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
            f"{listing.crumb}{paged} – {self.site.name}"
            if listing.heading
            else f"{self.site.name}{paged} – {self.site.tagline}"
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

    def comment_when(self, article: Article, k: int) -> str:
        day = article.published_at + timedelta(days=1)
        return php_date(day + timedelta(hours=3 * k), "Y年n月j日 H:i")

    def article_page(self, article: Article, special: str | None) -> str:
        body, comments = self.body_and_comments(article, special)
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
            f'<a href="{self.href(self.tag_path(t.id))}" rel="tag">{e(t.name)}</a>'
            for t in self.linked_tags
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
        short_html = ""
        if self.short_link(article):
            short_html = (
                f'\n    <div class="shortlink">本文短链接：<a href="{self.short_link(article)}">'
                f"{self.short_link(article)}</a></div>"
            )
        short = self.short_link(article)
        shortlink = f"<link rel='shortlink' href='{short}' />\n" if short else ""
        head = f"""<link rel="canonical" href="{url}" />
{shortlink}<meta property="og:type" content="article" />
<meta property="og:title" content="{e(article.title)}" />
<meta property="og:url" content="{url}" />
<meta property="article:published_time" content="{iso}" />
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{e(article.title)}","datePublished":"{iso}","author":{{"@type":"Person","name":"{e(article.author)}"}}}}</script>
"""
        main = f"""<article id="post-{article.id}" class="post-{article.id} post type-post status-publish format-standard hentry category-{article.category_id}">
  <header class="entry-header">
    <h1 class="entry-title">{e(article.title)}</h1>
    <div class="entry-meta"><span class="byline">作者：<a href="{self.href(self.author_path(article.author))}">{e(article.author)}</a></span> <span class="posted-on">发表于 {self.wp_date(article)}</span> <span class="cat-links">分类：<a href="{self.cat_href(article)}" rel="category tag">{e(self.cat_name(article))}</a></span> <span class="views">阅读 {article.views} 次</span></div>
  </header>
  <div class="entry-content">
{body}
  </div>
  <footer class="entry-footer">
    <div class="post-copyright">{self.site.copyright}</div>
    <span class="tags-links">标签：{tags}</span>{short_html}
  </footer>
</article>
<nav class="navigation post-navigation" aria-label="文章"><h2 class="screen-reader-text">文章导航</h2><div class="nav-links">{"".join(nav)}</div></nav>
{related}
<div id="comments" class="comments-area">
{thread}<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">发表回复</h3><form action="{self.href("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><p class="comment-notes">您的电子邮箱地址不会被公开。 必填项已用 <span class="required">*</span> 标注</p><p class="comment-form-comment"><label for="comment">评论 <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="发表评论" /><input type="hidden" name="comment_post_ID" value="{article.id}" id="comment_post_ID" /></p></form></div>
</div>"""
        crumb = self.crumb((self.cat_name(article), self.cat_href(article)), (article.title, None))
        return self.layout(
            f"{article.title} – {self.site.name}",
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
        return self.layout(f"未找到页面 – {self.site.name}", main, body_class="error404")

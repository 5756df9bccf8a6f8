"""The tpure markup: `Tpure`."""

from __future__ import annotations

from ..model import Article, excerpt
from ..theme import Listing, Theme, e


class Tpure(Theme):
    """Z-BlogPHP with the tpure theme, as PORTAL.md describes it."""

    name = "tpure"
    huge_image_after_first_paragraph = True

    def layout(self, title: str, main: str, *, description: str = "") -> str:
        nav = "".join(
            f'<li class="navbar-item"><a href="{self.href(self.category_path(c.id))}" '
            f'title="{e(c.name)}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        newest = "".join(
            f'<li><a href="{self.post(a)}" title="{e(a.title)}">{e(a.title)}</a></li>'
            for a in self.newest[:6]
        )
        hot = "".join(
            f'<li><span class="hotnum">{k}</span><a href="{self.hot_post(a)}" title="{e(a.title)}">'
            f"{e(a.title)}</a></li>"
            for k, a in enumerate(self.hot(), 1)
        )
        tags = "".join(
            f'<a href="{self.href(self.tag_path(t.id))}" title="{e(t.name)}">{e(t.name)}</a>'
            for t in self.linked_tags
        )
        return f"""<!DOCTYPE html>
<html xml:lang="zh-Hans" lang="zh-Hans">
<head>
    <meta charset="{self.charset}">
    <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="renderer" content="webkit">
    <title>{e(title)}</title>
    <meta name="keywords" content="{self.site.city}厂房,{self.site.city}厂房出租,{self.site.city}土地出售,{self.site.city}招商政策">
    <meta name="description" content="{e(description or self.site.name)}">
    <meta name="generator" content="Z-BlogPHP 1.7.3">
    <link rel="stylesheet" href="{self.href("/zb_users/theme/tpure/style/style.css?v=5.0.6")}">
    <script src="{self.href("/zb_system/script/jquery-2.2.4.min.js")}"></script>
    <script src="{self.href("/zb_system/script/zblogphp.js")}"></script>
</head>
<body class="{self.name}">
<div class="wrapper">
    <div class="header">
        <div class="wrap">
            <div class="logo"><a href="{self.href("/")}"><img src="{self.href("/zb_users/theme/tpure/style/images/logo.svg")}" alt="{self.site.name}"></a></div>
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
            <h3>Copyright © 2018-2025 {self.site.name} 版权所有 <a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">{self.site.icp}</a></h3>
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
        author_href = self.href(self.author_path(article.author))
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
            f"{listing.heading or self.site.name}"
            + (f"_第{listing.n}页" if listing.n > 1 else "")
            + ("" if not listing.heading else f" - {self.site.name}")
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
        body, comments = self.body_and_comments(article, special)
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
            f'<a href="{self.href(self.tag_path(t.id))}" title="{e(t.name)}">{e(t.name)}</a>'
            for t in self.linked_tags
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
        url = self.href(self.post_path(article))
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
                            <div class="copynoticeimg"><img src="{self.href("/zb_users/theme/tpure/plugin/qrcode.php?url=" + self.post_path(article))}" alt="{self.site.name}"></div>
                            <div class="copynotetxt">
                                <p>扫描二维码推送至手机访问。</p>
                                <p>{self.site.copyright}</p>
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
            f"{article.title} - {self.site.name}", main, description=self.describe(article, special)
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
        return self.layout(f"404错误 - {self.site.name}", main)

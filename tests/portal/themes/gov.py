"""The gov markup: `Gov`."""

from __future__ import annotations

import posixpath
from datetime import timedelta

from ..model import Article, php_date
from ..theme import Listing, Theme, e

ZOOM_SCRIPT = """<script type="text/javascript">
function doZoom(size){
  var zoom = document.getElementById("zoom");
  var ps = zoom.getElementsByTagName("p");
  for (var i = 0; i < ps.length; i++) { ps[i].style.fontSize = size + "px"; }
  zoom.style.fontSize = size + "px";
}
</script>"""
TRS_EDITOR_STYLE = (
    '<style type="text/css">.TRS_Editor P{margin-top:0px;margin-bottom:12px;line-height:1.8;'
    "font-family:宋体;font-size:12pt;}.TRS_Editor DIV{margin-top:0px;margin-bottom:12px;"
    "line-height:1.8;font-family:宋体;font-size:12pt;}.TRS_Editor TD{margin-top:0px;"
    "margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}</style>"
)
"""What TRS WCM's editor stores in front of every document body."""


class Gov(Theme):
    """A government site on TRS WCM (VSB/Hanweb look alike): banner, column nav, 当前位置,
    the 发布日期/来源/作者/浏览次数/字号 bar, a TRS_Editor body in div#zoom, 【打印】【关闭】,
    相关链接, and the footer with 主办/承办/网站标识码/ICP/公网安备. Links are relative
    (./, ../) as TRS publishes them, unless the render asks for absolute ones."""

    name = "gov"
    site_code = "3204130012"

    # ---- links
    here = "/"
    """The path of the page being rendered (relative links start from it)."""

    def link(self, path: str) -> str:
        """A link to path from the page being rendered: absolute with a host, else relative."""
        if self.host:
            return self.href(path)
        here_dir = self.here if self.here.endswith("/") else posixpath.dirname(self.here) + "/"
        target_dir, name = (path, "") if path.endswith("/") else posixpath.split(path)
        rel = posixpath.relpath(target_dir, here_dir)
        if rel == ".":
            prefix = "./"
        elif rel.startswith(".."):
            prefix = rel + "/"
        else:
            prefix = "./" + rel + "/"
        return e(prefix + name)

    def post(self, article: Article) -> str:
        return self.link(self.post_path(article))

    def cat_link(self, category_id: int, n: int = 1) -> str:
        return self.link(self.category_path(category_id, n))

    # ---- frame
    def layout(self, title: str, main: str, *, description: str = "", meta: str = "") -> str:
        nav = "".join(
            f'<li><a href="{self.cat_link(c.id)}" target="_self">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={self.charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<title>{e(title)}</title>
<meta name="SiteName" content="{e(self.site.name)}" />
<meta name="SiteDomain" content="{e(self.site.netloc)}" />
<meta name="SiteIDCode" content="{self.site_code}" />
{meta}<meta name="description" content="{e(description or self.site.name)}" />
<link href="{self.link("/images/common.css")}" rel="stylesheet" type="text/css" />
<link href="{self.link("/images/style.css")}" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="{self.link("/images/jquery-1.8.3.min.js")}"></script>
</head>
<body>
<div class="topbar">
  <div class="w1200">
    <div class="fl">欢迎访问{e(self.site.name)}门户网站！今天是：<span id="today"></span><script type="text/javascript">var d=new Date();document.getElementById("today").innerHTML=d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日";</script></div>
    <div class="fr"><a href="javascript:void(0);" id="wza">无障碍浏览</a> | <a href="javascript:void(0);" id="zzms">长者模式</a> | <a href="javascript:void(0);" id="jft">繁體版</a> | <a href="http://www.jintan.gov.cn/" target="_blank">金坛区政府门户</a></div>
  </div>
</div>
<div class="header">
  <div class="w1200">
    <div class="logo"><a href="{self.link("/")}"><img src="{self.link("/images/logo.png")}" alt="{e(self.site.name)}" /></a></div>
    <div class="search">
      <form action="http://www.jintan.gov.cn/jsearchfront/search.do" method="get" target="_blank">
        <input type="hidden" name="websiteid" value="{self.site_code}" />
        <input type="text" name="q" class="search-input" placeholder="请输入关键字" />
        <input type="submit" class="search-btn" value="搜索" />
      </form>
    </div>
  </div>
</div>
<div class="nav">
  <div class="w1200">
    <ul>
      <li class="on"><a href="{self.link("/")}" target="_self">首页</a></li>{nav}
      <li><a href="http://xxgk.jintan.gov.cn/" target="_blank">政务公开</a></li>
      <li><a href="http://www.jintan.gov.cn/zmhd/" target="_blank">互动交流</a></li>
    </ul>
  </div>
</div>
{main}
<div class="footer">
  <div class="w1200">
    <div class="yqlj"><span>友情链接：</span>
      <select onchange="if(this.value!='')window.open(this.value);"><option value="">---国家部委网站---</option><option value="http://www.gov.cn/">中国政府网</option><option value="http://www.mofcom.gov.cn/">商务部</option></select>
      <select onchange="if(this.value!='')window.open(this.value);"><option value="">---省市网站---</option><option value="http://www.jiangsu.gov.cn/">江苏省人民政府</option><option value="http://www.changzhou.gov.cn/">常州市人民政府</option></select>
    </div>
    <div class="footer-main">
      <div class="dzjg"><a href="http://bszs.conac.cn/sitename?method=show&amp;id=0A6C7B1D2E" target="_blank"><img src="{self.link("/images/dzjg.png")}" alt="党政机关" /></a></div>
      <div class="footer-text">
        <p>主办：{e(self.site.name)}管理委员会 &nbsp;承办：{e(self.site.name)}党政办公室</p>
        <p>地址：{e(self.site.address)} &nbsp;邮编：213200 &nbsp;联系电话：{e(self.site.hotline)}</p>
        <p>网站标识码：{self.site_code} &nbsp;<a href="https://beian.miit.gov.cn/" target="_blank">{e(self.site.icp)}</a> &nbsp;<img src="{self.link("/images/ga.png")}" alt="" /><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=32041302000456" target="_blank">苏公网安备 32041302000456号</a></p>
        <p>{e(self.site.copyright)} &nbsp;建议使用1366×768分辨率 IE9以上版本浏览器</p>
      </div>
      <div class="jiucuo"><script id="_jiucuo_" sitecode="{self.site_code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></div>
    </div>
  </div>
</div>
</body>
</html>
"""

    def position(self, *crumbs: tuple[str, str]) -> str:
        parts = [f'<a href="{self.link("/")}" title="首页" class="CurrChnlCls">首页</a>']
        parts += [
            f'<a href="{href}" title="{e(text)}" class="CurrChnlCls">{e(text)}</a>'
            for text, href in crumbs
        ]
        return f'<div class="position">当前位置：{"&nbsp;&gt;&nbsp;".join(parts)}</div>'

    def side_menu(self, current: int | None) -> str:
        items = "".join(
            ('<li class="on">' if c.id == current else "<li>")
            + f'<a href="{self.cat_link(c.id)}">{e(c.name)}</a></li>'
            for c in self.portal.categories
        )
        return (
            '<div class="left"><div class="left-title"><h2>新闻中心</h2></div>'
            f'<ul class="left-menu">{items}</ul>'
            '<div class="left-contact"><h3>招商热线</h3>'
            f"<p>{e(self.site.hotline)}</p><p>{e(self.site.mobile)}</p></div></div>"
        )

    # ---- listings
    def listing_page(self, listing: Listing) -> str:
        self.here = listing.path(listing.n)
        if not listing.heading:
            return self.home_page(listing)
        category = next((c for c in self.portal.categories if c.name == listing.crumb), None)
        name = category.name if category else listing.heading
        here = self.cat_link(category.id) if category else self.link(self.here)
        rows = [
            f'<li><a href="{self.post(a)}" target="_blank" title="{e(a.title)}">{e(a.title)}</a>'
            f'<span class="date">{php_date(a.published_at, "Y-m-d")}</span></li>'
            for a in listing.articles
        ]
        if not rows:
            rows.append('<li class="nodata">暂无信息</li>')
        main = f"""<div class="main w1200">
  {self.position((name, here))}
  <div class="main-con clearfix">
    {self.side_menu(category.id if category else None)}
    <div class="right">
      <div class="right-title"><span>{e(name)}</span></div>
      <ul class="list">
{chr(10).join(rows)}
      </ul>
      {self.pager(listing)}
    </div>
  </div>
</div>"""
        return self.layout(
            f"{name}_{self.site.name}",
            main,
            meta=(
                f'<meta name="ColumnName" content="{e(name)}" />\n'
                f'<meta name="ColumnType" content="{e(name)}" />\n'
            ),
        )

    def pager(self, listing: Listing) -> str:
        """The pager TRS's createPageHTML writes (here already written out)."""
        n, pages, p = listing.n, listing.pages, listing.path
        first = f'<a href="{self.link(p(1))}">首页</a>' if n > 1 else "<span>首页</span>"
        prev = f'<a href="{self.link(p(n - 1))}">上一页</a>' if n > 1 else "<span>上一页</span>"
        nxt = f'<a href="{self.link(p(n + 1))}">下一页</a>' if n < pages else "<span>下一页</span>"
        last = f'<a href="{self.link(p(pages))}">尾页</a>' if n < pages else "<span>尾页</span>"
        return (
            f'<div class="page">共{pages}页 &nbsp;当前第{n}页 &nbsp;{first} {prev} {nxt} {last}'
            f' &nbsp;跳转到第<input type="text" id="pageNum" size="2" value="{n}" />页'
            '<input type="button" value="GO" onclick="goPage()" /></div>'
        )

    def home_page(self, listing: Listing) -> str:
        lead = self.newest[0] if self.newest else None
        focus = ""
        if lead is not None:
            focus = (
                f'<div class="focus"><a href="{self.post(lead)}" target="_blank">'
                f'<img src="{self.link("/images/focus01.jpg")}" alt="{e(lead.title)}" /></a>'
                f'<p><a href="{self.post(lead)}" target="_blank">{e(lead.title)}</a></p></div>'
            )
        blocks = []
        for c in self.portal.categories:
            items = [a for a in self.newest if a.category_id == c.id][:7]
            rows = "".join(
                f'<li><a href="{self.post(a)}" target="_blank" title="{e(a.title)}">'
                f"{e(a.title)}</a><span>{php_date(a.published_at, 'm-d')}</span></li>"
                for a in items
            )
            blocks.append(
                f'<div class="index-box"><div class="index-title"><span>{e(c.name)}</span>'
                f'<a href="{self.cat_link(c.id)}" class="more">更多&gt;&gt;</a></div>'
                f"<ul>{rows}</ul></div>"
            )
        main = f"""<div class="main w1200 index">
  <div class="index-top clearfix">
    {focus}
    {blocks[0] if blocks else ""}
  </div>
  <div class="index-mid clearfix">
    {"".join(blocks[1:])}
    <div class="index-box service"><div class="index-title"><span>投资服务</span></div>
      <ul class="service-list"><li><a href="http://www.jszwfw.gov.cn/" target="_blank">江苏政务服务网</a></li><li><a href="http://www.jintan.gov.cn/zmhd/" target="_blank">书记信箱</a></li><li><a href="http://www.jintan.gov.cn/zmhd/" target="_blank">区长信箱</a></li></ul>
    </div>
  </div>
</div>"""
        return self.layout(self.site.name, main)

    # ---- articles
    def body_html(self, article: Article) -> str:
        out = []
        for kind, lines in self.segments(article):
            if kind == "orig":
                out.append(f'<p style="text-align: center;">{e(lines[0])}</p>')
            elif kind == "p":
                out.append(f'<p style="text-indent: 2em;">{e(lines[0])}</p>')
            elif len(lines) == 1 and lines[0].startswith(("（责任编辑", "来源", "(责任编辑")):
                out.append(f'<p style="text-align: right;">{e(lines[0])}</p>')
            elif len(lines) == 1 and lines[0].startswith("【"):
                out.append(f'<p style="text-align: center;">{e(lines[0])}</p>')
            else:
                out.append(f'<p style="text-indent: 2em;">{"<br />".join(e(x) for x in lines)}</p>')
        return "\n".join(out)

    def comment_html(self, name: str, text: str, when: str) -> str:
        return ""  # a government site takes no comments

    def article_page(self, article: Article, special: str | None) -> str:
        self.here = self.post_path(article)
        body, _ = self.body_and_comments(article, special)
        category = self.portal.category(article.category_id)
        related = ""
        if article.related_ids:
            rows = "".join(
                f'<li><a href="{self.post(r)}" target="_blank" title="{e(r.title)}">'
                f"{e(r.title)}</a><span>{php_date(r.published_at, 'Y-m-d')}</span></li>"
                for r in (self.portal.article(rid) for rid in article.related_ids)
            )
            related = (
                '<div class="xgxw"><div class="xgxw-title"><span>相关链接</span></div>'
                f"<ul>{rows}</ul></div>"
            )
        published = self.date(article)
        pub_meta = php_date(article.published_at, "Y-m-d H:i")
        modified = php_date(article.published_at + timedelta(minutes=7), "Y-m-d H:i")
        main = f"""<div class="main w1200">
  {self.position((category.name, self.cat_link(category.id)))}
  <div class="article">
    <div class="article-title"><h1>{e(article.title)}</h1></div>
    <div class="article-info">
      <span>发布日期：{e(published)}</span>
      <span>来源：{e(self.site.source)}</span>
      <span>作者：{e(article.author)}</span>
      <span>浏览次数：<em id="readcount">{article.views}</em></span>
      <span class="zh">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
    </div>
    <div class="article-content" id="zoom">
      <div class="TRS_Editor">{TRS_EDITOR_STYLE}
<div class="Custom_UnionStyle">
{body}
</div>
      </div>
    </div>
    <div class="article-fj"></div>
    <div class="article-tools">
      <a href="javascript:window.print();">【打印】</a>
      <a href="javascript:window.opener=null;window.open('','_self');window.close();">【关闭】</a>
    </div>
    {related}
  </div>
</div>
{ZOOM_SCRIPT}"""
        meta = (
            f'<meta name="ColumnName" content="{e(category.name)}" />\n'
            f'<meta name="ColumnType" content="{e(category.name)}" />\n'
            f'<meta name="ArticleTitle" content="{e(article.title)}" />\n'
            f'<meta name="PubDate" content="{pub_meta}" />\n'
            f'<meta name="ContentSource" content="{e(self.site.source)}" />\n'
            f'<meta name="Keywords" content="" />\n'
            f'<meta name="Author" content="{e(article.author)}" />\n'
            f'<meta name="LastModified" content="{modified}" />\n'
        )
        return self.layout(
            f"{article.title}_{category.name}_{self.site.name}",
            main,
            description=self.describe(article, special),
            meta=meta,
        )

    def error_page(self) -> str:
        self.here = "/"
        main = """<div class="main w1200">
  <div class="error404"><h2>很抱歉，您访问的页面不存在或已被删除！</h2>
  <p>请检查您输入的网址是否正确，或 <a href="/">返回首页</a></p></div>
</div>"""
        return self.layout(f"页面不存在_{self.site.name}", main)

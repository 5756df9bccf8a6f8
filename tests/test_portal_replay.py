"""Self-tests of the synthetic portal replays: generator, markups, server, saved corpus."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from email.utils import parsedate_to_datetime
from pathlib import Path

import lxml.html
import pytest
from portal import MARKUPS, ReplayServer, make_portal, make_seed_portal, render_site
from portal.model import (
    SEED_ID,
    date_text,
    excerpt,
    expected_item,
    expected_items,
    grow_portal,
    php_date,
    post_path,
)
from portal.render import NOT_FOUND, category_path, codec, home_path

CORPUS = Path(__file__).parent / "corpus"


def _text(body: bytes, charset: str = "utf-8") -> str:
    root = lxml.html.document_fromstring(body.decode(codec(charset)))
    return re.sub(r"\s+", " ", root.text_content())


def _get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def portal():
    return make_portal()


def test_portal_is_deterministic_and_covers_every_relative_unit(portal) -> None:
    again = make_portal()
    assert [a.title for a in again.articles] == [a.title for a in portal.articles]
    ids = [a.id for a in portal.articles]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    times = [a.published_at for a in portal.articles]
    assert times == sorted(times)
    texts = " ".join(date_text(a, portal.rendered_at) for a in portal.articles)
    for unit in ("刚刚", "秒前", "分钟前", "小时前", "天前", "周前 (", "个月前 (", "年前 ("):
        assert unit in texts
    bodies = [tuple(a.paragraphs) for a in portal.articles]
    assert len(set(bodies)) == len(bodies)
    assert sum(bool(a.original_title) for a in portal.articles) in range(8, 23)
    assert all(len(a.related_ids) <= 6 for a in portal.articles)


@pytest.mark.parametrize("markup", MARKUPS)
def test_listings_paginate_and_articles_show_expected_strings(portal, markup) -> None:
    site = render_site(portal, markup)
    for category in portal.categories:
        assert category_path(category.id, 3) in site
    assert "/index.php/page_2.html" in site and NOT_FOUND in site
    for article in portal.articles[::5]:
        page = site[post_path(article.id)]
        text = _text(page.body, page.content_type.partition("charset=")[2])
        item = expected_item(portal, article, markup=markup)
        for key in ("title", "author", "category", "date_text"):
            assert item[key] in text, key
        assert str(item["views"]) in text
        for paragraph in article.paragraphs:
            assert paragraph in text
        for related in item["related"]:
            assert related["title"] in text and related["excerpt"] in text


def test_specials_and_gbk(portal) -> None:
    ids = [a.id for a in portal.articles]
    specials = {ids[0]: "empty", ids[1]: "404", ids[2]: "500", ids[3]: "huge", ids[4]: "no_body"}
    site = render_site(portal, "tpure", specials=specials, encoding="gbk")
    assert site[post_path(ids[0])].body == b""
    assert site[post_path(ids[1])].status == 404
    assert site[post_path(ids[2])].status == 500
    assert len(site[post_path(ids[3])].body) > 4_500_000
    assert portal.articles[4].paragraphs[0] not in site[post_path(ids[4])].text
    home = site["/"]
    assert home.content_type.endswith("gbk") and b'charset="gbk"' in home.body
    assert portal.newest_first()[0].title in home.body.decode("gbk")
    expected = expected_items(portal, "http://x", specials=specials)
    assert len(expected) == len(ids) - 3


def test_server_serves_logs_404s_and_swaps(portal) -> None:
    site = render_site(portal, "tpure", absolute_links_host=None)
    with ReplayServer(site, date_header=portal.rendered_at) as server:
        status, headers, body = _get(server.base_url + "/")
        assert status == 200 and body == site["/"].body
        assert parsedate_to_datetime(headers["Date"]) == portal.rendered_at
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        status, _, body = _get(server.base_url + "/index.php/post/1.html")
        assert status == 404 and "404" in body.decode()
        status, headers, body = _get(server.base_url + "/robots.txt", "HEAD")
        assert status == 200 and body == b""
        assert server.requests == ["/", "/index.php/post/1.html", "/robots.txt"]
        later = grow_portal(portal, 3, portal.rendered_at.replace(day=28))
        server.set_pages(render_site(later, "tpure"), later.rendered_at)
        newest = later.newest_first()[0]
        status, headers, body = _get(server.base_url + post_path(newest.id))
        assert status == 200 and newest.title in body.decode()
        assert parsedate_to_datetime(headers["Date"]) == later.rendered_at


def test_seed_portal_related_items_match_the_seed() -> None:
    portal = make_seed_portal()
    seed = portal.article(SEED_ID)
    assert date_text(seed, portal.rendered_at) == "8个月前 (09-24)"
    assert len(seed.related_ids) == 8
    assert excerpt(portal.article(seed.related_ids[0])).startswith("项目建设事关发展全局。")


def test_corpus_files_load_and_pages_show_expected() -> None:
    records = sorted(CORPUS.glob("*.json"))
    assert len(records) >= 12
    encodings = set()
    for path in records:
        data = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_suffix(".html")
        assert html.exists(), html
        encodings.add(data["encoding"])
        expected = data["expected"]
        assert data["url"].startswith("http://liyang.021cf.cn/index.php/post/")
        text = _text(html.read_bytes(), data["encoding"])
        assert expected["title"] in text and expected["date_text"] in text
        for paragraph in filter(None, expected["body"].split("\n\n")):
            assert paragraph in text, path.name
    assert encodings == {"utf-8", "gbk", "gb2312"}


def test_corpus_covers_every_markup_and_cms_shows_no_excerpts() -> None:
    by_markup: dict[str, list[dict]] = {}
    for path in sorted(CORPUS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        by_markup.setdefault(data["markup"], []).append(data)
    assert set(by_markup) == set(MARKUPS)
    assert all(len(pages) >= 2 for pages in by_markup.values()), by_markup.keys()
    assert "gbk" in {data["encoding"] for data in by_markup["cms"]}
    cms_related = [r for data in by_markup["cms"] for r in data["expected"]["related"]]
    assert cms_related and all(r["excerpt"] == "" for r in cms_related)
    for markup in ("mobile", "wordpress"):
        related = [r for data in by_markup[markup] for r in data["expected"]["related"]]
        assert related and all(r["excerpt"].endswith("...") for r in related), markup
    legacy_related = [r for data in by_markup["legacy"] for r in data["expected"]["related"]]
    assert legacy_related and all(r["excerpt"] == "" for r in legacy_related)
    assert {data["encoding"] for data in by_markup["legacy"]} == {"gb2312"}
    assert {data["expected"]["date_text"] for data in by_markup["wordpress"]} >= {"2024年9月24日"}


@pytest.mark.parametrize("markup", ["cms", "mobile", "wordpress", "legacy"])
def test_new_markups_page_through_and_decode(portal, markup) -> None:
    site = render_site(portal, markup)
    for category in portal.categories:
        for n in (1, 2, 3):
            assert category_path(category.id, n) in site
    assert home_path(2) in site
    charsets = set()
    for path, page in site.items():
        if not page.content_type.startswith("text/html") or not page.body:
            continue
        charset = page.content_type.partition("charset=")[2]
        charsets.add(charset)
        text = page.text  # decodes with the declared charset
        assert f"charset={charset}" in text or f'charset="{charset}"' in text, path
        assert "\ufffd" not in text, path
    assert charsets == {{"cms": "gbk", "legacy": "gb2312"}.get(markup, "utf-8")}


def test_cms_markup(portal) -> None:
    site = render_site(portal, "cms")
    assert site["/"].content_type == "text/html; charset=gbk"
    utf8 = render_site(portal, "cms", encoding="utf-8")
    assert utf8["/"].content_type == "text/html; charset=utf-8"
    assert portal.newest_first()[0].title in utf8["/"].body.decode("utf-8")
    article = next(a for a in portal.newest_first() if a.related_ids and a.boilerplate)
    html = site[post_path(article.id)].text
    left, main = html.index('<div class="left">'), html.index('<div class="position">')
    assert left < main < html.index('<div class="xgwz">') < html.index('<div class="context">')
    assert "您现在的位置：" in html and "&gt;&gt;正文</div>" in html
    assert f'<div class="title"><h2>{article.title}</h2></div>' in html.replace("&amp;", "&")
    assert f"发布时间：{date_text(article, portal.rendered_at, 'Y-m-d H:i:s')} &nbsp;" in html
    assert f'浏览次数：<span id="hits">{article.views}</span>' in html
    item = expected_item(portal, article, markup="cms")
    assert item["related"] and all(r["excerpt"] == "" for r in item["related"])
    assert item["date_text"] == date_text(article, portal.rendered_at, "Y-m-d H:i:s")
    for related in item["related"]:
        assert related["url"].replace("http://liyang.021cf.cn", "") in html
        assert excerpt(portal.article(int(related["url"].rsplit("/", 1)[1][:-5]))) not in html
    listing = site[category_path(1, 2)].text
    assert '<li class="thisclass">2</li>' in listing and ">末页</a></li>" in listing
    assert "<li><a>上一页</a></li>" in site[category_path(1)].text


def test_mobile_markup(portal) -> None:
    site = render_site(portal, "mobile")
    article = next(
        a
        for a in portal.newest_first()
        if a.related_ids and "周前" in date_text(a, portal.rendered_at)
    )
    html = site[post_path(article.id)].text
    assert "最新文章" not in html and 'class="sidebar"' not in html
    header = html[html.index("<header") : html.index("</header>")]
    assert "当前位置：" in header and "menuico" in header
    text, hint = date_text(article, portal.rendered_at).split(" ", 1)
    assert f'{text}<span class="datetime"> {hint}</span>' in html
    assert f'icon-cmt"></i>{len(article.comments)}</div>' in html
    single = html[
        html.index('<div class="single postcon">') : html.index('<div class="copynotice">')
    ]
    assert '<div class="tags">标签：' in single and '<div class="bdshare">分享到：' in single
    assert html.index('<div class="pages">') < html.index("<h4>相关文章</h4>")
    here = f'<p><a href="http://liyang.021cf.cn{post_path(article.id)}">'
    assert html.count(here) == len(article.related_ids)
    item = expected_item(portal, article, markup="mobile")
    assert [r["excerpt"] for r in item["related"]] == [
        excerpt(portal.article(rid)) for rid in article.related_ids
    ]


def test_php_date_without_zero_padding() -> None:
    portal = make_seed_portal()
    seed = portal.article(SEED_ID)
    assert php_date(seed.published_at, "Y年n月j日") == "2024年9月24日"
    assert (
        php_date(seed.published_at.replace(month=3, day=5), "Y年n月j日 H:i") == "2024年3月5日 10:20"
    )
    assert date_text(seed, portal.rendered_at, "Y年n月j日") == "2024年9月24日"


def test_wordpress_markup(portal) -> None:
    site = render_site(portal, "wordpress")
    article = next(
        a for a in portal.newest_first() if a.related_ids and a.comments and a.original_title
    )
    html = site[post_path(article.id)].text.replace("&amp;", "&")
    assert f"<title>{article.title} – 溧阳厂房网</title>" in html
    site_title = html.index('<h1 class="site-title"><a href="http://liyang.021cf.cn/" rel="home">')
    crumb = html.index(
        '<nav class="breadcrumbs">您的位置：<a href="http://liyang.021cf.cn/">首页</a> » '
    )
    entry = html.index(f'<h1 class="entry-title">{article.title}</h1>')
    assert site_title < crumb < entry
    assert f" » <span>{article.title}</span></nav>" in html
    day = date_text(article, portal.rendered_at, "Y年n月j日")
    assert '<span class="byline">作者：<a href="http://liyang.021cf.cn/index.php/author-' in html
    assert f'>{article.author}</a></span> <span class="posted-on">发表于 <time' in html
    assert f'">{day}</time></span> <span class="cat-links">分类：' in html
    assert f'<span class="views">阅读 {article.views} 次</span></div>' in html
    content = html[html.index('<div class="entry-content">') : html.index("</article>")]
    assert content.index(f"<p>原标题：{article.original_title}</p>") < content.index(
        f"<p>{article.paragraphs[0]}</p>"
    )
    assert '<footer class="entry-footer">' in content and "标签：" in content
    order = [
        '<nav class="navigation post-navigation"',
        '<section class="related-posts"><h3 class="related-title">相关文章</h3>',
        f'<h3 class="comments-title">{len(article.comments)} 条评论</h3>',
        '<aside id="secondary" class="widget-area">',
        '<h2 class="widget-title">近期文章</h2>',
        '<h2 class="widget-title">热门标签</h2>',
    ]
    assert [html.index(x) for x in order] == sorted(html.index(x) for x in order)
    item = expected_item(portal, article, markup="wordpress")
    assert item["date_text"] == day and "年0" not in day
    for related in item["related"]:
        path = related["url"].replace("http://liyang.021cf.cn", "")
        assert f'alt="{related["title"]}"' in html
        assert f'{path}" class="related-link" rel="bookmark">{related["title"]}</a>' in html
        assert f'<div class="excerpt">{related["excerpt"]}</div>' in html
    first = site[category_path(1)].text
    assert (
        '<div class="nav-links"><span aria-current="page" class="page-numbers current">1</span>'
        in first
    )
    assert (
        f'<a class="next page-numbers" href="http://liyang.021cf.cn{category_path(1, 2)}">下一页 &raquo;</a>'
        in first
    )
    assert "&laquo; 上一页" in site[category_path(1, 2)].text


def test_legacy_markup(portal) -> None:
    site = render_site(portal, "legacy")
    for path, page in site.items():
        if page.content_type.startswith("text/html") and page.body:
            assert page.content_type == "text/html; charset=gb2312", path
            text = page.text
            assert 'content="text/html; charset=gb2312"' in text, path
            assert not re.search(r"<h[1-6][\s>]", text), path
            assert "当前位置" not in text and "您的位置" not in text, path
    article = next(a for a in portal.newest_first() if len(a.related_ids) >= 3 and a.original_title)
    page = site[post_path(article.id)]
    assert "·".encode("gbk") in page.body  # GBK bytes under the gb2312 label, as browsers read it
    html = page.text.replace("&amp;", "&")
    assert f"<title>{article.title}-溧阳厂房网</title>" in html
    category = portal.category(article.category_id).name
    assert (
        '<td class="nav" height="28"><a href="http://liyang.021cf.cn/">首页</a> &gt;&gt; '
        f'<a href="http://liyang.021cf.cn{category_path(article.category_id)}">{category}</a>'
        " &gt;&gt; 正文</td>"
    ) in html
    assert f'<font size="4" color="#cc0000"><b>{article.title}</b></font>' in html
    day = date_text(article, portal.rendered_at, "Y-m-d")
    assert (
        f"发布日期：{day} &nbsp;&nbsp;点击数：{article.views} &nbsp;&nbsp;来源：溧阳厂房网 "
        f"&nbsp;&nbsp;作者：{article.author}</td>"
    ) in html
    content = html[html.index('<td class="content"') : html.index("<b>相关阅读：</b>")]
    assert content.count("<br><br>") >= len(article.paragraphs)
    assert f"&nbsp;&nbsp;&nbsp;&nbsp;原标题：{article.original_title}<br><br>" in content
    item = expected_item(portal, article, markup="legacy")
    assert item["related"] and all(r["excerpt"] == "" for r in item["related"])
    block = html[
        html.index("<b>相关阅读：</b>") : html.index('【<a href="javascript:window.print()">')
    ]
    assert block.count("<a href=") == len(item["related"])
    for related in item["related"]:
        assert f'<a href="{related["url"]}" target="_blank">{related["title"]}</a>' in block
        assert excerpt(portal.article(int(related["url"].rsplit("/", 1)[1][:-5]))) not in html
    assert '打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】' in html
    first = site[category_path(1)].text
    assert (
        f'共3页 第1页 首页 上一页 <a href="http://liyang.021cf.cn{category_path(1, 2)}">下一页</a>'
        f' <a href="http://liyang.021cf.cn{category_path(1, 3)}">尾页</a>'
    ) in first
    newest = next(a for a in portal.newest_first() if a.category_id == 1)
    row = f'">{newest.title}</a></td><td width="90" align="right">'
    assert row + php_date(newest.published_at, "Y-m-d") + "</td></tr>" in first.replace(
        "&amp;", "&"
    )
    assert "共3页 第3页 <a href=" in site[category_path(1, 3)].text

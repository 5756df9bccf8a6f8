"""Self-tests of the custom replay (portal.network.custom_replay): a portal on a home-made CMS
whose URLs follow no known scheme, served by ReplayServer. Server level only: no crawler runs."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from portal import ReplayServer
from portal.model import ATTRIBUTION, SHANGHAI, body_text, now, php_date
from portal.network import CUSTOM_ARTICLES, custom_replay, network_portals
from portal.render import NOT_FOUND, codec
from portal.schemes import INHOUSE, SCHEMES
from portal.sites import JURONG_INHOUSE, SITES
from portal.themes.inhouse import ABOUT_PATH, CONTACT_PATH

KNOWN_FORMS = re.compile(
    r"/post/\d+\.html|/a/.+/\d{4}/\d{4}/\d+\.html|[?&](id|p|aid|catid|page)=|show-"
    r"|/art/|/t\d{8}_\d+\.html|content_\d+\.html|/info/\d+/\d+\.htm|list_\d+_\d+\.html"
    r"|/category/|/page/\d+/|/col/col\d+/|index_\d+\.html|/index\.php|\.shtml|\.jhtml"
)
"""URL forms of well-known CMSs (Z-Blog, DedeCMS, PHPCMS, WordPress, TRS, VSB, 博达 …)."""
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _page(url: str) -> lxml.html.HtmlElement:
    status, headers, body = _get(url)
    assert status == 200, url
    charset = headers["Content-Type"].partition("charset=")[2] or "utf-8"
    return lxml.html.document_fromstring(body.decode(codec(charset)))


def _text(node: lxml.html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


def _path(href: str, page_url: str, base: str) -> str | None:
    """The same-site path (with query) an href leads to, as a browser resolves it."""
    url = urljoin(page_url, href.strip())
    if not url.startswith(base + "/"):
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="module")
def served():
    rendered_at = now()
    replay = custom_replay(rendered_at)
    with ReplayServer(replay.pages, date_header=rendered_at) as server:
        yield replay, server.base_url


def test_identity_and_url_forms(served) -> None:
    replay, _ = served
    assert replay.key == JURONG_INHOUSE.netloc == "zs.jrkfq.cn" and replay.spider == "portal"
    assert replay.scheme is INHOUSE and replay.markup == "inhouse" and replay.links_host is None
    assert replay.key not in SITES and INHOUSE.name not in SCHEMES
    portal = replay.portal
    assert len(portal.articles) == CUSTOM_ARTICLES and len(portal.categories) == 2
    for article in portal.articles:
        assert portal.article_path(article) == f"/News/Detail/{article.id}"
    for category in portal.categories:
        assert INHOUSE.category_path(category) == f"/News/List/{category.slug}"
        assert INHOUSE.category_path(category, 2) == f"/News/List/{category.slug}?pageIndex=2"
    served_paths = [p for p in replay.pages if p.startswith("/")]
    assert not [p for p in served_paths if KNOWN_FORMS.search(p)]
    assert "/robots.txt" not in replay.pages


def test_stories_are_none_of_the_network_portals(served) -> None:
    replay, _ = served
    others = {
        text
        for portal in network_portals(replay.portal.rendered_at).values()
        for a in portal.articles
        for text in (a.title, *a.paragraphs)
    }
    for article in replay.portal.articles:
        assert article.title not in others
        assert not set(article.paragraphs) & others


def test_home_menu_names_the_sections(served) -> None:
    replay, base = served
    root = _page(base + "/")
    menu = {_text(a): a.get("href") for a in root.cssselect("div.menu li a")}
    for category in replay.portal.categories:
        assert menu[category.name] == INHOUSE.category_path(category)
    assert menu["园区概况"] == ABOUT_PATH and menu["联系我们"] == CONTACT_PATH
    assert menu["网站首页"] == "/"


def test_home_blocks_show_dates_beside_entries(served) -> None:
    replay, base = served
    root = _page(base + "/")
    paths = {replay.portal.article_path(a): a for a in replay.portal.articles}
    seen = set()
    for li in root.cssselect("div.index-news li"):
        (link,) = li.xpath(".//a")
        article = paths[link.get("href")]
        date = _text(li.cssselect("span")[0])
        assert date in (
            php_date(article.published_at, "Y-m-d"),
            f"[{php_date(article.published_at, 'm-d')}]",
        )
        assert link.get("title") == article.title
        seen.add(article.id)
    # The home page shows the newest of each section only: the rest lies behind the listings.
    assert 0 < len(seen) < len(replay.portal.articles)


def test_listings_page_through_every_article(served) -> None:
    replay, base = served
    portal = replay.portal
    reached: set[str] = set()
    for category in portal.categories:
        mine = [a for a in portal.newest_first() if a.category_id == category.id]
        pages = -(-len(mine) // portal.per_page)
        assert pages >= 2
        for n in range(1, pages + 1):
            url = base + INHOUSE.category_path(category, n)
            root = _page(url)
            assert category.name in _text(root.cssselect("div.location")[0])
            rows = root.cssselect("ul.news-list li")
            shown = mine[(n - 1) * portal.per_page : n * portal.per_page]
            assert len(rows) == len(shown)
            for li, article in zip(rows, shown, strict=True):
                (link,) = li.xpath("./a")
                assert _path(link.get("href"), url, base) == portal.article_path(article)
                (date,) = li.xpath("./span")
                assert _text(date) == php_date(article.published_at, "Y-m-d")
                assert DAY.fullmatch(_text(date))
                reached.add(portal.article_path(article))
            pager = root.cssselect("div.pager")[0]
            links = {_text(a): _path(a.get("href"), url, base) for a in pager.xpath(".//a[@href]")}
            if n < pages:
                assert links["下一页"] == INHOUSE.category_path(category, n + 1)
                assert links["尾页"] == INHOUSE.category_path(category, pages)
                assert links[str(n + 1)] == INHOUSE.category_path(category, n + 1)
            else:
                assert "下一页" not in links and "尾页" not in links
                assert links["首页"] == INHOUSE.category_path(category) + "?pageIndex=1"
    assert reached == set(replay.article_paths().values())


def test_page_one_by_its_page_index(served) -> None:
    replay, base = served
    category = replay.portal.categories[0]
    path = INHOUSE.category_path(category)
    assert _get(base + path + "?pageIndex=1")[2] == _get(base + path)[2]


def test_article_pages(served) -> None:
    replay, base = served
    expected = replay.expected_items(base)
    assert len(expected) == CUSTOM_ARTICLES
    assert set(expected) == {base + p for p in replay.article_paths().values()}
    for article in replay.portal.articles:
        url = base + replay.portal.article_path(article)
        item = expected[url]
        root = _page(url)
        assert _text(root.cssselect("h2.art-title")[0]) == item["title"] == article.title
        info = _text(root.cssselect("div.art-info")[0])
        assert f"发布时间：{item['date_text']}" in info
        assert item["date_text"] == php_date(article.published_at, "Y-m-d H:i")
        assert f"作者：{item['author']}" in info and f"点击数：{item['views']}" in info
        crumb = _text(root.cssselect("div.location")[0])
        assert crumb == f"您现在的位置：首页 > {item['category']} > 正文"
        body = _text(root.cssselect("#fontzoom")[0])
        for paragraph in article.paragraphs:
            assert paragraph in body
        for block in article.boilerplate:
            for line in block:
                assert line in body
                assert line not in item["body"]
        if article.original_title:
            assert f"原标题：{article.original_title}" in body
        assert item["body"] == body_text(article)
        related = root.cssselect("div.related li")
        assert [_text(li.xpath("./a")[0]) for li in related] == [
            r["title"] for r in item["related"]
        ]
        for li, r in zip(related, item["related"], strict=True):
            assert base + li.xpath("./a")[0].get("href") == r["url"] and r["excerpt"] == ""
            assert DAY.fullmatch(_text(li.xpath("./span")[0]))
        pages = _text(root.cssselect("div.art-page")[0])
        assert "上一篇：" in pages and "下一篇：" in pages
        assert item["published_day"] == article.published_at.astimezone(SHANGHAI).date().isoformat()


def test_boilerplate_and_attribution(served) -> None:
    replay, base = served
    articles = replay.portal.articles
    pasted = [line for a in articles for block in a.boilerplate for line in block]
    assert any("0511-87289999" in line for line in pasted)  # the contact block
    assert any(line.startswith("转载请注明出处") for line in pasted)
    assert any(line.startswith("【打印此页】") for line in pasted)
    kept = [p for a in articles for p in a.paragraphs if ATTRIBUTION.match(p)]
    assert any(p.startswith("来源：") for p in kept) and any("责任编辑" in p for p in kept)
    bodies = "\n".join(item["body"] for item in replay.expected_items(base).values())
    assert all(p in bodies for p in kept)
    assert all(a.comments == [] for a in articles)


def test_single_pages_are_not_articles(served) -> None:
    replay, base = served
    expected = replay.expected_items(base)
    for path, title in ((ABOUT_PATH, "园区概况"), (CONTACT_PATH, "联系我们")):
        root = _page(base + path)
        assert title in _text(root.cssselect("div.main-title")[0])
        assert len(_text(root.cssselect("div.page-content")[0])) > 60
        assert not DAY.search(_text(root.cssselect("div.main")[0]))
        assert base + path not in expected


def test_utf8_decodes_and_unknown_paths_404(served) -> None:
    replay, base = served
    article = replay.portal.articles[0]
    status, headers, body = _get(base + replay.portal.article_path(article))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert replay.encoding == "utf-8"
    assert b'content="text/html; charset=utf-8"' in body
    text = body.decode("utf-8")
    assert article.title in text and article.paragraphs[-1] in text
    status, _, body = _get(base + "/News/Detail/1")
    assert status == 404 and "无法找到资源" in body.decode("utf-8")
    assert replay.pages[NOT_FOUND].status == 404

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
    post_path,
)
from portal.render import NOT_FOUND, category_path

CORPUS = Path(__file__).parent / "corpus"


def _text(body: bytes, charset: str = "utf-8") -> str:
    root = lxml.html.document_fromstring(body.decode(charset))
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
        text = _text(site[post_path(article.id)].body)
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
    assert encodings == {"utf-8", "gbk"}

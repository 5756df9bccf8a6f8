"""Self-tests of the network replays (portal.network): six portals, five URL schemes, served
by ReplayServer. Server level only: no crawler runs here."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from portal import ReplayServer
from portal.model import LIVE_HOST, SITE, SITE_NAME, body_text, make_portal, now
from portal.network import SHARED, SHARED_COUNT, network_replays, shared_stories
from portal.render import codec, render_site
from portal.schemes import DEDECMS, PHPCMS, SCHEMES, TRS, VSB, WORDPRESS, ZBLOG
from portal.sites import LIYANG, SITES, WUXI, WUXI_COPYRIGHT

KEYS = ("liyang", "wuxi", "www.jtcfzs.cn", "www.czinvest.org.cn", "www.yrdpark.com.cn")
KEYS += ("www.jtkfq.gov.cn",)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with _OPENER.open(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _decode(headers: dict[str, str], body: bytes) -> str:
    charset = headers["Content-Type"].partition("charset=")[2] or "utf-8"
    return body.decode(codec(charset))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", lxml.html.document_fromstring(html).text_content())


def _links(html: str, page_url: str, live_host: str, base_url: str) -> set[str]:
    """Paths (with query) of the same-site links of a page, as a browser resolves them."""
    out = set()
    for href in lxml.html.document_fromstring(html).xpath("//a/@href"):
        url = urljoin(page_url, href.strip())
        if url.startswith(live_host + "/"):
            url = base_url + url[len(live_host) :]
        if url.startswith(base_url + "/"):
            parts = urlsplit(url)
            out.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


@pytest.fixture(scope="module")
def served():
    rendered_at = now()
    replays = network_replays(rendered_at)
    servers = [ReplayServer(r.pages, date_header=rendered_at).start() for r in replays]
    try:
        yield {r.key: (r, s.base_url) for r, s in zip(replays, servers, strict=True)}
    finally:
        for server in servers:
            server.stop()


def test_identities() -> None:
    assert (LIYANG.host, LIYANG.key, LIYANG.name) == (LIVE_HOST, SITE, SITE_NAME)
    assert WUXI.host == "http://wuxi.021cf.cn" and WUXI.key == "wuxi"
    assert WUXI.copyright == WUXI_COPYRIGHT
    assert WUXI_COPYRIGHT == (
        "版权声明:本文由网络蜘蛛自动收集于网络,如需转载请查明并注明出处,"
        "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
    )
    assert "400 0123 021" in " ".join(WUXI.contact_block)
    assert "13391219793" in " ".join(WUXI.contact_block)
    assert WUXI.contact_block[0] != LIYANG.contact_block[0]
    assert set(WUXI.category_names).isdisjoint(LIYANG.category_names)
    assert tuple(SITES) == KEYS
    for key, site in SITES.items():
        if key not in ("liyang", "wuxi"):
            assert site.netloc == key


def test_default_portal_is_liyang_on_zblog() -> None:
    portal = make_portal(12, seed=3)
    assert portal.site is LIYANG and portal.scheme is ZBLOG
    site = render_site(portal, "tpure")
    assert f"/index.php/post/{portal.articles[0].id}.html" in site
    assert not any(path.startswith("/?id=") for path in site)


def test_scheme_paths() -> None:
    replays = {r.key: r for r in network_replays(now())}
    dede = replays["www.jtcfzs.cn"].portal
    a = dede.articles[0]
    c = dede.category(a.category_id)
    assert re.fullmatch(rf"/a/{c.slug}/\d{{4}}/\d{{4}}/{a.id}\.html", DEDECMS.article_path(a, c))
    assert DEDECMS.category_path(c, 2) == f"/a/{c.slug}/list_{c.id}_2.html"
    assert DEDECMS.alt_path(a, c) == f"/plus/view.php?aid={a.id}"
    assert PHPCMS.article_path(a, c) == (
        f"/index.php?m=content&c=index&a=show&catid={c.id}&id={a.id}"
    )
    assert PHPCMS.category_path(c, 3).endswith(f"a=lists&catid={c.id}&page=3")
    assert re.fullmatch(r"/\d{4}/\d{2}/\d{2}/[0-9a-z%-]+/", WORDPRESS.article_path(a, c))
    assert WORDPRESS.category_path(c, 2) == f"/category/{c.slug}/page/2/" and WORDPRESS.home_path(
        2
    ) == ("/page/2/")
    assert re.fullmatch(rf"/{c.slug}/\d{{6}}/t\d{{8}}_{a.id}\.html", TRS.article_path(a, c))
    assert TRS.category_path(c, 1) == f"/{c.slug}/index.html"
    assert TRS.category_path(c, 2) == f"/{c.slug}/index_1.html"
    assert re.fullmatch(rf"/art/\d{{4}}/\d+/\d+/art_{c.id}_{a.id}\.html", VSB.article_path(a, c))
    assert "pageNum=2" in VSB.category_path(c, 2)
    assert {"zblog", "dedecms", "phpcms", "wordpress", "trs", "vsb"} == set(SCHEMES)


def test_six_replays(served) -> None:
    assert tuple(served) == KEYS
    spiders = {key: r.spider for key, (r, _) in served.items()}
    assert spiders == {k: k if k in ("liyang", "wuxi") else "portal" for k in KEYS}
    for replay, base in served.values():
        n = len(replay.portal.articles)
        assert 12 <= n <= 20 and len(replay.portal.categories) == 2
        expected = replay.expected_items(base)
        assert len(expected) == n
        assert {item["site"] for item in expected.values()} == {replay.key}
        assert set(expected) == {base + p for p in replay.article_paths().values()}


def test_listings_page_through_every_article(served) -> None:
    for replay, base in served.values():
        portal, scheme = replay.portal, replay.scheme
        reached: set[str] = set()
        for category in portal.categories:
            count = sum(a.category_id == category.id for a in portal.articles)
            pages = -(-count // portal.per_page)
            assert pages >= 2, replay.key
            for n in range(1, pages + 1):
                path = scheme.category_path(category, n)
                status, headers, body = _get(base + path)
                assert status == 200, (replay.key, path)
                html = _decode(headers, body)
                links = _links(html, base + path, replay.host, base)
                if n < pages:
                    assert scheme.category_path(category, n + 1) in links, (replay.key, path)
                mine = {
                    replay.portal.article_path(a)
                    for a in portal.articles
                    if a.category_id == category.id
                }
                reached |= links & mine
                assert category.name in _text(html)
        assert reached == set(replay.article_paths().values()), replay.key
        status, _, _ = _get(base + "/")
        assert status == 200


def test_article_pages_show_title_body_and_pasted_boilerplate(served) -> None:
    for replay, base in served.values():
        for article in replay.portal.articles:
            path = replay.portal.article_path(article)
            status, headers, body = _get(base + path)
            assert status == 200, (replay.key, path)
            text = _text(_decode(headers, body))
            item = replay.expected_items(base)[base + path]
            assert item["title"] in text and item["author"] in text
            assert item["date_text"] in text and str(item["views"]) in text
            for paragraph in article.paragraphs:
                assert paragraph in text, (replay.key, path)
            for block in article.boilerplate:
                for line in block:
                    assert line in text
            for related in item["related"]:
                assert related["title"] in text
            assert body_text(article) == item["body"]


def test_dynamic_and_rewritten_forms_serve_the_same_article(served) -> None:
    forms = {}
    for replay, base in served.values():
        alts = replay.alt_paths()
        linked = replay.linked_alt_paths()
        forms[replay.key] = (len(alts), len(linked))
        assert set(linked) <= set(alts)
        pages_html = [p.text for p in replay.pages.values() if p.status == 200]
        for alt in linked:
            href = (replay.links_host or "") + alt
            assert any(f'href="{href}"' in h or f"href='{href}'" in h for h in pages_html), alt
        for alt, canonical in alts.items():
            status, headers, body = _get(base + alt)
            _, _, page = _get(base + canonical)
            if replay.scheme.alt_status == 301:
                assert status == 301 and headers["Location"] == canonical
            else:
                assert status == 200 and body == page, (replay.key, alt)
    assert forms["liyang"] == (0, 0) and forms["www.jtkfq.gov.cn"] == (0, 0)
    assert forms["wuxi"] == (15, 6)
    assert forms["www.jtcfzs.cn"] == (14, 6) and forms["www.czinvest.org.cn"] == (13, 6)
    assert forms["www.yrdpark.com.cn"] == (17, 17)


def test_query_order_and_escapes_do_not_matter(served) -> None:
    replay, base = served["www.czinvest.org.cn"]
    article = replay.portal.articles[0]
    path = replay.portal.article_path(article)
    query = urlsplit(path).query.split("&")
    shuffled = "/index.php?" + "&".join(reversed(query))
    assert _get(base + shuffled)[2] == _get(base + path)[2]
    assert _get(base + "/index.php?m=content&c=index&a=show&catid=1&id=1")[0] == 404
    replay, base = served["www.yrdpark.com.cn"]
    path = replay.portal.article_path(replay.portal.articles[0])
    upper = re.sub(r"%[0-9a-f]{2}", lambda m: m.group(0).upper(), path)
    assert _get(base + upper)[0] == 200


def test_gbk_portal_decodes(served) -> None:
    replay, base = served["www.jtcfzs.cn"]
    article = replay.portal.articles[0]
    status, headers, body = _get(base + replay.portal.article_path(article))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=gbk"
    assert b'charset=gbk"' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert article.title in text and article.paragraphs[-1] in text


def test_shared_stories_exist_once_per_portal(served) -> None:
    replays = [r for r, _ in served.values()]
    pairs = shared_stories(replays)
    assert len(pairs) == SHARED_COUNT >= 3
    assert sum(a.title != b.title for a, b in pairs) == 1
    source, target = (served[k][0] for k in SHARED)
    for a, b in pairs:
        assert a.paragraphs == b.paragraphs
        assert source.portal.article_path(a) != target.portal.article_path(b)
    bodies: dict[str, list[str]] = {}
    for replay in replays:
        for article in replay.portal.articles:
            bodies.setdefault(body_text(article), []).append(replay.key)
    repeated = {body: keys for body, keys in bodies.items() if len(keys) > 1}
    assert len(repeated) == SHARED_COUNT
    assert all(sorted(keys) == sorted(SHARED) for keys in repeated.values())


def test_relative_dates_follow_the_render_instant(served) -> None:
    replay, base = served["liyang"]
    texts = [item["date_text"] for item in replay.expected_items(base).values()]
    assert any("前" in t for t in texts)
    article = replay.portal.newest_first()[0]
    _, headers, body = _get(base + replay.portal.article_path(article))
    assert replay.expected_items(base)[base + replay.portal.article_path(article)][
        "date_text"
    ] in _text(_decode(headers, body))

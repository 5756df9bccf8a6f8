"""The generic `portal` spider needs neither a profile's URL scheme nor its theme's selectors:
on liyang's replays it stores what the liyang spider stores."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from industry_news.dates import SHANGHAI
from tests.crawling import crawl, stored_articles
from tests.portal import ReplayServer, expected_items, make_portal, render_site
from tests.portal.model import LIVE_HOST

pytestmark = pytest.mark.clock

FIELDS = ("title", "original_title", "author", "category", "views", "date_text", "body", "related")


@pytest.mark.parametrize("markup", ["tpure", "table", "legacy"])
def test_portal_spider_stores_what_the_profile_spider_stores(tmp_path: Path, markup: str) -> None:
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(18, seed=8, rendered_at=now, per_page=5, categories=2)
    pages = render_site(portal, markup)
    by_profile, by_portal = tmp_path / "profile.sqlite3", tmp_path / "portal.sqlite3"
    with ReplayServer(pages, date_header=now) as server:
        assert crawl(server.base_url, by_profile).returncode == 0
        generic = crawl(
            server.base_url,
            by_portal,
            "-a",
            f"url={LIVE_HOST}/",
            "-a",
            "site=liyang",
            spider="portal",
        )
        expected = expected_items(portal, server.base_url, markup=markup)
    assert generic.returncode == 0, generic.log[-2000:]
    profile_rows, portal_rows = stored_articles(by_profile), stored_articles(by_portal)
    assert set(portal_rows) == set(profile_rows) == set(expected)
    for url, item in expected.items():
        for field in FIELDS:
            assert portal_rows[url][field] == profile_rows[url][field] == item[field], (url, field)
        assert portal_rows[url]["site"] == "liyang"


def test_portal_spider_needs_an_http_url(tmp_path: Path) -> None:
    run = crawl("http://127.0.0.1:9/", tmp_path / "a.sqlite3", spider="portal")
    assert "the portal spider needs -a url=http://host/" in run.log
    run = crawl(
        "http://127.0.0.1:9/", tmp_path / "a.sqlite3", "-a", "url=ftp://x/", spider="portal"
    )
    assert "url must be an http(s) URL, got 'ftp://x/'" in run.log

"""Bad input: each page is logged and counted, the crawl finishes, nothing stored is damaged."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from industry_news.dates import SHANGHAI
from tests.crawling import crawl, rows, stored_articles
from tests.portal import ReplayServer, expected_items, make_portal, render_site

pytestmark = pytest.mark.clock


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory):
    """A GBK-encoded portal with an empty page, a 500, a ~5 MB page and broken HTML."""
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(20, seed=5, rendered_at=now, per_page=5, categories=2)
    ids = [a.id for a in portal.newest_first()]
    specials = {ids[1]: "empty", ids[2]: "500", ids[4]: "huge", ids[5]: "broken"}
    db = tmp_path_factory.mktemp("bad") / "archive.sqlite3"
    pages = render_site(portal, "table", encoding="gbk", specials=specials)
    with ReplayServer(pages, date_header=now) as server:
        run = crawl(server.base_url, db)
        expected = expected_items(portal, server.base_url, markup="table", specials=specials)
    (stats,) = rows(db, "select stats from crawl_runs")[0]
    return {"run": run, "db": db, "expected": expected, "ids": ids, "stats": json.loads(stats)}


def test_crawl_finishes(bad) -> None:
    assert bad["run"].returncode == 0
    assert bad["stats"]["finish_reason"] == "finished"
    assert "Traceback" not in bad["run"].log


def test_gbk_pages_are_stored_as_unicode(bad) -> None:
    stored = stored_articles(bad["db"])
    assert set(stored) == set(bad["expected"])  # the huge and the broken page included
    for url, item in bad["expected"].items():
        assert stored[url]["title"] == item["title"]
        assert stored[url]["body"] == item["body"]


def test_the_server_error_is_counted_as_failed(bad) -> None:
    assert bad["stats"]["industry_news/pages_failed"] == 1
    assert "Page failed (HTTP 500)" in bad["run"].log


def test_the_empty_page_is_dropped_with_its_reason(bad) -> None:
    assert bad["stats"]["industry_news/dropped/no_title"] == 1
    assert "Dropped (no title)" in bad["run"].log

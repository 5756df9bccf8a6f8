"""End to end: the real `liyang` spider crawls a loopback replay of the portal into SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from industry_news.dates import SHANGHAI
from tests.crawling import crawl, rows, stored_articles
from tests.portal import MARKUPS, ReplayServer, expected_items, make_portal, render_site

pytestmark = pytest.mark.clock

CONTENT = ("title", "original_title", "author", "category", "views", "date_text", "body", "related")


@pytest.fixture(scope="module", params=MARKUPS)
def replay(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A 30-article portal, 2 categories of 3 listing pages, a 404 and a page without body,
    in each markup, crawled twice into one archive."""
    markup = request.param
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(30, seed=3, rendered_at=now, per_page=5, categories=2)
    ids = [a.id for a in portal.newest_first()]
    specials = {ids[3]: "404", ids[6]: "no_body", ids[9]: "broken"}
    db = tmp_path_factory.mktemp("archive") / "archive.sqlite3"
    pages = render_site(portal, markup, specials=specials)
    with ReplayServer(pages, date_header=now) as server:
        first = crawl(server.base_url, db)
        after_first = stored_articles(db)
        second = crawl(server.base_url, db)
        expected = expected_items(portal, server.base_url, markup=markup, specials=specials)
    return {
        "portal": portal,
        "ids": ids,
        "db": db,
        "runs": (first, second),
        "after_first": after_first,
        "stored": stored_articles(db),
        "expected": expected,
        "requests": list(server.requests),
    }


def test_crawl_finishes_cleanly(replay) -> None:
    for run in replay["runs"]:
        assert run.returncode == 0, run.log[-2000:]
        assert "Traceback" not in run.log


def test_every_article_with_a_body_is_stored_once(replay) -> None:
    expected = {url for url, item in replay["expected"].items() if item["body"]}
    assert set(replay["stored"]) == expected
    assert len(expected) == 28  # 30, less the 404 and the page without body
    count, distinct = rows(replay["db"], "select count(*), count(distinct url) from articles")[0]
    assert count == distinct == 28


def test_the_portal_was_paged_through(replay) -> None:
    listing_pages = [p for p in replay["requests"] if "category-" in p]
    assert {"/index.php/category-1_3.html", "/index.php/category-2_3.html"} <= set(listing_pages)


@pytest.mark.parametrize("field", CONTENT)
def test_stored_fields_match_the_pages(replay, field: str) -> None:
    wrong = {
        url: (replay["stored"][url][field], item[field])
        for url, item in replay["expected"].items()
        if url in replay["stored"] and replay["stored"][url][field] != item[field]
    }
    assert wrong == {}


def test_published_dates_hold_the_true_instant(replay) -> None:
    for url, item in replay["expected"].items():
        if url not in replay["stored"]:
            continue
        stored = replay["stored"][url]
        true = datetime.fromisoformat(item["published_at"])
        earliest = _utc(stored["date_earliest"])
        latest = _utc(stored["date_latest"])
        assert earliest <= true <= latest, (url, item["date_text"])
        # A relative display ("1天前") spans more than one calendar day; an absolute one names it.
        if stored["date_precision"] == "day" and "前" not in item["date_text"]:
            assert _utc(stored["published_at"]).astimezone(SHANGHAI).date() == true.date()


def test_a_page_without_body_is_dropped_and_counted(replay) -> None:
    first = replay["runs"][0]
    assert "Dropped (" in first.log
    (dropped,) = rows(replay["db"], "select dropped from crawl_runs order by id limit 1")[0]
    assert dropped == 1


def test_the_404_is_counted_not_stored(replay) -> None:
    assert "Page gone (HTTP 404)" in replay["runs"][0].log
    stats = rows(replay["db"], "select stats from crawl_runs order by id limit 1")[0][0]
    assert '"industry_news/pages_gone": 1' in stats


def test_second_crawl_changes_nothing(replay) -> None:
    assert replay["after_first"] == replay["stored"]
    runs = rows(replay["db"], "select new, updated, unchanged from crawl_runs order by id")
    assert runs == [(28, 0, 0), (0, 0, 28)]


def test_crawl_rejects_a_bad_base_url(tmp_path: Path) -> None:
    run = crawl("ftp://nowhere", tmp_path / "a.sqlite3")
    assert "base_url must be an http(s) URL" in run.log


def _utc(text: str) -> datetime:
    """A stored (UTC, naive) SQLite datetime as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_max_pages_bounds_each_listing(tmp_path: Path) -> None:
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(30, seed=3, rendered_at=now, per_page=5, categories=2)
    with ReplayServer(render_site(portal, "tpure"), date_header=now) as server:
        assert crawl(server.base_url, tmp_path / "a.sqlite3", "-a", "max_pages=2").returncode == 0
        requested = set(server.requests)
    assert "/index.php/category-1_2.html" in requested
    assert not any("_3.html" in path or "page_3" in path for path in requested)


def test_a_mirror_without_a_root_page_is_entered_by_index_php(tmp_path: Path) -> None:
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(12, seed=4, rendered_at=now, per_page=5, categories=2)
    pages = render_site(portal, "tpure")
    pages["/index.php"] = pages.pop("/")
    db = tmp_path / "a.sqlite3"
    with ReplayServer(pages, date_header=now) as server:
        assert crawl(server.base_url, db).returncode == 0
    assert len(stored_articles(db)) == 12

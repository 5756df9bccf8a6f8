"""A page whose extraction fails still leads the crawl to its links, and the failure is counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crawling import crawl, rows
from tests.portal import ReplayServer, make_portal, render_site
from tests.portal.model import now

pytestmark = pytest.mark.clock

FAILING = ("-s", "SPIDER_MODULES=spiders,tests.broken_spiders.failing_extraction")


def _article_paths(requests: list[str]) -> set[str]:
    return {path for path in requests if "/post/" in path}


def test_links_of_pages_that_fail_extraction_are_followed(tmp_path: Path) -> None:
    rendered = now()
    portal = make_portal(30, seed=3, rendered_at=rendered, per_page=5, categories=2)
    pages = render_site(portal, "tpure")
    with ReplayServer(pages, date_header=rendered) as server:
        normal = crawl(server.base_url, tmp_path / "a.sqlite3", "-a", "max_pages=1")
        reached = _article_paths(server.requests)
        server.clear_requests()
        failing = crawl(
            server.base_url,
            tmp_path / "b.sqlite3",
            "-a",
            "max_pages=1",
            *FAILING,
            spider="liyang_failing_extraction",
        )
        reached_failing = _article_paths(server.requests)
    assert normal.returncode == failing.returncode == 0, failing.log[-3000:]
    # Some articles are reached only through other articles' related links (one listing page).
    listings = [
        pages[p].body.decode() for p in set(server.requests) if "/post/" not in p and p in pages
    ]
    listed = {p for p in reached if any(p in body for body in listings)}
    assert len(reached) > len(listed)
    assert reached_failing == reached
    assert "Extraction failed, links still followed" in failing.log
    (stats,) = rows(tmp_path / "b.sqlite3", "select stats from crawl_runs")[0]
    assert json.loads(stats)["industry_news/extract_errors"] == len(reached)
    assert rows(tmp_path / "b.sqlite3", "select count(*) from articles") == [(0,)]

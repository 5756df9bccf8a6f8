"""kill -9 a harvest at any moment, run it again: the archive ends complete, nothing twice."""

from __future__ import annotations

import re
import signal
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from harvesting import archived, article_paths, copy_archive, execute, harvest, query, start
from portal import Portal, ReplayServer, expected_items, grow_portal, make_portal, render_site
from portal.model import now, post_path

pytestmark = pytest.mark.clock


def test_harvest_killed_mid_crawl_then_rerun_completes_the_archive(tmp_path: Path) -> None:
    portal = make_portal(30, seed=8, rendered_at=now() - timedelta(hours=1))
    db = tmp_path / "archive.sqlite3"
    with ReplayServer(render_site(portal, absolute_links_host=None), portal.rendered_at) as server:
        expected = expected_items(portal, server.base_url)
        slow = ("-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_ENABLED=False")
        first = start(db, server.base_url, *slow)
        deadline = time.monotonic() + 30
        while len(archived(db)) < 5 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.communicate()
        assert first.returncode == -signal.SIGKILL
        before = archived(db)
        assert 5 <= len(before) < len(expected), "the kill must land mid-crawl"
        assert query(db, "select finished_at from crawl_runs") == [(None,)]

        server.clear_requests()
        done = harvest(db, server.base_url)
        assert done.returncode == 0, done.stderr
        assert re.match(r"liyang: finished in [\d.]+ s \(resume\) — ", done.stdout)
        assert not article_paths(server.requests) & {urlsplit(url).path for url in before}

    assert archived(db) == set(expected)
    assert query(db, "select count(*), count(distinct url) from articles") == [
        (len(expected), len(expected))
    ]
    stored = dict(query(db, "select url, title from articles"))
    assert stored == {url: item["title"] for url, item in expected.items()}
    links = query(db, "select count(*) from related_links")[0][0]
    assert links == sum(len(item["related"]) for item in expected.values())
    runs = query(db, "select finished_at is not null, finish_reason from crawl_runs order by id")
    assert runs == [(0, None), (1, "finished")]


def first_pages(portal: Portal) -> set[int]:
    """Ids of the articles that page 1 of a listing (home, a category) or the sidebar shows."""
    newest = portal.newest_first()
    shown = {a.id for a in newest[: portal.per_page]}
    for category in portal.categories:
        listed = [a for a in newest if a.category_id == category.id]
        shown |= {a.id for a in listed[: portal.per_page]}
    hot = sorted(portal.articles, key=lambda a: (-a.views, a.id))[:6]
    return shown | {a.id for a in hot}


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory: pytest.TempPathFactory):
    """The archive a harvest leaves when killed after storing page 1's new articles.

    A portal is harvested, grows by more articles than page 1 of its listings shows, and is
    harvested again; the new articles that only later pages list are then taken out of the
    archive (as if the kill came before the crawl reached them).
    """
    old = make_portal(20, seed=9, rendered_at=now() - timedelta(hours=3))
    grown = grow_portal(old, 16, now())
    with ReplayServer(render_site(old, absolute_links_host=None), old.rendered_at) as server:
        db = tmp_path_factory.mktemp("interrupted") / "archive.sqlite3"
        assert harvest(db, server.base_url).returncode == 0
        server.set_pages(render_site(grown, absolute_links_host=None), grown.rendered_at)
        assert harvest(db, server.base_url).returncode == 0
        old_ids = {a.id for a in old.articles}
        deep = {a.id for a in grown.articles} - old_ids - first_pages(grown)
        assert deep
        missing = {f"{server.base_url}{post_path(i)}" for i in deep}
        for url in missing:
            execute(
                db,
                "delete from related_links where article_id in"
                " (select id from articles where url = ?)",
                url,
            )
            execute(db, "delete from articles where url = ?", url)
        yield server, db, grown, missing


@pytest.mark.parametrize(
    ("last_run", "finds_all"),
    [
        ("finished_at = null, finish_reason = null", True),  # killed
        ("errors = 2", True),
        ("finish_reason = 'shutdown'", True),  # stopped early (SIGTERM)
        (None, False),  # finished cleanly: listings of archived articles are not paged
    ],
    ids=["killed", "errors", "shutdown", "clean"],
)
def test_after_a_broken_run_listings_are_paged_through_again(
    interrupted, tmp_path: Path, last_run: str | None, finds_all: bool
) -> None:
    server, base, grown, missing = interrupted
    db = copy_archive(base, tmp_path / "archive.sqlite3")
    if last_run:
        execute(db, f"update crawl_runs set {last_run} where id = (select max(id) from crawl_runs)")
    server.clear_requests()
    done = harvest(db, server.base_url)
    assert done.returncode == 0, done.stderr
    assert ("(resume)" in done.stdout) is finds_all
    assert (archived(db) >= missing) is finds_all
    if finds_all:
        assert archived(db) == set(expected_items(grown, server.base_url))

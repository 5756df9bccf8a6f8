"""`industry-news harvest` on a portal that grew: only what is new is fetched."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from harvesting import archived, article_paths, copy_archive, harvest, listing_paths
from portal import Portal, ReplayServer, expected_items, grow_portal, make_portal, render_site
from portal.model import now, post_path

pytestmark = pytest.mark.clock

N_OLD, N_NEW = 40, 3


@dataclass
class Site:
    server: ReplayServer
    old: Portal
    grown: Portal
    base: Path  # the archive of a complete harvest of `old`
    base_listings: int  # listing pages that harvest requested


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """A replay harvested once, then grown by N_NEW articles (new on page 1, old pushed on)."""
    old = make_portal(N_OLD, seed=5, rendered_at=now() - timedelta(hours=2))
    grown = grow_portal(old, N_NEW, now())
    with ReplayServer(render_site(old, absolute_links_host=None), old.rendered_at) as server:
        base = tmp_path_factory.mktemp("base") / "archive.sqlite3"
        done = harvest(base, server.base_url)
        assert done.returncode == 0, done.stderr
        assert archived(base) == set(expected_items(old, server.base_url))
        base_listings = len(listing_paths(server.requests))
        server.set_pages(render_site(grown, absolute_links_host=None), grown.rendered_at)
        yield Site(server, old, grown, base, base_listings)


def rerun(site: Site, db: Path, *args: str) -> tuple[str, list[str]]:
    """Harvest into db (a copy of the base archive unless it exists); stdout and requests."""
    if not db.exists():
        copy_archive(site.base, db)
    site.server.clear_requests()
    done = harvest(db, site.server.base_url, *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout, site.server.requests


def new_paths(site: Site) -> set[str]:
    old_ids = {a.id for a in site.old.articles}
    return {post_path(a.id) for a in site.grown.articles if a.id not in old_ids}


@pytest.fixture(scope="module")
def incremental(site: Site, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("incremental") / "archive.sqlite3"
    stdout, requests = rerun(site, db)
    return db, stdout, requests


def test_second_harvest_fetches_the_new_articles_and_no_archived_one(site, incremental) -> None:
    db, stdout, requests = incremental
    assert re.fullmatch(
        r"liyang: finished in \d+\.\d s \(incremental\) — \d+ requests, 3 new, 0 updated, "
        r"0 unchanged, 0 dropped, 0 failed, 0 gone\n",
        stdout,
    )
    assert article_paths(requests) == new_paths(site)
    assert len(requests) == len(set(requests))
    assert archived(db) == set(expected_items(site.grown, site.server.base_url))


def test_second_harvest_pages_listings_only_as_far_as_the_new_articles(site, incremental) -> None:
    _, _, requests = incremental
    listings = listing_paths(requests)
    # page 1 holds the new articles, so page 2 must be read to see that it holds none
    assert set(listings) <= {
        "/",
        "/index.php/page_2.html",
        *(f"/index.php/category-{c.id}.html" for c in site.grown.categories),
        *(f"/index.php/category-{c.id}_2.html" for c in site.grown.categories),
    }
    assert len(listings) < site.base_listings


def test_harvest_with_nothing_new_fetches_no_article(site, incremental, tmp_path) -> None:
    db = copy_archive(incremental[0], tmp_path / "archive.sqlite3")
    stdout, requests = rerun(site, db)
    assert " 0 new, 0 updated, 0 unchanged," in stdout
    assert article_paths(requests) == set()


def test_full_harvest_revisits_every_article(site, incremental, tmp_path) -> None:
    stdout, requests = rerun(site, tmp_path / "archive.sqlite3", "--full")
    assert "(full)" in stdout and f" {N_NEW} new, 0 updated, {N_OLD} unchanged," in stdout
    assert article_paths(requests) == {post_path(a.id) for a in site.grown.articles}
    assert len(requests) > len(incremental[2])


def test_refresh_days_refetches_only_recent_articles(site, tmp_path) -> None:
    cutoff = now() - timedelta(days=1)
    margin = timedelta(minutes=10)
    recent = {post_path(a.id) for a in site.old.articles if a.published_at > cutoff + margin}
    older = {post_path(a.id) for a in site.old.articles if a.published_at < cutoff - margin}
    assert recent and older  # the replay has both, or this test would prove nothing
    stdout, requests = rerun(site, tmp_path / "archive.sqlite3", "--refresh-days", "1")
    fetched = article_paths(requests)
    assert recent | new_paths(site) <= fetched
    assert not fetched & older
    assert f" {N_NEW} new, 0 updated, {len(fetched) - N_NEW} unchanged," in stdout

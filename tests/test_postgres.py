"""The archive on a real PostgreSQL server (tests/servers.py): the same crawls as on SQLite give
the same rows, several writers at once never double or lose one, every command reads it, and
an older SQLite archive is migrated in place by the same migrations."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from industry_news import migrate
from industry_news.dates import SHANGHAI
from industry_news.storage import Article, CrawlRun, RelatedLink, open_archive
from tests.crawling import ROOT, archive, count, crawl
from tests.harvesting import environment, harvest
from tests.portal import ReplayServer, expected_items, make_portal, render_site


@pytest.fixture(scope="module")
def replay():
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(24, seed=11, rendered_at=now, per_page=5, categories=2)
    ids = [a.id for a in portal.newest_first()]
    specials = {ids[4]: "404"}
    with ReplayServer(render_site(portal, "tpure", specials=specials), date_header=now) as server:
        yield server, expected_items(portal, server.base_url, markup="tpure", specials=specials)


@pytest.mark.clock  # the datetimes it compares are read against the wall clock
def test_crawl_into_postgres_stores_what_sqlite_stores(replay, postgres_url, tmp_path) -> None:
    server, expected = replay
    db = tmp_path / "archive.sqlite3"
    assert crawl(server.base_url, db).returncode == 0
    first = crawl(server.base_url, db, "-s", f"INDUSTRY_NEWS_DB={postgres_url}")
    assert first.returncode == 0, first.log[-2000:]
    assert "Traceback" not in first.log
    on_sqlite, on_postgres = archive(f"sqlite:///{db}"), archive(postgres_url)
    assert set(on_postgres) == set(expected)
    assert on_postgres == on_sqlite  # Chinese text and aware datetimes, exactly
    dated = [a["published_at"] for a in on_postgres.values() if a["published_at"]]
    assert dated and all(d.utcoffset() is not None for d in dated)
    second = crawl(server.base_url, db, "-s", f"INDUSTRY_NEWS_DB={postgres_url}")
    assert second.returncode == 0, second.log[-2000:]
    assert archive(postgres_url) == on_postgres
    engine = create_engine(postgres_url)
    with Session(engine) as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
    engine.dispose()
    assert [(r.new, r.finish_reason) for r in runs] == [
        (len(expected), "finished"),
        (0, "finished"),
    ]


def test_writers_at_once_never_double_or_lose_a_row(replay, postgres_url, tmp_path) -> None:
    """Four crawls of one portal into one new database, started together: one row per article,
    each with its related links once (ON CONFLICT, the row lock, the migration lock)."""
    server, expected = replay
    with ThreadPoolExecutor(4) as pool:
        runs = list(
            pool.map(
                lambda i: crawl(
                    server.base_url,
                    tmp_path / f"{i}.sqlite3",
                    "-s",
                    f"INDUSTRY_NEWS_DB={postgres_url}",
                ),
                range(4),
            )
        )
    for run in runs:
        assert run.returncode == 0, run.log[-2000:]
        assert "Traceback" not in run.log
    stored = archive(postgres_url)
    assert set(stored) == set(expected)
    assert count(postgres_url, Article) == len(expected)
    want = {url: len(item["related"]) for url, item in expected.items()}
    assert {url: len(a["related"]) for url, a in stored.items()} == want
    assert count(postgres_url, RelatedLink) == sum(want.values())


def industry_news(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "industry_news.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(),
    )


def test_every_command_works_on_postgres(replay, postgres_url, tmp_path) -> None:
    server, expected = replay
    assert (
        crawl(
            server.base_url, tmp_path / "x.sqlite3", "-s", f"INDUSTRY_NEWS_DB={postgres_url}"
        ).returncode
        == 0
    )
    out = industry_news("export", "--format", "json", "--db", postgres_url)
    assert out.returncode == 0, out.stderr
    exported = json.loads(out.stdout)
    assert sorted(a["url"] for a in exported) == sorted(expected)
    titles = {url: item["title"] for url, item in expected.items()}
    assert all(a["title"] == titles[a["url"]] for a in exported)
    word = next(iter(expected.values()))["title"][:2]
    found = industry_news(
        "search", word, "--format", "jsonl", "--limit", "100", "--db", postgres_url
    )
    assert found.returncode == 0, found.stderr
    hits = {json.loads(line)["url"] for line in found.stdout.splitlines()}
    assert hits == {u for u, i in expected.items() if word in i["title"] or word in i["body"]}
    for command in (["status"], ["sites"], ["reclean"], ["boilerplate", "--site", "liyang"]):
        done = industry_news(*command, "--db", postgres_url)
        assert done.returncode == 0, (command, done.stderr)
    sites = industry_news("sites", "--db", postgres_url).stdout
    assert "liyang" in sites and str(len(expected)) in sites


def test_migrations_build_the_same_schema_on_both_backends(postgres_url, tmp_path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from industry_news.storage import Base

    for url in (postgres_url, f"sqlite:///{tmp_path / 'new.sqlite3'}"):
        engine = open_archive(url)
        with engine.connect() as connection:
            assert migrate.current(connection) == migrate.head()
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        engine.dispose()
        # What migrations do not build is SQLite's derived search and copies tables.
        derived = ("article_search", "copy_")
        assert [d for d in diff if not _table_of(d).startswith(derived)] == []


def _table_of(difference: tuple) -> str:
    item = difference[1]
    return getattr(item, "name", "") if difference[0].endswith("_table") else item.table.name


HOLDER = """
import sys, time
from industry_news.lock import AdvisoryLock
AdvisoryLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(600)
"""


def test_harvest_takes_an_advisory_lock_on_postgres(replay, postgres_url, tmp_path) -> None:
    """A second harvest of a PostgreSQL archive exits 75 naming the holder; a holder killed
    with -9 leaves no lock behind; harvests stay incremental there."""
    server, expected = replay
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, postgres_url], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout.readline() == "held\n"
        locked = harvest(tmp_path / "unused.sqlite3", server.base_url, "--db", postgres_url)
    finally:
        holder.kill()
        holder.wait()
    assert locked.returncode == 75, locked.stderr
    assert f"(pid {holder.pid})" in locked.stderr and "advisory lock" in locked.stderr
    first = harvest(tmp_path / "unused.sqlite3", server.base_url, "--db", postgres_url)
    assert first.returncode == 0, first.stderr
    assert f" requests, {len(expected)} new, " in first.stdout, first.stdout
    assert count(postgres_url, Article) == len(expected)
    again = harvest(tmp_path / "unused.sqlite3", server.base_url, "--db", postgres_url)
    assert again.returncode == 0, again.stderr
    assert "(incremental)" in again.stdout and " requests, 0 new, " in again.stdout, again.stdout
    assert count(postgres_url, Article) == len(expected)


def test_copy_archive_moves_an_archive_both_ways_idempotently(
    replay, postgres_url, tmp_path
) -> None:
    server, expected = replay
    db = tmp_path / "archive.sqlite3"
    assert crawl(server.base_url, db).returncode == 0
    sqlite_url = f"sqlite:///{db}"
    there = industry_news("copy-archive", "--from", sqlite_url, "--to", postgres_url)
    assert there.returncode == 0, there.stderr
    assert f"articles: {len(expected)} rows, {len(expected)} copied" in there.stdout
    assert "copying" in there.stderr  # the progress bar
    assert archive(postgres_url) == archive(sqlite_url)
    again = industry_news("copy-archive", "--from", sqlite_url, "--to", postgres_url, "--quiet")
    assert again.returncode == 0, again.stderr
    assert f"articles: {len(expected)} rows, 0 copied" in again.stdout
    assert " 0 copied" in again.stdout and again.stderr == ""
    # The copy goes on as an archive of its own: new ids continue after the copied ones.
    assert crawl(server.base_url, db, "-s", f"INDUSTRY_NEWS_DB={postgres_url}").returncode == 0
    assert count(postgres_url, CrawlRun) == 2
    back = tmp_path / "back.sqlite3"
    home = industry_news("copy-archive", "--from", postgres_url, "--to", f"sqlite:///{back}")
    assert home.returncode == 0, home.stderr
    assert archive(f"sqlite:///{back}") == archive(sqlite_url)
    word = next(iter(expected.values()))["title"][:2]
    found = industry_news("search", word, "--format", "jsonl", "--db", f"sqlite:///{back}")
    want = {u for u, i in expected.items() if word in i["title"] or word in i["body"]}
    assert {json.loads(line)["url"] for line in found.stdout.splitlines()} == want
    with sqlite3.connect(db) as con:
        con.execute(
            "UPDATE articles SET url = url || '?x' WHERE id = (SELECT min(id) FROM articles)"
        )
    refused = industry_news("copy-archive", "--from", f"sqlite:///{db}", "--to", postgres_url)
    assert refused.returncode == 1
    assert refused.stderr.startswith("industry-news: the target already holds other articles")
    assert count(postgres_url, Article) == len(expected)  # nothing of the diverged source written

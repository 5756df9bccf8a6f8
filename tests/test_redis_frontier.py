"""Several crawler processes on one frontier (a real Redis) and one archive (a real
PostgreSQL): each page is fetched once, nothing is lost when one of them is killed, and an
incremental harvest still fetches only what is new. The bookkeeping's rules are checked on
Redis directly. (Wall time with 1 and 3 processes: benchmarks/frontier.py.)"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from redis import Redis

from industry_news.dates import SHANGHAI
from industry_news.frontier import Frontier, Keys, crawl_prefix
from industry_news.lock import ArchiveLocked, archive_lock
from tests.crawling import FAST, ROOT, archive
from tests.harvesting import article_paths, environment, listing_paths
from tests.portal import ReplayServer, expected_items, grow_portal, make_portal, render_site
from tests.portal.model import post_path
from tests.servers import free_port

LATENCY = 0.1
"""Seconds every replayed page takes, so that three processes have work at once."""
WORKER = ("-s", "FRONTIER_HEARTBEAT=0.2", "-s", "FRONTIER_WORKER_TIMEOUT=2")


def start_crawl(base_url: str, db_url: str, redis_url: str, *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "liyang", "-a", f"base_url={base_url}"]
    command += ["-s", f"INDUSTRY_NEWS_DB={db_url}", "-s", f"REDIS_URL={redis_url}", *FAST, *WORKER]
    command += args
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def finish(processes: list[subprocess.Popen[str]], timeout: float = 180) -> list[str]:
    """Wait for every process; their logs. Each must have exited 0 without a traceback."""
    logs = []
    for process in processes:
        _, log = process.communicate(timeout=timeout)
        assert process.returncode == 0, log[-3000:]
        assert "Traceback" not in log, log[-3000:]
        logs.append(log)
    return logs


def stat(log: str, name: str) -> int:
    """A count from the stats a crawl's log ends with (0 if absent)."""
    found = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(found.group(1)) if found else 0


def related_counts(stored: dict[str, dict]) -> dict[str, int]:
    return {url: len(article["related"]) for url, article in stored.items()}


@pytest.fixture(scope="module")
def replay():
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(60, seed=23, rendered_at=now, per_page=10, categories=3)
    pages = render_site(portal, "tpure")
    with ReplayServer(pages, date_header=now, latency=LATENCY) as server:
        yield server, expected_items(portal, server.base_url, markup="tpure")


def test_three_processes_fetch_each_page_once(replay, redis_url, postgres_url) -> None:
    server, expected = replay
    server.clear_requests()
    logs = finish([start_crawl(server.base_url, postgres_url, redis_url) for _ in range(3)])
    requests = Counter(server.requests)
    assert {path: n for path, n in requests.items() if n > 1} == {"/robots.txt": 3}
    assert len(article_paths(list(requests))) == len(expected)
    shares = [stat(log, "scheduler/dequeued/redis") for log in logs]
    assert sum(shares) == requests.total() - 3  # every page but robots.txt went through Redis
    assert all(share > 0 for share in shares), shares
    # each page was released once its items were stored, not only when its worker idled
    assert [stat(log, "industry_news/frontier/acked") for log in logs] == shares
    stored = archive(postgres_url)
    assert set(stored) == set(expected)
    want = {url: len(item["related"]) for url, item in expected.items()}
    assert related_counts(stored) == want
    # The crawl is over: its dupefilter is gone and nothing is left queued or held.
    assert Redis.from_url(redis_url).keys("industry-news:*:requests") == []
    assert Redis.from_url(redis_url).keys("industry-news:*:dupefilter") == []


def test_kill_9_of_one_loses_and_doubles_nothing(replay, redis_url, postgres_url) -> None:
    server, expected = replay
    server.clear_requests()
    processes = [start_crawl(server.base_url, postgres_url, redis_url) for _ in range(3)]
    victim = processes[1]
    redis = Redis.from_url(redis_url)
    deadline = time.monotonic() + 60
    held = 0
    while time.monotonic() < deadline and not held:
        # kill it while it holds requests it has not finished
        for key in redis.keys(f"{crawl_prefix('liyang', 'liyang')}:claims:*:{victim.pid}:*"):
            held = redis.hlen(key)
        time.sleep(0.02)
    assert held, "the victim never held a request"
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    logs = finish([processes[0], processes[2]])
    recovered = sum(int(n) for log in logs for n in re.findall(r"Re-queued (\d+) requests", log))
    assert recovered >= 1
    stored = archive(postgres_url)
    assert set(stored) == set(expected)
    want = {url: len(item["related"]) for url, item in expected.items()}
    assert related_counts(stored) == want
    articles = Counter(path for path in server.requests if "/post/" in path)
    assert set(articles) == {urlsplit(url).path for url in expected}
    # Only what the victim held when it died was fetched twice.
    assert sum(n - 1 for n in articles.values()) <= recovered


def harvest_worker(db_url: str, base_url: str, redis_url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "industry_news.cli", "harvest", "liyang", "--db", db_url]
    command += ["-a", f"base_url={base_url}", "-s", f"REDIS_URL={redis_url}", *FAST, *WORKER]
    return subprocess.Popen(
        command, cwd=ROOT, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_incremental_harvest_on_a_shared_frontier(redis_url, postgres_url) -> None:
    """Two harvests share each crawl (the shared lock lets both in); the second crawl of the
    grown portal fetches only the new articles and pages listings only as far as they go."""
    old = make_portal(40, seed=5, rendered_at=datetime.now(SHANGHAI) - timedelta(hours=2))
    grown = grow_portal(old, 3, datetime.now(SHANGHAI))
    with ReplayServer(render_site(old), old.rendered_at, latency=LATENCY) as server:
        first = [harvest_worker(postgres_url, server.base_url, redis_url) for _ in range(2)]
        for worker in first:
            out, err = worker.communicate(timeout=180)
            assert worker.returncode == 0, err[-3000:]
        assert set(archive(postgres_url)) == set(expected_items(old, server.base_url))
        assert Counter(server.requests)["/"] == 1
        full_listings = len(listing_paths(server.requests))
        server.set_pages(render_site(grown), grown.rendered_at)
        server.clear_requests()
        second = [harvest_worker(postgres_url, server.base_url, redis_url) for _ in range(2)]
        outs = []
        for worker in second:
            out, err = worker.communicate(timeout=180)
            assert worker.returncode == 0, err[-3000:]
            outs.append(out)
        new = {post_path(a.id) for a in grown.articles} - {post_path(a.id) for a in old.articles}
        assert Counter(path for path in server.requests if "/post/" in path) == Counter(new)
        assert all("(incremental)" in out for out in outs), outs
        assert len(listing_paths(server.requests)) < full_listings
        assert set(archive(postgres_url)) == set(expected_items(grown, server.base_url))


@pytest.mark.parametrize(
    ("redis_url", "message"),
    [
        (f"redis://127.0.0.1:{free_port()}/0", "cannot reach Redis at REDIS_URL: Error 111"),
        ("127.0.0.1:6379", "bad REDIS_URL: Redis URL must specify one of the following schemes"),
    ],
)
def test_a_bad_redis_url_is_a_clear_error(replay, tmp_path, redis_url, message) -> None:
    server, _ = replay
    crawl = start_crawl(server.base_url, f"sqlite:///{tmp_path / 'a.sqlite3'}", redis_url)
    _, log = crawl.communicate(timeout=60)
    assert crawl.returncode != 0
    assert message in log
    assert not (tmp_path / "a.sqlite3").exists()  # stopped before the crawl began


def test_a_heartbeat_slower_than_the_timeout_is_refused(replay, redis_url, tmp_path) -> None:
    server, _ = replay
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    crawl = start_crawl(server.base_url, db, redis_url, "-s", "FRONTIER_HEARTBEAT=5")
    _, log = crawl.communicate(timeout=60)
    assert crawl.returncode != 0
    assert "FRONTIER_HEARTBEAT (5.0 s) must be above 0 and below FRONTIER_WORKER_TIMEOUT" in log


# ---- the bookkeeping's rules, on a real Redis


@pytest.fixture
def redis(redis_url):
    client = Redis.from_url(redis_url)
    yield client
    client.close()


def worker(redis: Redis, name: str, timeout_ms: int = 60_000) -> Frontier:
    frontier = Frontier(redis, Keys("t"), name, timeout_ms)
    frontier.beat()
    return frontier


def test_a_claim_is_held_until_acknowledged(redis) -> None:
    a = worker(redis, "a")
    redis.zadd("t:requests", {b"first": 0, b"second": 1})
    assert a.claim() == b"first"
    assert (redis.hkeys("t:claims:a"), redis.zcard("t:requests")) == ([b"first"], 1)
    a.ack(b"first")
    assert redis.hlen("t:claims:a") == 0
    assert a.claim() == b"second"
    assert a.claim() is None


def test_the_crawl_is_over_only_when_nobody_is_busy(redis) -> None:
    a, b = worker(redis, "a"), worker(redis, "b")
    redis.sadd("t:dupefilter", "fp")
    redis.zadd("t:requests", {b"page": 0})
    assert b.claim() == b"page"
    assert a.settle() == ("wait", 0)  # b may queue the page's links
    redis.zadd("t:requests", {b"link": 0})
    assert a.settle() == ("work", 0)
    assert a.claim() == b"link"
    assert b.settle() == ("wait", 0)  # b is idle now; a is busy
    assert redis.exists("t:dupefilter")
    assert a.settle() == ("done", 0)
    assert not redis.exists("t:dupefilter")  # the next crawl starts afresh
    assert b.settle() == ("done", 0)


def test_a_silent_worker_s_requests_go_back_on_the_queue(redis) -> None:
    a, b = worker(redis, "a", timeout_ms=200), worker(redis, "b", timeout_ms=200)
    redis.zadd("t:requests", {b"one": 0, b"two": 5})
    assert b.claim() == b"one" and b.claim() == b"two"
    assert a.settle() == ("wait", 0)  # b is alive yet
    time.sleep(0.3)
    a.beat()
    assert a.settle() == ("work", 2)
    assert redis.zrange("t:requests", 0, -1, withscores=True) == [(b"one", 0.0), (b"two", 5.0)]
    assert not redis.exists("t:claims:b")


def test_a_worker_that_leaves_hands_back_what_it_holds(redis) -> None:
    a = worker(redis, "a")
    redis.zadd("t:requests", {b"one": 0})
    assert a.claim() == b"one"
    assert a.leave() == 1
    assert redis.zrange("t:requests", 0, -1) == [b"one"]
    assert redis.zcard("t:beats") == 0 and redis.scard("t:busy") == 0


def test_harvests_on_one_frontier_share_the_archive_lock(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    shared = archive_lock(url, shared=True), archive_lock(url, shared=True)
    with shared[0], shared[1], pytest.raises(ArchiveLocked):
        archive_lock(url).acquire()
    with archive_lock(url), pytest.raises(ArchiveLocked):
        archive_lock(url, shared=True).acquire()


def test_harvests_on_one_frontier_share_the_advisory_lock(postgres_url) -> None:
    shared = archive_lock(postgres_url, shared=True), archive_lock(postgres_url, shared=True)
    with shared[0], shared[1], pytest.raises(ArchiveLocked):
        archive_lock(postgres_url).acquire()
    with archive_lock(postgres_url), pytest.raises(ArchiveLocked):
        archive_lock(postgres_url, shared=True).acquire()

"""Acceptance: two portals of the 021cf network by their profile spiders, four portals on other
CMSs and one on an in-house CMS whose URLs no scheme explains by the generic `portal` spider,
crawled into one archive (tests/portal/network.py).

Every replay scores as the liyang replays do: every stored field equal to the truth.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest

from industry_news.dates import SHANGHAI
from tests.crawling import ROOT, crawl, rows, stored_articles
from tests.harvesting import FAST, environment
from tests.portal import ReplayServer
from tests.portal.network import SHARED, custom_replay, network_replays, shared_stories

pytestmark = pytest.mark.clock

FIELDS = ("title", "original_title", "author", "category", "views", "date_text", "body", "related")


def all_replays(rendered_at: datetime) -> list:
    return [*network_replays(rendered_at), custom_replay(rendered_at)]


def _utc(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def crawl_replay(replay, base_url: str, db: Path):
    """The replay's spider into db: its profile's, or `portal -a url=<live host>`."""
    if replay.spider == "portal":
        return crawl(base_url, db, "-a", f"url={replay.host}", spider="portal")
    return crawl(base_url, db, spider=replay.spider)


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory):
    """The six replays served on loopback, each crawled twice into one archive."""
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    replays = all_replays(now)
    db = tmp_path_factory.mktemp("network") / "archive.sqlite3"
    with ExitStack() as stack:
        servers = [stack.enter_context(ReplayServer(r.pages, date_header=now)) for r in replays]
        runs = {}
        for round_ in (1, 2):
            with ThreadPoolExecutor(len(replays)) as pool:
                done = pool.map(
                    lambda pair: crawl_replay(pair[0], pair[1].base_url, db),
                    zip(replays, servers, strict=True),
                )
                runs[round_] = dict(zip((r.key for r in replays), done, strict=True))
        expected = {
            r.key: r.expected_items(s.base_url) for r, s in zip(replays, servers, strict=True)
        }
        requests = {r.key: list(s.requests) for r, s in zip(replays, servers, strict=True)}
        bases = {r.key: s.base_url for r, s in zip(replays, servers, strict=True)}
    return {
        "replays": replays,
        "db": db,
        "runs": runs,
        "expected": expected,
        "stored": stored_articles(db),
        "requests": requests,
        "bases": bases,
    }


def test_every_crawl_finishes_cleanly(network) -> None:
    for runs in network["runs"].values():
        for key, run in runs.items():
            assert run.returncode == 0, (key, run.log[-2000:])
            assert "Traceback" not in run.log, key
            assert "ERROR" not in run.log, key


def test_each_portal_is_archived_under_its_own_site(network) -> None:
    by_site = Counter(article["site"] for article in network["stored"].values())
    assert by_site == {key: len(items) for key, items in network["expected"].items()}


@pytest.mark.parametrize("key", [r.key for r in all_replays(datetime(2025, 5, 21))])
def test_every_field_matches_the_truth(network, key: str) -> None:
    expected = network["expected"][key]
    stored = {url: a for url, a in network["stored"].items() if a["site"] == key}
    assert set(stored) == set(expected), "stored URLs differ from the portal's own"
    misses = {
        field: [url for url, item in expected.items() if stored[url][field] != item[field]]
        for field in FIELDS
    }
    first = {
        field: (stored[urls[0]][field], expected[urls[0]][field])
        for field, urls in misses.items()
        if urls
    }
    assert not first, first
    for url, item in expected.items():
        true = datetime.fromisoformat(item["published_at"])
        span = _utc(stored[url]["date_earliest"]), _utc(stored[url]["date_latest"])
        assert span[0] <= true <= span[1], (url, item["date_text"])


def test_the_same_story_is_one_row_per_portal(network) -> None:
    by_body: dict[str, list[str]] = {}
    for article in network["stored"].values():
        by_body.setdefault(article["body"], []).append(article["site"])
    pairs = shared_stories(network["replays"])
    assert len(pairs) == 3
    for source, _copy in pairs:
        body = "\n\n".join(source.paragraphs)
        assert sorted(by_body[body]) == sorted(SHARED)


def test_no_portal_stores_an_article_twice(network) -> None:
    db = network["db"]
    assert rows(db, "select count(*) - count(distinct url) from articles") == [(0,)]
    doubled = rows(
        db,
        "select site, article_key, count(*) from articles where article_key is not null"
        " group by site, article_key having count(*) > 1",
    )
    assert doubled == []
    # Second URL forms (sidebars' ?id=, view.php?aid=, show-…html, the ?p= shortlink) were
    # linked, and none of them is a row.
    for replay in network["replays"]:
        for alt in replay.linked_alt_paths():
            assert network["bases"][replay.key].rstrip("/") + alt not in network["stored"]


def test_the_second_crawl_adds_nothing(network) -> None:
    runs = rows(network["db"], "select site, new from crawl_runs order by id")
    first, second = runs[: len(network["replays"])], runs[len(network["replays"]) :]
    assert sorted(site for site, _ in second) == sorted(network["expected"])
    assert all(new > 0 for _, new in first)
    assert [new for _, new in second] == [0] * len(second)


def test_harvest_runs_every_profile_with_one_line_each_and_sites_counts(network, tmp_path) -> None:
    replays = {r.key: r for r in network["replays"]}
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    db = network["db"]
    with ExitStack() as stack:
        args = []
        for key in ("liyang", "wuxi"):
            server = stack.enter_context(ReplayServer(replays[key].pages, date_header=now))
            args += ["-a", f"{key}:base_url={server.base_url}"]
        command = [sys.executable, "-m", "industry_news.cli", "harvest", "--db", f"sqlite:///{db}"]
        done = subprocess.run(
            [*command, *args, *FAST],
            cwd=tmp_path,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["liyang", "wuxi"]
    assert all("(incremental)" in line and " 0 new" in line for line in lines), lines
    sites = subprocess.run(
        [sys.executable, "-m", "industry_news.cli", "sites", "--db", f"sqlite:///{db}"],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert sites.returncode == 0, sites.stderr
    table = {line.split()[0]: line.split() for line in sites.stdout.splitlines()[1:]}
    for key, items in network["expected"].items():
        assert str(len(items)) in table[key], table[key]
        assert "finished" in table[key]


def test_a_portal_without_profile_is_harvested_incrementally(network, tmp_path) -> None:
    replay = next(r for r in network["replays"] if r.key == "www.jtkfq.gov.cn")
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    with ReplayServer(replay.pages, date_header=now) as server:
        command = [sys.executable, "-m", "industry_news.cli", "harvest", "portal"]
        command += ["--db", f"sqlite:///{network['db']}", "-a", f"url={replay.host}/"]
        command += ["-a", f"base_url={server.base_url}", *FAST]
        done = subprocess.run(
            command, cwd=tmp_path, env=environment(), capture_output=True, text=True, timeout=120
        )
        requested = list(server.requests)
    assert done.returncode == 0, done.stderr
    assert re.match(
        r"portal: finished in [\d.]+ s \(incremental\) — \d+ requests, 0 new", done.stdout
    )
    # No archived article is fetched again.
    articles = set(replay.article_paths().values())
    assert not articles & set(requested)


def test_copies_across_two_portals_are_one_cluster(network, tmp_path) -> None:
    db = network["db"]
    command = [sys.executable, "-m", "industry_news.cli", "copies", "--db", f"sqlite:///{db}"]
    done = subprocess.run(
        [*command, "--format", "jsonl"], env=environment(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    found = [json.loads(line) for line in done.stdout.splitlines()]
    pairs = shared_stories(network["replays"])
    assert len(found) == len(pairs) == 3
    for cluster in found:
        assert cluster["size"] == 2 and sorted(cluster["sites"]) == sorted(SHARED)
        (url,) = rows(
            db,
            "select url from articles where cluster_id = ? order by published_at, id limit 1",
            cluster["cluster"],
        )[0]
        assert cluster["original_url"] == url
    export = [sys.executable, "-m", "industry_news.cli", "export", "--db", f"sqlite:///{db}"]
    every = subprocess.run(
        [*export, "--format", "jsonl"], env=environment(), capture_output=True, text=True
    ).stdout.splitlines()
    one = subprocess.run(
        [*export, "--format", "jsonl", "--one-per-cluster"],
        env=environment(),
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert len(one) == len(every) - 3
    records = [json.loads(line) for line in every]
    assert sum(r["copies"] == 2 for r in records) == 6
    assert len({r["cluster"] for r in records}) == len(one)

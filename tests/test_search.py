"""Full-text search on a crawled replay: the hits equal a plain substring scan, best first."""

from __future__ import annotations

import json
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from industry_news.query import parse
from industry_news.search import search
from industry_news.storage import connect_existing
from tests.crawling import ROOT, crawl
from tests.harvesting import environment
from tests.portal import ReplayServer, make_portal, render_site
from tests.portal.model import DEFAULT_RENDERED_AT as RENDERED_AT

# Nothing here reads a date against now: replays are rendered at a fixed instant and the
# assertions compare the archive with itself, so these tests are not run again under faketime.

WORD = re.compile(r"[^\W_]+")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two markups of a 40-article portal crawled into one archive."""
    db = tmp_path_factory.mktemp("search") / "archive.sqlite3"
    for markup, seed in (("tpure", 11), ("wordpress", 12)):
        portal = make_portal(40, seed=seed, rendered_at=RENDERED_AT, per_page=8, categories=2)
        with ReplayServer(render_site(portal, markup)) as server:
            assert crawl(server.base_url, db).returncode == 0
    return db


def articles(db: Path) -> list[dict]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute("select url, title, body, published_at from articles")]


def holds(article: dict, word: str) -> bool:
    """The reference: a plain substring test (ASCII case folded) on title or body."""
    return word.lower() in article["title"].lower() or word.lower() in article["body"].lower()


def draw_words(stored: list[dict], rng: random.Random, n: int) -> list[str]:
    """Substrings of 1–4 letters of the articles' own runs of text (titles and bodies)."""
    words = []
    while len(words) < n:
        article = rng.choice(stored)
        runs = WORD.findall(rng.choice((article["title"], article["body"])))
        run = rng.choice([r for r in runs if r] or ["园区"])
        size = min(len(run), rng.randint(1, 4))
        start = rng.randint(0, len(run) - size)
        words.append(run[start : start + size])
    return words


def draw_queries(stored: list[dict]) -> list[tuple[str, list[list[str]], list[str]]]:
    """(query text, its groups of alternatives, its exclusions), of every kind."""
    rng = random.Random(20261202)
    out = []
    for word in draw_words(stored, rng, 70):
        out.append((word, [[word]], []))
    pairs = draw_words(stored, rng, 80)
    for a, b in zip(pairs[::2], pairs[1::2], strict=True):
        out.append((f"{a} {b}", [[a], [b]], []))
    for a, b in zip(pairs[:40:2], pairs[1:40:2], strict=True):
        out.append((f"{a} -{b}", [[a]], [b]))
    for a, b, c in zip(pairs[40::3], pairs[41::3], pairs[42::3], strict=False):
        out.append((f"{a} OR {b} {c}", [[a, b], [c]], []))
    # Phrases as written, punctuation and all: "5.4亿", "园区(化工".
    for _ in range(30):
        article = rng.choice(stored)
        body = article["body"].replace('"', "")
        start = rng.randint(0, max(0, len(body) - 6))
        phrase = body[start : start + rng.randint(3, 6)].strip()
        if WORD.search(phrase) and "\n" not in phrase:
            out.append((f'"{phrase}"', [[phrase]], []))
    # ASCII words in another case.
    out += [("ICP", [["ICP"]], []), ("Icp 苏", [["Icp"], ["苏"]], [])]
    return out


def expected_hits(stored, groups, excluded) -> set[str]:
    return {
        a["url"]
        for a in stored
        if all(any(holds(a, w) for w in group) for group in groups)
        and not any(holds(a, w) for w in excluded)
    }


def test_hits_equal_the_substring_scan_best_first(archive: Path) -> None:
    stored = articles(archive)
    queries = draw_queries(stored)
    assert len(queries) >= 150
    by_url = {a["url"]: a for a in stored}
    engine = connect_existing(f"sqlite:///{archive}")
    lengths = set()
    with engine.connect() as connection:
        for text, groups, excluded in queries:
            lengths.update(len(w) for g in groups for w in g)
            hits = search(connection, parse(text), limit=None)
            urls = [hit.url for hit in hits]
            # The top hits, asked of the index for its best only, are the same.
            assert [h.url for h in search(connection, parse(text), limit=5)] == urls[:5], text
            assert len(urls) == len(set(urls)), text
            assert set(urls) == expected_hits(stored, groups, excluded), text
            # Best first: a title that alone answers the query first, then by score,
            # newest first among equals.
            title_first = [
                all(any(w.lower() in by_url[u]["title"].lower() for w in g) for g in groups)
                for u in urls
            ]
            assert title_first == sorted(title_first, reverse=True), text
            for before, after, t1, t2 in zip(
                hits, hits[1:], title_first, title_first[1:], strict=False
            ):
                if t1 == t2:
                    assert before.score >= after.score, text
                    if before.score == after.score and before.published_at and after.published_at:
                        assert before.published_at >= after.published_at, text
    engine.dispose()
    assert {1, 2, 3, 4} <= lengths


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "industry_news.cli", "search", *args, "--db", f"sqlite:///{db}"],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_each_hit_carries_its_fields_and_a_marked_snippet(archive: Path) -> None:
    done = cli(archive, "溧阳", "--format", "jsonl", "--limit", "5")
    assert done.returncode == 0, done.stderr
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(hits) == 5
    for hit in hits:
        assert set(hit) == {"url", "site", "title", "published_at", "category", "snippet", "score"}
        assert "«溧阳»" in hit["snippet"] or "溧阳" in hit["title"]
        assert datetime.fromisoformat(hit["published_at"]).tzinfo is not None
    table = cli(archive, "溧阳", "--limit", "3").stdout.splitlines()
    assert table[0].split() == ["score", "published", "site", "title", "snippet", "url"]
    assert len(table) == 4
    csv = cli(archive, "溧阳", "--format", "csv", "--limit", "2").stdout
    assert csv.startswith("\ufeffurl,site,title,published_at,category,snippet,score")


def test_filters_narrow_the_hits(archive: Path) -> None:
    every = [
        json.loads(x)
        for x in cli(archive, "项目", "--format", "jsonl", "--limit", "999").stdout.splitlines()
    ]
    category = every[0]["category"]
    some = [
        json.loads(x)
        for x in cli(
            archive, "项目", "--format", "jsonl", "--limit", "999", "--category", category
        ).stdout.splitlines()
    ]
    assert some and all(hit["category"] == category for hit in some)
    assert {h["url"] for h in some} == {h["url"] for h in every if h["category"] == category}
    day = sorted(h["published_at"][:10] for h in every)[len(every) // 2]
    since = cli(archive, "项目", "--format", "jsonl", "--limit", "999", "--since", day).stdout
    assert all(json.loads(x)["published_at"][:10] >= day for x in since.splitlines())


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (['"招商 政策'], "unbalanced quote"),
        (["-园区"], "only excluded words"),
        ([""], "empty query"),
        ([], "empty query"),
        (["园区", "OR"], "OR needs a word on each side"),
        (["、"], "nothing to search for"),
    ],
)
def test_a_bad_query_is_one_line_and_exit_2(archive: Path, query: list[str], message: str) -> None:
    done = cli(archive, *query)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and message in done.stderr
    assert "Traceback" not in done.stderr


def index_size(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        return (
            con.execute("select count(*) from article_search_docsize").fetchone()[0],
            con.execute("select count(*) from articles").fetchone()[0],
        )


def test_an_older_archive_is_indexed_once_with_a_progress_bar(archive: Path, tmp_path) -> None:
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(archive) as src, sqlite3.connect(old) as dst:
        src.backup(dst)
    with sqlite3.connect(old) as con:
        con.execute("drop table article_search")
        con.execute("delete from archive_meta where key = 'search_tokens'")
    first = cli(old, "园区", "--format", "jsonl", "--limit", "999")
    assert first.returncode == 0
    assert "indexing the archive for search" in first.stderr
    second = cli(old, "园区", "--format", "jsonl", "--limit", "999")
    assert second.stderr == ""
    assert (
        first.stdout
        == second.stdout
        == cli(archive, "园区", "--format", "jsonl", "--limit", "999").stdout
    )
    count, total = index_size(old)
    assert count == total > 0


def test_rebuild_rebuilds_and_keeps_the_hits(archive: Path, tmp_path) -> None:
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(archive) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    done = cli(copy, "--rebuild")
    assert done.returncode == 0
    assert re.search(r"search index rebuilt: \d+ articles in [\d.]+ s", done.stderr)
    assert (
        cli(copy, "项目", "--format", "jsonl").stdout
        == cli(archive, "项目", "--format", "jsonl").stdout
    )


def test_a_killed_crawl_leaves_the_index_in_step(tmp_path: Path) -> None:
    portal = make_portal(60, seed=13, rendered_at=RENDERED_AT, per_page=6, categories=2)
    db = tmp_path / "killed.sqlite3"
    with ReplayServer(render_site(portal, "tpure")) as server:
        command = [sys.executable, "-m", "scrapy", "crawl", "liyang"]
        command += ["-a", f"base_url={server.base_url}", "-s", f"INDUSTRY_NEWS_DB=sqlite:///{db}"]
        command += ["-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_ENABLED=False"]
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if db.exists() and index_size(db)[1] >= 10:
                    break
            except sqlite3.Error:
                pass  # not created yet
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
    count, total = index_size(db)
    assert 10 <= total < 60
    assert count == total
    stored = articles(db)
    engine = connect_existing(f"sqlite:///{db}")
    with engine.connect() as connection:
        for word in ("项目", "园区", "溧阳", "开工"):
            hits = {hit.url for hit in search(connection, parse(word))}
            assert hits == {a["url"] for a in stored if holds(a, word)}
    engine.dispose()


def test_reclean_keeps_the_index_true(tmp_path: Path) -> None:
    """Bodies reclean changes (a profile for the site, added after the crawl) are re-indexed."""
    portal = make_portal(30, seed=14, rendered_at=RENDERED_AT, per_page=6, categories=2)
    db = tmp_path / "generic.sqlite3"
    with ReplayServer(render_site(portal, "tpure")) as server:
        run = crawl(
            server.base_url,
            db,
            "-a",
            "url=http://liyang.021cf.cn/",
            "-a",
            "site=copy",
            spider="portal",
        )
        assert run.returncode == 0
    before = articles(db)
    assert sum(holds(a, "项目") for a in before) >= 10
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "copy.toml").write_text(
        'name = "copy"\nbase_url = "http://liyang.021cf.cn/"\ncopyright_patterns = ["项目"]\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "industry_news.cli", "reclean", "--db", f"sqlite:///{db}"],
        env=environment() | {"INDUSTRY_NEWS_PROFILES": str(profiles)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    after = articles(db)
    assert sum(holds(a, "项目") for a in after) < sum(holds(a, "项目") for a in before)
    engine = connect_existing(f"sqlite:///{db}")
    with engine.connect() as connection:
        for word in ("项目", "重大项目", "园区", "开工"):
            hits = {hit.url for hit in search(connection, parse(word))}
            assert hits == {a["url"] for a in after if holds(a, word)}, word
    engine.dispose()
    count, total = index_size(db)
    assert count == total

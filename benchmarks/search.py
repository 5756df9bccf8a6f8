"""Full-text search at scale: index build, query latency beside a LIKE scan, crawl CPU cost.

    python benchmarks/search.py [--articles 100000] [--queries 240] [--like 60] [--crawl 300]

Builds a throw-away archive of --articles articles whose titles and bodies are real article texts
(tests/real/texts), then times `fulltext.build_index` over it, `search.search` (limit 20) for
--queries queries of 1–4 words drawn from the real titles, and the same queries as a `LIKE` scan
(title or body, newest first, limit 20) for the first --like of them. Last, the CPU time of a
real `scrapy crawl liyang` of a --crawl-article replay with the index kept up, and without
(the child process has `fulltext.index_article` replaced by a no-op). Targets: build ≤ 60 s,
query p50 ≤ 20 ms and p99 ≤ 100 ms, crawl CPU ≤ 1.10 × without.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from benchmarks.cpu import crawl_cpu  # noqa: E402
from industry_news import fulltext  # noqa: E402
from industry_news.dates import SHANGHAI  # noqa: E402
from industry_news.query import parse  # noqa: E402
from industry_news.search import search  # noqa: E402
from industry_news.storage import Article, open_archive, session_scope  # noqa: E402
from tests.portal import ReplayServer, make_portal, render_site  # noqa: E402

TEXTS = ROOT / "tests" / "real" / "texts" / "texts.jsonl"
SITES = ("liyang", "wuxi", "www.jtkfq.gov.cn", "www.jtcfzs.cn")
ANALYST_WORDS = (
    "锂电池",
    "标准厂房",
    "招商政策",
    "园区",
    "招商",
    "溧阳",
    "新能源",
    "集中开工",
    "重大项目",
    "产业链",
    "开发区",
    "厂房",
    "土地",
    "签约",
    "投产",
    "高新区",
    "光伏",
    "储能",
    "芯片",
    "半导体",
    "智能制造",
    "营商环境",
    "专精特新",
    "数字经济",
    "汽车",
    "医药",
    "物流",
    "用地",
)


def real_texts() -> list[dict]:
    return [json.loads(line) for line in TEXTS.read_text(encoding="utf-8").splitlines()]


def build(url: str, articles: int, texts: list[dict]) -> None:
    """Bulk-insert `articles` articles of real titles and bodies (no index kept up)."""
    rng = random.Random(3)
    start = datetime(2020, 1, 1, tzinfo=SHANGHAI)
    engine = open_archive(url)
    with session_scope(engine) as session:
        for first in range(1, articles + 1, 5000):
            rows = []
            for n in range(first, min(first + 5000, articles + 1)):
                source = rng.choice(texts)
                published = start + timedelta(minutes=31 * n)
                rows.append(
                    {
                        "id": n,
                        "url": f"http://example.cn/{n}.html",
                        "site": SITES[n % len(SITES)],
                        "title": source["title"],
                        "body": "\n\n".join(source["paragraphs"]),
                        "category": ("园区动态", "招商政策", "通知公告")[n % 3],
                        "published_at": published,
                        "raw_html": b"",
                        "content_hash": f"{n:064x}",
                        "first_seen_at": published,
                        "crawled_at": published,
                        "updated_at": published,
                    }
                )
            session.execute(insert(Article), rows)
    engine.dispose()


def queries(texts: list[dict], n: int) -> list[str]:
    """Analysts' words, then 1–4 words of 1–4 characters cut from real titles."""
    rng = random.Random(11)
    out = list(ANALYST_WORDS)
    runs = [run for t in texts for run in re.findall(r"[\u4e00-\u9fff]{2,}", t["title"])]
    while len(out) < n:
        words = []
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            run = rng.choice(runs)
            size = min(len(run), rng.choice((1, 2, 2, 3, 4)))
            at = rng.randint(0, len(run) - size)
            words.append(run[at : at + size])
        out.append(" ".join(words))
    return out[:n]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def like_scan(connection, query: str) -> int:
    """The query's words as LIKE conditions (each in title or body), newest 20."""
    words = query.split()
    where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in words)
    params = [value for w in words for value in (f"%{w}%", f"%{w}%")]
    sql = f"SELECT id FROM articles WHERE {where} ORDER BY published_at DESC LIMIT 20"
    return len(connection.exec_driver_sql(sql, tuple(params)).all())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--like", type=int, default=60)
    parser.add_argument("--crawl", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = real_texts()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'search.sqlite3'}"
        build(url, args.articles, texts)
        engine = open_archive(url)
        with engine.begin() as connection:
            start = time.perf_counter()
            fulltext.build_index(connection)
            seconds = time.perf_counter() - start
        size = (Path(tmp) / "search.sqlite3").stat().st_size / 2**20
        print(f"archive: {args.articles:,} articles of real texts, {size:,.0f} MiB with the index")
        print(f"index build: {seconds:.1f} s (target ≤ 60 s)\n")
        asked = queries(texts, args.queries)
        times: dict[str, list[float]] = {"search (FTS5 bigrams)": [], "LIKE scan": []}
        hits = []
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM articles")).scalar()
            for query in asked:
                parsed = parse(query)
                start = time.perf_counter()
                hits.append(len(search(connection, parsed, limit=20)))
                times["search (FTS5 bigrams)"].append(1000 * (time.perf_counter() - start))
            for query in asked[: args.like]:
                start = time.perf_counter()
                like_scan(connection, query)
                times["LIKE scan"].append(1000 * (time.perf_counter() - start))
        engine.dispose()
    print(f"{len(asked)} queries of 1–4 words (median {statistics.median(hits):.0f} hits shown)")
    print("| method | queries | p50 ms | p99 ms | max ms |")
    print("| --- | --- | --- | --- | --- |")
    for name, values in times.items():
        print(
            f"| {name} | {len(values)} | {statistics.median(values):.1f} | "
            f"{percentile(values, 0.99):.1f} | {max(values):.1f} |"
        )
    print("(targets for search: p50 ≤ 20 ms, p99 ≤ 100 ms)\n")

    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(args.crawl, seed=11, rendered_at=now, per_page=10, categories=3)
    cpu: dict[bool, list[float]] = {True: [], False: []}
    with (
        tempfile.TemporaryDirectory() as tmp,
        ReplayServer(render_site(portal, "tpure"), date_header=now) as server,
    ):
        for run in range(args.repeat):
            for index in (False, True):
                db = Path(tmp) / f"crawl{run}{index}.sqlite3"
                cpu[index].append(
                    crawl_cpu(
                        server.base_url,
                        db,
                        None if index else "industry_news.fulltext:index_article",
                    )
                )
    without, with_index = statistics.median(cpu[False]), statistics.median(cpu[True])
    print(f"crawl of {args.crawl} articles, median of {args.repeat}: CPU {without:.2f} s without")
    print(f"the index, {with_index:.2f} s with it: {with_index / without:.3f} × (target ≤ 1.10 ×)")


if __name__ == "__main__":
    main()

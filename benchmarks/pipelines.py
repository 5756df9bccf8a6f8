"""What the item pipelines cost: the same crawl of a 300-article replay with and without them.

    python benchmarks/pipelines.py [--articles 300] [--repeat 3]

Each crawl is the real `scrapy crawl liyang` in a subprocess against a loopback replay; CPU time is
the child's user + system time, peak memory Scrapy's own `memusage/max`. The baseline is the same
crawl with `-s ITEM_PIPELINES={}`. A second table times each stage in-process on the same pages
(where the time goes). Target: the pipelines add at most 15 % CPU time.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from benchmarks.cpu import children_cpu  # noqa: E402
from industry_news.dates import SHANGHAI  # noqa: E402
from industry_news.extract import extract_article, parse_html  # noqa: E402
from industry_news.items import ArticleItem  # noqa: E402
from industry_news.urls import Rebaser  # noqa: E402
from pipelines.clean import CleanPipeline  # noqa: E402
from pipelines.dates import DatesPipeline  # noqa: E402
from pipelines.store import StorePipeline  # noqa: E402
from pipelines.validate import ValidatePipeline  # noqa: E402
from tests.crawling import crawl  # noqa: E402
from tests.portal import ReplayServer, make_portal, render_site  # noqa: E402


def timed_crawl(base_url: str, folder: Path, run: int, *args: str) -> dict[str, float]:
    db = folder / f"run{run}.sqlite3"
    cpu, wall = children_cpu(), time.perf_counter()
    done = crawl(base_url, db, *args, timeout=600)
    cpu, wall = children_cpu() - cpu, time.perf_counter() - wall
    if done.returncode != 0:
        sys.exit(f"crawl failed:\n{done.log[-3000:]}")
    with sqlite3.connect(db) as con:
        stats = json.loads(con.execute("select stats from crawl_runs").fetchone()[0])
    return {
        "cpu": cpu,
        "wall": wall,
        "articles": stats.get("item_scraped_count", 0),
        "pages": stats.get("response_received_count", 0),
        "rss": stats.get("memusage/max", 0) / 2**20,
    }


def stage_times(pages: dict, base_url: str, folder: Path) -> dict[str, float]:
    """Seconds per stage over every article page, in-process."""
    crawler = get_crawler(settings_dict={"INDUSTRY_NEWS_DB": f"sqlite:///{folder / 'st.sqlite3'}"})
    stats = crawler.stats
    stages = {
        "dates": DatesPipeline(stats),
        "clean": CleanPipeline(stats, crawler.settings["INDUSTRY_NEWS_DB"]),
        "validate": ValidatePipeline(stats),
        "store": StorePipeline(stats, crawler.settings["INDUSTRY_NEWS_DB"]),
    }
    stages["store"].open_spider()
    resolve = Rebaser(base_url, ("liyang.021cf.cn",))
    totals = dict.fromkeys(("parse", "extract", *stages), 0.0)
    for path, page in pages.items():
        if "/post/" not in path or page.status != 200:
            continue
        url = base_url + path
        response = HtmlResponse(url, body=page.body, headers={"Content-Type": page.content_type})
        t0 = time.perf_counter()
        root = parse_html(response.text)
        t1 = time.perf_counter()
        got = extract_article(root, url, resolve)
        totals["parse"] += t1 - t0
        totals["extract"] += time.perf_counter() - t1
        item = ArticleItem.from_page(
            url, "liyang", got, response.text, None, datetime.now(SHANGHAI)
        )
        for name, stage in stages.items():
            t = time.perf_counter()
            stage.process_item(item)
            totals[name] += time.perf_counter() - t
    stages["store"].close_spider()
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(args.articles, seed=11, rendered_at=now, per_page=10, categories=3)
    pages = render_site(portal, "tpure")
    print(f"replay: {args.articles} articles, {len(pages)} pages; {args.repeat} crawls each")
    with tempfile.TemporaryDirectory() as tmp, ReplayServer(pages, date_header=now) as server:
        folder = Path(tmp)
        results: dict[str, list[dict[str, float]]] = {"without pipelines": [], "with pipelines": []}
        for run in range(args.repeat):
            results["without pipelines"].append(
                timed_crawl(server.base_url, folder, 2 * run, "-s", "ITEM_PIPELINES={}")
            )
            results["with pipelines"].append(timed_crawl(server.base_url, folder, 2 * run + 1))
        stages = stage_times(pages, server.base_url, folder)

    header = f"{'crawl':<20}{'CPU s':>8}{'wall s':>8}{'articles':>10}{'articles/s':>12}"
    print(f"\n{header}{'peak MB':>9}")
    median = {}
    for name, runs in results.items():
        m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        median[name] = m
        print(
            f"{name:<20}{m['cpu']:>8.2f}{m['wall']:>8.2f}{m['articles']:>10.0f}"
            f"{m['articles'] / m['wall']:>12.1f}{m['rss']:>9.0f}"
        )
    extra = median["with pipelines"]["cpu"] / median["without pipelines"]["cpu"] - 1
    print(f"pipelines add {extra:+.1%} CPU time (target: at most +15 %)")

    total = sum(stages.values())
    print(f"\n{'stage (in-process)':<20}{'ms total':>10}{'ms/article':>12}{'share':>8}")
    for name, seconds in stages.items():
        print(
            f"{name:<20}{seconds * 1000:>10.1f}{seconds * 1000 / args.articles:>12.3f}"
            f"{seconds / total:>8.1%}"
        )


if __name__ == "__main__":
    main()

"""Benchmark `industry-news export`: rows/s and peak memory per format, against a naive baseline.

Builds a throw-away archive (default 100,000 articles with 1–2 KB Chinese bodies, ~6 related
links and a compressed page each) with bulk inserts, then runs every exporter in a fresh
process writing to /dev/null, so each peak RSS is its own::

    PYTHONPATH=. .venv/bin/python benchmarks/export.py [--articles N]   # or after pip install -e .
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import psutil
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from industry_news import export
from industry_news.dates import SHANGHAI
from industry_news.items import EXPORT_FIELDS
from industry_news.storage import (
    Article,
    RelatedLink,
    compress_html,
    connect_existing,
    open_archive,
    session_scope,
)

SENTENCES = (
    "为深入贯彻落实省委省政府关于推动制造业高质量发展的决策部署，",
    "加快培育新能源、新材料、智能制造等战略性新兴产业集群，",
    "市工业和信息化局会同市财政局制定了本实施细则。",
    "对年度技术改造设备投资超过2000万元的项目，按设备投资额的8%给予补助，",
    "单个项目最高不超过500万元。",
    "鼓励企业开展数字化转型，建设智能车间和智能工厂，",
    "对新认定的国家级专精特新“小巨人”企业给予一次性奖励100万元。",
    "各辖市区工信部门要切实履行属地审核责任，确保申报材料真实、准确、完整。",
    "申报截止时间为2024年6月30日，逾期不予受理。",
    "联系电话：0519-87212345。",
    "动力电池产业链上下游企业加快集聚，2023年全市新能源产业实现产值超过千亿元，",
    "同比增长35.6%，占规上工业总产值比重提升至42%。",
    "下一步，将持续优化营商环境，强化要素保障，推动重大项目早开工、早投产、早见效。",
    "“=SUM(A1:A9)”等以公式开头的文本在导出时会被中和。",
)
CATEGORIES = ("通知公告", "政策文件", "工作动态", "政策解读", "图片新闻")
SITES = ("liyang", "wujin", "jintan", "xinbei")
SOURCE = "https://www.liyang.gov.cn"
MODES = ("csv", "json", "jsonl", "links-csv", "naive-json")


def _body(rng: random.Random) -> str:
    target = rng.randint(1024, 2048)  # bytes of UTF-8
    parts: list[str] = []
    size = 0
    while size < target:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence + ("\n" if rng.random() < 0.2 else ""))
        size += len(sentence.encode())
    return "".join(parts)


def build(url: str, articles: int, batch: int = 5000) -> None:
    """Fill a new archive at `url` with `articles` synthetic articles, by bulk inserts."""
    rng = random.Random(5)
    pages = [
        compress_html(f"<html><body>{'<nav>首页 政务公开</nav>' * 200}{_body(rng)}</body></html>")
        for _ in range(64)
    ]
    start = datetime(2020, 1, 1, tzinfo=SHANGHAI)
    engine = open_archive(url)
    with session_scope(engine) as session:
        for first in range(1, articles + 1, batch):
            ids = range(first, min(first + batch, articles + 1))
            rows, links = [], []
            for n in ids:
                published = start + timedelta(minutes=23 * n)
                rows.append(
                    {
                        "id": n,
                        "url": f"https://www.{SITES[n % 4]}.gov.cn/art/{n}.html",
                        "site": SITES[n % 4],
                        "title": f"关于第{n}批工业企业技术改造项目的公示",
                        "original_title": "",
                        "author": "市工信局",
                        "category": CATEGORIES[n % 5],
                        "views": rng.randint(0, 5000),
                        "date_text": f"发布时间：{published:%Y-%m-%d %H:%M}",
                        "published_at": published,
                        "date_precision": "minute",
                        "body": _body(rng),
                        "raw_html": rng.choice(pages),
                        "content_hash": f"{n:064x}",
                        "first_seen_at": published,
                        "crawled_at": published + timedelta(days=1),
                        "updated_at": published + timedelta(days=1),
                    }
                )
                links.extend(
                    {
                        "article_id": n,
                        "position": p,
                        "target_url": f"{SOURCE}/art/{rng.randint(1, articles)}.html",
                        "title": f"相关文章{p}：新能源产业发展情况通报",
                        "excerpt": "",
                    }
                    for p in range(rng.randint(4, 8))
                )
            session.execute(insert(Article), rows)
            session.execute(insert(RelatedLink), links)
    engine.dispose()


def _naive_json(session: Session, out: TextIO) -> int:
    """The baseline: load every article (and its links) with .all(), then json.dump."""
    articles = session.scalars(select(Article).options(selectinload(Article.related))).all()
    data = []
    for article in articles:
        row: dict[str, Any] = {name: getattr(article, name) for name in EXPORT_FIELDS}
        row["published_at"] = article.published_at and article.published_at.isoformat()
        row["crawled_at"] = article.crawled_at.isoformat()
        row["related"] = [{"url": link.target_url, "title": link.title} for link in article.related]
        data.append(row)
    json.dump(data, out, ensure_ascii=False)
    return len(data)


def _streaming(
    source: Callable[[Session], Iterator[dict[str, Any]]],
    write: Callable[[Iterator[dict[str, Any]], TextIO], int],
) -> Callable[[Session, TextIO], int]:
    return lambda session, out: write(source(session), out)


RUNNERS: dict[str, Callable[[Session, TextIO], int]] = {
    "csv": _streaming(
        export.iter_records, lambda rows, out: export.write_csv(rows, EXPORT_FIELDS, out)
    ),
    "json": _streaming(export.iter_records, export.write_json),
    "jsonl": _streaming(export.iter_records, export.write_jsonl),
    "links-csv": _streaming(
        export.iter_links, lambda rows, out: export.write_csv(rows, export.LINK_FIELDS, out)
    ),
    "naive-json": _naive_json,
}


def measure(mode: str, url: str) -> dict[str, float]:
    """Run one exporter to /dev/null in this process: rows, seconds, start and peak RSS."""
    engine = connect_existing(url)
    start_rss = psutil.Process().memory_info().rss
    began = time.perf_counter()
    with Session(engine) as session, open(os.devnull, "w", encoding="utf-8", newline="") as out:
        rows = RUNNERS[mode](session, out)
    seconds = time.perf_counter() - began
    return {"rows": rows, "seconds": seconds, "start_rss": start_rss, "peak_rss": _peak_rss()}


def _peak_rss() -> int:
    """Peak resident memory of this process, in bytes.

    Linux's ``ru_maxrss`` survives exec, so a child would report its parent's peak: read
    this process image's high-water mark (VmHWM) instead where there is one.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, else KiB


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="archive size")
    parser.add_argument("--measure", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.db)))
        return
    with tempfile.TemporaryDirectory(prefix="industry-news-bench-") as folder:
        url = f"sqlite:///{Path(folder) / 'archive.sqlite3'}"
        began = time.perf_counter()
        build(url, args.articles)
        size = (Path(folder) / "archive.sqlite3").stat().st_size
        print(
            f"archive: {args.articles:,} articles, {size / 2**20:,.0f} MiB, "
            f"built in {time.perf_counter() - began:.1f} s"
        )
        print(f"{'mode':<11}{'rows':>9}{'seconds':>9}{'rows/s':>9}{'peak RSS':>12}{'growth':>12}")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        for mode in MODES:
            done = subprocess.run(
                [sys.executable, __file__, "--measure", mode, "--db", url],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            r = json.loads(done.stdout)
            print(
                f"{mode:<11}{r['rows']:>9,}{r['seconds']:>9.2f}{r['rows'] / r['seconds']:>9,.0f}"
                f"{r['peak_rss'] / 2**20:>8,.0f} MiB"
                f"{(r['peak_rss'] - r['start_rss']) / 2**20:>8,.0f} MiB"
            )


if __name__ == "__main__":
    main()

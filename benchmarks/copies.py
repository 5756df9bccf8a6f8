"""Syndicated copies at scale: clustering an archive, its memory, and what it costs a crawl.

    python benchmarks/copies.py [--articles 100000] [--copies 0.15] [--crawl 300] [--repeat 3]

Builds a throw-away archive of --articles articles: distinct texts written by an order-3
character model of the real texts (tests/real/texts), so that each is its own story, and a
--copies share of them copied with the edits portals make (a lead or last paragraph cut, a
footer added, punctuation widened). Then times `copies.rebuild` over it, sampling the peak
RSS every 10,000 articles (flat memory: the index lives in the archive), and checks that the
copies were found. Last, the CPU time of a real `scrapy crawl liyang` of a --crawl-article
replay with copies assigned, and without (the child has `copies.assign` made a no-op).
Targets: ≤ 60 s, memory flat, crawl CPU ≤ 1.10 × without.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from benchmarks.cpu import crawl_cpu  # noqa: E402
from industry_news import copies  # noqa: E402
from industry_news.dates import SHANGHAI  # noqa: E402
from industry_news.storage import Article, open_archive, session_scope  # noqa: E402
from tests.portal import ReplayServer, make_portal, render_site  # noqa: E402

TEXTS = ROOT / "tests" / "real" / "texts" / "texts.jsonl"
FOOTER = "来源：江临市人民政府网 责任编辑：王敏 版权所有 转载请注明出处 联系电话：0519-87654321"


def model() -> tuple[dict[str, list[str]], list[str]]:
    """An order-3 character model of the real texts (each state's next characters, as often
    as they follow it), and their paragraph openings."""
    chain: dict[str, list[str]] = defaultdict(list)
    starts = []
    for line in TEXTS.read_text(encoding="utf-8").splitlines():
        for paragraph in json.loads(line)["paragraphs"]:
            if len(paragraph) < 10:
                continue
            starts.append(paragraph[:3])
            for i in range(len(paragraph) - 3):
                chain[paragraph[i : i + 3]].append(paragraph[i + 3])
    return chain, starts


def paragraph(rng: random.Random, chain, starts, size: int) -> str:
    text = rng.choice(starts)
    while len(text) < size:
        follow = chain.get(text[-3:])
        if not follow:
            text += rng.choice(starts)
            continue
        text += rng.choice(follow)
    return text


def build(url: str, articles: int, share: float) -> int:
    """Articles, a share of them copies of an earlier one; returns the number of copies."""
    rng = random.Random(5)
    chain, starts = model()
    engine = open_archive(url)
    start = datetime(2022, 1, 1, tzinfo=SHANGHAI)
    bodies: list[str] = []
    made = 0
    with session_scope(engine) as session:
        rows = []
        for n in range(1, articles + 1):
            if bodies and rng.random() < share:
                made += 1
                paragraphs = rng.choice(bodies[-5000:]).split("\n\n")
                cut = rng.choice(("lead", "tail", "none"))
                if cut == "lead" and len(paragraphs) > 2:
                    paragraphs = paragraphs[1:]
                elif cut == "tail" and len(paragraphs) > 2:
                    paragraphs = paragraphs[:-1]
                body = "\n\n".join([*paragraphs, FOOTER]).replace("，", ",")
            else:
                count = rng.randint(2, 6)
                body = "\n\n".join(
                    paragraph(rng, chain, starts, rng.randint(60, 200)) for _ in range(count)
                )
                bodies.append(body)
            published = start + timedelta(minutes=17 * n)
            rows.append(
                {
                    "id": n,
                    "url": f"http://example.cn/{n}.html",
                    "site": ("liyang", "wuxi", "jintan")[n % 3],
                    "title": body[:20],
                    "body": body,
                    "published_at": published,
                    "raw_html": b"",
                    "content_hash": f"{n:064x}",
                    "first_seen_at": published,
                    "crawled_at": published,
                    "updated_at": published,
                }
            )
            if len(rows) == 5000:
                session.execute(insert(Article), rows)
                rows = []
        if rows:
            session.execute(insert(Article), rows)
    engine.dispose()
    return made


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--copies", type=float, default=0.15)
    parser.add_argument("--crawl", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'copies.sqlite3'}"
        made = build(url, args.articles, args.copies)
        print(f"archive: {args.articles:,} articles, {made:,} of them copies of another")
        engine = open_archive(url)
        samples: list[tuple[int, float]] = []

        def progress(done: int, total: int) -> None:
            if done % 10_000 == 0 or done == total:
                samples.append((done, peak_mb()))

        with engine.begin() as connection:
            start = time.perf_counter()
            copies.rebuild(connection, progress)
            seconds = time.perf_counter() - start
            clustered = connection.exec_driver_sql(
                "SELECT count(*) FROM articles WHERE cluster_id != id"
            ).scalar_one()
        engine.dispose()
    print(f"clustered in {seconds:.1f} s (target ≤ 60 s); {clustered:,} articles joined an")
    print(f"earlier one's cluster ({clustered / max(1, made):.1%} of the copies made)")
    print("peak RSS (MB) by articles done: " + ", ".join(f"{d:,}: {m:.0f}" for d, m in samples))

    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(args.crawl, seed=11, rendered_at=now, per_page=10, categories=3)
    cpu: dict[bool, list[float]] = {True: [], False: []}
    with (
        tempfile.TemporaryDirectory() as tmp,
        ReplayServer(render_site(portal, "tpure"), date_header=now) as server,
    ):
        for run in range(args.repeat):
            for assign in (False, True):
                db = Path(tmp) / f"crawl{run}{assign}.sqlite3"
                cpu[assign].append(
                    crawl_cpu(
                        server.base_url, db, None if assign else "industry_news.copies:assign"
                    )
                )
    without, with_copies = statistics.median(cpu[False]), statistics.median(cpu[True])
    print(f"crawl of {args.crawl} articles, median of {args.repeat}: CPU {without:.2f} s without")
    print(f"copies, {with_copies:.2f} s with them: {with_copies / without:.3f} × (target ≤ 1.10 ×)")


if __name__ == "__main__":
    main()

"""One crawl shared by several processes on one Redis frontier and one PostgreSQL archive.

    python benchmarks/frontier.py [--articles 160] [--latency 0.25] [--delay 0.25] [--workers 3]

Serves a --articles replay whose every response takes --latency seconds (a distant portal),
then times, from the processes' start to the last one's exit, `scrapy crawl liyang` with
REDIS_URL set: once with one process (the baseline, measured in the same run), once with
--workers processes, each into a new database. Each process is polite on its own: a
DOWNLOAD_DELAY of --delay seconds, 2 requests at a time (AutoThrottle off, so both runs pace
alike). Prints the wall times, their ratio, each process's share of the requests and how many
articles were fetched twice. Target (3 processes): ≤ 0.45 × one.
Needs redis-server and PostgreSQL's server binaries (as the tests do).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from industry_news.dates import SHANGHAI  # noqa: E402
from tests.crawling import FAST  # noqa: E402 (DOWNLOAD_DELAY is set after it)
from tests.portal import ReplayServer, make_portal, render_site  # noqa: E402
from tests.servers import create_database, postgres_server, redis_server  # noqa: E402

TARGET = 0.45


def run(workers: int, command: list[str]) -> tuple[float, list[int]]:
    """Wall seconds of `workers` processes crawling together, and each one's dequeued count."""
    started = time.monotonic()
    processes = [
        subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(workers)
    ]
    logs = [process.communicate()[1] for process in processes]
    wall = time.monotonic() - started
    for process, log in zip(processes, logs, strict=True):
        if process.returncode != 0:
            sys.exit(f"a crawl failed ({process.returncode}):\n{log[-2000:]}")
    shares = [int(m.group(1)) for log in logs if (m := re.search(r"dequeued/redis': (\d+)", log))]
    return wall, shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=160)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--delay", type=float, default=0.25)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(args.articles, seed=3, rendered_at=now, per_page=20, categories=3)
    pages = render_site(portal, "tpure")
    with (
        postgres_server() as admin,
        redis_server() as redis_url,
        ReplayServer(pages, date_header=now, latency=args.latency) as server,
    ):
        results = {}
        for n in (1, args.workers):
            server.clear_requests()
            command = [sys.executable, "-m", "scrapy", "crawl", "liyang"]
            command += ["-a", f"base_url={server.base_url}", *FAST, "-s", f"REDIS_URL={redis_url}"]
            command += ["-s", f"INDUSTRY_NEWS_DB={create_database(admin, f'bench_{n}')}"]
            command += ["-s", f"DOWNLOAD_DELAY={args.delay}", "-s", "FRONTIER_HEARTBEAT=0.2"]
            wall, shares = run(n, command)
            twice = sum(c - 1 for p, c in Counter(server.requests).items() if c > 1 and "post" in p)
            results[n] = wall
            print(
                f"{n} process(es): {wall:6.1f} s wall, {len(server.requests)} requests, "
                f"shares {shares}, articles fetched twice: {twice}"
            )
    ratio = results[args.workers] / results[1]
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"{args.workers} processes / 1: {ratio:.2f} × (target ≤ {TARGET}: {verdict} it)")


if __name__ == "__main__":
    main()

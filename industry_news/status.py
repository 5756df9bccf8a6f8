"""`industry-news status`: the last crawl runs of each spider, as an aligned table."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from industry_news import tables
from industry_news.errors import CommandError
from industry_news.health import FAILURES, PREFIX
from industry_news.storage import CrawlRun, connect_existing, resolve_db_url

DEFAULT_LIMIT = 10
COLUMNS = (
    "spider",
    "started",
    "duration",
    "finish reason",
    "requests",
    "new",
    "updated",
    "unchanged",
    "dropped",
    "errors",
    "titles",
    "dates",
    "bodies",
    "identical",
    "median body",
    "health",
)
COUNTS = COLUMNS[4:10]
NUMERIC = frozenset(COLUMNS[4:-1])
SHARES = {"titles": "title", "dates": "date", "bodies": "body", "identical": "identical"}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="show the last crawl runs of each spider")
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"runs per spider, newest first (default {DEFAULT_LIMIT})",
    )
    parser.set_defaults(func=run)


def duration(delta: timedelta | None) -> str:
    """`12.3 s`, `4 min 05 s`, `2 h 03 min`; `-` for a run that never finished."""
    if delta is None:
        return "-"
    seconds = delta.total_seconds()
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def last_runs(session: Session, limit: int) -> list[CrawlRun]:
    """The newest `limit` runs of each spider, spiders by name, newest run first."""
    spiders = session.scalars(select(CrawlRun.spider).distinct().order_by(CrawlRun.spider))
    runs: list[CrawlRun] = []
    for spider in list(spiders):
        query = (
            select(CrawlRun)
            .where(CrawlRun.spider == spider)
            .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
            .limit(limit)
        )
        runs.extend(session.scalars(query))
    return runs


def health_cells(stats: dict) -> tuple[str, ...]:
    """The run's health columns: shares of its articles, median body length, the verdict."""
    seen = stats.get(f"{PREFIX}figures/articles", 0)
    if FAILURES not in stats:
        return ("-",) * (len(SHARES) + 2)  # recorded before health was measured
    shares = tuple(
        f"{100 * stats.get(f'{PREFIX}figures/{name}', 0):.0f}%" if seen else "-"
        for name in SHARES.values()
    )
    median = str(int(stats.get(f"{PREFIX}figures/body_median", 0))) if seen else "-"
    verdict = stats[FAILURES] or ("ok" if seen else "no articles")
    return (*shares, median, verdict)


def row(run: CrawlRun) -> tuple[str, ...]:
    finished = run.finished_at is not None
    return (
        run.spider,
        run.started_at.strftime("%Y-%m-%d %H:%M:%S"),
        duration(run.finished_at - run.started_at if finished else None),
        (run.finish_reason or "") if finished else "unfinished",
        *(str(getattr(run, name)) for name in COUNTS),
        *health_cells(json.loads(run.stats or "{}")),
    )


def table(rows: Sequence[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell; counts right-aligned."""
    return tables.render(COLUMNS, rows, NUMERIC)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError(f"--limit must be 1 or more, got {args.limit}", 2)
    url = resolve_db_url(args.db)
    engine = connect_existing(url)
    try:
        with Session(engine) as session:
            rows = [row(run) for run in last_runs(session, args.limit)]
    finally:
        engine.dispose()
    if not rows:
        print("no crawl runs recorded yet")
        return 0
    print(table(rows))
    return 0

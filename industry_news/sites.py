"""`industry-news sites`: every portal profile, and every site in the archive, with its counts."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from industry_news import tables
from industry_news.profiles import all_profiles
from industry_news.storage import Article, CrawlRun, connect_existing, resolve_db_url, sqlite_path

COLUMNS = ("site", "name", "base url", "articles", "newest", "last run", "finish reason")
NUMERIC = ("articles",)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sites",
        help="list the portal profiles and the archive's sites, with their counts",
        description=(
            "One line per portal profile (industry_news/portals/*.toml and the folders in "
            "INDUSTRY_NEWS_PROFILES) and per other site in the archive: its articles, the "
            "newest published_at, its last crawl run and how that ended. Profile files that "
            "cannot be used are named on stderr (exit 1)."
        ),
    )
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)"
    )
    parser.set_defaults(func=run)


@dataclass
class SiteCounts:
    articles: int = 0
    newest: datetime | None = None
    last_run: datetime | None = None
    finish_reason: str | None = None


def archive_counts(engine: Engine) -> dict[str, SiteCounts]:
    """Per site: articles, the newest published_at, the last run and its finish reason."""
    counts: dict[str, SiteCounts] = {}
    with Session(engine) as session:
        query = select(Article.site, func.count(), func.max(Article.published_at)).group_by(
            Article.site
        )
        for site, articles, newest in session.execute(query):
            counts[site] = SiteCounts(articles, newest)
        runs = select(CrawlRun).order_by(CrawlRun.id)
        for crawl in session.scalars(runs):
            entry = counts.setdefault(crawl.site or crawl.spider, SiteCounts())
            entry.last_run, entry.finish_reason = crawl.started_at, crawl.finish_reason
            if crawl.finished_at is None:
                entry.finish_reason = "unfinished"
    return counts


def _when(value: datetime | None, fmt: str) -> str:
    return value.strftime(fmt) if value is not None else "-"


def run(args: argparse.Namespace) -> int:
    found = all_profiles()
    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    counts: dict[str, SiteCounts] = {}
    if path is None or path.is_file():
        engine = connect_existing(url)
        try:
            counts = archive_counts(engine)
        finally:
            engine.dispose()
    rows = []
    names = [*found.profiles, *sorted(set(counts) - set(found.profiles))]
    for name in names:
        profile = found.profiles.get(name)
        entry = counts.get(name, SiteCounts())
        rows.append(
            (
                name,
                (profile.display_name or "-") if profile else "(no profile)",
                profile.base_url if profile else "-",
                str(entry.articles),
                _when(entry.newest, "%Y-%m-%d %H:%M"),
                _when(entry.last_run, "%Y-%m-%d %H:%M"),
                entry.finish_reason or "-",
            )
        )
    print(tables.render(COLUMNS, rows, NUMERIC))
    for error in found.errors.values():
        print(f"industry-news: profile not loaded: {error}", file=sys.stderr)
    return 1 if found.errors else 0

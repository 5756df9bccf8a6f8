"""`industry-news copies`: the clusters of syndicated copies in the archive, largest first.

A cluster is one story as several portals (or one portal twice) published it; its earliest
published article is the likely original (see `copies` for how copies are found).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from industry_news import copies, tables
from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.export import parse_bound, write_csv
from industry_news.fulltext import bar
from industry_news.items import iso
from industry_news.storage import Article, open_existing

FORMATS = ("table", "jsonl", "csv")
FIELDS = ("cluster", "size", "sites", "earliest_published_at", "original_url", "titles")
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class Cluster:
    cluster: int
    size: int
    sites: tuple[str, ...]
    earliest_published_at: datetime | None
    original_url: str
    titles: tuple[str, ...]


def list_clusters(
    connection: Connection,
    min_size: int = 2,
    site: str | None = None,
    since: datetime | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[Cluster]:
    """Clusters of at least `min_size` articles (with an article of `site`, with an article
    published since `since`), the largest first, the newest story first among equals."""
    cluster = func.coalesce(Article.cluster_id, Article.id)
    query = (
        select(cluster.label("cluster"), func.count().label("size"))
        .group_by(cluster)
        .having(func.count() >= min_size)
    )
    if site is not None:
        query = query.having(func.sum(case((Article.site == site, 1), else_=0)) > 0)
    if since is not None:
        query = query.having(func.max(Article.published_at) >= since)
    query = query.order_by(func.count().desc(), func.max(Article.published_at).desc(), cluster)
    if limit is not None:
        query = query.limit(limit)
    out = []
    for row in connection.execute(query).all():
        members = connection.execute(
            select(Article.url, Article.site, Article.title, Article.published_at)
            .where(cluster == row.cluster)
            .order_by(Article.published_at.is_(None), Article.published_at, Article.id)
        ).all()
        out.append(
            Cluster(
                cluster=row.cluster,
                size=row.size,
                sites=tuple(sorted({m.site for m in members})),
                earliest_published_at=members[0].published_at,
                original_url=members[0].url,
                titles=tuple(dict.fromkeys(m.title for m in members)),
            )
        )
    return out


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "copies",
        help="list the clusters of syndicated copies (the same story on several portals)",
        description="Clusters of near-duplicate articles, largest first, with the likely original.",
    )
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)"
    )
    parser.add_argument("--site", metavar="NAME", help="clusters with an article of this site")
    parser.add_argument("--since", metavar="DATE", help="clusters with an article published since")
    parser.add_argument(
        "--min-size", type=int, default=2, metavar="N", help="at least N articles (default 2)"
    )
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help="clusters shown (default 50)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument(
        "--rebuild", action="store_true", help="find every article's copies again, oldest first"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.min_size < 1 or args.limit < 1:
        raise CommandError("--min-size and --limit must be 1 or more", 2)
    try:
        since = parse_bound(args.since) if args.since else None
    except ValueError as exc:
        raise CommandError(f"bad date: {exc}", 2) from None
    engine = open_existing(args.db)
    try:
        if args.rebuild:
            with engine.begin() as connection:
                start = time.perf_counter()
                total = connection.exec_driver_sql("SELECT count(*) FROM articles").scalar_one()
                done = copies.rebuild(connection, bar("finding copies", total))
            print(
                f"copies found again: {done} articles in {time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
        with engine.connect() as connection:
            found = list_clusters(connection, args.min_size, args.site, since, args.limit)
    finally:
        engine.dispose()
    write(found, args.format, sys.stdout)
    return 0


def _record(cluster: Cluster) -> dict[str, Any]:
    return {
        "cluster": cluster.cluster,
        "size": cluster.size,
        "sites": list(cluster.sites),
        "earliest_published_at": iso(cluster.earliest_published_at),
        "original_url": cluster.original_url,
        "titles": list(cluster.titles),
    }


def write(found: list[Cluster], fmt: str, stream: TextIO) -> None:
    if fmt == "jsonl":
        for cluster in found:
            stream.write(json.dumps(_record(cluster), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":  # sites and titles as JSON lists, as export writes lists
        write_csv((_record(cluster) for cluster in found), FIELDS, stream)
        return
    if not found:
        stream.write("no clusters\n")
        return
    rows = [
        (
            str(c.size),
            ", ".join(c.sites),
            c.earliest_published_at.astimezone(SHANGHAI).strftime("%Y-%m-%d")
            if c.earliest_published_at
            else "-",
            tables.clip(" / ".join(c.titles), 60),
            c.original_url,
        )
        for c in found
    ]
    stream.write(
        tables.render(("size", "sites", "earliest", "titles", "original"), rows, ("size",)) + "\n"
    )

"""`industry-news search`: Chinese full-text search of the archive, best hits first.

Hits are the articles whose title or body holds the query's words (see `query`), ranked by
bm25 with a title worth ten bodies, an article whose title alone answers the query first, the
newest first on ties. The index (`fulltext`) finds them; an archive without it (PostgreSQL) is
scanned instead, with the same hits.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import Float, Integer, column, select, text
from sqlalchemy.engine import Connection

from industry_news import fulltext, tables
from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.export import Filters, filtered, parse_bound, write_csv
from industry_news.items import iso
from industry_news.query import Query, QueryError, parse
from industry_news.storage import Article, open_existing

FORMATS = ("table", "jsonl", "csv")
FIELDS = ("url", "site", "title", "published_at", "category", "snippet", "score")
DEFAULT_LIMIT = 20
TITLE_WEIGHT = 10.0
MARK = ("«", "»")
"""How a snippet marks the hit."""
_BEFORE, _AFTER = 12, 48
"""Characters of context a snippet shows before and after the hit."""


@dataclass(frozen=True)
class Hit:
    url: str
    site: str
    title: str
    published_at: datetime | None
    category: str
    snippet: str
    score: float


def _hits_sql(match: str, limit: int | None = None) -> Any:
    """The index's hits for an FTS5 expression, by rank; the best `limit` only if given."""
    params: dict[str, Any] = {"match": match}
    top = ""
    if limit is not None:
        top, params["top"] = " ORDER BY rank LIMIT :top", limit
    statement = text(
        f"SELECT rowid AS id, rank AS score FROM {fulltext.TABLE} "
        f"WHERE {fulltext.TABLE} MATCH :match{top}"
    ).bindparams(**params)
    return statement.columns(column("id", Integer), column("score", Float)).subquery("hits")


_ROW = (
    Article.id,
    Article.url,
    Article.site,
    Article.title,
    Article.published_at,
    Article.category,
    Article.body,
)


def search(
    connection: Connection, query: Query, filters: Filters | None = None, limit: int | None = None
) -> list[Hit]:
    """The query's hits, best first (all of them when limit is None).

    First the articles whose title alone answers the query, by the rank of their title; then
    the others, by the rank of the whole article; the newest first among equals.
    """
    filters = filters or Filters()
    if not fulltext.has_index(connection):
        return _scan(connection, query, filters, limit)
    titled_match, match = query.expression("title"), query.expression()
    if query.exact:
        titled = _ranked(connection, titled_match, filters, limit)
        seen = {row.id for row in titled}
        rest = _ranked(connection, match, filters, _left(limit, len(titled)), seen)
        return [_hit(query, row, -row.score) for row in (titled + rest)[:limit]]
    # Loose candidates: the substring test decides what is a hit, and a title hit.
    title_scores = {row.id: row.score for row in _ranked(connection, titled_match, filters)}
    found = []
    for row in _ranked(connection, match, filters):
        if not query.matches(row.title, row.body):
            continue
        in_title = query.matches(row.title, "")
        score = title_scores[row.id] if in_title else row.score
        found.append((not in_title, score, _newest(row), -row.id, row))
    found.sort(key=lambda entry: entry[:4])
    return [_hit(query, entry[4], -entry[1]) for entry in found[:limit]]


def _left(limit: int | None, used: int) -> int | None:
    return None if limit is None else limit - used


def _ranked(
    connection: Connection,
    match: str,
    filters: Filters,
    limit: int | None = None,
    skip: frozenset[int] | set[int] = frozenset(),
) -> list[Any]:
    """Articles the FTS5 expression finds that pass the filters, not in `skip`, by rank then
    newest; the best `limit` only (the index is asked for its top hits, more as filters
    leave too few)."""
    if limit is not None and limit <= 0:
        return []
    asked = None if limit is None else 2 * (limit + len(skip))
    while True:
        hits = _hits_sql(match, asked)
        statement = filtered(
            select(*_ROW, hits.c.score).join(hits, hits.c.id == Article.id), filters
        ).order_by(hits.c.score, Article.published_at.desc().nulls_last(), Article.id.desc())
        rows = [row for row in connection.execute(statement) if row.id not in skip]
        if limit is None or asked is None:
            return rows
        if len(rows) >= limit or _count(connection, match) <= asked:
            return rows[:limit]
        asked *= 4


def _count(connection: Connection, match: str) -> int:
    return connection.execute(
        text(f"SELECT count(*) FROM {fulltext.TABLE} WHERE {fulltext.TABLE} MATCH :m"),
        {"m": match},
    ).scalar_one()


def _newest(row: Any) -> float:
    return -row.published_at.timestamp() if row.published_at is not None else float("inf")


def _scan(connection: Connection, query: Query, filters: Filters, limit: int | None) -> list[Hit]:
    """Without an index: every article read and tested, title hits then newest first."""
    statement = filtered(select(*_ROW), filters)
    found = [
        row
        for row in connection.execute(statement.execution_options(yield_per=1000))
        if query.matches(row.title, row.body)
    ]
    found.sort(key=lambda row: (not query.matches(row.title, ""), _newest(row), -row.id))
    return [_hit(query, row, 0.0) for row in found[:limit]]


def _hit(query: Query, row: Any, score: float) -> Hit:
    return Hit(
        url=row.url,
        site=row.site,
        title=row.title,
        published_at=row.published_at,
        category=row.category or "",
        snippet=snippet(query, row.title, row.body or ""),
        score=score,
    )


def snippet(query: Query, title: str, body: str) -> str:
    """The body around its first hit, the hit marked «thus»; the body's start if only the
    title holds the query."""
    flat = " ".join(body.split())
    lowered = flat.lower()
    spots = [(at, term.text) for term in query.terms if (at := lowered.find(term.text)) >= 0]
    if not spots:
        return flat[: _BEFORE + _AFTER] + ("…" if len(flat) > _BEFORE + _AFTER else "")
    at, word = min(spots)
    start, end = max(0, at - _BEFORE), min(len(flat), at + len(word) + _AFTER)
    return (
        ("…" if start else "")
        + flat[start:at]
        + MARK[0]
        + flat[at : at + len(word)]
        + MARK[1]
        + flat[at + len(word) : end]
        + ("…" if end < len(flat) else "")
    )


# ---------------------------------------------------------------- command line


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search of the archive (Chinese words of any length)",
        description=(
            'Words are AND-ed; "a phrase" as written; -word excludes; OR between two words. '
            "Hits are the articles whose title or body holds the words, best first."
        ),
    )
    parser.add_argument(
        "query", nargs="*", metavar="QUERY", help="the query (its words may be separate arguments)"
    )
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)"
    )
    parser.add_argument("--site", metavar="NAME", help="only this site's articles")
    parser.add_argument("--category", metavar="TEXT", help="exact category (栏目)")
    parser.add_argument("--since", metavar="DATE", help="published at or after")
    parser.add_argument("--until", metavar="DATE", help="published at or before")
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help="hits shown (default 20)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the search index, then search if asked"
    )
    parser.set_defaults(func=run)


def _filters(args: argparse.Namespace) -> Filters:
    try:
        since = parse_bound(args.since) if args.since else None
        until = parse_bound(args.until, end=True) if args.until else None
    except ValueError as exc:
        raise CommandError(f"bad date: {exc}", 2) from None
    return Filters(site=args.site, since=since, until=until, category=args.category)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError(f"--limit must be 1 or more, got {args.limit}", 2)
    typed = " ".join([*args.query, *getattr(args, "extra", [])])
    if not typed and not args.rebuild:
        raise CommandError("bad query: empty query: give a word to search for", 2)
    try:
        query = parse(typed) if typed else None
    except QueryError as exc:
        raise CommandError(f"bad query: {exc}", 2) from None
    filters = _filters(args)
    engine = open_existing(args.db)  # indexes an older archive once
    try:
        if args.rebuild:
            with engine.begin() as connection:
                start = time.perf_counter()
                total = connection.exec_driver_sql("SELECT count(*) FROM articles").scalar()
                done = fulltext.build_index(connection, fulltext.bar("rebuilding", total or 0))
            print(
                f"search index rebuilt: {done} articles in {time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
        if query is None:
            return 0
        with engine.connect() as connection:
            hits = search(connection, query, filters, args.limit)
    finally:
        engine.dispose()
    write(hits, args.format, sys.stdout)
    return 0


def _record(hit: Hit) -> dict[str, Any]:
    record = asdict(hit)
    record["published_at"] = iso(hit.published_at)
    return record


def write(hits: Sequence[Hit], fmt: str, stream: TextIO) -> None:
    """The hits as a table for people, or JSON lines / CSV (Excel-safe) for scripts."""
    if fmt == "jsonl":
        for hit in hits:
            stream.write(json.dumps(_record(hit), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv((_record(hit) for hit in hits), FIELDS, stream)
    else:
        stream.write(table(hits) + "\n")


def table(hits: Iterable[Hit]) -> str:
    rows = [
        (
            f"{hit.score:.3f}",
            hit.published_at.astimezone(SHANGHAI).strftime("%Y-%m-%d") if hit.published_at else "-",
            hit.site,
            tables.clip(hit.title, 40),
            tables.clip(hit.snippet, 56),
            hit.url,
        )
        for hit in hits
    ]
    if not rows:
        return "no hits"
    return tables.render(
        ("score", "published", "site", "title", "snippet", "url"), rows, ("score",)
    )

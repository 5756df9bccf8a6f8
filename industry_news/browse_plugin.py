"""The Datasette plugin of `browse`: `industry_news_search(query, limit)` in SQL.

It returns the hits of `search.search` as a JSON array (best first), so a canned query can show
them; a bad query gives one row that says what is wrong.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime
from functools import cache

from datasette import hookimpl
from sqlalchemy.engine import Engine

from industry_news.dates import SHANGHAI
from industry_news.fulltext import TABLE
from industry_news.query import QueryError, parse
from industry_news.search import search
from industry_news.storage import connect_existing

ARCHIVE_ENV = "INDUSTRY_NEWS_BROWSE_DB"
"""The archive `browse` serves (the function searches it through its own connection)."""
__all__ = ["TABLE", "prepare_connection"]


@cache
def _engine(url: str) -> Engine:
    return connect_existing(url)


def industry_news_search(query: str | None, limit: int = 50) -> str:
    """The hits of `query` as JSON: [{url, site, title, published_at, category, snippet,
    score}, …]; "[]" for an empty query; one row with the error as title for a bad one."""
    if not (query or "").strip():
        return "[]"
    try:
        parsed = parse(query or "")
    except QueryError as exc:
        return json.dumps([{"title": f"查询有误 bad query: {exc}"}], ensure_ascii=False)
    with _engine(os.environ[ARCHIVE_ENV]).connect() as connection:
        hits = search(connection, parsed, limit=int(limit))
    return json.dumps(
        [
            {
                "url": hit.url,
                "site": hit.site,
                "title": hit.title,
                "published_at": _beijing(hit.published_at),
                "category": hit.category,
                "snippet": hit.snippet,
                "score": hit.score,
            }
            for hit in hits
        ],
        ensure_ascii=False,
    )


def _beijing(moment: datetime | None) -> str | None:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S") if moment else None


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("industry_news_search", 2, industry_news_search)

"""Run the real `liyang` spider through Scrapy in a subprocess, and read back what it stored
(from a SQLite file, or from any archive URL through the storage layer)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from industry_news.storage import Article

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=1")


@dataclass
class Crawl:
    returncode: int
    log: str


def crawl(
    base_url: str, db: Path, *args: str, timeout: float = 120, spider: str = "liyang"
) -> Crawl:
    """`scrapy crawl SPIDER -a base_url=…` into the SQLite file `db`, from the project folder."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}"]
    command += ["-s", f"INDUSTRY_NEWS_DB=sqlite:///{db}", *FAST, *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    return Crawl(done.returncode, done.stderr)


def rows(db: Path, query: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(query, params).fetchall()


def stored_articles(db: Path) -> dict[str, dict]:
    """Articles by URL, each with its related links in page order."""
    fields = [
        "id",
        "url",
        "site",
        "title",
        "original_title",
        "author",
        "category",
        "views",
        "date_text",
        "published_at",
        "date_precision",
        "date_earliest",
        "date_latest",
        "body",
    ]
    out = {}
    for row in rows(db, f"select {', '.join(fields)} from articles"):
        article = dict(zip(fields, row, strict=True))
        article["related"] = [
            {"url": url, "title": title, "excerpt": excerpt}
            for url, title, excerpt in rows(
                db,
                "select target_url, title, excerpt from related_links"
                " where article_id = ? order by position",
                article["id"],
            )
        ]
        out[article["url"]] = article
    return out


FIELDS = (
    "url", "site", "title", "original_title", "author", "category", "views", "date_text",
    "published_at", "date_precision", "date_earliest", "date_latest", "body", "article_key",
)  # fmt: skip


def archive(url: str) -> dict[str, dict]:
    """Every article with its related links, read through the storage layer (aware datetimes)."""
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            out = {}
            for article in session.scalars(select(Article)):
                row = {name: getattr(article, name) for name in FIELDS}
                row["related"] = [(r.position, r.target_url, r.title) for r in article.related]
                out[article.url] = row
            return out
    finally:
        engine.dispose()


def count(url: str, what: Any) -> int:
    """The number of rows of a model (Article, RelatedLink, CrawlRun) in the archive."""
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(what))
    finally:
        engine.dispose()

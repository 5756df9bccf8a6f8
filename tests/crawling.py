"""Run the real `liyang` spider through Scrapy in a subprocess, and read back what it stored."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

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

"""What the crawl_runs table records of a run: its counters, and the runs a new one is judged by."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from industry_news.health import FAILURES, HealthRule, figures
from industry_news.storage import CrawlRun


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The crawl_runs counters, from a crawl's stats."""
    return {
        "requests": stats.get("downloader/request_count", 0),
        "new": stats.get("industry_news/articles/new", 0),
        "updated": stats.get("industry_news/articles/updated", 0),
        "unchanged": stats.get("industry_news/articles/unchanged", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "errors": stats.get("industry_news/pages_failed", 0) + stats.get("log_count/ERROR", 0),
    }


def good_history(
    session: Session, spider: str, site: str, before: int, rule: HealthRule
) -> list[dict]:
    """Figures of the last finished runs of the spider into the site that were healthy, newest
    first (runs recorded before sites were: by spider alone)."""
    same_site = or_(CrawlRun.site == site, CrawlRun.site.is_(None))
    runs = session.scalars(
        select(CrawlRun)
        .where(CrawlRun.spider == spider, same_site, CrawlRun.id < before)
        .where(CrawlRun.finish_reason == "finished")
        .order_by(CrawlRun.id.desc())
        .limit(4 * rule.history)
    )
    found = []
    for run in runs:
        stats = json.loads(run.stats or "{}")
        if not stats.get(FAILURES):
            found.append(figures(stats))
    return found

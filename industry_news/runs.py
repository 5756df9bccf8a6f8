"""Scrapy extension: one crawl_runs row per crawl, with the counts from its stats."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from industry_news.dates import SHANGHAI
from industry_news.health import FAILURES, PREFIX, HealthRule, assess, figures
from industry_news.profiles import get_profile
from industry_news.storage import CrawlRun, open_archive, resolve_db_url, session_scope

RUN_ID = "industry_news/run_id"
"""The crawl_runs id of the running crawl, in its stats (stored pages are marked with it)."""


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


def good_history(session: Session, spider: str, before: int, rule: HealthRule) -> list[dict]:
    """Figures of the spider's last finished runs that were healthy, newest first."""
    runs = session.scalars(
        select(CrawlRun)
        .where(CrawlRun.spider == spider, CrawlRun.id < before)
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


class CrawlRunRecorder:
    """Writes the run's row when the spider opens and completes it when the spider closes."""

    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.engine: Engine | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRunRecorder:
        recorder = cls(crawler, resolve_db_url(crawler.settings.get("INDUSTRY_NEWS_DB")))
        crawler.signals.connect(recorder.opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.closed, signal=signals.spider_closed)
        return recorder

    def opened(self, spider: Spider) -> None:
        self.engine = open_archive(self.db_url)
        with session_scope(self.engine) as session:
            run = CrawlRun(spider=spider.name, started_at=datetime.now(SHANGHAI))
            session.add(run)
            session.flush()
            self.run_id = run.id
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(RUN_ID, self.run_id)

    def closed(self, spider: Spider, reason: str) -> None:
        if self.engine is None or self.run_id is None:
            return
        collector = self.crawler.stats
        stats = collector.get_stats() if collector else {}
        with session_scope(self.engine) as session:
            rule = get_profile(getattr(spider, "site", spider.name)).health
            current = figures(stats)
            failures = assess(current, good_history(session, spider.name, self.run_id, rule), rule)
            if collector is not None:
                for name, value in current.items():
                    collector.set_value(PREFIX + f"figures/{name}", round(value, 4))
                collector.set_value(FAILURES, "; ".join(failures))
                stats = collector.get_stats()
            run = session.get(CrawlRun, self.run_id)
            if run is not None:
                run.finished_at = datetime.now(SHANGHAI)
                run.finish_reason = reason
                for name, value in run_counts(stats).items():
                    setattr(run, name, value)
                run.stats = json.dumps(stats, default=str, ensure_ascii=False, sort_keys=True)
        self.engine.dispose()

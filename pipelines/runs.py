"""Scrapy extension: one crawl_runs row per crawl, with the counts from its stats."""

from __future__ import annotations

import json
from datetime import datetime

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy.engine import Engine

from industry_news.dates import SHANGHAI
from industry_news.health import FAILURES, PREFIX, assess, figures
from industry_news.profiles import get_profile
from industry_news.runs import good_history, run_counts
from industry_news.storage import CrawlRun, open_archive, resolve_db_url, session_scope

RUN_ID = "industry_news/run_id"
"""The crawl_runs id of the running crawl, in its stats (stored pages are marked with it)."""


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
            run = CrawlRun(
                spider=spider.name, site=_site(spider), started_at=datetime.now(SHANGHAI)
            )
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
            site = _site(spider)
            rule = get_profile(site).health
            current = figures(stats)
            history = good_history(session, spider.name, site, self.run_id, rule)
            failures = assess(current, history, rule)
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


def _site(spider: Spider) -> str:
    return getattr(spider, "site", "") or spider.name

"""Upsert each article and its related links into the archive, one transaction per item;
keep each dropped page apart, with its HTML (nothing a run extracted is lost)."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from sqlalchemy.engine import Connection, Engine

from industry_news.storage import (
    cluster_of,
    open_archive,
    reject_page,
    resolve_db_url,
    upsert_article,
)
from pipelines.runs import RUN_ID


class StorePipeline:
    """A committed item survives a kill -9; a rerun updates it in place, never twice. Each
    stored or rejected page is marked with its crawl run."""

    def __init__(self, stats: StatsCollector, db_url: str) -> None:
        self.stats = stats
        self.db_url = db_url
        self.engine: Engine | None = None
        self.connection: Connection | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler.stats, resolve_db_url(crawler.settings.get("INDUSTRY_NEWS_DB")))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self) -> None:
        self.engine = open_archive(self.db_url)
        self.connection = self.engine.connect()

    def close_spider(self) -> None:
        if self.connection is not None:
            self.connection.close()
        if self.engine is not None:
            self.engine.dispose()

    def _record(self, item: Any) -> dict[str, Any]:
        return {**ItemAdapter(item).asdict(), "run_id": self.stats.get_value(RUN_ID)}

    def process_item(self, item: Any) -> Any:
        assert self.connection is not None
        with self.connection.begin():
            record = self._record(item)
            result = upsert_article(self.connection, record)
            cluster, copies = cluster_of(self.connection, record["url"])
        self.stats.inc_value(f"industry_news/articles/{result}")
        adapter = ItemAdapter(item)
        adapter["cluster"], adapter["copies"] = cluster, copies
        return item

    def item_dropped(self, item: Any, response: Any, exception: BaseException) -> None:
        if self.connection is None or not ItemAdapter.is_item(item):
            return
        record = self._record(item)
        if not record.get("url") or not record.get("html"):
            return
        with self.connection.begin():
            reject_page(self.connection, record, str(exception))
        self.stats.inc_value("industry_news/articles/rejected")

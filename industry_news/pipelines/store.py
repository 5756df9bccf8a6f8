"""Upsert each article and its related links into the archive, one transaction per item."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from sqlalchemy.engine import Connection, Engine

from industry_news.storage import open_archive, resolve_db_url, upsert_article


class StorePipeline:
    """A committed item survives a kill -9; a rerun updates it in place, never twice."""

    def __init__(self, stats: StatsCollector, db_url: str) -> None:
        self.stats = stats
        self.db_url = db_url
        self.engine: Engine | None = None
        self.connection: Connection | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler.stats, resolve_db_url(crawler.settings.get("INDUSTRY_NEWS_DB")))

    def open_spider(self) -> None:
        self.engine = open_archive(self.db_url)
        self.connection = self.engine.connect()

    def close_spider(self) -> None:
        if self.connection is not None:
            self.connection.close()
        if self.engine is not None:
            self.engine.dispose()

    def process_item(self, item: Any) -> Any:
        assert self.connection is not None
        with self.connection.begin():
            result = upsert_article(self.connection, ItemAdapter(item).asdict())
        self.stats.inc_value(f"industry_news/articles/{result}")
        return item

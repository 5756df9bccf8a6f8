"""Drop what is not an article: no title, or no body (before or after cleaning)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from industry_news.items import rejection


class ValidatePipeline:
    """Each drop is one log line (URL and reason) and a count per reason in the crawl stats."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        reason = rejection(item)
        if reason is None:
            return item
        self.stats.inc_value(f"industry_news/dropped/{reason.replace(' ', '_')}")
        raise DropItem(reason)

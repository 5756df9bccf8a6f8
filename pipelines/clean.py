"""Strip boilerplate from the body and lift a leading 原标题 line into `original_title`."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from industry_news.cleaning import clean_paragraphs
from industry_news.profiles import get_profile
from industry_news.storage import learned_keys, resolve_db_url


class CleanPipeline:
    """Rules from the site profile plus the paragraphs the archive has learned to be boilerplate."""

    def __init__(self, stats: StatsCollector, db_url: str | None) -> None:
        self.stats = stats
        self.db_url = db_url
        self.learned: dict[str, frozenset[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(crawler.stats, resolve_db_url(crawler.settings.get("INDUSTRY_NEWS_DB")))

    def _learned(self, site: str) -> frozenset[str]:
        if site not in self.learned:
            self.learned[site] = learned_keys(self.db_url, site)
        return self.learned[site]

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        site = adapter["site"]
        body = adapter.get("body") or ""
        result = clean_paragraphs(
            body.split("\n\n") if body else [], get_profile(site), self._learned(site)
        )
        adapter["body"] = "\n\n".join(result.paragraphs)
        adapter["original_title"] = result.original_title
        adapter["boilerplate"] = dict(result.removed)
        for rule, count in result.removed.items():
            self.stats.inc_value(f"industry_news/boilerplate/{rule}", count)
        return item

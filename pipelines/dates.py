"""Turn the date a page shows into an aware publication datetime."""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from industry_news.dates import date_fields
from industry_news.reference import choose_reference

logger = logging.getLogger(__name__)


class DatesPipeline:
    """`date_text` read against the instant the page was rendered (its HTTP Date, if sane)."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DatesPipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        reference = choose_reference(adapter.get("http_date"), adapter["crawled_at"])
        adapter["date_reference"] = reference
        text = adapter.get("date_text") or ""
        fields = date_fields(text, reference, adapter.get("machine_date") or "")
        if not fields:
            self.stats.inc_value("industry_news/dates/unread")
            logger.warning("Date not read (%r): %s", text, adapter["url"])
            return item
        for name, value in fields.items():
            adapter[name] = value
        self.stats.inc_value(f"industry_news/dates/{fields['date_precision']}")
        if fields["date_earliest"] > reference:
            self.stats.inc_value("industry_news/dates/after_reference")
            logger.warning(
                "Date %r lies after the page's render time %s: %s",
                text,
                reference.isoformat(),
                adapter["url"],
            )
        return item

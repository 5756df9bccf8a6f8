"""Count what each extracted article holds, for the run's health figures (see `health`)."""

from __future__ import annotations

import hashlib
import statistics
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from industry_news.health import FIELDS, PREFIX


class HealthPipeline:
    """After cleaning, before any drop: every article the run extracted is counted once."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.bodies: set[bytes] = set()
        self.lengths: list[int] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HealthPipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        self.stats.inc_value(PREFIX + "seen")
        shown = {
            "title": (adapter.get("title") or "").strip(),
            "date": adapter.get("published_at"),
            "author": (adapter.get("author") or "").strip(),
            "category": (adapter.get("category") or "").strip(),
            "body": (adapter.get("body") or "").strip(),
        }
        for field in FIELDS:
            if shown[field]:
                self.stats.inc_value(f"{PREFIX}with_{field}")
        body = shown["body"]
        self.lengths.append(len(body))
        if body:
            digest = hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()
            if digest in self.bodies:
                self.stats.inc_value(PREFIX + "identical_bodies")
            self.bodies.add(digest)
        return item

    def close_spider(self) -> None:
        # Pipelines close before spider_closed, when the run recorder reads the figures.
        if self.lengths:
            self.stats.set_value(PREFIX + "body_median", int(statistics.median(self.lengths)))

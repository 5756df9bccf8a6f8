"""The liyang spider whose extraction raises on every article page (`-s SPIDER_MODULES=…`)."""

from __future__ import annotations

from lxml.html import HtmlElement

from industry_news.extract import Extracted
from industry_news.profiles import get_profile
from spiders.loader import profile_spider


class FailingExtractionSpider(profile_spider(get_profile("liyang"))):  # type: ignore[misc]
    name = "liyang_failing_extraction"

    def extract(self, root: HtmlElement | None, url: str) -> Extracted:
        raise RuntimeError(f"extraction fault injected by the test: {url}")

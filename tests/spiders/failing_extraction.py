"""The liyang spider whose extraction raises on every article page (`-s SPIDER_MODULES=…`)."""

from __future__ import annotations

from lxml.html import HtmlElement

from industry_news.extract import Extracted
from industry_news.spiders.liyang import LiyangSpider


class FailingExtractionSpider(LiyangSpider):
    name = "liyang_failing_extraction"

    def extract(self, root: HtmlElement | None, url: str) -> Extracted:
        raise RuntimeError(f"extraction fault injected by the test: {url}")

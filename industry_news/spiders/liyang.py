"""溧阳厂房网 (liyang.021cf.cn): listings, their pagination, articles and their related links."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import scrapy
from lxml.html import HtmlElement
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from industry_news.dates import SHANGHAI
from industry_news.extract import Extracted, extract_article, parse_html
from industry_news.items import ArticleItem
from industry_news.links import Link, listing_entries, page_links
from industry_news.selectors import NEXT_PAGE_TEXT
from industry_news.urls import Kind, Rebaser, canonical, classify, listing_key, page_number

logger = logging.getLogger(__name__)

GONE = (404, 410)


class LiyangSpider(scrapy.Spider):
    """Crawl the portal from its home page; `-a base_url=` crawls a mirror or replay instead."""

    name = "liyang"
    site = "liyang"
    portal_url = "http://liyang.021cf.cn/"
    portal_hosts = ("liyang.021cf.cn", "www.liyang.021cf.cn", "m.liyang.021cf.cn")
    # Set by an incremental harvest (as spider arguments): archived articles are not fetched
    # again, and with stop_at_known a listing whose entries are all archived is not paged further.
    known_urls: frozenset[str] = frozenset()
    stop_at_known: bool = False

    def __init__(
        self, base_url: str | None = None, max_pages: str | int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url or self.portal_url
        self.resolve = Rebaser(self.base_url, self.portal_hosts)
        self.allowed_domains = [self.resolve.host]
        self.max_pages = _positive_int(max_pages, "max_pages")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        home = self.resolve(self.base_url.rstrip("/") + "/")
        assert home is not None
        yield self.request(home).replace(errback=self.home_failed)

    def home_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A mirror that serves no "/" still has Z-BlogPHP's front controller, index.php."""
        self.failed(failure)
        if failure.check(HttpError) and failure.value.response.status in GONE:
            front = self.resolve(self.base_url.rstrip("/") + "/index.php")
            if front is not None:
                yield self.request(front)

    def request(self, url: str, depth: int = 1) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse, errback=self.failed, cb_kwargs={"depth": depth}
        )

    def parse(self, response: Response, depth: int = 1) -> Iterator[Any]:
        stats = self.crawler.stats
        if not isinstance(response, TextResponse):
            stats.inc_value("industry_news/pages_not_html")
            logger.warning("Not an HTML page, skipped: %s", response.url)
            return
        url = canonical(response.url)
        root = parse_html(response.text)
        is_article = classify(url) is Kind.ARTICLE
        if is_article:
            try:
                page = self.extract(root, url)
            except Exception:
                # A page the extractor cannot read still leads to its links; the fault is counted.
                stats.inc_value("industry_news/extract_errors")
                logger.exception("Extraction failed, links still followed: %s", response.url)
            else:
                yield self.article(response, url, page)
        if root is None:
            stats.inc_value("industry_news/pages_empty")
            logger.warning("Empty page: %s", response.url)
            return
        links = page_links(root, url, self.resolve)
        for link in links:
            if link.kind is Kind.ARTICLE and link.url not in self.known_urls:
                yield self.request(link.url)
        if not is_article:
            yield from self.listings(url, links, depth)

    def listings(self, url: str, links: list[Link], depth: int) -> Iterator[Any]:
        """Other listings, and this listing's further pages.

        An incremental harvest (stop_at_known) pages on one page at a time, and not at all from
        a page whose entries are all archived already.
        """
        here = listing_key(url)
        incremental = self.stop_at_known and bool(self.known_urls)
        exhausted = incremental and not (listing_entries(links) - self.known_urls)
        for link in links:
            if link.kind is not Kind.LISTING:
                continue
            same_listing = listing_key(link.url) == here
            if same_listing and incremental and (exhausted or not _is_next(link, url)):
                continue
            next_depth = depth + 1 if same_listing else 1
            if self.max_pages and max(page_number(link.url), next_depth) > self.max_pages:
                continue
            yield self.request(link.url, depth=next_depth)

    def extract(self, root: HtmlElement | None, url: str) -> Extracted:
        """What the article page at `url` shows."""
        return extract_article(root, url, self.resolve)

    def article(self, response: TextResponse, url: str, page: Extracted) -> ArticleItem:
        date_header = response.headers.get("Date")
        return ArticleItem.from_page(
            url,
            self.site,
            page,
            response.text,
            date_header.decode("latin-1") if date_header else None,
            datetime.now(SHANGHAI),
        )

    def failed(self, failure: Failure) -> None:
        """Count and log a page that could not be had; the crawl goes on."""
        stats = self.crawler.stats
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(HttpError):
            status = failure.value.response.status
            if status in GONE:
                stats.inc_value("industry_news/pages_gone")
                logger.info("Page gone (HTTP %s): %s", status, request.url)
                return
            reason = f"HTTP {status}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        stats.inc_value("industry_news/pages_failed")
        logger.warning("Page failed (%s): %s", reason, request.url)


def _is_next(link: Link, url: str) -> bool:
    """Whether a link of a listing page leads to the page after it."""
    if page_number(link.url) > 1 or page_number(url) > 1:
        return page_number(link.url) == page_number(url) + 1
    return bool(NEXT_PAGE_TEXT.match(link.text))


def _positive_int(value: str | int | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise ValueError(f"{name} must be a positive whole number, got {value!r}")
    return number

"""The crawl of one portal: listings, their pagination, articles and their related links.

`PortalCrawl` is what every portal's spider does; a profile (`industry_news/portals/*.toml`)
only says where the portal is and which URL schemes and theme it uses (see `spiders.loader`).
`scrapy crawl portal -a url=http://host/` crawls a portal that has no profile.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml.html import HtmlElement
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from industry_news.dates import SHANGHAI
from industry_news.extract import Extracted, extract_article, parse_html
from industry_news.items import ArticleItem
from industry_news.links import (
    Link,
    listing_entries,
    looks_like_article,
    menu_links,
    page_links,
)
from industry_news.schemes import (
    Kind,
    article_form,
    article_key,
    classify,
    is_home,
    listing_key,
    page_number,
)
from industry_news.selectors import NEXT_PAGE_TEXT
from industry_news.urls import Rebaser, canonical

logger = logging.getLogger(__name__)

GONE = (404, 410)
FRONT_PAGES = ("index.php", "index.html", "index.htm", "index.shtml")
"""Where a site that serves no "/" has its home page (Z-BlogPHP's front controller first)."""


class PortalCrawl(scrapy.Spider):
    """Crawl a portal from its home page; `-a base_url=` crawls a mirror or replay instead."""

    site = ""
    portal_url = ""
    portal_hosts: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    """URL schemes the portal's links follow (empty: every known scheme)."""
    start_listings: tuple[str, ...] = ()
    theme = ""
    probe_menus = False
    """Whether the home page's menu links that no scheme explains are looked at."""
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
        self.chosen: dict[str, str] = {}
        """Article key → the URL it was last requested by."""
        self.form_votes: Counter[str] = Counter()
        """URL form → how often listings' own entries used it."""

    async def start(self) -> AsyncIterator[scrapy.Request]:
        home = self.resolve(self.base_url.rstrip("/") + "/")
        assert home is not None
        yield self.request(home).replace(errback=self.home_failed)
        for listing in self.start_listings:
            url = self.resolve(urljoin(self.base_url.rstrip("/") + "/", listing))
            if url is not None:
                yield self.request(url)

    def home_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A site that serves no "/" may still have its front page under its own name."""
        self.failed(failure)
        if failure.check(HttpError) and failure.value.response.status in GONE:
            for name in FRONT_PAGES:
                front = self.resolve(self.base_url.rstrip("/") + "/" + name)
                if front is not None:
                    yield self.request(front).replace(errback=self.failed)

    def request(self, url: str, depth: int = 1, entry: bool = False) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.failed,
            cb_kwargs={"depth": depth, "entry": entry},
        )

    def parse(self, response: Response, depth: int = 1, entry: bool = False) -> Iterator[Any]:
        stats = self.crawler.stats
        if not isinstance(response, TextResponse):
            stats.inc_value("industry_news/pages_not_html")
            logger.warning("Not an HTML page, skipped: %s", response.url)
            return
        url = canonical(response.url)
        root = parse_html(response.text)
        is_article = classify(url, self.schemes or None) is Kind.ARTICLE
        if is_article or entry:
            try:
                page = self.extract(root, url)
            except Exception:
                # A page the extractor cannot read still leads to its links; the fault is counted.
                stats.inc_value("industry_news/extract_errors")
                logger.exception("Extraction failed, links still followed: %s", response.url)
            else:
                # A listing's dated entry whose URL says nothing is archived when it reads as one.
                if is_article or looks_like_article(page):
                    is_article = True
                    if self.superseded(url):
                        stats.inc_value("industry_news/pages_superseded")
                    else:
                        yield self.article(response, url, page)
        if root is None:
            stats.inc_value("industry_news/pages_empty")
            logger.warning("Empty page: %s", response.url)
            return
        # A profile that names its scheme says what its links are; otherwise their shape does.
        links = page_links(root, url, self.resolve, self.schemes, by_shape=not self.schemes)
        if not is_article:
            # The URL forms a listing's own entries use are the site's canonical ones.
            self.form_votes.update(
                form[1] for entry in listing_entries(links) if (form := self.form(entry))
            )
        for link in links:
            if link.kind is Kind.ARTICLE and (request := self.article_request(link.url)):
                yield request
        if not is_article:
            yield from self.listings(url, links, depth)
        if self.probe_menus and is_home(url):
            # Sections whose URLs no scheme explains: their shape tells (dated entries).
            for link in menu_links(links):
                yield self.request(link.url)

    def form(self, url: str) -> tuple[str, str] | None:
        return article_form(url, self.schemes or None)

    def article_request(self, url: str) -> scrapy.Request | None:
        """The request for an article link, unless the article is archived or requested already.

        An article linked by two URL forms (/post/7550.html in the listings, ?id=7550 in a
        sidebar) is fetched by the first, and again by the other when that is the form the
        site's listings use more (`form_votes`): the archive keeps that one.
        """
        if url in self.known_urls:
            return None
        found = self.form(url)
        if found is None:
            return self.request(url, entry=True)
        key, form = found
        if key in self.known_keys:
            return None
        chosen = self.chosen.get(key)
        if chosen is not None:
            chosen_form = self.form(chosen)
            if chosen == url or self.form_votes[form] <= self.form_votes[chosen_form[1]]:
                return None
        self.chosen[key] = url
        return self.request(url)

    def superseded(self, url: str) -> bool:
        """Whether another URL form of this article was chosen after this one was requested."""
        key = article_key(url, self.schemes or None)
        chosen = self.chosen.get(key) if key is not None else None
        return chosen is not None and chosen != url

    @property
    def known_keys(self) -> frozenset[str]:
        """The article keys of known_urls (computed once)."""
        keys = self.__dict__.get("_known_keys")
        if keys is None:
            found = (article_key(url, self.schemes or None) for url in self.known_urls)
            keys = self.__dict__["_known_keys"] = frozenset(k for k in found if k)
        return keys

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
        return extract_article(root, url, self.resolve, self.theme)

    def article(self, response: TextResponse, url: str, page: Extracted) -> ArticleItem:
        date_header = response.headers.get("Date")
        item = ArticleItem.from_page(
            url,
            self.site,
            page,
            response.text,
            date_header.decode("latin-1") if date_header else None,
            datetime.now(SHANGHAI),
        )
        item.article_key = article_key(url, self.schemes or None) or ""
        return item

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


class PortalSpider(PortalCrawl):
    """Any portal, with no profile: `-a url=http://host/` (required), `-a site=NAME` (default:
    the host) and, as for every spider, `-a base_url=` for a mirror. Its links are read by
    every known CMS scheme."""

    name = "portal"
    probe_menus = True

    def __init__(self, url: str | None = None, site: str | None = None, **kwargs: Any) -> None:
        if not url:
            raise ValueError("the portal spider needs -a url=http://host/ (the portal's home)")
        host = (urlsplit(url).hostname or "").lower()
        if urlsplit(url).scheme not in ("http", "https") or not host:
            raise ValueError(f"url must be an http(s) URL, got {url!r}")
        self.portal_url = url
        self.portal_hosts = (host, host[4:] if host.startswith("www.") else f"www.{host}")
        self.site = site or host
        super().__init__(**kwargs)


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

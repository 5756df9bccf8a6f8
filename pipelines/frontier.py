"""A crawl frontier shared on Redis: `-s REDIS_URL=redis://host:6379/0` turns it on.

scrapy-redis's scheduler, queue and dupefilter are used, subclassed thinly where scrapy-redis
0.9.1 alone would lose or double work with several processes:

- its queue's `pop` forgets a request the moment it is taken, so a process killed mid-page
  loses it: `ClaimingQueue` pops through `Frontier.claim`, which records the holder;
- with `SCHEDULER_PERSIST` off, the first process to finish deletes the queue and dupefilter
  the others still use; with it on, the next crawl finds every page "seen". `SharedScheduler`
  keeps them while anyone works and drops the dupefilter when the crawl as a whole is over;
- a process whose queue is empty for a moment (at its start, or while another fetches the only
  listing) closes at once: `SharedScheduler` keeps it open while another worker is busy;
- its keys are per spider name: here they are per spider and site (`portal` crawls of two
  hosts never share a queue).

`FrontierAcks` tells the scheduler when a page is done with: its callback's output exhausted
and every item from it through the pipelines (so stored). The bookkeeping is in
`industry_news.frontier`.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from redis.exceptions import RedisError
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from industry_news.frontier import FRONTIER_WORKER, Frontier, Keys, crawl_prefix

logger = logging.getLogger(__name__)

CLAIM = "_frontier_claim"
"""Request meta: the queue entry this worker claimed the request as (to acknowledge it by)."""

page_done = object()
"""Signal (request): everything the page of this request led to is stored or queued."""


class RedisFrontier:
    """Scrapy add-on: with REDIS_URL set, the crawl's frontier is shared on Redis."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            return
        settings.set("SCHEDULER", "pipelines.frontier.SharedScheduler", "addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", "addon")
        settings["SPIDER_MIDDLEWARES"]["pipelines.frontier.FrontierAcks"] = 10


class ClaimingQueue(PriorityQueue):
    """scrapy-redis's priority queue whose `pop` records which worker holds the request."""

    frontier: Frontier

    def push(self, request: Request) -> None:
        request.meta.pop(CLAIM, None)  # a retry or redirect of a claimed request
        super().push(request)

    def pop(self, timeout: int = 0) -> Request | None:
        data = self.frontier.claim()
        if data is None:
            return None
        request = self._decode_request(data)
        request.meta[CLAIM] = data
        return request


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler for several processes on one crawl (see the module)."""

    crawler: Crawler
    frontier: Frontier
    heartbeat: LoopingCall
    beat_interval: float
    """Seconds between heartbeats (FRONTIER_HEARTBEAT)."""
    timeout: float
    """Seconds of silence after which a worker is taken for dead (FRONTIER_WORKER_TIMEOUT)."""
    waiting: bool
    """Idle while others work: each heartbeat has the engine look at the queue again."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedScheduler:
        settings = crawler.settings
        beat_interval = settings.getfloat("FRONTIER_HEARTBEAT", 1.0)
        timeout = settings.getfloat("FRONTIER_WORKER_TIMEOUT", 30.0)
        if not 0 < beat_interval < timeout:
            raise ValueError(
                f"FRONTIER_HEARTBEAT ({beat_interval} s) must be above 0 and below "
                f"FRONTIER_WORKER_TIMEOUT ({timeout} s), or live workers are taken for dead"
            )
        try:
            scheduler = super().from_crawler(crawler)
        except ValueError as exc:  # redis-py's word on a malformed URL
            raise ValueError(f"bad REDIS_URL: {exc}") from exc
        except RedisError as exc:
            raise RuntimeError(f"cannot reach Redis at REDIS_URL: {exc}") from exc
        scheduler.crawler = crawler
        scheduler.beat_interval = beat_interval
        scheduler.timeout = timeout
        scheduler.waiting = False
        scheduler.heartbeat = LoopingCall(scheduler.beat)
        crawler.signals.connect(scheduler.idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.done, signal=page_done)
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        keys = Keys(crawl_prefix(spider.name, getattr(spider, "site", "")))
        worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.frontier = Frontier(self.server, keys, worker, int(self.timeout * 1000))
        self.df = RFPDupeFilter(
            self.server, key=keys.dupefilter, debug=spider.settings.getbool("DUPEFILTER_DEBUG")
        )
        self.queue = ClaimingQueue(self.server, spider, _literal(keys.queue), self.serializer)
        self.queue.frontier = self.frontier
        self.frontier.beat()
        self.stats.set_value(FRONTIER_WORKER, worker)
        self.heartbeat.start(self.beat_interval, now=False)
        logger.info(
            "Shared frontier %s on Redis: worker %s, %d requests queued",
            keys.prefix,
            worker,
            len(self.queue),
        )

    def close(self, reason: str) -> None:
        """Unlike scrapy-redis's, never flushes: the crawl's end, not one process's, does."""
        if self.heartbeat.running:
            self.heartbeat.stop()
        handed_back = self.frontier.leave()
        if handed_back:
            logger.info("Handed %d unfinished requests back to the queue", handed_back)

    # scrapy-redis's own two pass `spider=` to the stats, which Scrapy 2.19 deprecates.
    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
            self.waiting = False
        return request

    def beat(self) -> None:
        """Say this worker is alive; a worker waiting for others looks at the queue again."""
        try:
            self.frontier.beat()
        except RedisError as exc:
            logger.warning("Redis heartbeat failed: %s", exc)
            return
        if self.waiting:
            _wake(self.crawler)

    def idle(self, spider: Spider) -> None:
        """Keep an idle worker open until the crawl as a whole is over."""
        state, recovered = self.frontier.settle()
        if recovered:
            self.stats.inc_value("industry_news/frontier/recovered", recovered)
            logger.warning("Re-queued %d requests held by a worker that stopped", recovered)
        if state == "done":
            logger.info("Shared crawl %s is over", self.frontier.keys.prefix)
            return
        self.waiting = True
        raise DontCloseSpider(state)

    def done(self, request: Request) -> None:
        claim = request.meta.get(CLAIM)
        if claim is not None:
            self.frontier.ack(claim)
            self.stats.inc_value("industry_news/frontier/acked")


class FrontierAcks:
    """Spider middleware: sends `page_done` once a page's output is exhausted and every item
    from it has left the item pipelines (scraped, dropped or failed)."""

    def __init__(self, crawler: Crawler) -> None:
        self.signals = crawler.signals
        self.items: dict[Response, int] = {}
        """Pages whose output is being read → their items still in the pipelines."""
        self.exhausted: set[Response] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierAcks:
        middleware = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(middleware.item_left, signal=signal)
        return middleware

    def process_spider_output(
        self, response: Response | None, result: Iterable[Any]
    ) -> Iterator[Any]:
        if response is None:
            yield from result
            return
        self.items.setdefault(response, 0)
        try:
            for output in result:
                self._count(response, output)
                yield output
        except BaseException:
            self._forget(response)  # a callback that failed: held until the worker idles
            raise
        self._exhausted(response)

    async def process_spider_output_async(
        self, response: Response | None, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        if response is None:
            async for output in result:
                yield output
            return
        self.items.setdefault(response, 0)
        try:
            async for output in result:
                self._count(response, output)
                yield output
        except BaseException:
            self._forget(response)
            raise
        self._exhausted(response)

    def _count(self, response: Response, output: Any) -> None:
        if output is not None and not isinstance(output, Request):
            self.items[response] += 1

    def _forget(self, response: Response) -> None:
        self.items.pop(response, None)
        self.exhausted.discard(response)

    def _exhausted(self, response: Response) -> None:
        self.exhausted.add(response)
        self._maybe_done(response)

    def item_left(self, response: Response | None = None, **_: Any) -> None:
        if response is not None and response in self.items:
            self.items[response] -= 1
            self._maybe_done(response)

    def _maybe_done(self, response: Response) -> None:
        if response in self.exhausted and self.items.get(response) == 0:
            self._forget(response)
            self.signals.send_catch_log(page_done, request=response.request)


def _literal(key: str) -> str:
    """A key scrapy-redis formats with `% {"spider": …}`, kept as it is."""
    return key.replace("%", "%%")


def _wake(crawler: Crawler) -> None:
    """Have the engine ask the scheduler for a request now, not at its next 5 s heartbeat.

    Scrapy has no public call for this; a waiting worker would otherwise notice new work (or
    the crawl's end) only every 5 s.
    """
    slot = getattr(crawler.engine, "_slot", None)
    if slot is not None:
        slot.nextcall.schedule()

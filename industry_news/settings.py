"""Scrapy settings for industry-news. Every value can be overridden with `-s NAME=VALUE`."""

import os

from industry_news.items import EXPORT_FIELDS

BOT_NAME = "industry_news"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# Adds one spider per portal profile (industry_news/portals/*.toml, INDUSTRY_NEWS_PROFILES).
SPIDER_LOADER_CLASS = "spiders.loader.ProfileSpiderLoader"

# Where the archive lives: any SQLAlchemy URL; unset means data/industry_news.sqlite3.
INDUSTRY_NEWS_DB = os.environ.get("INDUSTRY_NEWS_DB")

# Politeness: an honest User-Agent, robots.txt, adaptive throttling, few parallel requests.
USER_AGENT = "industry-news/0.1 (news archiver for economic analysis; obeys robots.txt)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

ITEM_PIPELINES = {
    "pipelines.dates.DatesPipeline": 100,
    "pipelines.clean.CleanPipeline": 200,
    "pipelines.health.HealthPipeline": 250,
    "pipelines.validate.ValidatePipeline": 300,
    "pipelines.store.StorePipeline": 400,
}

# `scrapy crawl liyang -O items.jsonl` writes the same fields as `industry-news export`.
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
FEED_EXPORT_ENCODING = "utf-8"

LOG_LEVEL = "INFO"

EXTENSIONS = {"pipelines.runs.CrawlRunRecorder": 500}

LOG_FORMATTER = "pipelines.logformatter.ConciseLogFormatter"

# A frontier shared by crawler processes on several machines: `-s REDIS_URL=redis://host:6379/0`
# alone turns on scrapy-redis's queue and dupefilter (pipelines/frontier.py). A worker silent
# for FRONTIER_WORKER_TIMEOUT seconds is taken for dead and its requests go back on the queue.
ADDONS = {"pipelines.frontier.RedisFrontier": 100}
REDIS_URL = None
FRONTIER_HEARTBEAT = 1.0
FRONTIER_WORKER_TIMEOUT = 30.0

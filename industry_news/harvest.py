"""`industry-news harvest`: incremental, non-overlapping, resumable crawls for cron.

Each spider is passed the URLs its site already has in the archive (`known_urls`: not fetched
again) and `stop_at_known` (a listing page holding only archived articles is not paged
further). After a run that was killed, stopped early or had errors, listings are paged through
again (known articles still skipped), so what the broken run never reached is found.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from logging.handlers import RotatingFileHandler
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings
from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from twisted.python.failure import Failure

from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.frontier import FRONTIER_WORKER
from industry_news.health import FAILURES
from industry_news.lock import ArchiveLocked, archive_lock
from industry_news.profiles import ProfileError, all_profiles
from industry_news.runs import run_counts
from industry_news.storage import Article, CrawlRun, open_archive, resolve_db_url

SETTINGS_MODULE = "industry_news.settings"
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PAGES_FAILED = 3
EXIT_UNREACHABLE = 4
EXIT_UNHEALTHY = 5
EXIT_LOCKED = 75
NOTIFY_TIMEOUT = 10
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "harvest",
        help="crawl incrementally into the archive (for cron): new articles only",
        description=(
            "Run spiders (default: every portal profile) into the archive, fetching only "
            "what it lacks. "
            "Exit codes: 0 done, 2 bad arguments, 3 some pages failed, 4 nothing could be "
            "fetched, 5 a site's extraction looks broken (its figures are named), 75 another "
            "harvest holds the archive."
        ),
    )
    parser.add_argument(
        "spiders", nargs="*", metavar="SPIDER", help="spiders (default: every portal profile)"
    )
    parser.add_argument("--db", metavar="URL", help="archive URL (sets INDUSTRY_NEWS_DB)")
    parser.add_argument("--log", metavar="FILE", help="Scrapy's log, rotated at 5 MB × 5")
    parser.add_argument("--full", action="store_true", help="revisit every page and article")
    parser.add_argument(
        "--refresh-days",
        type=int,
        default=0,
        metavar="N",
        help="re-fetch articles published in the last N days (default 0)",
    )
    parser.add_argument(
        "--notify",
        metavar="URL",
        help="when the exit code is not 0, POST the summary as JSON to this webhook",
    )
    parser.add_argument(
        "-a",
        dest="spider_args",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="spider argument, as for scrapy crawl; SPIDER:NAME=VALUE for one spider only",
    )
    parser.add_argument(
        "-s",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Scrapy setting, as for scrapy crawl",
    )
    parser.set_defaults(func=run)


@dataclass(frozen=True)
class Plan:
    """What one spider is told: which articles to skip, whether to stop at known listings."""

    spider: str
    mode: str  # full, incremental or resume
    known_urls: frozenset[str] = frozenset()
    stop_at_known: bool = False


@dataclass
class Outcome:
    """One spider's crawl: its crawler (stats) or the error that kept it from starting."""

    plan: Plan
    crawler: Crawler | None
    error: BaseException | None = None

    def failed(self, failure: Failure) -> None:
        self.error = failure.value

    @property
    def stats(self) -> dict[str, Any]:
        if self.crawler is None or self.crawler.stats is None:
            return {}
        return self.crawler.stats.get_stats()

    @property
    def code(self) -> int:
        if self.error is not None:
            usage = (TypeError, ValueError, ProfileError)
            return EXIT_USAGE if isinstance(self.error, usage) else 1
        stats = self.stats
        if not stats.get("response_received_count"):
            # A worker of a shared crawl that was handed nothing: the others fetched it all.
            idle_worker = stats.get(FRONTIER_WORKER) and not stats.get("scheduler/dequeued/redis")
            return EXIT_OK if idle_worker else EXIT_UNREACHABLE
        if stats.get(FAILURES):
            return EXIT_UNHEALTHY
        if stats.get("industry_news/pages_failed") or stats.get("finish_reason") != "finished":
            return EXIT_PAGES_FAILED
        return EXIT_OK

    def summary(self) -> str:
        """The one line cron mails, e.g. `liyang: finished in 12.3 s (incremental) — …`."""
        if self.error is not None:
            return f"{self.plan.spider}: did not start: {self.error}"
        stats = self.stats
        counts = run_counts(stats)
        reason = stats.get("finish_reason", "not finished")
        seconds = float(stats.get("elapsed_time_seconds", 0.0))
        head = f"{reason} after" if reason != "finished" else "finished in"
        line = (
            f"{self.plan.spider}: {head} {seconds:.1f} s ({self.plan.mode}) — "
            f"{counts['requests']} requests, "
            f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['dropped']} dropped, {stats.get('industry_news/pages_failed', 0)} failed, "
            f"{stats.get('industry_news/pages_gone', 0)} gone"
        )
        if self.code == EXIT_UNHEALTHY:
            line += f"; unhealthy: {stats[FAILURES]}"
        return line + ("; portal unreachable" if self.code == EXIT_UNREACHABLE else "")


SEVERITY = (EXIT_OK, EXIT_PAGES_FAILED, EXIT_UNHEALTHY, EXIT_UNREACHABLE, 1, EXIT_USAGE)


def worst(codes: Iterable[int]) -> int:
    """The exit code of several crawls: did not start > unreachable > unhealthy > pages failed >
    done."""
    return max(codes, key=SEVERITY.index, default=EXIT_OK)


def parse_pairs(values: Sequence[str], option: str) -> dict[str, str]:
    """`NAME=VALUE` arguments as a dict; CommandError (exit 2) for a malformed one."""
    pairs = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise CommandError(f"malformed {option} {value!r}: expected NAME=VALUE", EXIT_USAGE)
        pairs[name.strip()] = text
    return pairs


def harvest_settings(args: argparse.Namespace) -> Settings:
    """Project settings with -s and --db applied; Scrapy leaves the root logger to us."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", SETTINGS_MODULE)
    settings = get_project_settings()
    settings.setdict(parse_pairs(args.settings, "-s"), priority="cmdline")
    if args.db:
        settings.set("INDUSTRY_NEWS_DB", args.db, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    return settings


def arguments_for(spider: str, spider_args: Mapping[str, str]) -> dict[str, str]:
    """The -a arguments one spider gets: `NAME=VALUE` for every spider, `SPIDER:NAME=VALUE`
    for that spider only (it wins)."""
    common = {name: value for name, value in spider_args.items() if ":" not in name}
    prefix = spider + ":"
    own = {n[len(prefix) :]: v for n, v in spider_args.items() if n.startswith(prefix)}
    return {**common, **own}


def site_of(spider: type, spider_args: Mapping[str, str]) -> str:
    """The site a spider archives into: its profile's, or (portal) -a site= or -a url='s host."""
    site = getattr(spider, "site", "") or spider_args.get("site", "")
    return site or urlsplit(spider_args.get("url", "")).hostname or spider.name


def plan_spider(
    session: Session,
    name: str,
    site: str,
    *,
    full: bool,
    refresh_days: int,
    now: datetime,
) -> Plan:
    """The spider's plan from the archive: its site's articles and its site's last run."""
    if full:
        return Plan(name, "full")
    query = select(Article.url).where(Article.site == site)
    if refresh_days:
        cutoff = now - timedelta(days=refresh_days)
        query = query.where(or_(Article.published_at.is_(None), Article.published_at < cutoff))
    known = frozenset(session.scalars(query))
    last = session.scalars(
        select(CrawlRun)
        .where(CrawlRun.spider == name, or_(CrawlRun.site == site, CrawlRun.site.is_(None)))
        .order_by(CrawlRun.id.desc())
        .limit(1)
    ).first()
    broken = last is not None and (
        last.finished_at is None or last.finish_reason != "finished" or last.errors > 0
    )
    mode = "resume" if broken else "incremental" if known else "full"
    return Plan(name, mode, known, stop_at_known=not broken)


class _MessageOnly(logging.Formatter):
    """Formats a record without its traceback: stderr gets one line per error."""

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        record.asctime = self.formatTime(record, self.datefmt)
        return self.formatMessage(record)


def log_handler(settings: Settings, log_file: str | None) -> logging.Handler:
    """A rotating file for Scrapy's log when given; otherwise ERROR and above to stderr."""
    handler: logging.Handler
    if log_file:
        try:
            handler = RotatingFileHandler(
                log_file,
                maxBytes=LOG_MAX_BYTES,
                backupCount=LOG_BACKUPS,
                encoding=settings.get("LOG_ENCODING"),
            )
        except OSError as exc:
            raise CommandError(f"cannot write log {log_file}: {exc.strerror}", EXIT_USAGE) from exc
        handler.setLevel(settings.get("LOG_LEVEL"))
        handler.setFormatter(
            logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT"))
        )
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.ERROR)
        handler.setFormatter(
            _MessageOnly(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT"))
        )
    return handler


def install_log_handler(settings: Settings, handler: logging.Handler) -> None:
    """The only root handler: records are still made (and counted) at LOG_LEVEL."""
    root = logging.getLogger()
    root.setLevel(settings.get("LOG_LEVEL"))
    root.addHandler(handler)


def crawl(
    settings: Settings,
    plans: Sequence[Plan],
    spider_args: dict[str, str],
    broken: Mapping[str, ProfileError],
) -> list[Outcome]:
    """Run the spiders together in this process; returns when all have closed. A spider whose
    profile is broken does not start: its outcome is its error."""
    process = CrawlerProcess(settings)
    outcomes = []
    for plan in plans:
        if plan.spider in broken:
            outcomes.append(Outcome(plan, None, broken[plan.spider]))
            continue
        outcome = Outcome(plan, process.create_crawler(plan.spider))
        kwargs = {
            **arguments_for(plan.spider, spider_args),
            "known_urls": plan.known_urls,
            "stop_at_known": plan.stop_at_known,
        }
        process.crawl(outcome.crawler, **kwargs).addErrback(outcome.failed)
        outcomes.append(outcome)
    process.start()
    return outcomes


def run(args: argparse.Namespace) -> int:
    if args.refresh_days < 0:
        raise CommandError(f"--refresh-days must be 0 or more, got {args.refresh_days}", 2)
    spider_args = parse_pairs(args.spider_args, "-a")
    settings = harvest_settings(args)
    loader = get_spider_loader(settings)
    profiles = all_profiles()
    available = sorted(loader.list())
    names = list(dict.fromkeys(args.spiders)) or sorted([*profiles.profiles, *profiles.errors])
    for name in names:
        if name not in available and name not in profiles.errors:
            known = ", ".join(available) or "none"
            raise CommandError(f"unknown spider {name!r} (available: {known})", EXIT_USAGE)
    handler = log_handler(settings, args.log)
    db_url = resolve_db_url(settings.get("INDUSTRY_NEWS_DB"))
    lock = archive_lock(db_url, shared=bool(settings.get("REDIS_URL")))
    try:
        lock.acquire()
    except ArchiveLocked as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    try:
        engine = open_archive(db_url)
        try:
            with Session(engine) as session:
                now = datetime.now(SHANGHAI)
                plans = [
                    plan_spider(
                        session,
                        name,
                        name
                        if name in profiles.errors
                        else site_of(loader.load(name), spider_args),
                        full=args.full,
                        refresh_days=args.refresh_days,
                        now=now,
                    )
                    for name in names
                ]
        finally:
            engine.dispose()
        install_log_handler(settings, handler)
        outcomes = crawl(settings, plans, spider_args, profiles.errors)
    finally:
        lock.release()
    for outcome in outcomes:
        stream = sys.stderr if outcome.error is not None else sys.stdout
        print(outcome.summary(), file=stream, flush=True)
    code = worst(outcome.code for outcome in outcomes)
    if args.notify and code != EXIT_OK:
        notify(args.notify, report(outcomes, code))
    return code


def report(outcomes: Sequence[Outcome], code: int) -> dict[str, Any]:
    """The harvest's summary for a webhook: its exit code, and each spider's line and figures."""
    return {
        "exit": code,
        "runs": [
            {
                "spider": o.plan.spider,
                "exit": o.code,
                "summary": o.summary(),
                "unhealthy": [f for f in str(o.stats.get(FAILURES, "")).split("; ") if f],
            }
            for o in outcomes
        ],
    }


def notify(url: str, payload: dict[str, Any]) -> None:
    """POST the payload as JSON; a webhook that fails is one line on stderr, not a new exit."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=NOTIFY_TIMEOUT) as response:
            response.read()
    except (OSError, ValueError) as exc:
        print(f"notify {url}: failed: {exc}", file=sys.stderr, flush=True)

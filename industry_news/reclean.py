"""`industry-news reclean` and `industry-news boilerplate`: learned boilerplate, from the archive.

reclean re-reads every stored page from its kept raw HTML (no recrawl), learns the paragraphs
that many articles of a site repeat, stores that list (later crawls use it) and re-cleans every
article with the rules plus the list. boilerplate shows what is being removed and how often.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from industry_news import copies, fulltext
from industry_news.cleaning import CleanResult, clean_paragraphs, normalise
from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.extract import extract_article, parse_html
from industry_news.learned import DEFAULT_MIN_ARTICLES, DEFAULT_MIN_SHARE, learn_boilerplate
from industry_news.profiles import get_profile
from industry_news.rerun import rerun
from industry_news.storage import (
    Article,
    CrawlRun,
    LearnedBoilerplate,
    connect_existing,
    decompress_html,
    resolve_db_url,
    session_scope,
)
from industry_news.urls import canonical

BATCH = 200


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    reclean = subparsers.add_parser(
        "reclean", help="learn repeated boilerplate and re-clean stored articles from their HTML"
    )
    reclean.add_argument("--site", help="only this site (default: every site in the archive)")
    reclean.add_argument("--db", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)")
    reclean.add_argument(
        "--min-share",
        type=float,
        default=DEFAULT_MIN_SHARE,
        help=f"share of a site's articles a paragraph must appear in (default {DEFAULT_MIN_SHARE})",
    )
    reclean.add_argument(
        "--min-articles",
        type=int,
        default=DEFAULT_MIN_ARTICLES,
        help=f"and at least this many articles (default {DEFAULT_MIN_ARTICLES})",
    )
    reclean.add_argument(
        "--run",
        type=int,
        metavar="N",
        help="instead: re-extract the pages crawl run N stored or rejected (after a fix)",
    )
    reclean.set_defaults(func=run_reclean)
    show = subparsers.add_parser(
        "boilerplate", help="list the learned and rule-matched blocks of a site, by articles"
    )
    show.add_argument("--site", required=True)
    show.add_argument("--db", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)")
    show.add_argument("--limit", type=int, default=50, help="rows per section (default 50)")
    show.set_defaults(func=run_boilerplate)


@dataclass(frozen=True)
class Page:
    id: int
    paragraphs: tuple[str, ...]


def _sites(engine: Engine, site: str | None) -> list[str]:
    with Session(engine) as session:
        known = list(session.scalars(select(Article.site).distinct().order_by(Article.site)))
    if site is not None and site not in known:
        raise CommandError(f"no articles of site {site!r} in the archive", code=2)
    return [site] if site else known


def stored_pages(engine: Engine, site: str) -> Iterator[Page]:
    """Each stored article of a site, its body paragraphs re-extracted from its raw HTML."""
    query = (
        select(Article.id, Article.url, Article.raw_html)
        .where(Article.site == site)
        .order_by(Article.id)
        .execution_options(yield_per=BATCH)
    )
    with Session(engine) as session:
        for article_id, url, blob in session.execute(query):
            extracted = extract_article(parse_html(decompress_html(blob)), url, canonical)
            yield Page(article_id, extracted.paragraphs)


def _ruled(engine: Engine, site: str) -> Iterator[tuple[Page, CleanResult]]:
    profile = get_profile(site)
    for page in stored_pages(engine, site):
        yield page, clean_paragraphs(page.paragraphs, profile)


def reclean_site(engine: Engine, site: str, min_share: float, min_articles: int) -> dict[str, int]:
    """Learn the site's list, re-clean its articles, store the list. Returns the counts.

    Two passes over the stored pages (learn, then clean) keep memory flat on a large archive.
    """
    bodies = (result.paragraphs for _, result in _ruled(engine, site))
    learned = learn_boilerplate(bodies, min_share=min_share, min_articles=min_articles)
    examples: dict[str, str] = {}
    counts = Counter(articles=0, changed=0, kept_empty=0, learned=len(learned))
    profile = get_profile(site)
    now = datetime.now(SHANGHAI)
    pages = stored_pages(engine, site)
    while batch := [page for _, page in zip(range(BATCH), pages, strict=False)]:
        with session_scope(engine) as session:
            for page in batch:
                counts["articles"] += 1
                for paragraph in page.paragraphs:
                    if (key := normalise(paragraph)) in learned:
                        examples.setdefault(key, paragraph)
                result = clean_paragraphs(page.paragraphs, profile, learned)
                body = "\n\n".join(result.paragraphs)
                row = session.get(Article, page.id)
                if row is None:
                    continue
                if not body:
                    counts["kept_empty"] += 1
                elif (row.body, row.original_title) != (body, result.original_title):
                    changed_body = row.body != body
                    if changed_body:
                        connection = session.connection()
                        fulltext.unindex_article(connection, row.id, row.title, row.body)
                        fulltext.index_article(connection, row.id, row.title, body)
                    row.body, row.original_title = body, result.original_title
                    if changed_body and copies.supported(session.connection()):
                        session.flush()
                        copies.unassign(session.connection(), row.id)
                        copies.assign(session.connection(), row.id, body)
                    row.updated_at = now
                    counts["changed"] += 1
    with session_scope(engine) as session:
        session.execute(delete(LearnedBoilerplate).where(LearnedBoilerplate.site == site))
        session.add_all(
            LearnedBoilerplate(
                site=site, key=key, text=examples.get(key, key), articles=n, learned_at=now
            )
            for key, n in learned.items()
        )
    return dict(counts)


def run_reclean(args: argparse.Namespace) -> int:
    if not 0 < args.min_share <= 1 or args.min_articles < 1:
        raise CommandError("--min-share must lie in (0, 1] and --min-articles be ≥ 1", code=2)
    if args.run is not None and args.site is not None:
        raise CommandError("--run takes a run's pages of whatever site: leave out --site", code=2)
    engine = connect_existing(args.db)
    try:
        if args.run is not None:
            return _rerun(engine, resolve_db_url(args.db), args.run)
        for site in _sites(engine, args.site):
            counts = reclean_site(engine, site, args.min_share, args.min_articles)
            print(
                f"{site}: {counts['articles']} articles, {counts['learned']} paragraphs learned,"
                f" {counts['changed']} bodies changed"
                + (
                    f", {counts['kept_empty']} left as they were (cleaning would empty them)"
                    if counts["kept_empty"]
                    else ""
                )
            )
    finally:
        engine.dispose()
    return 0


def _rerun(engine: Engine, db_url: str, run_id: int) -> int:
    with Session(engine) as session:
        if session.get(CrawlRun, run_id) is None:
            raise CommandError(
                f"no crawl run {run_id} in the archive (see industry-news status)", 2
            )
    counts = rerun(engine, db_url, run_id)
    shown = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "nothing to do"
    print(f"run {run_id}: {sum(counts.values())} pages re-extracted: {shown}")
    return 0


def run_boilerplate(args: argparse.Namespace) -> int:
    engine = connect_existing(args.db)
    try:
        (site,) = _sites(engine, args.site)
        with Session(engine) as session:
            learned = session.execute(
                select(LearnedBoilerplate.articles, LearnedBoilerplate.text)
                .where(LearnedBoilerplate.site == site)
                .order_by(LearnedBoilerplate.articles.desc())
                .limit(args.limit)
            ).all()
        rules: Counter[tuple[str, str]] = Counter()
        total = 0
        for _, result in _ruled(engine, site):
            total += 1
            for rule, text in result.blocks:
                rules[(rule, text)] += 1
    finally:
        engine.dispose()
    out = sys.stdout
    out.write(f"{site}: {total} articles\n\nlearned (reclean)\narticles  paragraph\n")
    for articles, text in learned:
        out.write(f"{articles:>8}  {_short(text)}\n")
    if not learned:
        out.write("       -  none learned yet: run `industry-news reclean`\n")
    out.write("\nrule-matched\narticles  rule               block\n")
    for (rule, text), articles in rules.most_common(args.limit):
        out.write(f"{articles:>8}  {rule:<18} {_short(text)}\n")
    return 0


def _short(text: str, width: int = 70) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= width else text[: width - 1] + "…"

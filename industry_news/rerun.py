"""`industry-news reclean --run N`: re-extract one crawl run's pages from their kept HTML.

After an extraction fix, the articles a bad run stored and the pages it rejected (no title, no
body) go through extraction, dates, cleaning and validation again, as the crawl would take them
now: repaired pages become articles, the rest stay apart with their new reason.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from industry_news.cleaning import clean_paragraphs
from industry_news.dates import date_fields
from industry_news.extract import extract_article, parse_html
from industry_news.items import ArticleItem, rejection
from industry_news.profiles import get_profile
from industry_news.reference import choose_reference
from industry_news.storage import (
    Article,
    RejectedPage,
    decompress_html,
    learned_keys,
    reject_page,
    session_scope,
    upsert_article,
)
from industry_news.urls import canonical


def reprocess(
    url: str,
    site: str,
    html: str,
    http_date: str | None,
    reference: datetime,
    crawled_at: datetime,
    learned: frozenset[str],
) -> dict[str, Any]:
    """The record a page gives now: extracted, dated against `reference`, cleaned."""
    page = extract_article(parse_html(html), url, canonical)
    item = ArticleItem.from_page(url, site, page, html, http_date, crawled_at)
    record = vars(item) | {"date_reference": reference}
    record |= date_fields(item.date_text, reference, item.machine_date)
    result = clean_paragraphs(
        item.body.split("\n\n") if item.body else [], get_profile(site), learned
    )
    record |= {
        "body": "\n\n".join(result.paragraphs),
        "original_title": result.original_title,
        "boilerplate": dict(result.removed),
    }
    return record


def rerun(engine: Engine, db_url: str, run_id: int) -> Counter[str]:
    """Re-extract the run's stored articles and rejected pages, one page in memory at a time;
    counts of what became of them."""
    with Session(engine) as session:
        pages = [
            *(
                (Article, i)
                for i in session.scalars(select(Article.id).where(Article.run_id == run_id))
            ),
            *(
                (RejectedPage, i)
                for i in session.scalars(
                    select(RejectedPage.id).where(RejectedPage.run_id == run_id)
                )
            ),
        ]
    counts: Counter[str] = Counter()
    learned: dict[str, frozenset[str]] = {}
    for table, page_id in pages:
        with session_scope(engine) as session:
            row = session.get(table, page_id)
            if row is None:
                continue
            if row.site not in learned:
                learned[row.site] = learned_keys(db_url, row.site)
            if isinstance(row, Article):
                http_date, reference = None, row.date_reference or row.crawled_at
            else:
                http_date = row.http_date
                reference = choose_reference(row.http_date, row.crawled_at)
            html = decompress_html(row.raw_html)
            record = reprocess(
                row.url, row.site, html, http_date, reference, row.crawled_at, learned[row.site]
            )
            record["run_id"] = run_id
            reason = rejection(record)
            if reason is None:
                result = upsert_article(session, record)
                counts["repaired" if table is RejectedPage else result] += 1
            elif table is RejectedPage:
                reject_page(session, record, reason)
                counts["still rejected"] += 1
            else:
                counts["kept as stored"] += 1  # an archived article is never taken back out
    return counts

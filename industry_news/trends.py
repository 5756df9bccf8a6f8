"""What a report says, as data: stories per period, keyword shares, distinctive terms.

Everything counts stories (clusters of syndicated copies), not copies: a notice five portals
carried is one story of its period. A story's period is that of its earliest article among
the articles the filters let through.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import jieba
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from industry_news.dates import SHANGHAI
from industry_news.export import Filters, filtered
from industry_news.storage import Article

jieba.setLogLevel(logging.WARNING)
TEXT_CHARS = 400
"""Characters of a story's body its terms are read from (with its title)."""
PERIODS = ("week", "month")
STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).with_name("stopwords.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9.+-]{1,}")


@dataclass(frozen=True)
class Story:
    """One cluster of copies among the filtered articles: its earliest article's facts."""

    cluster: int
    period: str
    sites: frozenset[str]
    category: str
    title: str
    url: str
    published_at: datetime
    ids: tuple[int, ...]
    urls: frozenset[str] = frozenset()
    """Every article of the story (its copies too)."""
    text: str = ""
    """Its title and the start of its body, for its terms."""


def period_of(moment: datetime, by: str) -> str:
    """The period a moment falls in (Asia/Shanghai): 2025-05 by month, 2025-W19 by week."""
    local = moment.astimezone(SHANGHAI)
    if by == "week":
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{local:%Y-%m}"


def periods_between(first: datetime, last: datetime, by: str) -> list[str]:
    """Every period from first's to last's, with none left out (empty ones included)."""
    out: list[str] = []
    moment = first
    while True:
        label = period_of(moment, by)
        if not out or out[-1] != label:
            out.append(label)
        if label == period_of(last, by):
            return out
        moment += timedelta(days=1)


def stories(connection: Connection, filters: Filters, by: str) -> list[Story]:
    """The filtered articles with a date, grouped into their clusters, earliest first."""
    cluster = func.coalesce(Article.cluster_id, Article.id).label("cluster")
    rows = connection.execute(
        filtered(
            select(
                Article.id,
                cluster,
                Article.site,
                Article.category,
                Article.title,
                Article.url,
                Article.published_at,
                func.substr(Article.body, 1, TEXT_CHARS).label("opening"),
            ).where(Article.published_at.is_not(None)),
            filters,
        ).order_by(Article.published_at, Article.id)
    ).all()
    groups: dict[int, list] = defaultdict(list)
    for row in rows:
        groups[row.cluster].append(row)
    out = []
    for key, members in groups.items():
        first = members[0]
        out.append(
            Story(
                cluster=key,
                period=period_of(first.published_at, by),
                sites=frozenset(m.site for m in members),
                category=first.category or "",
                title=first.title,
                url=first.url,
                published_at=first.published_at,
                ids=tuple(m.id for m in members),
                urls=frozenset(m.url for m in members),
                text=f"{first.title}\n{first.opening or ''}",
            )
        )
    out.sort(key=lambda story: (story.published_at, story.cluster))
    return out


def counts_by(found: Sequence[Story], periods: Sequence[str], key: str) -> dict[str, list[int]]:
    """Stories per period for each site (a story carried by two sites counts for each) or
    each category: {name: [count per period]}."""
    index = {period: k for k, period in enumerate(periods)}
    table: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for story in found:
        names = sorted(story.sites) if key == "site" else [story.category or "(无分类)"]
        for name in names:
            table[name][index[story.period]] += 1
    return dict(sorted(table.items(), key=lambda item: -sum(item[1])))


def keyword_shares(
    found: Sequence[Story],
    periods: Sequence[str],
    matching: dict[str, set[str]],
) -> dict[str, list[float]]:
    """Each keyword's share of the period's stories (a story matches when any of its articles,
    by URL, holds the word): {word: [share per period]}."""
    totals = Counter(story.period for story in found)
    out = {}
    for word, urls in matching.items():
        hits = Counter(story.period for story in found if not urls.isdisjoint(story.urls))
        out[word] = [hits[p] / totals[p] if totals[p] else 0.0 for p in periods]
    return out


def words(text: str) -> list[str]:
    """The text's words (jieba), without stop words, numbers and single characters."""
    return [word for word in jieba.cut(text) if _WORD.fullmatch(word) and word not in STOP_WORDS]


def distinctive_terms(
    latest: Iterable[str], before: Iterable[str], top: int = 20
) -> list[tuple[str, float]]:
    """Terms of the latest period's texts most over-represented against the texts before,
    by their smoothed log-odds ratio (each text counts a term once)."""
    now, then = Counter(), Counter()
    n_now = n_then = 0
    for text in latest:
        now.update(set(words(text)))
        n_now += 1
    for text in before:
        then.update(set(words(text)))
        n_then += 1
    if not n_now:
        return []
    scored = []
    for term, count in now.items():
        if count < 2:
            continue
        odds_now = (count + 0.5) / (n_now - count + 0.5)
        odds_then = (then[term] + 0.5) / (n_then - then[term] + 0.5)
        score = math.log(odds_now / odds_then)
        if score > 0:
            scored.append((term, score))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:top]

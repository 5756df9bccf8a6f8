"""Judge what this project reads off a generated page against the truth the generator states.

Used alike by the hypothesis test (tests/test_generated_markups.py) and the 10,000-page benchmark
(benchmarks/generated.py). The page goes the spider's way: decoded as Scrapy decodes it, read
by `extract_article`, cleaned with the liyang profile, its date read against the instant the
page was rendered.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from scrapy.http import HtmlResponse

from industry_news.cleaning import clean_paragraphs
from industry_news.dates import SHANGHAI, read_date
from industry_news.extract import extract_article, parse_html
from industry_news.profiles import get_profile
from industry_news.urls import Rebaser
from tests.generated.markup import Article, Page, clean, generate_page, load_articles

FIELDS = ("title", "author", "category", "views", "date", "related")
# Attribution the archive keeps on purpose (README, Boilerplate): who edited, wrote or first
# published the article. The generator pastes such lines among the source's footers.
ATTRIBUTION = re.compile(
    r"(?:责任编辑|责编|編輯|責編|编辑|来源|來源|作者|审核|审签|初审|二审|三审|终审|校对|记者|通讯员"
    r"|摘自|转自|原标题|原標題)\s*[:：|)]|^[(（]?\s*(?:摘自|转自)"
    r"|^(?:撰稿|记者|视频制作|视频编辑|监制|摄影|摄像|出品|制作|策划)\s+\S"
    r"|编辑\s*/\s*\S{2,4}$|(?:出品|监制|制作)$"
)
"""Attribution the archive keeps on purpose (README, Boilerplate): who edited, checked, wrote
or first published the article. The generator pastes such lines among a source's footers."""
_BARE_LABEL = re.compile(r"^\S{1,8}\s*[:：]$")
RESOLVE = Rebaser(get_profile("liyang").base_url, get_profile("liyang").all_hosts)
PROFILE = get_profile("liyang")
RENDERED_AT = datetime(2025, 5, 21, 9, 30, tzinfo=SHANGHAI)


@dataclass(frozen=True)
class Verdict:
    page: Page
    wrong: dict[str, tuple[object, object]]
    """field → (got, truth) for every field read wrong."""
    paragraphs: int
    recalled: int
    """Truth paragraphs, and how many of them the body holds."""
    leaked: tuple[str, ...]
    """Boilerplate lines found in the body."""

    @property
    def perfect(self) -> bool:
        return not self.wrong and self.recalled == self.paragraphs and not self.leaked


def _attribution(line: str, before: str = "") -> bool:
    """An attribution line, or the name after a bare label (编辑： / 黄鑫)."""
    if _BARE_LABEL.match(before) and _attribution(before):
        return len(line) <= 20
    return len(line) <= 80 and bool(ATTRIBUTION.search(line)) and "。" not in line


def page_for(seed: int, articles: list[Article]) -> Page:
    """The generated page of `seed`: one real text, 2–6 others as its related articles."""
    rng = random.Random(seed)
    article = rng.choice(articles)
    others = rng.sample(articles, min(len(articles), 7))
    related = [a for a in others if a is not article][: rng.randint(2, 6)]
    rendered_at = RENDERED_AT.replace(day=1) + (RENDERED_AT - RENDERED_AT.replace(day=1)) * (
        rng.random()
    )
    return generate_page(seed, article, related, rendered_at.replace(microsecond=0))


def judge(page: Page) -> Verdict:
    truth = page.truth
    response = HtmlResponse(page.url, body=page.html, headers={"Content-Type": "text/html"})
    got = extract_article(parse_html(response.text), page.url, RESOLVE)
    cleaned = clean_paragraphs(got.paragraphs, PROFILE)
    shown = read_date(got.date_text, page.rendered_at, got.machine_date) if got.date_text else None
    in_span = shown is not None and shown.earliest <= truth.published_at <= shown.latest
    related = tuple((r.url, r.title) for r in got.related)
    checks = {
        "title": (got.title, truth.title),
        "author": (got.author, truth.author),
        "category": (got.category, truth.category),
        "views": (got.views, truth.views),
        "date": (got.date_text, truth.date_text),
        "related": (related, truth.related),
    }
    wrong = {
        field: pair
        for field, pair in checks.items()
        if (not in_span if field == "date" else pair[0] != pair[1])
    }
    body = [clean(p) for p in cleaned.paragraphs]
    whole = "\n".join(body)
    # A 原标题 line (and the title after a bare 原标题：) is kept, as original_title.
    moved = clean(cleaned.original_title)
    recalled = sum(
        1 for p in truth.paragraphs if clean(p) in body or (moved and clean(p).endswith(moved))
    )
    leaked = tuple(
        line
        for before, line in zip(("", *truth.boilerplate), truth.boilerplate, strict=False)
        if clean(line) and clean(line) in whole and not _attribution(clean(line), clean(before))
    )
    return Verdict(page, wrong, len(truth.paragraphs), recalled, leaked)


def verdicts(seeds: range) -> Iterator[Verdict]:
    articles = load_articles()
    for seed in seeds:
        yield judge(page_for(seed, articles))

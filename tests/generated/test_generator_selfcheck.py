"""The generator itself: deterministic, truthful to its own visible text, every dimension drawn."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

from portal.model import SHANGHAI

from generated.markup import Article, check_page, generate_page, load_articles

RENDERED_AT = datetime(2025, 5, 21, 9, 30, 0, tzinfo=SHANGHAI)


def _pages(n: int):
    articles = load_articles()
    for seed in range(n):
        pick = random.Random(f"pick-{seed}")
        article = articles[seed % len(articles)]
        pool = [a for a in articles if a is not article]
        related = pick.sample(pool, min(len(pool), pick.randint(2, 8)))
        yield seed, article, related, generate_page(seed, article, related, RENDERED_AT)


def test_same_seed_same_bytes() -> None:
    for seed, article, related, page in _pages(40):
        assert generate_page(seed, article, related, RENDERED_AT) == page


def test_truth_is_what_the_page_shows() -> None:
    for seed, _, related, page in _pages(300):
        assert check_page(page) == [], seed
        assert min(len(related), 2) <= len(page.truth.related) <= min(len(related), 6)
        age = page.rendered_at - page.truth.published_at
        assert timedelta(minutes=10) <= age <= timedelta(days=3 * 365)


def test_every_dimension_varies() -> None:
    seen = Counter(f for *_, page in _pages(400) for f in page.features)
    for name, values in {
        "tag": ("div", "section", "article", "table", "dl", "ul", "form"),
        "title": ("dash", "underscore", "pipe", "space", "cat", "bare"),
        "h": ("h1", "h2", "h3", "div", "strong", "td"),
        "crumb": ("tpure", "your", "dgt", "slash", "none"),
        "meta": ("above", "below", "both"),
        "meta.sep": ("icons", "none", "space", "pipe", "slash", "dot", "br"),
        "body": ("p", "br", "div", "wechat", "font", "p-unclosed"),
        "enc": ("utf-8", "gbk", "gb18030"),
        "stray": ("none", "div", "body", "html"),
        "rel.item": ("relate", "ul", "h3p", "dl", "table"),
    }.items():
        for value in values:
            assert seen[f"{name}={value}"], f"{name}={value} never drawn"
    for flag in ("mobile", "author=none", "views=none", "bp.contact-middle", "date=rel-round"):
        assert seen[flag], flag


def test_whitespace_and_titles_survive() -> None:
    article = Article(
        "聚焦｜溧阳——[转载] 标题", ("  　　第一段  有空格 ", "   ", "\u00a0第二段\u200b。")
    )
    for seed in range(60):
        page = generate_page(seed, article, [], RENDERED_AT)
        assert check_page(page) == [], seed
        assert page.truth.title == "聚焦｜溧阳——[转载] 标题"
        assert page.truth.paragraphs == ("第一段 有空格", "第二段。")
        assert page.truth.related == ()

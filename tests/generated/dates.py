"""When the article was published, and how the page shows it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from tests.portal.model import SHANGHAI, php_date, relative_parts

MIN_AGE = timedelta(minutes=10)
MAX_AGE = timedelta(days=1094)

_EDGES = (
    timedelta(minutes=10, seconds=1),
    timedelta(minutes=59, seconds=40),  # round: 60分钟前
    timedelta(minutes=90),  # round half up: 2小时前
    timedelta(hours=2, minutes=30),
    timedelta(hours=23, minutes=36),  # round: 24小时前
    timedelta(days=1),
    timedelta(days=1, hours=2),
    timedelta(days=3, hours=12),  # round half up: 4天前
    timedelta(days=6, hours=14),  # round: 7天前
    timedelta(days=7),
    timedelta(days=10, hours=12),
    timedelta(days=27),  # 4周前
    timedelta(days=29, hours=23),
    timedelta(days=45),  # 2个月前
    timedelta(days=240, hours=7),
    timedelta(days=355),  # 12个月前
    timedelta(days=362),
    timedelta(days=400),
    timedelta(days=540),  # 2年前
    timedelta(days=1093, hours=3),
)


def pick_published(rng: random.Random, rendered_at: datetime) -> tuple[datetime, str]:
    """A publication instant 10 minutes .. 3 years before rendered_at (whole seconds)."""
    if rng.random() < 0.3:
        age, kind = rng.choice(_EDGES), "edge"
    else:
        lo, hi = MIN_AGE.total_seconds() + 1, MAX_AGE.total_seconds()
        # log-uniform: every unit of the relative forms occurs
        age = timedelta(seconds=round(lo * (hi / lo) ** rng.random()))
        kind = "spread"
    published = (rendered_at - age).astimezone(SHANGHAI).replace(microsecond=0)
    if rendered_at - published < MIN_AGE:
        published -= timedelta(seconds=1)
    return published, kind


@dataclass(frozen=True)
class ShownDate:
    text: str  # the main text: "8个月前", "2024-05-21 10:17"
    hint: str  # "" or " (09-24)": shown right after text
    mode: str  # feature value

    @property
    def full(self) -> str:
        return self.text + self.hint


ABSOLUTE = (
    "Y-m-d",
    "Y-m-d H:i",
    "Y-m-d H:i:s",
    "Y年m月d日",
    "Y年m月d日 H:i",
    "Y年m月d日 H:i:s",
    "Y/m/d",
    "Y/m/d H:i",
    "Y年n月j日",
)

_FLOOR_UNITS = (
    ("年前", timedelta(days=365)),
    ("个月前", timedelta(days=30)),
    ("周前", timedelta(days=7)),
    ("天前", timedelta(days=1)),
    ("小时前", timedelta(hours=1)),
    ("分钟前", timedelta(minutes=1)),
)


def _floor(published: datetime, rendered_at: datetime, weeks: bool, hint: str) -> tuple[str, str]:
    elapsed = rendered_at - published
    for suffix, unit in _FLOOR_UNITS:
        if suffix == "周前" and not weeks:
            continue
        if elapsed >= unit:
            n = elapsed // unit
            h = ""
            if hint and unit >= timedelta(days=1):
                h = f" ({php_date(published, 'Y-m-d' if suffix == '年前' or hint == 'ymd' else 'm-d')})"
            return f"{n}{suffix}", h
    return "刚刚", ""


def _calendar(published: datetime, rendered_at: datetime, today_words: bool) -> str:
    p = published.astimezone(SHANGHAI)
    r = rendered_at.astimezone(SHANGHAI)
    days = (r.date() - p.date()).days
    elapsed = r - p
    if days == 0:
        if today_words and elapsed >= timedelta(hours=1):
            return "今天 " + php_date(p, "H:i")
        if elapsed < timedelta(hours=1):
            return f"{elapsed // timedelta(minutes=1)}分钟前"
        return f"{elapsed // timedelta(hours=1)}小时前"
    if days == 1:
        return "昨天 " + php_date(p, "H:i")
    if days == 2:
        return "前天 " + php_date(p, "H:i")
    if days < 7:
        return f"{days}天前"
    if p.year == r.year:
        return php_date(p, "m-d H:i")
    return php_date(p, "Y-m-d")


def show_date(rng: random.Random, published: datetime, rendered_at: datetime) -> ShownDate:
    """How the theme shows the date (its setting drawn from rng)."""
    roll = rng.random()
    if roll < 0.35:
        text, hint = relative_parts(published, rendered_at)
        if hint and rng.random() < 0.12:
            return ShownDate(text, "", "rel-round-nohint")
        return ShownDate(text, hint, "rel-round")
    if roll < 0.5:
        weeks = rng.random() < 0.5
        hint = rng.choice(("", "md", "ymd"))
        text, h = _floor(published, rendered_at, weeks, hint)
        return ShownDate(
            text, h, f"rel-floor{'-weeks' if weeks else ''}{'-' + hint if hint else ''}"
        )
    if roll < 0.6:
        words = rng.random() < 0.5
        return ShownDate(_calendar(published, rendered_at, words), "", "rel-cal")
    fmt = rng.choice(ABSOLUTE)
    return ShownDate(php_date(published, fmt), "", "abs:" + fmt)

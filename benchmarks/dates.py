"""Benchmark `parse_display_date` against `dateparser.parse` on 10,000 portal date strings.

Run: python benchmarks/dates.py [--count N] [--seed S]
"""

import argparse
import math
import random
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import dateparser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from industry_news.dates import SHANGHAI, parse_display_date

REFERENCE = datetime(2024, 5, 20, 15, 30, 45, tzinfo=SHANGHAI)
DATEPARSER_SETTINGS = {
    "RELATIVE_BASE": REFERENCE.replace(tzinfo=None),
    "TIMEZONE": "Asia/Shanghai",
    "RETURN_AS_TIMEZONE_AWARE": True,
}
UNITS = [
    (360 * 86400, "年前"),
    (30 * 86400, "个月前"),
    (7 * 86400, "周前"),
    (86400, "天前"),
    (3600, "小时前"),
    (60, "分钟前"),
    (1, "秒前"),
]
ABSOLUTE = [
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y年%m月%d日",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y/%m/%d",
    "%Y.%m.%d",
]
LABELS = ["发布时间：", "发布时间:", "时间：", "日期: ", "发表于 ", "更新于"]
TRAILERS = [" 浏览：35", "常州溧阳产业信息24", " 阅读(128)", " | 来源：本站"]
FULL_WIDTH = str.maketrans("0123456789-:()", "０１２３４５６７８９－：（）")


def relative(t: datetime, rng: random.Random) -> str:
    """A tpure-style (rounding) or flooring theme's relative display of `t`."""
    elapsed = (REFERENCE - t).total_seconds()
    if elapsed < 1:
        return "刚刚"
    secs, suffix = next(unit for unit in UNITS if elapsed >= unit[0])
    ratio = elapsed / secs
    n = math.floor(ratio + 0.5) if rng.random() < 0.75 else math.floor(ratio)
    opening, closing = rng.choice([(" (", ")"), ("(", ")"), ("（", "）")])
    if suffix == "年前":
        return f"{n}{suffix}{opening}{t:%Y-%m-%d}{closing}"
    if suffix in ("个月前", "周前") or (suffix == "天前" and rng.random() < 0.3):
        hint = f"{t:%m-%d}" if rng.random() < 0.5 else f"{t.month}-{t.day}"
        return f"{n}{suffix}{opening}{hint}{closing}"
    return f"{n}{suffix}"


def display(t: datetime, rng: random.Random) -> str:
    """One portal date string for `t`, in a realistic mix of forms and decorations."""
    days_back = (REFERENCE.date() - t.date()).days
    form = rng.random()
    if form < 0.55:
        text = relative(t, rng)
    elif form < 0.65 and days_back <= 2:
        text = f"{['今天', '昨天', '前天'][days_back]}{rng.choice(['', ' '])}{t:%H:%M}"
    elif form < 0.75 and days_back < 300:
        text = (
            t.strftime(rng.choice(["%m-%d", "%m-%d %H:%M"]))
            if rng.random() < 0.7
            else (f"{t.month}月{t.day}日")
        )
    else:
        text = t.strftime(rng.choice(ABSOLUTE))
    if rng.random() < 0.3:
        text = rng.choice(LABELS) + text
    if rng.random() < 0.3:
        text += rng.choice(TRAILERS)
    if rng.random() < 0.15:
        text = text.translate(FULL_WIDTH)
    return text


def corpus(count: int, seed: int) -> list[tuple[str, datetime]]:
    """`count` (display, true instant) pairs: elapsed log-uniform from 1 s to 5 years."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        elapsed = (
            0.0 if rng.random() < 0.01 else math.exp(rng.uniform(0, math.log(5 * 365 * 86400)))
        )
        t = REFERENCE - timedelta(seconds=int(elapsed))
        pairs.append((display(t, rng), t))
    return pairs


def timed(parse: Callable[[str], object], texts: list[str]) -> tuple[list[object], float]:
    """Results of `parse` on every text, and parses per second."""
    start = time.perf_counter()
    results = [parse(text) for text in texts]
    return results, len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20240520)
    args = parser.parse_args()
    pairs = corpus(args.count, args.seed)
    texts = [text for text, _ in pairs]
    dateparser.parse("2024-05-10", languages=["zh"], settings=DATEPARSER_SETTINGS)  # warm up

    ours, our_rate = timed(lambda text: parse_display_date(text, REFERENCE), texts)
    theirs, their_rate = timed(
        lambda text: dateparser.parse(text, languages=["zh"], settings=DATEPARSER_SETTINGS), texts
    )

    within = sum(
        1
        for shown, (_, t) in zip(ours, pairs, strict=True)
        if shown and shown.earliest <= t <= shown.latest
    )
    ours_failed = sum(1 for shown in ours if shown is None)
    theirs_failed = sum(1 for found in theirs if found is None)
    other_day = sum(
        1
        for shown, found in zip(ours, theirs, strict=True)
        if shown and found and shown.value.date() != found.astimezone(SHANGHAI).date()
    )
    disagreements = sum(
        1
        for shown, found in zip(ours, theirs, strict=True)
        if shown is None or found is None or shown.value.date() != found.astimezone(SHANGHAI).date()
    )
    n = len(texts)
    print(f"{n} strings, seed {args.seed}, reference {REFERENCE.isoformat()}")
    print(f"{'':<22}{'parse_display_date':>20}{'dateparser.parse':>18}")
    print(f"{'parses/s':<22}{our_rate:>20,.0f}{their_rate:>18,.0f}")
    print(f"{'failed to parse':<22}{ours_failed:>20}{theirs_failed:>18}")
    print(f"{'speed ratio':<22}{our_rate / their_rate:>19.1f}x")
    print(f"{'true instant in span':<22}{within:>14} ({within / n:.2%})")
    print(f"{'disagreements':<22}{disagreements:>20}  (failure on either side or another day)")
    print(f"{'  of which other day':<22}{other_day:>20}")


if __name__ == "__main__":
    main()

"""Render an instant as a Z-BlogPHP portal would, read it back, and find the instant again."""

import math
from datetime import date, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from industry_news.dates import SHANGHAI, DisplayDate, parse_display_date

# tpure's tpure_TimeAgo(): the first unit with elapsed >= unit, largest first.
UNITS = [
    (360 * 86400, "年前", "year"),
    (30 * 86400, "个月前", "month"),
    (7 * 86400, "周前", "week"),
    (86400, "天前", "day"),
    (3600, "小时前", "hour"),
    (60, "分钟前", "minute"),
    (1, "秒前", "second"),
]
ABSOLUTE = {
    "Y-m-d": ("%Y-%m-%d", "day"),
    "Y-m-d H:i": ("%Y-%m-%d %H:%M", "minute"),
    "Y-m-d H:i:s": ("%Y-%m-%d %H:%M:%S", "second"),
    "Y年m月d日": ("%Y年%m月%d日", "day"),
    "Y年m月d日 H:i": ("%Y年%m月%d日 %H:%M", "minute"),
    "Y年m月d日 H:i:s": ("%Y年%m月%d日 %H:%M:%S", "second"),
}
BRACKETS = [(" (", ")"), ("(", ")"), ("（", "）"), (" （", "）")]


def round_half_away(x: float) -> int:
    """PHP's round()."""
    return math.floor(x + 0.5)


def render_relative(t: datetime, r: datetime, floor: bool, padded: bool, bracket: int) -> str:
    """tpure's relative display of `t` rendered at `r` (or a flooring theme's, with `floor`)."""
    elapsed = (r - t).total_seconds()
    if elapsed < 1:
        return "刚刚"
    secs, suffix, _ = next(unit for unit in UNITS if elapsed >= unit[0])
    n = math.floor(elapsed / secs) if floor else round_half_away(elapsed / secs)
    shown = f"{n}{suffix}"
    opening, closing = BRACKETS[bracket]
    if suffix == "年前":
        return f"{shown}{opening}{t:%Y-%m-%d}{closing}"
    if suffix in ("个月前", "周前"):
        hint = f"{t:%m-%d}" if padded else f"{t.month}-{t.day}"
        return f"{shown}{opening}{hint}{closing}"
    return shown


def truncate(t: datetime, precision: str) -> datetime:
    """`t` at the start of its calendar `precision` unit."""
    if precision == "second":
        return t.replace(microsecond=0)
    if precision == "minute":
        return t.replace(second=0, microsecond=0)
    return t.replace(hour=0, minute=0, second=0, microsecond=0)


def check_relative(t: datetime, text: str, reference: datetime) -> DisplayDate:
    """`text` read at `reference` allows `t` and reads it to within its precision."""
    shown = parse_display_date(text, reference)
    assert shown is not None, text
    assert shown.earliest <= t <= shown.latest, (text, shown)
    if "(" in text or "（" in text:
        assert shown.precision == "day"
        assert shown.value == truncate(t, "day")
    else:
        unit = next(secs for secs, _, name in UNITS if name == shown.precision)
        assert abs((shown.value - t).total_seconds()) <= max(unit, 1), (text, shown)
    return shown


START, END = datetime(1995, 1, 1), datetime(2035, 12, 31)
FIVE_YEARS = 5 * 366 * 86400
# elapsed exactly at, just below and just above the unit and rounding boundaries
BOUNDARIES = sorted(
    {
        max(0, int(k * secs) + delta)
        for secs, _, _ in UNITS
        for k in (0.5, 1, 1.5, 2, 2.5, 3.5, 6.5, 11.5, 12, 12.5, 23.5, 59.5, 60)
        for delta in (-1, 0, 1)
        if k * secs <= FIVE_YEARS
    }
)
special_days = st.one_of(
    st.integers(1995, 2035).map(lambda y: date(y, 12, 31)),
    st.integers(1995, 2035).map(lambda y: date(y, 1, 1)),
    st.sampled_from(range(1996, 2036, 4)).map(lambda y: date(y, 2, 29)),
    st.integers(1995, 2035).map(lambda y: date(y, 3, 1)),
    st.integers(1995, 2035).flatmap(lambda y: st.integers(1, 12).map(lambda m: date(y, m, 1))),
)
elapsed_seconds = st.one_of(
    st.integers(0, 120),
    st.integers(0, 2 * 86400),
    st.integers(0, 400 * 86400),
    st.integers(0, FIVE_YEARS),
    st.sampled_from(BOUNDARIES),
)


@st.composite
def instants(draw: st.DrawFn) -> tuple[datetime, datetime]:
    """(t, r) with t <= r, both whole seconds in Shanghai, t or r often on a special day."""
    elapsed = timedelta(seconds=draw(elapsed_seconds))
    anchor = draw(st.sampled_from(["t", "r", "any"]))
    if anchor == "any":
        moment = draw(st.datetimes(START, END)).replace(microsecond=0)
    else:
        clock = timedelta(seconds=draw(st.integers(0, 86399)))
        moment = datetime.combine(draw(special_days), datetime.min.time()) + clock
    moment = moment.replace(tzinfo=SHANGHAI)
    return (moment, moment + elapsed) if anchor == "t" else (moment - elapsed, moment)


ROUNDTRIP = settings(max_examples=1500, derandomize=True, deadline=None)


@ROUNDTRIP
@given(instants(), st.booleans(), st.integers(0, 3), st.booleans())
@example(
    (datetime(2024, 12, 30, 9, tzinfo=SHANGHAI), datetime(2025, 1, 6, 9, tzinfo=SHANGHAI)),
    True,
    0,
    False,
)
@example(
    (datetime(2024, 2, 29, 9, tzinfo=SHANGHAI), datetime(2025, 2, 28, 9, tzinfo=SHANGHAI)),
    True,
    2,
    False,
)
def test_tpure_relative_roundtrip(
    pair: tuple[datetime, datetime], padded: bool, bracket: int, naive: bool
) -> None:
    t, r = pair
    text = render_relative(t, r, floor=False, padded=padded, bracket=bracket)
    check_relative(t, text, r.replace(tzinfo=None) if naive else r)


@ROUNDTRIP
@given(instants(), st.booleans(), st.integers(0, 3))
def test_flooring_theme_roundtrip(
    pair: tuple[datetime, datetime], padded: bool, bracket: int
) -> None:
    t, r = pair
    check_relative(t, render_relative(t, r, floor=True, padded=padded, bracket=bracket), r)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(instants(), st.sampled_from(sorted(ABSOLUTE)))
def test_tpure_absolute_roundtrip(pair: tuple[datetime, datetime], layout: str) -> None:
    t, r = pair
    pattern, precision = ABSOLUTE[layout]
    shown = parse_display_date(t.strftime(pattern), r)
    assert shown is not None
    assert shown.precision == precision
    assert shown.value == truncate(t, precision)
    assert shown.earliest <= t <= shown.latest


def test_renderer_matches_known_displays() -> None:
    """The renderer itself, against displays worked out by hand."""
    r = datetime(2024, 5, 20, 15, 30, 45, tzinfo=SHANGHAI)
    cases = {
        r: "刚刚",
        r - timedelta(seconds=59, milliseconds=500): "60秒前",
        r - timedelta(minutes=59, seconds=30): "60分钟前",
        r - timedelta(hours=36): "2天前",
        r - timedelta(hours=35, minutes=59): "1天前",
        r - timedelta(days=6, hours=23): "7天前",
        r - timedelta(days=29): "4周前 (04-21)",
        r - timedelta(days=240): "8个月前 (09-23)",
        r - timedelta(days=359): "12个月前 (05-27)",
        r - timedelta(days=400): "1年前 (2023-04-16)",
    }
    for t, text in cases.items():
        assert render_relative(t, r, floor=False, padded=True, bracket=0) == text
    assert render_relative(r - timedelta(hours=47), r, True, False, 1) == "1天前"

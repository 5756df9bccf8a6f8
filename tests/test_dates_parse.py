"""Every display form `parse_display_date` reads, and what it refuses."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industry_news.dates import SHANGHAI, DisplayDate, parse_display_date, read_date

REF = datetime(2024, 5, 20, 15, 30, 45, tzinfo=SHANGHAI)  # a Monday
S, MIN, H, D, W = (
    timedelta(seconds=1),
    timedelta(minutes=1),
    timedelta(hours=1),
    timedelta(days=1),
    timedelta(days=7),
)
MO, Y = timedelta(days=30), timedelta(days=360)


def sh(*fields: int) -> datetime:
    """A Shanghai wall-clock instant."""
    return datetime(*fields, tzinfo=SHANGHAI)


def day(y: int, m: int, d: int) -> tuple[datetime, str, datetime, datetime]:
    return sh(y, m, d), "day", sh(y, m, d), sh(y, m, d, 23, 59, 59, 999_999)


def minute(y: int, m: int, d: int, hh: int, mm: int) -> tuple[datetime, str, datetime, datetime]:
    return sh(y, m, d, hh, mm), "minute", sh(y, m, d, hh, mm), sh(y, m, d, hh, mm, 59, 999_999)


def second(*f: int) -> tuple[datetime, str, datetime, datetime]:
    return sh(*f), "second", sh(*f), sh(*f, 999_999)


# Calendar months and years (28–31 days, up to 366 days) widen the theme's 30- and 360-day units.
CALENDAR = {
    "month": (timedelta(days=28), timedelta(days=31)),
    "year": (timedelta(days=360), timedelta(days=366)),
}


def ago(n: float, unit: timedelta, precision: str) -> tuple[datetime, str, datetime, datetime]:
    """The spec's span for "n units ago" seen at REF."""
    shortest, longest = CALENDAR.get(precision, (unit, unit))
    if precision == "day":  # calendar days: N天前 from N − 1 days on
        latest = REF - max(n - 1, 0) * unit
    else:
        latest = REF - min(max(n - 0.5, 0) * unit, n * shortest)
    return REF - n * unit, precision, REF - (n + 1) * longest, latest


RELATIVE = {
    "刚刚": (REF, "second", REF - MIN, REF),
    "30秒前": ago(30, S, "second"),
    "30秒钟前": ago(30, S, "second"),
    "5分钟前": ago(5, MIN, "minute"),
    "5分前": ago(5, MIN, "minute"),
    "60分钟前": ago(60, MIN, "minute"),
    "3小时前": ago(3, H, "hour"),
    "3个小时前": ago(3, H, "hour"),
    "24小时前": ago(24, H, "hour"),
    "半小时前": ago(0.5, H, "hour"),
    "3天前": ago(3, D, "day"),
    "1天前": ago(1, D, "day"),
    "7天前": ago(7, D, "day"),
    "2周前": ago(2, W, "week"),
    "2星期前": ago(2, W, "week"),
    "2个星期前": ago(2, W, "week"),
    "4周前": ago(4, W, "week"),
    "8个月前": ago(8, MO, "month"),
    "8月前": ago(8, MO, "month"),
    "12个月前": ago(12, MO, "month"),
    "3年前": ago(3, Y, "year"),
    "半年前": ago(0.5, Y, "year"),
    "0秒前": ago(0, S, "second"),
    # spaces, full-width digits, labels, trailing text
    "3 天前": ago(3, D, "day"),
    "3 天 前": ago(3, D, "day"),
    "３天前": ago(3, D, "day"),
    "１２小时前": ago(12, H, "hour"),
    "发表于 3天前": ago(3, D, "day"),
    "更新于3小时前 浏览：35": ago(3, H, "hour"),
    "3天前 阅读(24)": ago(3, D, "day"),
}
LITERAL = {
    # the first reading spelled out, against the helpers above
    "3天前": (
        sh(2024, 5, 17, 15, 30, 45),
        "day",
        sh(2024, 5, 16, 15, 30, 45),
        sh(2024, 5, 18, 15, 30, 45),  # calendar days: 3天前 from 2 days on
    ),
    "半小时前": (sh(2024, 5, 20, 15, 0, 45), "hour", sh(2024, 5, 20, 14, 0, 45), REF),
}
DAY_WORDS = {
    "今天 10:20": minute(2024, 5, 20, 10, 20),
    "今天10:20": minute(2024, 5, 20, 10, 20),
    "昨天 10:20": minute(2024, 5, 19, 10, 20),
    "昨天 10：20": minute(2024, 5, 19, 10, 20),
    "昨天 ２３：５９": minute(2024, 5, 19, 23, 59),
    "前天 08:05": minute(2024, 5, 18, 8, 5),
    "前天 08:05:09": second(2024, 5, 18, 8, 5, 9),
    "今天 23:59": minute(2024, 5, 20, 23, 59),  # after REF: returned as read
}
HINTED = {
    "3天前 (05-17)": day(2024, 5, 17),
    "2周前 (05-06)": day(2024, 5, 6),
    "2周前 (5-6)": day(2024, 5, 6),
    "8个月前 (09-24)": day(2023, 9, 24),
    "8个月前(09-24)": day(2023, 9, 24),
    "8个月前（09-24）": day(2023, 9, 24),
    "8个月前（０９－２４）": day(2023, 9, 24),
    "8个月前 ( 9 - 24 )": day(2023, 9, 24),
    "8个月前 (09/24)": day(2023, 9, 24),
    "8个月前 (09-24)常州溧阳产业信息24": day(2023, 9, 24),
    "8 个月前 (09-24) 常州溧阳产业信息 24": day(2023, 9, 24),
    "12个月前 (05-25)": day(2023, 5, 25),
    "1年前 (2023-05-10)": day(2023, 5, 10),
    "1年前（2023-5-10）": day(2023, 5, 10),
    "5年前 (2019-05-31)": day(2019, 5, 31),
}
ABSOLUTE = {
    "2024-05-10": day(2024, 5, 10),
    "2024-5-1": day(2024, 5, 1),
    "2024/5/10": day(2024, 5, 10),
    "2024.05.10": day(2024, 5, 10),
    "2024年5月10日": day(2024, 5, 10),
    "2024年05月10日": day(2024, 5, 10),
    "2024 年 5 月 10 日": day(2024, 5, 10),
    "２０２４年５月１０日": day(2024, 5, 10),
    "2024－05－10": day(2024, 5, 10),
    "2024–05–10": day(2024, 5, 10),
    "2024—05—10": day(2024, 5, 10),
    "2024／05／10": day(2024, 5, 10),
    "2024-05-10 10:20": minute(2024, 5, 10, 10, 20),
    "2024-05-10 10：20": minute(2024, 5, 10, 10, 20),
    "2024-05-10 10:20:30": second(2024, 5, 10, 10, 20, 30),
    "2024-05-10T10:20:30": second(2024, 5, 10, 10, 20, 30),
    "2024-05-10T02:20:30Z": second(2024, 5, 10, 10, 20, 30),
    "2024-05-10T10:20:30+08:00": second(2024, 5, 10, 10, 20, 30),
    "2024年05月10日 10:20": minute(2024, 5, 10, 10, 20),
    "2024年05月10日 10:20:30": second(2024, 5, 10, 10, 20, 30),
    "2024年5月10日10:20": minute(2024, 5, 10, 10, 20),
    "2024/5/10 9:05": minute(2024, 5, 10, 9, 5),
    "2024年5月": (sh(2024, 5, 1), "month", sh(2024, 5, 1), sh(2024, 5, 31, 23, 59, 59, 999_999)),
    # without a year: the latest such day not after REF's day
    "05-10": day(2024, 5, 10),
    "5月10日": day(2024, 5, 10),
    "5 月 10 日": day(2024, 5, 10),
    "05-20": day(2024, 5, 20),
    "05-20 23:00": minute(2024, 5, 20, 23, 0),
    "05-21": day(2023, 5, 21),
    "12-30": day(2023, 12, 30),
    "02-29": day(2024, 2, 29),
    "05-10 10:20": minute(2024, 5, 10, 10, 20),
    "5月10日 10:20:30": second(2024, 5, 10, 10, 20, 30),
    # labels and trailing text
    "发布时间:2024-05-10": day(2024, 5, 10),
    "发布时间：2024-05-10 10:20 浏览：35": minute(2024, 5, 10, 10, 20),
    "发布时间 : 2024年5月10日 | 来源：本站 | 阅读 1024": day(2024, 5, 10),
    "时间：2024-05-10": day(2024, 5, 10),
    "日期: 2024/05/10": day(2024, 5, 10),
    "发表于 2024-05-10": day(2024, 5, 10),
    "更新于2024年5月10日": day(2024, 5, 10),
    "浏览：35 日期：05-10": day(2024, 5, 10),
    # after REF: returned as read
    "2025-01-01": day(2025, 1, 1),
    # unusual layouts, read by the dateparser fallback
    "May 10, 2024": day(2024, 5, 10),
    "10 May 2024 10:20": minute(2024, 5, 10, 10, 20),
    "发布: 24-05-10": day(2024, 5, 10),
}
UNREADABLE = [
    "",
    "   ",
    "admin",
    "24",
    "浏览：35",
    "10:20",
    "2024",
    "阅读 3.5万",
    "1715311200",
    "2024-02-30",
    "2023-02-29",
    "02-30",
    "13-01",
    "2024-13-01",
    "2024-00-10",
    "2024-05-10 25:00",
    "2024-05-10 10:61",
    "9999-01-01",
    "1800-01-01",
    "99999天前",
    "999999年前",
    "8个月前 (02-30)",
    "8个月前 (13-01)",
    "1年前 (2023-02-29)",
    "今天天气",
    "昨天",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [*RELATIVE.items(), *LITERAL.items(), *DAY_WORDS.items(), *HINTED.items(), *ABSOLUTE.items()],
)
def test_reads_form(text: str, expected: tuple[datetime, str, datetime, datetime]) -> None:
    shown = parse_display_date(text, REF)
    assert shown == DisplayDate(*expected)
    assert shown.value.tzinfo is SHANGHAI
    assert shown.earliest <= shown.value <= shown.latest


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_is_none(text: str) -> None:
    assert parse_display_date(text, REF) is None


@pytest.mark.parametrize("junk", [None, 24, b"2024-05-10", ["2024-05-10"]])
def test_non_text_is_none(junk: object) -> None:
    assert parse_display_date(junk, REF) is None  # type: ignore[arg-type]


def test_non_datetime_reference_is_none() -> None:
    assert parse_display_date("3天前", "2024-05-20") is None  # type: ignore[arg-type]


def test_reference_extreme_is_none() -> None:
    assert parse_display_date("3年前", datetime.min) is None


@pytest.mark.parametrize("text", ["3天前", "8个月前 (09-24)", "昨天 10:20", "05-10", "刚刚"])
def test_naive_and_aware_reference_agree(text: str) -> None:
    naive = REF.replace(tzinfo=None)
    utc = REF.astimezone(UTC)
    assert parse_display_date(text, naive) == parse_display_date(text, utc)
    assert parse_display_date(text, naive) == parse_display_date(text, REF)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # "(12-30)" read in January belongs to the year before
        ("1周前 (12-29)", sh(2025, 1, 5, 9), day(2024, 12, 29)),
        ("2周前 (12-30)", sh(2025, 1, 12, 9), day(2024, 12, 30)),
        ("1个月前 (12-06)", sh(2025, 1, 5, 9), day(2024, 12, 6)),
        ("1周前 (01-03)", sh(2025, 1, 10, 9), day(2025, 1, 3)),
        # a hint a little after the reference (skew) keeps the nearest year
        ("1天前 (01-01)", sh(2024, 12, 31, 23), day(2025, 1, 1)),
        # 02-29: the nearest leap year
        ("2个月前 (02-29)", sh(2024, 4, 28, 9), day(2024, 2, 29)),
        ("12个月前 (02-29)", sh(2025, 2, 20, 9), day(2024, 2, 29)),
        ("1周前 (02-28)", sh(2025, 3, 6, 9), day(2025, 2, 28)),
        # year-less absolute dates around new year and leap days
        ("12-30", sh(2025, 1, 2, 9), day(2024, 12, 30)),
        ("01-02", sh(2025, 1, 2, 9), day(2025, 1, 2)),
        ("02-29", sh(2025, 5, 20), day(2024, 2, 29)),
        ("02-29 10:20", sh(2024, 2, 28), minute(2020, 2, 29, 10, 20)),
        ("昨天 23:50", sh(2025, 1, 1, 0, 5), minute(2024, 12, 31, 23, 50)),
        ("前天 12:00", sh(2024, 3, 1, 12), minute(2024, 2, 28, 12, 0)),
    ],
)
def test_year_boundaries(
    text: str, reference: datetime, expected: tuple[datetime, str, datetime, datetime]
) -> None:
    assert parse_display_date(text, reference) == DisplayDate(*expected)


def test_relative_across_new_year() -> None:
    shown = parse_display_date("3天前", sh(2025, 1, 2, 1))
    assert shown is not None
    assert shown.value == sh(2024, 12, 30, 1)
    assert shown.earliest == sh(2024, 12, 29, 1)
    assert shown.latest == sh(2024, 12, 31, 1)


def test_relative_year_reading_is_360_days() -> None:
    shown = parse_display_date("1年前", REF)
    assert shown is not None
    assert shown.value == sh(2023, 5, 26, 15, 30, 45)
    assert shown.latest == sh(2023, 11, 22, 15, 30, 45)


def test_relative_counts_real_time_across_china_dst() -> None:
    """Before 1991-09-15 China kept summer time: "10天前" means 240 real hours."""
    reference = sh(1991, 9, 20, 12)
    shown = parse_display_date("10天前", reference)
    assert shown is not None
    assert reference.astimezone(UTC) - shown.value.astimezone(UTC) == timedelta(days=10)
    assert (shown.value.hour, shown.value.utcoffset()) == (13, timedelta(hours=9))


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    st.text(
        alphabet="0123456789０１２-–—/.:：()（）年月日前天周个小时分秒刚半今昨 Tadmin浏览",
        max_size=30,
    ),
    st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30)),
)
def test_never_raises(text: str, reference: datetime) -> None:
    shown = parse_display_date(text, reference)
    assert shown is None or shown.earliest <= shown.value <= shown.latest


@pytest.mark.parametrize(
    ("shown", "machine", "day"),
    [
        ("09-30 22:46", "2019-09-30 22:46:13", date(2019, 9, 30)),  # the page's <meta> says 2019
        ("09-30", "2019-09-30T22:46:13+08:00", date(2019, 9, 30)),
        ("09-30 22:46", "2019-10-02 08:00:00", date(2025, 9, 30)),  # another day: not its year
        ("2018-09-30", "2019-09-30 22:46:13", date(2018, 9, 30)),  # a year shown is kept
        ("3天前", "2019-09-30 22:46:13", date(2025, 11, 28)),  # relative: the render time decides
        ("09-30 22:46", "", date(2025, 9, 30)),
    ],
)
def test_a_display_without_its_year_takes_the_pages_machine_date(
    shown: str, machine: str, day: date
) -> None:
    got = read_date(shown, sh(2025, 12, 1, 9, 0), machine)
    assert got is not None and got.value.date() == day


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("十一月 6th, 2009", (2009, 11, 6)),
        ("十月 16, 2009", (2009, 10, 16)),
        ("一月 3rd, 2010", (2010, 1, 3)),
    ],
)
def test_wordpress_dates_with_chinese_month_names(shown: str, day: tuple[int, int, int]) -> None:
    got = parse_display_date(shown, datetime(2026, 1, 1, tzinfo=SHANGHAI))
    assert got is not None and got.value.date() == date(*day) and got.precision == "day"

"""Read the publication dates that Chinese portal pages display.

Portal forms ("3天前", "8个月前 (09-24)", "昨天 10:20", "2024年5月10日 10:20", ...) take a fast
path of precompiled regexes; dateparser is only a fallback for unusual absolute layouts.
"""

import re
import unicodedata
from calendar import isleap, monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, Literal
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

Precision = Literal["second", "minute", "hour", "day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class DisplayDate:
    """A displayed date read at a reference instant (all datetimes aware, Asia/Shanghai).

    `value` is the display's own reading, `precision` the unit it shows, and
    `earliest` / `latest` the inclusive span of instants the display allows.
    """

    value: datetime
    precision: Precision
    earliest: datetime
    latest: datetime


_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MAX_ELAPSED = timedelta(days=100 * 366)
_JUST_NOW = timedelta(minutes=1)
_HALF_YEAR = timedelta(days=183)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_LAST_OFFSET_CHANGE = datetime(1991, 9, 16, tzinfo=SHANGHAI)  # end of China's DST

_UNITS: dict[str, tuple[Precision, timedelta]] = {
    token: (precision, length)
    for tokens, precision, length in (
        ("秒 秒钟", "second", timedelta(seconds=1)),
        ("分 分钟", "minute", timedelta(minutes=1)),
        ("小时 个小时 钟头 个钟头", "hour", timedelta(hours=1)),
        ("天 日", "day", timedelta(days=1)),
        ("周 星期 个星期 礼拜 个礼拜", "week", timedelta(days=7)),
        ("月 个月", "month", timedelta(days=30)),
        ("年", "year", timedelta(days=360)),
    )
    for token in tokens.split()
}
_UNIT_ALTERNATION = "|".join(sorted(_UNITS, key=len, reverse=True))
# Themes that count calendar months and years: N of them are at least N·shortest and less than
# (N + 1)·longest.
_CALENDAR: dict[Precision, tuple[timedelta, timedelta]] = {
    "month": (timedelta(days=28), timedelta(days=31)),
    "year": (timedelta(days=360), timedelta(days=366)),
}

# Separators: ASCII and Unicode dashes (NFKC leaves most of them alone), slash, dot.
_SEP = "-‐‑‒–—―−﹘/."


def _time(prefix: str) -> str:
    """A HH:MM[:SS] group whose fields are named `<prefix>h`, `<prefix>m`, `<prefix>s`."""
    return (
        rf"(?P<{prefix}h>[0-9]{{1,2}})\s*:\s*(?P<{prefix}m>[0-9]{{2}})"
        rf"(?:\s*:\s*(?P<{prefix}s>[0-9]{{2}}))?(?![0-9])"
    )


# Forms that stand out by themselves; the leftmost one in the text wins.
_STRONG = re.compile(
    rf"""
    (?<![0-9])(?P<y>[0-9]{{4}})\s*[{_SEP}年]\s*(?P<mo>[0-9]{{1,2}})\s*[{_SEP}月]\s*(?P<d>[0-9]{{1,2}})
        (?![0-9])\s*[日号]?
        (?:\s*T?\s*{_time("a")}(?P<tz>Z|[+-][0-9]{{2}}:?[0-9]{{2}}(?![0-9]))?)?
    | (?<![0-9])(?P<ymy>[0-9]{{4}})\s*年\s*(?P<ymm>[0-9]{{1,2}})\s*月(?!\s*[0-9])
    | (?<![0-9])(?P<n>[0-9]{{1,6}}|半)\s*(?P<unit>{_UNIT_ALTERNATION})\s*前
        (?:\s*[(\[【]\s*(?:(?P<hy>[0-9]{{4}})\s*[{_SEP}年]\s*)?
           (?P<hm>[0-9]{{1,2}})\s*[{_SEP}月]\s*(?P<hd>[0-9]{{1,2}})\s*[日号]?\s*[)\]】])?
    | (?P<word>今天|昨天|前天)\s*{_time("w")}
    | (?P<now>刚刚|刚才)
    """,
    re.VERBOSE,
)
# A year-less month-day, tried only when no strong form is present.
_MONTH_DAY = re.compile(
    rf"""
    (?<![0-9{_SEP}])(?P<m>[0-9]{{1,2}})\s*(?:[{_SEP[:-1]}]|月)\s*(?P<d>[0-9]{{1,2}})(?![0-9{_SEP}])
    \s*[日号]?(?:\s*{_time("b")})?
    """,
    re.VERBOSE,
)
_DAY_WORDS = {"今天": 0, "昨天": 1, "前天": 2}
_UNIT_END: dict[str, dict[str, int]] = {
    "second": {"microsecond": 999_999},
    "minute": {"second": 59, "microsecond": 999_999},
    "day": {"hour": 23, "minute": 59, "second": 59, "microsecond": 999_999},
}

# Fallback: only text with a plausible date shape is handed to dateparser.
_MONTH_NAMES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_SHAPE = re.compile(
    rf"""
    (?<![0-9])[0-9]{{1,4}}[{_SEP}][0-9]{{1,2}}[{_SEP}][0-9]{{1,4}}(?![0-9])
    | (?<![0-9])[0-9]{{4}}[{_SEP}][0-9]{{1,2}}(?![0-9.])
    | (?<![0-9])[0-9]{{1,2}}\s*{_MONTH_NAMES}\s*,?\s*[0-9]{{4}}(?![0-9])
    | \b{_MONTH_NAMES}\s*[0-9]{{1,2}}(?:st|nd|rd|th)?\s*,?\s*[0-9]{{4}}(?![0-9])
    """,
    re.VERBOSE | re.IGNORECASE,
)
# WordPress's "F jS, Y" in Chinese: 十一月 6th, 2009.
_CHINESE_MONTH = re.compile(
    r"(十[一二]?|[一二三四五六七八九])月\s+(?=[0-9]{1,2}(?:st|nd|rd|th)?\s*,?\s*[0-9]{4})"
)
_MONTH_NUMBERS = {name: n for n, name in enumerate("一二三四五六七八九十", start=1)}
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
_ABBREVIATIONS += ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_RUN = re.compile(rf"[0-9A-Za-z:,+ {_SEP}]+")
_CLOCK = re.compile(r"[0-9]:[0-9]{2}(:[0-9]{2})?")


_YEAR_SHOWN = re.compile(r"\d{4}|[0-9]{2}\s*年")
_RELATIVE_SHOWN = re.compile(r"前|刚刚|今天|昨天|前天")


def read_date(text: str, reference: datetime, machine: str = "") -> DisplayDate | None:
    """`parse_display_date`, and a display without its year (09-30 22:46) takes the year of
    the page's machine-readable date (`machine`, from its <meta>) when that names the same day."""
    shown = parse_display_date(text, reference)
    if shown is None or not machine or _YEAR_SHOWN.search(text) or _RELATIVE_SHOWN.search(text):
        return shown
    stated = parse_display_date(machine, reference)
    if stated is None:
        return shown
    day = stated.value.astimezone(SHANGHAI)
    if (day.month, day.day) != (shown.value.month, shown.value.day):
        return shown
    return parse_display_date(text, day.replace(hour=23, minute=59, second=59)) or shown


def parse_display_date(text: str, reference: datetime) -> DisplayDate | None:
    """Read a portal's displayed date at `reference` (naive means Asia/Shanghai); never raises.

    Relative displays without a day hint ("3天前", "半小时前") read as value = reference − N
    units (a month is 30 days, a year 360, as the Z-BlogPHP tpure theme counts; 半 means N = ½),
    precision the unit, and the span allows both rounding and flooring themes, and themes that
    count calendar days, months (28–31 days) and years (up to 366 days): elapsed in
    [(N − ½)·unit, (N + 1)·unit] (from N − 1 days for days), clamped at 0; 刚刚 allows the last
    minute. A day hint
    ("8个月前 (09-24)") decides the day: value is that day at 00:00, the span the whole day,
    precision "day"; a hint without a year takes the valid year that puts it closest to
    reference − N units. Absolute displays have the precision shown ("day", "minute",
    "second", or "month" for 2024年5月) and span that whole unit; a date without a year is the
    latest such day not after the reference's day; 今天/昨天/前天 HH:MM count back from
    the reference's day (a bare 今天 is not read). A display after the reference is returned
    as read. Unreadable text, invalid dates and years outside 1900–2100 give None.
    """
    if not isinstance(text, str) or not isinstance(reference, datetime):
        return None
    try:
        ref = (
            reference.astimezone(SHANGHAI)
            if reference.tzinfo
            else reference.replace(tzinfo=SHANGHAI)
        )
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _CHINESE_MONTH.sub(_month_abbreviation, text)
        if match := _STRONG.search(text):
            return _read_strong(match, ref)
        if match := _MONTH_DAY.search(text):
            day = _latest_on_or_before(int(match["m"]), int(match["d"]), ref.date())
            return _absolute(day, match, "b") if day else None
        return _fallback(text, ref)
    except (ValueError, OverflowError):
        return None


def _month_abbreviation(match: re.Match[str]) -> str:
    name = match[1]
    number = 10 + _MONTH_NUMBERS.get(name[1:], 0) if name.startswith("十") else _MONTH_NUMBERS[name]
    return f"{_ABBREVIATIONS[number - 1]} "


def _read_strong(match: re.Match[str], ref: datetime) -> DisplayDate | None:
    """Build the reading of a `_STRONG` match."""
    if match["y"]:
        day = date(int(match["y"]), int(match["mo"]), int(match["d"]))
        return _absolute(day, match, "a", match["tz"])
    if match["ymy"]:
        start = datetime(int(match["ymy"]), int(match["ymm"]), 1, tzinfo=SHANGHAI)
        return _span(start, "month")
    if match["n"]:
        return _relative(match, ref)
    if match["word"]:
        return _absolute(ref.date() - timedelta(days=_DAY_WORDS[match["word"]]), match, "w")
    return DisplayDate(ref, "second", _before(ref, _JUST_NOW), ref)


def _relative(match: re.Match[str], ref: datetime) -> DisplayDate | None:
    """An "N units ago" display, with or without a day hint."""
    precision, unit = _UNITS[match["unit"]]
    n = 0.5 if match["n"] == "半" else int(match["n"])
    if unit * n > _MAX_ELAPSED:
        return None
    value = _before(ref, unit * n)
    if match["hm"]:
        month, day = int(match["hm"]), int(match["hd"])
        if match["hy"]:
            hinted: date | None = date(int(match["hy"]), month, day)
        else:
            hinted = _closest(month, day, value.date())
        return _absolute(hinted, match, None) if hinted else None
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    shortest, longest = _CALENDAR.get(precision, (unit, unit))
    earliest = _before(ref, longest * (n + 1))
    # Themes that count calendar days show N天前 from N − 1 days on (23:59 to 00:01 is 1天前).
    least = (
        unit * max(n - 1, 0) if precision == "day" else min(unit * max(n - 0.5, 0), shortest * n)
    )
    latest = _before(ref, least)
    return DisplayDate(value, precision, earliest, latest)


def _before(ref: datetime, elapsed: timedelta) -> datetime:
    """The instant `elapsed` before `ref`, in Shanghai."""
    wall = ref - elapsed  # exact when no UTC offset change lies in between
    if wall >= _LAST_OFFSET_CHANGE:
        return wall
    return (ref.astimezone(UTC) - elapsed).astimezone(SHANGHAI)


def _absolute(
    day: date, match: re.Match[str], prefix: str | None, offset: str | None = None
) -> DisplayDate | None:
    """A calendar day, with the time of day in `<prefix>h/m/s` groups if the match has them."""
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        return None
    tz: timezone | ZoneInfo = SHANGHAI
    if offset:
        tz = UTC if offset == "Z" else _offset(offset)
    if prefix is None or match[f"{prefix}h"] is None:
        return _span(datetime.combine(day, time(), tz), "day")
    second = match[f"{prefix}s"]
    clock = time(int(match[f"{prefix}h"]), int(match[f"{prefix}m"]), int(second or 0))
    return _span(datetime.combine(day, clock, tz), "second" if second else "minute")


def _offset(text: str) -> timezone:
    """A "+08:00" / "-0500" UTC offset."""
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)


def _span(start: datetime, precision: Literal["second", "minute", "day", "month"]) -> DisplayDate:
    """The whole calendar `precision` unit starting at `start`."""
    if precision == "month":
        end = start.replace(day=monthrange(start.year, start.month)[1], **_UNIT_END["day"])
    else:
        end = start.replace(**_UNIT_END[precision])
    start, end = start.astimezone(SHANGHAI), end.astimezone(SHANGHAI)
    return DisplayDate(start, precision, start, end)


def _valid(month: int, day: int) -> bool:
    """Whether month-day exists in some year."""
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]


def _latest_on_or_before(month: int, day: int, limit: date) -> date | None:
    """The latest valid `month`-`day` not after `limit`."""
    if not _valid(month, day):
        return None
    for year in range(limit.year, limit.year - 9, -1):
        if (month, day) != (2, 29) or isleap(year):
            candidate = date(year, month, day)
            if candidate <= limit:
                return candidate
    return None


def _closest(month: int, day: int, target: date) -> date | None:
    """The valid `month`-`day` closest to `target`."""
    if not _valid(month, day):
        return None
    if (month, day) == (2, 29):
        leap_days = [date(y, 2, 29) for y in range(target.year - 4, target.year + 5) if isleap(y)]
        return min(leap_days, key=lambda candidate: abs(candidate - target))
    candidate = date(target.year, month, day)
    if candidate - target > _HALF_YEAR:
        return candidate.replace(year=target.year - 1)
    if target - candidate > _HALF_YEAR:
        return candidate.replace(year=target.year + 1)
    return candidate


def _fallback(text: str, ref: datetime) -> DisplayDate | None:
    """dateparser on the date-shaped run of `text`, if there is one."""
    run = next(
        (r[0].strip(f" :,+{_SEP}") for r in _DATE_RUN.finditer(text) if _SHAPE.search(r[0])), None
    )
    if run is None:
        return None
    from dateparser.date import DateDataParser  # slow import, rarely needed

    settings = {
        "RELATIVE_BASE": ref.replace(tzinfo=None),
        "TIMEZONE": "Asia/Shanghai",
        "TO_TIMEZONE": "Asia/Shanghai",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "YMD",
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    try:
        data = DateDataParser(languages=["zh", "en"], settings=settings).get_date_data(run)
    except Exception:  # dateparser raises a variety of types on odd input
        return None
    found = data.date_obj
    if found is None or not _MIN_YEAR <= found.year <= _MAX_YEAR:
        return None
    if data.period == "month":
        return _span(found.astimezone(SHANGHAI), "month")
    if data.period != "day":
        return None
    clock = _CLOCK.search(run)
    if clock is None:
        return _span(found.astimezone(SHANGHAI), "day")
    return _span(found.astimezone(SHANGHAI), "second" if clock[1] else "minute")


def date_fields(text: str, reference: datetime, machine: str = "") -> dict[str, Any]:
    """An item's date fields from the date it shows (`read_date`); {} when none is read."""
    shown = read_date(text, reference, machine) if text else None
    if shown is None:
        return {}
    return {
        "published_at": shown.value,
        "date_precision": shown.precision,
        "date_earliest": shown.earliest,
        "date_latest": shown.latest,
    }

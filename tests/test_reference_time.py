"""The reference instant: the HTTP Date when sane, else the fetch time."""

from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from industry_news.dates import SHANGHAI
from industry_news.reference import choose_reference

FETCHED = datetime(2024, 5, 20, 15, 30, 45, tzinfo=SHANGHAI)


def http(instant: datetime) -> str:
    """`instant` as an RFC 7231 IMF-fixdate."""
    return format_datetime(instant.astimezone(UTC), usegmt=True)


def test_header_format() -> None:
    assert http(FETCHED) == "Mon, 20 May 2024 07:30:45 GMT"


@pytest.mark.parametrize(
    "offset",
    [
        timedelta(0),
        -timedelta(hours=3),
        -timedelta(days=30),
        -timedelta(days=30) + timedelta(seconds=1),
        timedelta(minutes=10),
        timedelta(minutes=9, seconds=59),
    ],
)
def test_sane_http_date_is_used(offset: timedelta) -> None:
    chosen = choose_reference(http(FETCHED + offset), FETCHED)
    assert chosen == FETCHED + offset
    assert chosen.tzinfo is SHANGHAI


@pytest.mark.parametrize(
    "offset",
    [
        -timedelta(days=30, seconds=1),
        -timedelta(days=400),
        timedelta(minutes=10, seconds=1),
        timedelta(days=1),
    ],
)
def test_http_date_out_of_range_falls_back(offset: timedelta) -> None:
    chosen = choose_reference(http(FETCHED + offset), FETCHED)
    assert chosen == FETCHED
    assert chosen.tzinfo is SHANGHAI


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "   ",
        "garbage",
        "Mon, 99 May 2024 07:30:45 GMT",
        "Mon, 20 Foo 2024 07:30:45 GMT",
        "Mon, 20 May 2024 25:30:45 GMT",
        "Mon, 20 May 99999999 07:30:45 GMT",
        "2024-05-20T07:30:45Z",
        "1716190245",
    ],
)
def test_garbage_falls_back(header: str | None) -> None:
    assert choose_reference(header, FETCHED) == FETCHED


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Mon, 20 May 2024 07:20:45 GMT", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
        # RFC 850 and asctime layouts, which RFC 7231 recipients must accept
        ("Monday, 20-May-24 07:20:45 GMT", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
        ("Mon May 20 07:20:45 2024", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
        # "-0000" (zone unknown) is read as UTC; an explicit offset is honoured
        ("Mon, 20 May 2024 07:20:45 -0000", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
        ("Mon, 20 May 2024 15:20:45 +0800", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
        ("  Mon, 20 May 2024 07:20:45 GMT\r\n", datetime(2024, 5, 20, 15, 20, 45, tzinfo=SHANGHAI)),
    ],
)
def test_http_date_layouts(header: str, expected: datetime) -> None:
    chosen = choose_reference(header, FETCHED)
    assert chosen == expected
    assert chosen.tzinfo is SHANGHAI
    assert chosen.utcoffset() == timedelta(hours=8)


def test_naive_fetch_time_is_shanghai() -> None:
    naive = FETCHED.replace(tzinfo=None)
    assert choose_reference(None, naive) == FETCHED
    assert choose_reference(None, naive).tzinfo is SHANGHAI
    # the window is measured from the Shanghai reading of the naive time
    assert choose_reference(http(FETCHED + timedelta(minutes=10)), naive) == FETCHED + timedelta(
        minutes=10
    )
    assert choose_reference(http(FETCHED + timedelta(minutes=11)), naive) == FETCHED


def test_aware_fetch_time_in_other_zone() -> None:
    utc = FETCHED.astimezone(timezone(timedelta(hours=-5)))
    chosen = choose_reference(None, utc)
    assert chosen == FETCHED
    assert chosen.tzinfo is SHANGHAI
    assert chosen.hour == 15

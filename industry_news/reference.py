"""The instant a page's relative dates ("3天前") were computed against."""

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from industry_news.dates import SHANGHAI

MAX_AGE = timedelta(days=30)
MAX_AHEAD = timedelta(minutes=10)


def choose_reference(http_date: str | None, fetched_at: datetime) -> datetime:
    """The response's HTTP `Date` if it parses and lies in [fetch − 30 days, fetch + 10 min].

    Otherwise the fetch time. A naive `fetched_at` is Asia/Shanghai; the result is aware,
    in Asia/Shanghai.
    """
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=SHANGHAI)
    fetched = fetched_at.astimezone(SHANGHAI)
    served = _parse_http_date(http_date)
    if served is not None and fetched - MAX_AGE <= served <= fetched + MAX_AHEAD:
        return served.astimezone(SHANGHAI)
    return fetched


def _parse_http_date(text: str | None) -> datetime | None:
    """An RFC 7231 / RFC 5322 date as an aware datetime (no zone means UTC), or None."""
    if not isinstance(text, str):
        return None
    try:
        parsed = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

"""`industry-news export` filters: --site, --since/--until, --category, --contains."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_export_formats import build_archive, record

from industry_news.cli import main
from industry_news.dates import SHANGHAI
from industry_news.export import parse_bound

BASE = "https://www.liyang.gov.cn/"
RECORDS = [
    record(BASE + "early", published_at=datetime(2024, 4, 30, 23, 59, 59, tzinfo=SHANGHAI)),
    record(BASE + "start", published_at=datetime(2024, 5, 1, 0, 0, tzinfo=SHANGHAI)),
    record(
        BASE + "ten",
        published_at=datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI),
        category="通知公告（市级）",
        title="Solar 光伏补贴 50% 到位",
    ),
    record(
        BASE + "late",
        published_at=datetime(2024, 5, 1, 23, 59, 59, 999999, tzinfo=SHANGHAI),
        category="工作动态",
        body="全市新能源汽车产量同比增长。",
    ),
    record(BASE + "next", published_at=datetime(2024, 5, 2, 0, 0, tzinfo=SHANGHAI), site="wujin"),
    record(BASE + "undated", published_at=None, date_precision=None, category="工作动态"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_archive(tmp_path_factory.mktemp("filters") / "a.sqlite3", RECORDS)


def names(
    capsys: pytest.CaptureFixture[str], db: str, *args: str, links: bool = False
) -> list[str]:
    argv = ["export", "--db", db, "--format", "jsonl", *args, *(["--links"] if links else [])]
    assert main(argv) == 0
    key = "source_url" if links else "url"
    urls = [json.loads(line)[key] for line in capsys.readouterr().out.splitlines()]
    return [url.removeprefix(BASE) for url in dict.fromkeys(urls)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["early", "start", "ten", "late", "next", "undated"]),
        (["--site", "wujin"], ["next"]),
        (["--site", "wu"], []),
        (["--since", "2024-05-01"], ["start", "ten", "late", "next"]),
        (["--until", "2024-05-01"], ["early", "start", "ten", "late"]),
        (["--since", "2024-05-01", "--until", "2024-05-01"], ["start", "ten", "late"]),
        (["--since", "2024-05-01T10:00"], ["ten", "late", "next"]),
        (["--until", "2024-05-01T10:00"], ["early", "start", "ten"]),
        (["--until", "2024-05-01 09:59:59"], ["early", "start"]),
        (["--since", "2024-05-01 02:00:00+00:00"], ["ten", "late", "next"]),  # 10:00 +08:00
        (["--until", "2024-04-30T16:00:00Z"], ["early", "start"]),  # 00:00 +08:00
        (["--category", "工作动态"], ["late", "undated"]),
        (["--category", "通知公告"], ["early", "start", "next"]),
        (["--category", "通知"], []),
        (["--contains", "新能源汽车"], ["late"]),
        (["--contains", "光伏补贴"], ["ten"]),
        (["--contains", "solar"], ["ten"]),
        (["--contains", "50% 到"], ["ten"]),
        (["--contains", "5_% 到"], []),  # % and _ are literal
        (["--contains", "专精特新"], ["early", "start", "ten", "next", "undated"]),
        (["--site", "liyang", "--category", "工作动态", "--since", "2024-05-01"], ["late"]),
    ],
)
def test_filters(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], expected: list[str]
) -> None:
    assert names(capsys, db, *args) == expected


def test_filters_apply_to_links(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert names(capsys, db, "--until", "2024-04-30", links=True) == ["early"]
    assert names(capsys, db, "--category", "工作动态", links=True) == ["late", "undated"]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2024-05-01", False, datetime(2024, 5, 1, tzinfo=SHANGHAI)),
        ("2024-05-01", True, datetime(2024, 5, 1, 23, 59, 59, 999999, tzinfo=SHANGHAI)),
        ("2024-05-01T10:00", True, datetime(2024, 5, 1, 10, tzinfo=SHANGHAI)),
        (" 2024-05-01 10:00:00+00:00 ", False, datetime(2024, 5, 1, 10, tzinfo=UTC)),
    ],
)
def test_parse_bound(text: str, end: bool, expected: datetime) -> None:
    bound = parse_bound(text, end=end)
    assert bound == expected and bound.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("text", ["", "yesterday", "2024-13-01", "2024-05-01T25:00", "01/05/2024"])
def test_parse_bound_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_bound(text)


@given(
    st.datetimes(
        min_value=datetime(1992, 1, 1),  # China kept DST until 1991
        max_value=datetime(2100, 1, 1),
        timezones=st.just(SHANGHAI),
    ),
    st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timedelta(minutes=m)),
)
def test_parse_bound_reads_isoformat(moment: datetime, offset: timedelta) -> None:
    shifted = moment.astimezone(timezone(offset))
    assert parse_bound(shifted.isoformat()) == moment
    assert parse_bound(moment.replace(tzinfo=None).isoformat()) == moment

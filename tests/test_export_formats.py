"""`industry-news export`: CSV/JSON/JSONL output, round trips, CSV injection, streaming."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.exporters import JsonLinesItemExporter
from sqlalchemy import event
from sqlalchemy.orm import Session

from industry_news import export
from industry_news.cli import main
from industry_news.dates import SHANGHAI
from industry_news.items import EXPORT_FIELDS, ArticleItem
from industry_news.storage import connect_existing, open_archive, session_scope, upsert_article

BOM = "\ufeff".encode()
BODY = '溧阳市工业和信息化局发布通知，"专精特新"企业可申报奖励。\n第二段：资金，额度 50%。'


def record(url: str, **overrides: Any) -> dict[str, Any]:
    """A stored article as the pipelines would hand it to `upsert_article`."""
    base: dict[str, Any] = {
        "url": url,
        "site": "liyang",
        "title": "关于组织申报2024年度工业企业技术改造项目的通知",
        "original_title": "",
        "author": "市工信局",
        "category": "通知公告",
        "views": 128,
        "date_text": "发布时间：2024-05-01 09:30",
        "published_at": datetime(2024, 5, 1, 9, 30, tzinfo=SHANGHAI),
        "date_precision": "minute",
        "body": BODY,
        "related": [
            {"url": f"{url}/rel-1", "title": "相关政策一", "excerpt": "摘要一"},
            {"url": f"{url}/rel-2", "title": "相关政策二", "excerpt": ""},
        ],
        "html": "<html><body>原文</body></html>",
        "crawled_at": datetime(2024, 5, 2, 8, 0, 5, tzinfo=SHANGHAI),
    }
    base.update(overrides)
    return base


def build_archive(path: Path, records: list[dict[str, Any]]) -> str:
    """An archive at `path` holding `records`; its URL."""
    url = f"sqlite:///{path}"
    engine = open_archive(url)
    with session_scope(engine) as session:
        for rec in records:
            upsert_article(session, rec)
    engine.dispose()
    return url


def exported(rec: dict[str, Any], cluster: int, copies: int) -> dict[str, Any]:
    """What the export should say about `rec`, written out independently of export.py: the
    id of its cluster of copies (its first article's) and how many the cluster holds."""
    return {
        "url": rec["url"],
        "site": rec["site"],
        "title": rec["title"],
        "original_title": rec["original_title"],
        "author": rec["author"],
        "category": rec["category"],
        "published_at": rec["published_at"] and rec["published_at"].isoformat(),
        "date_precision": rec["date_precision"],
        "date_text": rec["date_text"],
        "views": rec["views"],
        "body": rec["body"],
        "related": [{"url": r["url"], "title": r["title"]} for r in rec["related"]],
        "crawled_at": rec["crawled_at"].isoformat(),
        "cluster": cluster,
        "copies": copies,
    }


def run_export(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> bytes:
    assert main(["export", *args]) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    return out


RECORDS = [
    record("https://www.liyang.gov.cn/a/1"),
    record(
        "https://www.liyang.gov.cn/a/2",
        title="溧阳：动力电池产业链再添新项目",
        original_title="【要闻】溧阳：动力电池产业链再添新项目",
        views=None,
        published_at=None,
        date_precision=None,
        date_text="",
        related=[],
        body="单行正文",
    ),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build_archive(tmp_path / "archive.sqlite3", RECORDS)


def test_jsonl_round_trip(db: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = run_export(capsysbinary, "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert rows == [exported(r, n, 1) for n, r in enumerate(RECORDS, 1)]
    assert [list(row) for row in rows] == [list(EXPORT_FIELDS)] * 2
    assert rows[0]["published_at"] == "2024-05-01T09:30:00+08:00"


def test_json_round_trip_chinese_unescaped(
    db: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = run_export(capsysbinary, "--db", db, "--format", "json")
    assert json.loads(out) == [exported(r, n, 1) for n, r in enumerate(RECORDS, 1)]
    assert "动力电池".encode() in out and b"\\u" not in out


def test_csv_round_trip(db: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = run_export(capsysbinary, "--db", db, "--format", "csv")
    assert out.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(EXPORT_FIELDS)
    for n, (row, rec) in enumerate(zip(rows, RECORDS, strict=True), 1):
        want = exported(rec, n, 1)
        assert json.loads(row.pop("related")) == want.pop("related")
        assert row == {k: "" if v is None else str(v) for k, v in want.items()}
    assert rows[0]["body"] == BODY  # commas, quotes and a line break survive quoting


def test_csv_without_bom(db: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = run_export(capsysbinary, "--db", db, "--format", "csv", "--no-bom")
    assert out.startswith(b"url,site,title,")
    assert "溧阳".encode() in out


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_empty_archive(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    db = build_archive(tmp_path / "empty.sqlite3", [])
    out = run_export(capsysbinary, "--db", db, "--format", fmt)
    expected = {"csv": BOM + ",".join(EXPORT_FIELDS).encode() + b"\r\n", "json": b"[]\n"}
    assert out == expected.get(fmt, b"")
    if fmt == "json":
        assert json.loads(out) == []


INJECTIONS = {
    "title": '=HYPERLINK("http://evil.example","点击")',
    "author": "+86 519 8721 0000",
    "category": "-2+3",
    "date_text": "@SUM(A1:A2)",
    "body": "\t=1+1",
    "original_title": "\r=cmd|' /C calc'!A0",
}


@pytest.fixture
def injected_db(tmp_path: Path) -> str:
    return build_archive(
        tmp_path / "inject.sqlite3", [record("https://www.liyang.gov.cn/x", **INJECTIONS)]
    )


def test_csv_neutralises_formulas(
    injected_db: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = run_export(capsysbinary, "--db", injected_db, "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline=""))
    for name, value in INJECTIONS.items():
        assert row[name] == "'" + value
    assert row["url"] == "https://www.liyang.gov.cn/x"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_formulas_verbatim(
    injected_db: str, capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    out = run_export(capsysbinary, "--db", injected_db, "--format", fmt)
    row = json.loads(out)[0] if fmt == "json" else json.loads(out)
    for name, value in INJECTIONS.items():
        assert row[name] == value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("溧阳", "溧阳"),
        ("", ""),
        (" =1", " =1"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert export.neutralise(cell) == expected


def test_links_export(db: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = run_export(capsysbinary, "--db", db, "--format", "jsonl", "--links")
    rows = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    source = RECORDS[0]["url"]
    assert rows == [
        {
            "source_url": source,
            "target_url": f"{source}/rel-1",
            "title": "相关政策一",
            "position": 0,
        },
        {
            "source_url": source,
            "target_url": f"{source}/rel-2",
            "title": "相关政策二",
            "position": 1,
        },
    ]
    out = run_export(capsysbinary, "--db", db, "--format", "csv", "--links", "--no-bom")
    assert out.decode("utf-8").splitlines()[0] == "source_url,target_url,title,position"


def test_output_file_is_written_whole(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out" / "articles.json"
    target.parent.mkdir()
    assert main(["export", "--db", db, "--format", "json", "--output", str(target)]) == 0
    assert json.loads(target.read_text("utf-8")) == [
        exported(r, n, 1) for n, r in enumerate(RECORDS, 1)
    ]
    assert list(target.parent.iterdir()) == [target]


def test_failed_export_leaves_previous_file(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy.exc import OperationalError

    def broken(session: Session, filters: export.Filters) -> Iterator[dict[str, Any]]:
        yield exported(RECORDS[0], 1, 1)
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(export, "iter_records", broken)
    target = tmp_path / "out.csv"
    target.write_text("previous", encoding="utf-8")
    assert main(["export", "--db", db, "--format", "csv", "-o", str(target)]) == 1
    assert target.read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.sqlite3", "out.csv"]
    assert capsys.readouterr().err.count("\n") == 1


def test_jsonl_matches_scrapy_feed_export(
    db: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    rec = RECORDS[0]
    item = ArticleItem(**{k: v for k, v in rec.items() if k in ArticleItem.__dataclass_fields__})
    item.cluster, item.copies = 1, 1  # as the store pipeline sets them
    buffer = io.BytesIO()
    JsonLinesItemExporter(buffer, fields_to_export=list(EXPORT_FIELDS)).export_item(item)
    feed = json.loads(buffer.getvalue())
    out = run_export(capsysbinary, "--db", db, "--format", "jsonl")
    ours = json.loads(out.decode("utf-8").splitlines()[0])
    assert list(ours) == list(feed)
    assert ours == feed


def test_json_is_streamed_element_by_element() -> None:
    stream = io.StringIO()

    def rows() -> Iterator[dict[str, Any]]:
        for n in range(3):
            if n:  # the previous element is already out before the next is produced
                assert json.loads(stream.getvalue() + "\n]") == [{"n": i} for i in range(n)]
            yield {"n": n}

    assert export.write_json(rows(), stream) == 3
    assert json.loads(stream.getvalue()) == [{"n": 0}, {"n": 1}, {"n": 2}]


def test_records_query_per_batch_without_raw_html(tmp_path: Path) -> None:
    records = [record(f"https://www.liyang.gov.cn/b/{n}") for n in range(5)]
    engine = connect_existing(build_archive(tmp_path / "b.sqlite3", records))
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with Session(engine) as session:
        rows = list(export.iter_records(session, export.Filters(), batch_size=2))
    engine.dispose()
    assert rows == [exported(r, 1, 5) for r in records]  # one body: one story
    assert len(statements) == 1 + 3  # articles, then related links once per batch of 2
    assert not any("raw_html" in sql for sql in statements)

"""`industry-news export` failures: non-zero exit and one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_formats import RECORDS, build_archive, record

from industry_news.cli import main


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit code and the single stderr line of a failing export; nothing on stdout."""
    try:
        code = main(["export", *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code != 0 and out == ""
    if code != 2 or "usage:" not in err:
        assert err.count("\n") == 1 and err.startswith("industry-news: "), err
        assert "Traceback" not in err
    return code, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build_archive(tmp_path / "archive.sqlite3", RECORDS)


def test_unknown_format(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = fails(capsys, "--db", db, "--format", "xlsx")
    assert code == 2 and "invalid choice: 'xlsx'" in err


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.sqlite3"
    code, err = fails(capsys, "--db", f"sqlite:///{missing}", "--format", "csv")
    assert code == 1 and str(missing) in err
    assert not missing.exists()


def test_database_from_environment(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INDUSTRY_NEWS_DB", db)
    assert main(["export", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(RECORDS)
    monkeypatch.setenv("INDUSTRY_NEWS_DB", f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert fails(capsys, "--format", "jsonl")[0] == 1


def test_empty_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    code, err = fails(capsys, "--db", f"sqlite:///{empty}", "--format", "json")
    assert code == 1 and "not an industry-news archive" in err


def test_foreign_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT)")
    conn.close()
    code, err = fails(capsys, "--db", f"sqlite:///{other}", "--format", "json")
    assert code == 1 and "not an industry-news archive" in err


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes("这不是数据库".encode() * 500)
    assert fails(capsys, "--db", f"sqlite:///{junk}", "--format", "json")[0] == 1


def test_archive_missing_its_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    half = tmp_path / "half.sqlite3"
    with sqlite3.connect(half) as conn:
        conn.execute("CREATE TABLE archive_meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO archive_meta VALUES ('app', 'industry-news')")
    conn.close()
    out = tmp_path / "out.csv"
    code, err = fails(capsys, "--db", f"sqlite:///{half}", "--format", "csv", "-o", str(out))
    assert code == 1 and "cannot read archive" in err and "no such table: articles" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["half.sqlite3"]


@pytest.mark.parametrize("flag", ["--since", "--until"])
@pytest.mark.parametrize("text", ["yesterday", "2024-02-30", "2024-05-01T10:00+25:00"])
def test_bad_date(db: str, capsys: pytest.CaptureFixture[str], flag: str, text: str) -> None:
    code, err = fails(capsys, "--db", db, "--format", "csv", flag, text)
    assert code == 2 and f"bad {flag} date {text!r}" in err


@pytest.mark.parametrize("where", ["missing/out.csv", "."])
def test_unwritable_output(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    code, err = fails(capsys, "--db", db, "--format", "csv", "-o", str(tmp_path / where))
    assert code == 1 and "cannot write" in err


def _command() -> list[str]:
    script = Path(sys.executable).with_name("industry-news")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "industry_news.cli"]


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(  # type: ignore[call-overload]
        [*_command(), "export", *args], capture_output=True, env=env, timeout=60, **kwargs
    )


def test_console_script(db: str, tmp_path: Path) -> None:
    done = _run("--db", db, "--format", "json")
    assert done.returncode == 0 and done.stderr == b""
    assert [row["url"] for row in json.loads(done.stdout)] == [r["url"] for r in RECORDS]
    done = _run("--db", f"sqlite:///{tmp_path / 'missing.sqlite3'}", "--format", "json")
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.decode().startswith("industry-news: no archive at ")
    assert done.stderr.count(b"\n") == 1


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    records = [record(f"https://www.liyang.gov.cn/p/{n}") for n in range(400)]
    db = build_archive(tmp_path / "big.sqlite3", records)
    command = " ".join([*_command(), "export", "--db", db, "--format", "jsonl", "| head -c 100"])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(["bash", "-c", command], capture_output=True, env=env, timeout=60)
    assert len(done.stdout) == 100
    assert done.stderr == b""

"""`industry-news harvest` exit codes and output, and `industry-news status`."""

from __future__ import annotations

import json
import re
import socket
from datetime import datetime, timedelta
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from harvesting import Webhook, harvest, query
from portal import ReplayServer, make_portal, render_site
from portal.model import now

from industry_news import cli
from industry_news.dates import SHANGHAI
from industry_news.harvest import harvest_settings, log_handler, worst
from industry_news.storage import CrawlRun, open_archive, session_scope

pytestmark = pytest.mark.clock


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process commands must not leak Scrapy's settings module into other tests."""
    for name in ("SCRAPY_SETTINGS_MODULE", "INDUSTRY_NEWS_DB"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["harvest", "nope"], "unknown spider 'nope' (available: liyang, portal, wuxi)"),
        (["harvest", "-a", "base_url"], "malformed -a 'base_url': expected NAME=VALUE"),
        (["harvest", "-s", "=1"], "malformed -s '=1': expected NAME=VALUE"),
        (["harvest", "--refresh-days", "-1"], "--refresh-days must be 0 or more, got -1"),
        (["harvest", "--log", "/nonexistent/dir/h.log"], "cannot write log /nonexistent/dir/h.log"),
        (["status", "--limit", "0"], "--limit must be 1 or more, got 0"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "archive.sqlite3"
    assert cli.main([*argv, "--db", f"sqlite:///{db}"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"industry-news: {message}") and err.count("\n") == 1
    assert not db.exists()


def test_bad_spider_argument_exits_2_with_one_line(tmp_path: Path) -> None:
    done = harvest(tmp_path / "archive.sqlite3", "http://127.0.0.1:9", "-a", "max_pages=x")
    assert done.returncode == 2
    assert done.stdout == ""
    assert (
        done.stderr == "liyang: did not start: max_pages must be a positive whole number, got 'x'\n"
    )


def test_worst_code_wins() -> None:
    assert worst([0, 3, 0]) == 3
    assert worst([3, 4, 0]) == 4
    assert worst([0, 0]) == 0
    assert worst([4, 2]) == 2


def test_settings_and_log_file(tmp_path: Path) -> None:
    args = cli.build_parser().parse_args(
        ["harvest", "--db", "sqlite:////x.db", "-s", "LOG_LEVEL=DEBUG", "-s", "RETRY_TIMES=7"]
    )
    settings = harvest_settings(args)
    assert settings.get("INDUSTRY_NEWS_DB") == "sqlite:////x.db"
    assert settings.getint("RETRY_TIMES") == 7
    assert "pipelines.store.StorePipeline" in settings.getdict("ITEM_PIPELINES")
    handler = log_handler(settings, str(tmp_path / "h.log"))
    assert isinstance(handler, RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (5 * 1024 * 1024, 5)
    assert handler.level == 10  # DEBUG, from LOG_LEVEL
    handler.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_portal_exits_4_with_one_line_per_error(tmp_path: Path) -> None:
    done = harvest(tmp_path / "archive.sqlite3", f"http://127.0.0.1:{closed_port()}")
    assert done.returncode == 4
    assert re.fullmatch(
        r"liyang: finished in [\d.]+ s \(full\) — \d+ requests, 0 new, .*; portal unreachable\n",
        done.stdout,
    )
    lines = done.stderr.splitlines()
    assert lines and all(" ERROR: " in line for line in lines)  # no tracebacks


@pytest.fixture(scope="module")
def portal():
    return make_portal(8, seed=6, rendered_at=now() - timedelta(minutes=30))


def test_notify_posts_the_summary_only_when_the_exit_is_not_0(portal, tmp_path: Path) -> None:
    with Webhook() as hook:
        unreachable = f"http://127.0.0.1:{closed_port()}"
        done = harvest(tmp_path / "a.sqlite3", unreachable, "--notify", hook.url)
        assert done.returncode == 4
        [(content_type, _)] = hook.received
        assert content_type == "application/json; charset=utf-8"
        [payload] = hook.payloads()
        assert payload == {
            "exit": 4,
            "runs": [
                {"spider": "liyang", "exit": 4, "summary": done.stdout.strip(), "unhealthy": []}
            ],
        }
        site = render_site(portal, absolute_links_host=None)
        with ReplayServer(site, portal.rendered_at) as server:
            fine = harvest(tmp_path / "b.sqlite3", server.base_url, "--notify", hook.url)
        assert fine.returncode == 0 and len(hook.received) == 1  # nothing to say: no POST
    gone = harvest(
        tmp_path / "c.sqlite3", unreachable, "--notify", f"http://127.0.0.1:{closed_port()}/"
    )
    assert gone.returncode == 4  # a webhook that fails does not change the exit
    assert gone.stderr.splitlines()[-1].startswith("notify http://127.0.0.1:")


def test_failed_page_exits_3_and_scrapy_log_goes_to_the_log_file(portal, tmp_path: Path) -> None:
    failing = portal.newest_first()[2].id
    site = render_site(portal, absolute_links_host=None, specials={failing: "500"})
    log = tmp_path / "harvest.log"
    with ReplayServer(site, portal.rendered_at) as server:
        base_url = server.base_url
        done = harvest(tmp_path / "archive.sqlite3", base_url, "--log", str(log))
    assert done.returncode == 3, done.stderr
    assert done.stderr == ""
    assert re.fullmatch(
        r"liyang: finished in [\d.]+ s \(full\) — \d+ requests, 7 new, 0 updated, 0 unchanged, "
        r"0 dropped, 1 failed, 0 gone\n",
        done.stdout,
    )
    text = log.read_text()
    assert "[scrapy.core.engine] INFO: Spider opened" in text
    assert f"Page failed (HTTP 500): {base_url}/index.php/post/{failing}.html" in text


def test_gone_page_is_reported_not_failed(portal, tmp_path: Path) -> None:
    gone = portal.newest_first()[3].id
    site = render_site(portal, absolute_links_host=None, specials={gone: "404"})
    db = tmp_path / "archive.sqlite3"
    with ReplayServer(site, portal.rendered_at) as server:
        done = harvest(db, server.base_url)
    assert done.returncode == 0
    assert done.stderr == ""  # INFO and WARNING stay out of stderr without --log
    assert done.stdout.endswith(" 7 new, 0 updated, 0 unchanged, 0 dropped, 0 failed, 1 gone\n")
    assert query(db, "select count(*), sum(new), sum(errors) from crawl_runs") == [(1, 7, 0)]


def add_run(db_url: str, spider: str, started: datetime, seconds: float | None, **counts) -> None:
    finished = started + timedelta(seconds=seconds) if seconds is not None else None
    engine = open_archive(db_url)
    with session_scope(engine) as session:
        session.add(
            CrawlRun(
                spider=spider,
                started_at=started,
                finished_at=finished,
                finish_reason="finished" if finished else None,
                **counts,
            )
        )
    engine.dispose()


def test_status_lists_the_last_runs_per_spider(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    start = datetime(2025, 5, 21, 9, 0, tzinfo=SHANGHAI)
    for k in range(4):
        add_run(url, "liyang", start + timedelta(hours=k), 12.34, requests=41 + k, new=3)
    add_run(url, "liyang", start + timedelta(hours=5), None)  # killed, or running
    add_run(url, "wuxi", start, 4000, requests=1234, new=1000, unchanged=7, errors=2)
    assert cli.main(["status", "--db", url, "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert err == "" and len(lines) == 1 + 3 + 1
    assert lines[0].split() == [
        "spider", "started", "duration", "finish", "reason", "requests", "new", "updated",
        "unchanged", "dropped", "errors", "titles", "dates", "bodies", "identical", "median",
        "body", "health",
    ]  # fmt: skip
    old_run = ["-"] * 6  # recorded before health was measured
    assert (
        lines[1].split()
        == ["liyang", "2025-05-21", "14:00:00", "-", "unfinished"] + ["0"] * 6 + old_run
    )
    assert lines[2].split() == [
        "liyang", "2025-05-21", "12:00:00", "12.3", "s", "finished", "44", "3", "0", "0", "0", "0",
        *old_run,
    ]  # fmt: skip
    assert lines[3].split()[2] == "11:00:00"
    assert lines[4].split() == [
        "wuxi", "2025-05-21", "09:00:00", "1", "h", "06", "min", "finished",
        "1234", "1000", "0", "7", "0", "2", *old_run,
    ]  # fmt: skip
    for line in lines:  # columns line up under their headings
        assert line[lines[0].index("requests") + len("requests") - 1] != " "


def test_status_shows_each_runs_health(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    start = datetime(2025, 5, 21, 9, 0, tzinfo=SHANGHAI)
    figures = {"articles": 8, "title": 1.0, "date": 0.875, "body": 1.0, "identical": 0.0}
    good = {f"industry_news/health/figures/{k}": v for k, v in figures.items()}
    good["industry_news/health/figures/body_median"] = 812
    bad = {**good, "industry_news/health/figures/title": 0.0}
    for k, stats in enumerate(
        [
            {**good, "industry_news/health/failures": ""},
            {**bad, "industry_news/health/failures": "titles 0 % < 95 %"},
            {"industry_news/health/figures/articles": 0, "industry_news/health/failures": ""},
        ]
    ):
        add_run(url, "liyang", start + timedelta(hours=k), 5, stats=json.dumps(stats))
    assert cli.main(["status", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[-7:] == ["-", "-", "-", "-", "-", "no", "articles"]
    assert lines[2].split()[-11:] == [
        "0%", "88%", "100%", "0%", "812", "titles", "0", "%", "<", "95", "%"
    ]  # fmt: skip
    assert lines[3].split()[-6:] == ["100%", "88%", "100%", "0%", "812", "ok"]


def test_status_says_when_there_are_no_runs(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    open_archive(url).dispose()
    assert cli.main(["status", "--db", url]) == 0
    assert capsys.readouterr().out == "no crawl runs recorded yet\n"

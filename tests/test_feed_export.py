"""`scrapy crawl liyang -O items.jsonl` gives the same records as `industry-news export`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from industry_news.cli import main
from industry_news.dates import SHANGHAI
from industry_news.items import EXPORT_FIELDS
from tests.crawling import crawl
from tests.portal import ReplayServer, make_portal, render_site

pytestmark = pytest.mark.clock


def test_feed_and_export_agree(tmp_path: Path, capsys) -> None:
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(12, seed=4, rendered_at=now, per_page=5, categories=2)
    db, feed = tmp_path / "a.sqlite3", tmp_path / "items.jsonl"
    with ReplayServer(render_site(portal, "tpure"), date_header=now) as server:
        assert crawl(server.base_url, db, "-O", str(feed)).returncode == 0
    fed = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert main(["export", "--format", "jsonl", "--db", f"sqlite:///{db}"]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(fed) == len(exported) == 12
    assert all(list(record) == list(EXPORT_FIELDS) for record in fed + exported)
    assert sorted(fed, key=lambda r: r["url"]) == sorted(exported, key=lambda r: r["url"])
    assert all(r["published_at"].endswith("+08:00") for r in fed)

"""`industry-news browse`: Datasette on a crawled replay, driven by a real headless Chromium.

Nothing here depends on the clock: the replay is rendered at a fixed instant and no assertion
reads a date against now (so the browser is not run again under faketime).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from industry_news.cli import build_parser
from industry_news.query import parse
from industry_news.search import search
from industry_news.storage import connect_existing
from tests.browser import browser as chromium
from tests.browser import needs_browser
from tests.crawling import crawl
from tests.harvesting import environment
from tests.portal import ReplayServer, make_portal, render_site
from tests.portal.model import DEFAULT_RENDERED_AT as RENDERED_AT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browse") / "archive.sqlite3"
    for markup, seed in (("tpure", 21), ("html5", 22)):
        portal = make_portal(24, seed=seed, rendered_at=RENDERED_AT, per_page=8, categories=2)
        with ReplayServer(render_site(portal, markup)) as server:
            assert crawl(server.base_url, db).returncode == 0
    return db


@pytest.fixture(scope="module")
def site(archive: Path):
    """`industry-news browse` on a free port, until the module's tests are done."""
    port = free_port()
    command = [sys.executable, "-m", "industry_news.cli", "browse", "--db", f"sqlite:///{archive}"]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                assert response.status == 200
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"browse did not start: {process.communicate()}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("Content-Type", ""), response.read().decode("utf-8", "replace")


def test_it_serves_loopback_only_by_default_and_names_itself(site: str) -> None:
    assert build_parser().parse_args(["browse"]).host == "127.0.0.1"
    _, page = get(site + "/")
    assert "industry-news 档案" in page


def test_articles_have_chinese_labels_facets_and_no_raw_html(site: str) -> None:
    _, page = get(site + "/archive/article_list")
    for label in ("标题", "站点", "分类", "发布时间", "日期精度", "月份", "正文"):
        assert label in page
    assert "raw_html" not in page
    for facet in ("站点", "分类", "日期精度", "月份"):
        assert f'data-column="{facet}"' in page


def test_raw_html_is_never_served_as_html(site: str) -> None:
    _, row = get(site + "/archive/articles/1")
    assert "&lt;Binary:" in row or "Binary:" in row
    kind, _ = get(site + "/archive/articles/1.blob?_blob_column=raw_html")
    assert "html" not in kind


def test_related_links_join_their_articles(site: str) -> None:
    _, page = get(site + "/archive/related_list.json?_shape=array&_size=max")
    rows = json.loads(page)
    assert rows and all(row["来源标题"] for row in rows)
    assert any(row["目标编号"] is not None for row in rows)


def test_canned_queries_run(site: str) -> None:
    for name in ("newest", "per_month", "most_linked"):
        _, page = get(site + f"/archive/{name}.json?_shape=array")
        assert json.loads(page), name


@needs_browser
def test_a_person_searches_in_a_real_browser(site: str, archive: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser = chromium(tmp_path / "profile")
    try:
        browser.get(site + "/archive/search")
        box = browser.find_element(By.CSS_SELECTOR, "input[name=q]")
        box.send_keys("园区")
        box.submit()
        WebDriverWait(browser, 20).until(
            ready.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-columns tbody tr"))
        )
        browser.save_screenshot(str(tmp_path / "search.png"))
        shown = [
            cell.text
            for cell in browser.find_elements(
                By.CSS_SELECTOR, "table.rows-and-columns tbody tr td:first-child"
            )
        ]
    finally:
        browser.quit()
    engine = connect_existing(f"sqlite:///{archive}")
    with engine.connect() as connection:
        expected = [hit.title for hit in search(connection, parse("园区"), limit=50)]
    engine.dispose()
    assert expected and shown == expected
    assert (tmp_path / "search.png").stat().st_size > 10_000


def test_a_bad_query_in_the_box_says_what_is_wrong(site: str) -> None:
    _, page = get(site + "/archive/search.json?_shape=array&q=%22%E5%9B%AD%E5%8C%BA")
    rows = json.loads(page)
    assert len(rows) == 1 and "unbalanced quote" in rows[0]["标题"]

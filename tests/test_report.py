"""`industry-news report` on a crawled replay of two portals that share stories: its numbers
against the archive, offline, and as a real browser shows it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from industry_news.dates import SHANGHAI
from tests.browser import browser as chromium
from tests.browser import needs_browser
from tests.crawling import crawl, rows
from tests.harvesting import environment
from tests.portal import ReplayServer
from tests.portal.model import DEFAULT_RENDERED_AT as RENDERED_AT
from tests.portal.network import network_replays

# The report is checked against the archive it was made from, not against now: replays are
# rendered at a fixed instant, and these tests are not run again under faketime.


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """liyang and the DedeCMS portal (3 stories in common), crawled into one archive."""
    db = tmp_path_factory.mktemp("report") / "archive.sqlite3"
    for replay in network_replays(RENDERED_AT)[::2][:2]:  # liyang, www.jtcfzs.cn
        with ReplayServer(replay.pages) as server:
            args = ("-a", f"url={replay.host}") if replay.spider == "portal" else ()
            assert crawl(server.base_url, db, *args, spider=replay.spider).returncode == 0
    return db


def report(db: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "industry_news.cli", "report", "--db", f"sqlite:///{db}"]
    return subprocess.run(
        [*command, "-o", str(out), *args],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


class Tables(HTMLParser):
    """The report's tables by the id of the div holding them: rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.div: str | None = None
        self.cell: list[str] | None = None
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and found.get("id"):
            self.div = found["id"]
            self.tables[self.div] = []
        elif tag == "tr" and self.div:
            self.tables[self.div].append([])
        elif tag in ("td", "th") and self.div:
            self.cell = []
        for name in ("src", "href"):
            if found.get(name) and tag in ("script", "link", "img", "iframe", "source"):
                self.sources.append(found[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.div:
            self.tables[self.div][-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "table":
            self.div = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def expected_stories_per_site(db: Path) -> dict[str, dict[str, int]]:
    """Per site and month (Beijing), the clusters whose earliest article falls in it."""
    found = rows(
        db,
        "select coalesce(cluster_id, id), site, published_at from articles"
        " where published_at is not null order by published_at, id",
    )
    first: dict[int, str] = {}
    sites: dict[int, set[str]] = defaultdict(set)
    for cluster, site, published in found:
        local = datetime.fromisoformat(published).replace(tzinfo=UTC).astimezone(SHANGHAI)
        first.setdefault(cluster, f"{local:%Y-%m}")
        sites[cluster].add(site)
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for cluster, month in first.items():
        for site in sites[cluster]:
            out[site][month] += 1
    return out


def expected_keyword_stories(db: Path, word: str) -> dict[str, tuple[int, int]]:
    """Per month: (stories any article of which holds the word, stories)."""
    found = rows(
        db,
        "select coalesce(cluster_id, id), published_at, title, body from articles"
        " where published_at is not null order by published_at, id",
    )
    month: dict[int, str] = {}
    holds: dict[int, bool] = defaultdict(bool)
    for cluster, published, title, body in found:
        local = datetime.fromisoformat(published).replace(tzinfo=UTC).astimezone(SHANGHAI)
        month.setdefault(cluster, f"{local:%Y-%m}")
        holds[cluster] |= word in title or word in body
    out: dict[str, tuple[int, int]] = {}
    for cluster, label in month.items():
        held, total = out.get(label, (0, 0))
        out[label] = (held + holds[cluster], total + 1)
    return out


def test_the_report_counts_stories_not_copies(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = report(archive, out, "--keyword", "项目", "园区")
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    parsed = Tables()
    parsed.feed(page)
    header, *body = parsed.tables["by_site"]
    months = header[1:-1]
    shown = {row[0]: dict(zip(months, map(int, row[1:-1]), strict=True)) for row in body}
    expected = expected_stories_per_site(archive)
    for site, per_month in expected.items():
        assert {m: n for m, n in shown[site].items() if n} == dict(per_month), site
    (articles,) = rows(archive, "select count(*) from articles")[0]
    (stories,) = rows(archive, "select count(distinct coalesce(cluster_id, id)) from articles")[0]
    assert stories == articles - 3
    assert f"{stories} 个报道" in page
    keyword_rows = {row[0]: row[1:] for row in parsed.tables["keywords"][1:]}
    assert set(keyword_rows) == {"项目", "园区"}
    assert all(re.fullmatch(r"\d+\.\d%", cell) for cell in keyword_rows["项目"])
    # A story holds the word when any of its articles (a copy too) does, in title or body.
    shares = dict(zip(months, keyword_rows["园区"], strict=True))
    for month, (held, total) in expected_keyword_stories(archive, "园区").items():
        assert shares[month] == f"{100 * held / total:.1f}%", month


def test_the_report_opens_with_no_network(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert report(archive, out, "--keyword", "项目").returncode == 0
    page = out.read_text(encoding="utf-8")
    parsed = Tables()
    parsed.feed(page)
    assert parsed.sources == []  # no script, stylesheet, image or frame to fetch
    assert "@import" not in page
    assert not re.search(r"url\((?!#)", page)  # only the SVGs' own clip paths
    assert not re.search(
        r"""(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1)""", page.split("<h2>最新报道")[0]
    )
    assert page.count("<svg") >= 3


def test_png_plots_for_slides(archive: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plots"
    done = report(archive, folder, "--format", "png", "--keyword", "项目")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert "stories_by_site.png" in names and "keyword_shares.png" in names
    assert all((folder / n).read_bytes().startswith(b"\x89PNG") for n in names)


def test_bad_arguments_exit_2(archive: Path, tmp_path: Path) -> None:
    done = report(archive, tmp_path / "r.html", "--since", "yesterday")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


@needs_browser
def test_a_person_sees_the_chinese_of_the_report(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert report(archive, out, "--keyword", "项目", "园区").returncode == 0
    browser = chromium(tmp_path / "profile")
    try:
        browser.get(out.as_uri())
        browser.save_screenshot(str(tmp_path / "report.png"))
        heading = browser.find_element("css selector", "h1").text
        svg_text = browser.execute_script(
            "return Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)"
        )
    finally:
        browser.quit()
    assert heading.startswith("industry-news 报告")
    assert any("报道" in text for text in svg_text)
    assert (tmp_path / "report.png").stat().st_size > 20_000

"""A theme change that breaks extraction makes `harvest` exit 5; ordinary variation does not."""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from harvesting import Webhook, copy_archive, execute, harvest, query
from portal import Page, ReplayServer, grow_portal, make_portal, render_site
from portal.model import now, post_path

from industry_news import cli
from industry_news.storage import open_archive

pytestmark = pytest.mark.clock

SIDEBAR = (
    "<div class='aside'><h3>热门文章</h3><ul>"
    + "".join(
        f"<li><a href='/index.php/post/{n}.html'>溧阳高新区第{n}批重点项目集中签约</a>"
        f"<span>2024-0{n % 9 + 1}-1{n % 9}</span></li>"
        for n in range(1, 9)
    )
    + "</ul><p>溧阳厂房网为您提供溧阳厂房出租、厂房出售、土地转让信息,欢迎来电咨询。</p></div>"
)
BROKEN = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>溧阳厂房网</title></head><body>"
    "<div class='top'><a href='/'><img src='/logo.png' alt='溧阳厂房网'></a></div>"
    f"<div class='wrap'>{SIDEBAR}</div>"
    "<div class='foot'>版权所有 © 溧阳厂房网 苏ICP备18052236号-2</div></body></html>"
)
"""An article page after a theme change the extractor does not know: no headline, no body,
only the site's sidebar and footer."""


def broken(site: dict[str, Page], ids: list[int]) -> dict[str, Page]:
    pages = dict(site)
    for article_id in ids:
        pages[post_path(article_id)] = Page(200, BROKEN.encode(), "text/html; charset=utf-8")
    return pages


def health_of(db: Path) -> list[str]:
    """Each run's recorded health failures, oldest first."""
    rows = query(db, "select stats from crawl_runs order by id")
    return [json.loads(stats).get("industry_news/health/failures", "") for (stats,) in rows]


@pytest.fixture(scope="module")
def theme_change(tmp_path_factory: pytest.TempPathFactory):
    """Two harvests: the portal, then 5 new articles in a theme the extractor does not know."""
    old = make_portal(10, seed=7, rendered_at=now() - timedelta(hours=3))
    grown = grow_portal(old, 5, now())
    new_ids = [a.id for a in grown.articles if a not in old.articles]
    db = tmp_path_factory.mktemp("theme") / "archive.sqlite3"
    with ReplayServer(render_site(old, absolute_links_host=None), old.rendered_at) as server:
        first = harvest(db, server.base_url)
        assert first.returncode == 0, first.stdout + first.stderr
        good = render_site(grown, absolute_links_host=None)
        server.set_pages(broken(good, new_ids), grown.rendered_at)
        with Webhook() as hook:
            second = harvest(db, server.base_url, "--notify", hook.url)
    return db, second, hook.payloads(), good, new_ids


def test_a_theme_change_exits_5_and_names_the_figures(theme_change) -> None:
    db, second, payloads, _, _ = theme_change
    assert second.returncode == 5, second.stdout + second.stderr
    line = second.stdout.strip()
    assert line.startswith("liyang: finished in ") and "; unhealthy: " in line, line
    failing = line.split("; unhealthy: ")[1]
    assert "titles 0 % < 95 %" in failing or "identical bodies" in failing, failing
    assert "dates 0 % < 90 %" in failing, failing
    assert health_of(db)[0] == "" and health_of(db)[1] == failing
    [payload] = payloads
    assert payload["exit"] == 5 and payload["runs"][0]["unhealthy"] == failing.split("; ")


def test_the_bad_runs_pages_are_kept_and_reclean_run_repairs_them(theme_change, tmp_path) -> None:
    db = copy_archive(theme_change[0], tmp_path / "archive.sqlite3")
    good, new_ids = theme_change[3], theme_change[4]
    rejected = query(db, "select url, run_id, reason from rejected_pages order by url")
    assert len(rejected) == 5 and {(r[1], r[2]) for r in rejected} == {(2, "no title")}
    # What an extractor with a bug stored for run 1, over the pages it kept.
    stored = query(db, "select id, title, body from articles where run_id = 1 order by id")
    assert len(stored) == 10
    execute(db, "update articles set title = '溧阳厂房网', body = '热门文章' where run_id = 1")
    # One rejected page the extractor of the day could not read but the fixed one can.
    fixed = next(url for url, _, _ in rejected if url.endswith(post_path(new_ids[0])))
    html = good[post_path(new_ids[0])].body.decode("utf-8")
    execute(
        db,
        "update rejected_pages set raw_html = ? where url = ?",
        zlib.compress(html.encode("utf-8")),
        fixed,
    )
    done = cli.main(["reclean", "--db", f"sqlite:///{db}", "--run", "1"])
    assert done == 0
    assert query(db, "select id, title, body from articles where run_id = 1 order by id") == stored
    dates = "select url, http_date from rejected_pages where url != ? order by url"
    served = query(db, dates, fixed)
    assert len(served) == 4 and all(http_date for _, http_date in served)
    assert cli.main(["reclean", "--db", f"sqlite:///{db}", "--run", "2"]) == 0
    assert query(db, dates, fixed) == served  # still rejected, with the Date they were served
    assert query(db, "select url from articles where run_id = 2") == [(fixed,)]
    assert cli.main(["reclean", "--db", f"sqlite:///{db}", "--run", "9"]) == 2
    assert cli.main(["reclean", "--db", f"sqlite:///{db}", "--run", "2", "--site", "liyang"]) == 2


def test_ordinary_variation_stays_healthy_over_20_harvests(tmp_path: Path) -> None:
    portal = make_portal(12, seed=9, rendered_at=now() - timedelta(days=2))
    db = tmp_path / "archive.sqlite3"
    codes = []
    with ReplayServer(render_site(portal, absolute_links_host=None), portal.rendered_at) as server:
        codes.append(harvest(db, server.base_url).returncode)
        for k in range(1, 20):
            later = portal.rendered_at + timedelta(hours=2)
            grown = grow_portal(portal, k % 4, later, seed=k)  # 0–3 new articles
            added = [a for a in grown.articles if a not in portal.articles]
            if added and k % 3 == 0:  # a short notice: one paragraph
                short = replace(added[0], paragraphs=added[0].paragraphs[:1])
                grown = replace(grown, articles=[*grown.articles[: -len(added)], short, *added[1:]])
            specials = {added[-1].id: "404"} if len(added) > 1 and k % 5 == 0 else None
            server.set_pages(render_site(grown, absolute_links_host=None, specials=specials), later)
            codes.append(harvest(db, server.base_url).returncode)
            portal = grown
    assert codes == [0] * 20, codes
    assert health_of(db) == [""] * 20
    rows = query(db, "select stats from crawl_runs order by id")
    judged = [
        json.loads(stats).get("industry_news/health/figures/articles", 0) >= 3 for (stats,) in rows
    ]
    assert sum(judged) >= 5, judged  # the rule was applied, not skipped


def test_an_older_archive_gets_the_run_column_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    open_archive(f"sqlite:///{db}").dispose()
    execute(db, "drop index ix_articles_run_id")
    execute(db, "alter table articles drop column run_id")  # as archives before this column
    execute(db, "drop table alembic_version")  # ... and before migrations
    open_archive(f"sqlite:///{db}").dispose()
    assert "run_id" in {row[1] for row in query(db, "pragma table_info(articles)")}

"""A theme change that breaks extraction makes `harvest` exit 5; ordinary variation does not."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from harvesting import Webhook, harvest, query
from portal import Page, ReplayServer, grow_portal, make_portal, render_site
from portal.model import now, post_path

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


def test_a_theme_change_exits_5_and_names_the_figures(tmp_path: Path) -> None:
    old = make_portal(10, seed=7, rendered_at=now() - timedelta(hours=3))
    grown = grow_portal(old, 5, now())
    new_ids = [a.id for a in grown.articles if a not in old.articles]
    db = tmp_path / "archive.sqlite3"
    with ReplayServer(render_site(old, absolute_links_host=None), old.rendered_at) as server:
        first = harvest(db, server.base_url)
        assert first.returncode == 0, first.stdout + first.stderr
        site = broken(render_site(grown, absolute_links_host=None), new_ids)
        server.set_pages(site, grown.rendered_at)
        with Webhook() as hook:
            second = harvest(db, server.base_url, "--notify", hook.url)
    assert second.returncode == 5, second.stdout + second.stderr
    line = second.stdout.strip()
    assert line.startswith("liyang: finished in ") and "; unhealthy: " in line, line
    failing = line.split("; unhealthy: ")[1]
    assert "titles 0 % < 95 %" in failing or "identical bodies" in failing, failing
    assert "dates 0 % < 90 %" in failing, failing
    assert health_of(db)[0] == "" and health_of(db)[1] == failing
    [payload] = hook.payloads()
    assert payload["exit"] == 5 and payload["runs"][0]["unhealthy"] == failing.split("; ")


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

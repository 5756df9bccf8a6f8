"""Learned boilerplate end to end: a block no rule knows, repeated across a third of the site."""

from __future__ import annotations

from datetime import datetime

import pytest

from industry_news.cli import main
from industry_news.dates import SHANGHAI
from tests.crawling import crawl, rows, stored_articles
from tests.portal import ReplayServer, expected_items, make_portal, render_site

pytestmark = pytest.mark.clock

AD = "溧阳高新区标准厂房火热招租中，单层层高8米，可按需分割，水电配套齐全，欢迎实地考察洽谈。"
QUOTED = "会议强调，要坚持项目为王，以更大力度推进重大产业项目建设，为全市高质量发展提供有力支撑。"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    """30 articles: 10 carry the advertisement, 3 quote the same genuine paragraph."""
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(30, seed=8, rendered_at=now, per_page=10, categories=2)
    for article in portal.articles[::3]:
        article.boilerplate.insert(0, [AD])
    for article in portal.articles[1:4]:
        article.paragraphs.append(QUOTED)
    db = tmp_path_factory.mktemp("reclean") / "archive.sqlite3"
    with ReplayServer(render_site(portal, "tpure"), date_header=now) as server:
        assert crawl(server.base_url, db).returncode == 0
        expected = expected_items(portal, server.base_url)
    return {"db": db, "url": f"sqlite:///{db}", "expected": expected, "before": stored_articles(db)}


def carrying(articles: dict[str, dict], paragraph: str) -> int:
    return sum(paragraph in a["body"].split("\n\n") for a in articles.values())


def test_rules_alone_keep_the_unknown_block(archive) -> None:
    assert carrying(archive["before"], AD) == 10


def test_reclean_learns_the_block_and_removes_it(archive, capsys) -> None:
    assert main(["reclean", "--db", archive["url"]]) == 0
    assert "liyang: 30 articles, 1 paragraphs learned, 10 bodies changed" in capsys.readouterr().out
    after = stored_articles(archive["db"])
    assert carrying(after, AD) == 0
    assert carrying(after, QUOTED) == 3
    assert {url: a["body"] for url, a in after.items()} == {
        url: item["body"] for url, item in archive["expected"].items()
    }
    assert rows(archive["db"], "select site, text, articles from learned_boilerplate") == [
        ("liyang", AD, 10)
    ]


def test_boilerplate_lists_learned_and_rule_matched_blocks(archive, capsys) -> None:
    main(["reclean", "--db", archive["url"]])
    capsys.readouterr()
    assert main(["boilerplate", "--site", "liyang", "--db", archive["url"]]) == 0
    learned, ruled = capsys.readouterr().out.split("rule-matched")
    assert f"      10  {AD[:69]}" in learned
    assert "contact_block" in ruled and AD[:20] not in ruled


def test_later_crawls_use_the_learned_list(archive) -> None:
    main(["reclean", "--db", archive["url"]])
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(30, seed=8, rendered_at=now, per_page=10, categories=2)
    for article in portal.articles[::3]:
        article.boilerplate.insert(0, [AD])
    with ReplayServer(render_site(portal, "tpure"), date_header=now) as server:
        assert crawl(server.base_url, archive["db"]).returncode == 0
    assert carrying(stored_articles(archive["db"]), AD) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reclean", "--site", "wuxi"], "no articles of site 'wuxi'"),
        (["reclean", "--min-share", "0"], "--min-share must lie in (0, 1]"),
        (["boilerplate", "--site", "wuxi"], "no articles of site 'wuxi'"),
    ],
)
def test_bad_arguments_give_one_line(archive, capsys, args: list[str], message: str) -> None:
    assert main([*args, "--db", archive["url"]]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_missing_archive(tmp_path, capsys) -> None:
    assert main(["reclean", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}"]) == 1
    assert "no archive at" in capsys.readouterr().err

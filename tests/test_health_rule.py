"""health.py: a run's figures from its stats, and when the rule calls them unhealthy."""

from __future__ import annotations

from industry_news.health import PREFIX, HealthRule, assess, figures

RULE = HealthRule()
GOOD = {
    "articles": 20,
    "title": 1.0,
    "date": 1.0,
    "author": 0.9,
    "category": 1.0,
    "body": 1.0,
    "dropped": 0.0,
    "identical": 0.0,
    "errors": 0.0,
    "body_median": 900.0,
}


def test_figures_are_shares_of_the_articles_seen() -> None:
    stats = {
        PREFIX + "seen": 8,
        PREFIX + "with_title": 8,
        PREFIX + "with_date": 6,
        PREFIX + "with_body": 4,
        PREFIX + "identical_bodies": 2,
        PREFIX + "body_median": 312,
        "industry_news/dropped/no_body": 4,
        "industry_news/extract_errors": 1,
        "industry_news/boilerplate/contact_block": 6,
    }
    got = figures(stats)
    assert got["articles"] == 8 and got["title"] == 1.0 and got["date"] == 0.75
    assert got["author"] == 0.0 and got["body"] == 0.5 and got["dropped"] == 0.5
    assert got["identical"] == 0.25 and got["errors"] == 0.125 and got["body_median"] == 312
    assert got["dropped: no_body"] == 0.5 and got["boilerplate: contact_block"] == 0.75
    assert figures({}) == {"articles": 0}


def test_a_healthy_run_and_a_run_too_small_to_judge() -> None:
    assert assess(GOOD, [GOOD] * 5, RULE) == []
    tiny = {**GOOD, "articles": 2, "title": 0.0, "dropped": 1.0}
    assert assess(tiny, [GOOD] * 5, RULE) == []


def test_floors_name_each_failing_figure() -> None:
    bad = {**GOOD, "title": 0.5, "date": 0.25, "dropped": 0.5, "identical": 0.9}
    assert assess(bad, [], RULE) == [
        "titles 50 % < 95 %",
        "dates 25 % < 90 %",
        "dropped 50 % > 10 %",
        "identical bodies 90 % > 5 %",
    ]


def test_a_figure_that_falls_against_the_recent_good_runs() -> None:
    short = {**GOOD, "body_median": 300.0, "author": 0.3}
    assert assess(short, [GOOD] * 3, RULE) == [
        "authors 30 %, usually 90 %",
        "median body 300, usually 900 chars",
    ]
    assert assess(short, [GOOD] * 2, RULE) == []  # too little history: floors only
    # A figure under its floor is named once, not again for falling.
    assert assess({**GOOD, "title": 0.3}, [GOOD] * 3, RULE) == ["titles 30 % < 95 %"]
    small_runs = [{**GOOD, "articles": 1}] * 5  # runs too small to judge are no history
    assert assess(short, small_runs, RULE) == []


def test_a_profile_can_loosen_the_rule() -> None:
    notices = {**GOOD, "date": 0.5}
    assert assess(notices, [], RULE) == ["dates 50 % < 90 %"]
    assert assess(notices, [], HealthRule(min_date=0.4)) == []

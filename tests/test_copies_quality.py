"""Syndicated copies on the labelled set (tests/copies: real texts with the edits portals make,
and hard negatives): pair precision and recall as the archive stores and clusters them."""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from industry_news import copies
from industry_news.cleaning import clean_paragraphs
from industry_news.learned import learn_boilerplate
from industry_news.profiles import get_profile
from industry_news.storage import open_archive, upsert_article
from tests.copies import Item, labelled_set, pairs

FLOORS = {"precision": 0.99, "recall": 0.95}
RAW_FLOORS = {"precision": 0.99, "recall": 0.89}
"""Bodies as pasted, boilerplate and all (the detector alone, without the archive's cleaning)."""


def archive_bodies(items: list[Item]) -> list[Item]:
    """The bodies the archive holds: the cleaning rules at crawl time, then each site's
    learned boilerplate (`reclean`)."""
    first = [clean_paragraphs(i.body.split("\n\n"), get_profile(i.site)).paragraphs for i in items]
    by_site: dict[str, list] = defaultdict(list)
    for item, paragraphs in zip(items, first, strict=True):
        by_site[item.site].append(paragraphs)
    learned = {site: learn_boilerplate(bodies) for site, bodies in by_site.items()}
    return [
        dataclasses.replace(
            item,
            body="\n\n".join(
                clean_paragraphs(paragraphs, get_profile(item.site), learned[item.site]).paragraphs
            ),
        )
        for item, paragraphs in zip(items, first, strict=True)
    ]


def store(items: list[Item], db: Path) -> dict[str, int]:
    """Stored through upsert_article as a crawl would, newest first; cluster by item key."""
    engine = open_archive(f"sqlite:///{db}")
    with engine.begin() as connection:
        for item in sorted(items, key=lambda i: i.published_at, reverse=True):
            upsert_article(
                connection,
                {
                    "url": f"http://{item.site}/{item.key}",
                    "site": item.site,
                    "title": item.title,
                    "body": item.body,
                    "published_at": item.published_at,
                    "date_text": "",
                    "related": [],
                    "html": "",
                    "crawled_at": item.published_at,
                },
            )
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT url, coalesce(cluster_id, id) FROM articles"
        ).all()
    engine.dispose()
    return {url.rsplit("/", 1)[1]: cluster for url, cluster in rows}


def scores(clusters: dict[str, int], items: list[Item]) -> dict[str, float]:
    groups: dict[int, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        groups[cluster].append(key)
    found = {frozenset(p) for g in groups.values() for p in itertools.combinations(g, 2)}
    true = pairs(items)
    hits = len(found & true)
    return {"precision": hits / len(found), "recall": hits / len(true)}


@pytest.mark.parametrize("seed", [0, 1])
def test_copies_are_found_and_templates_kept_apart(seed: int, tmp_path: Path) -> None:
    items = archive_bodies(labelled_set(seed))
    got = scores(store(items, tmp_path / "a.sqlite3"), items)
    assert got["precision"] >= FLOORS["precision"], got
    assert got["recall"] >= FLOORS["recall"], got


def test_the_detector_alone_on_bodies_as_pasted(tmp_path: Path) -> None:
    items = labelled_set(0)
    got = scores(store(items, tmp_path / "a.sqlite3"), items)
    assert got["precision"] >= RAW_FLOORS["precision"], got
    assert got["recall"] >= RAW_FLOORS["recall"], got


def test_rebuild_finds_the_same_stories(tmp_path: Path) -> None:
    items = archive_bodies(labelled_set(2))
    db = tmp_path / "a.sqlite3"
    incremental = scores(store(items, db), items)
    engine = open_archive(f"sqlite:///{db}")
    with engine.begin() as connection:
        assert copies.rebuild(connection) == len(items)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT url, coalesce(cluster_id, id) FROM articles"
        ).all()
    engine.dispose()
    rebuilt = scores({url.rsplit("/", 1)[1]: c for url, c in rows}, items)
    assert rebuilt == incremental
    assert rebuilt["precision"] >= FLOORS["precision"] and rebuilt["recall"] >= FLOORS["recall"]


def test_figures_tell_a_template_month_from_a_copy() -> None:
    march = (
        "2024年1-3月，全市规模以上工业增加值同比增长7.5%，其中制造业增长8.1%，高技术产业增长12.3%。"
    )
    april = (
        "2024年1-4月，全市规模以上工业增加值同比增长7.9%，其中制造业增长8.4%，高技术产业增长11.6%。"
    )
    copy = march.replace("，", ",").replace("。", ".") + "来源：江临市统计局"
    assert copies.similar(copies.fingerprint(march), copies.fingerprint(copy))
    assert not copies.similar(copies.fingerprint(march), copies.fingerprint(april))

"""Cleaning against real texts nobody here wrote (tests/real/texts, with each one's URL).

Every paragraph of 327 real articles stays (an article line removed is a loss no rule may
cause); the real footers and statements sources paste (tests/real/texts/footers.jsonl) go, as
a share held to a floor that only rises; attribution lines (责任编辑, 审核…) stay.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from industry_news.cleaning import clean_paragraphs
from industry_news.profiles import get_profile

TEXTS = Path(__file__).resolve().parent / "real" / "texts"
FLOORS = json.loads((TEXTS.parent / "floors.json").read_text(encoding="utf-8"))
ARTICLES = [json.loads(line) for line in (TEXTS / "texts.jsonl").open(encoding="utf-8")]
FOOTERS = [json.loads(line) for line in (TEXTS / "footers.jsonl").open(encoding="utf-8")]
PROFILE = get_profile("liyang")


def test_the_corpus_is_large_and_varied() -> None:
    assert len(ARTICLES) >= 300
    assert len({a["source"] for a in ARTICLES}) >= 100
    assert len({f["text"] for f in FOOTERS if f["kind"] != "editor"}) >= 50


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["id"])
def test_no_article_paragraph_is_removed(article: dict) -> None:
    result = clean_paragraphs(article["paragraphs"], PROFILE)
    kept = [" ".join(p.split()) for p in article["paragraphs"]]
    if result.original_title:  # a leading 原标题 line (and its title) becomes original_title
        kept = kept[1:] if kept[0].endswith(result.original_title) else kept[2:]
    assert list(result.paragraphs) == kept


def _removed_after_an_article(line: str) -> bool:
    body = ARTICLES[0]["paragraphs"]
    return len(clean_paragraphs([*body, line], PROFILE).paragraphs) == len(body)


def test_source_footers_are_removed() -> None:
    footers = [f["text"] for f in FOOTERS if f["kind"] != "editor"]
    kept = [line for line in footers if not _removed_after_an_article(line)]
    share = 1 - len(kept) / len(footers)
    assert share >= FLOORS["real_footers_removed"], kept


def test_attribution_lines_stay() -> None:
    editors = [f["text"] for f in FOOTERS if f["kind"] == "editor"]
    removed = [line for line in editors if _removed_after_an_article(line)]
    assert len(removed) <= FLOORS["real_editor_lines_removed_at_most"], removed

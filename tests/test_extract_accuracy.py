"""The accuracy gate: saved pages of several markups against their expected fields.

Each `tests/corpus/NAME.html` is a page as served, `NAME.json` what the archive must hold for it.
Accuracy per field is scored over the corpus and held to the floors in `accuracy_floors.json`, which only
ever rise: raise a floor when the extractor improves, never lower it to let a change through.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from industry_news.cleaning import clean_paragraphs
from industry_news.dates import parse_display_date
from industry_news.extract import extract_article, parse_html
from industry_news.profiles import get_profile
from industry_news.urls import Rebaser

CORPUS = Path(__file__).parent / "corpus"
FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text(encoding="utf-8"))
FIELDS = tuple(FLOORS)


def read_page(name: str) -> dict:
    """What the pipeline makes of a saved page: extraction, cleaning and the date."""
    case = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    body = (CORPUS / f"{name}.html").read_bytes()
    response = HtmlResponse(case["url"], body=body, headers={"Content-Type": "text/html"})
    resolve = Rebaser(get_profile("liyang").base_url, get_profile("liyang").all_hosts)
    got = extract_article(parse_html(response.text), case["url"], resolve)
    cleaned = clean_paragraphs(got.paragraphs, get_profile("liyang"))
    shown = parse_display_date(got.date_text, datetime.fromisoformat(case["reference"]))
    return {
        "title": got.title,
        "original_title": cleaned.original_title,
        "author": got.author,
        "category": got.category,
        "views": got.views,
        "date_text": got.date_text,
        "published_day": shown.value.date().isoformat() if shown else None,
        "body": "\n\n".join(cleaned.paragraphs),
        "related": [{"url": r.url, "title": r.title, "excerpt": r.excerpt} for r in got.related],
    }


def corpus() -> list[str]:
    return sorted(path.stem for path in CORPUS.glob("*.html"))


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, bool]]:
    """field → page → whether the page's field came out exactly as expected."""
    table: dict[str, dict[str, bool]] = {field: {} for field in FIELDS}
    for name in corpus():
        expected = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))["expected"]
        got = read_page(name)
        for field in FIELDS:
            table[field][name] = got[field] == expected[field]
    return table


def test_corpus_spans_several_markups() -> None:
    markups = {
        json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))["markup"]
        for name in corpus()
    }
    assert len(corpus()) >= 12 and len(markups) >= 3


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_meets_its_floor(scores, field: str) -> None:
    results = scores[field]
    accuracy = sum(results.values()) / len(results)
    missed = sorted(name for name, ok in results.items() if not ok)
    assert accuracy >= FLOORS[field], f"{field}: {accuracy:.2%} < floor; missed on {missed}"

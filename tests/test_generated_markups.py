"""Markups nobody here wrote: a seeded generator (tests/generated) × real article texts.

Two gates. Over a fixed sample of seeds, each field's accuracy is held to the floors in
tests/generated_floors.json, which only ever rise (python benchmarks/generated.py measures
10,000 pages). Over seeds hypothesis draws, the fields already read right on every page of the
benchmark must stay right on every page. Generated pages that once failed and now pass are kept
as fixtures (tests/fixtures/generated) and must stay perfect.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.generated.markup import Page, Truth, load_articles
from tests.judge import FIELDS, judge, page_for

HERE = Path(__file__).resolve().parent
FLOORS = json.loads((HERE / "generated_floors.json").read_text(encoding="utf-8"))
FIXTURES = HERE / "fixtures" / "generated"
ARTICLES = load_articles()
SAMPLE = range(400)


@pytest.fixture(scope="module")
def sample() -> dict[str, float]:
    verdicts = [judge(page_for(seed, ARTICLES)) for seed in SAMPLE]
    wrong = Counter(field for v in verdicts for field in v.wrong)
    scores = {field: 1 - wrong[field] / len(verdicts) for field in FIELDS}
    scores["paragraph_recall"] = sum(v.recalled for v in verdicts) / sum(
        v.paragraphs for v in verdicts
    )
    scores["pages_without_leaks"] = sum(not v.leaked for v in verdicts) / len(verdicts)
    return scores


@pytest.mark.parametrize("field", [*FIELDS, "paragraph_recall", "pages_without_leaks"])
def test_field_accuracy_meets_its_floor(sample: dict[str, float], field: str) -> None:
    assert sample[field] >= FLOORS[field], f"{field}: {sample[field]:.4f} < {FLOORS[field]}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**31 - 1))
def test_fields_right_on_every_page_stay_right(seed: int) -> None:
    verdict = judge(page_for(seed, ARTICLES))
    always = {field: verdict.wrong.get(field) for field in FLOORS["always_right"]}
    assert always == dict.fromkeys(FLOORS["always_right"]), verdict.page.features


def _fixture(path: Path) -> Page:
    saved = json.loads(path.read_text(encoding="utf-8"))
    truth = saved["truth"]
    return Page(
        url=saved["url"],
        html=path.with_suffix(".html").read_bytes(),
        encoding=saved["encoding"],
        rendered_at=datetime.fromisoformat(saved["rendered_at"]),
        truth=Truth(
            title=truth["title"],
            author=truth["author"],
            category=truth["category"],
            views=truth["views"],
            date_text=truth["date_text"],
            published_at=datetime.fromisoformat(truth["published_at"]),
            paragraphs=tuple(truth["paragraphs"]),
            boilerplate=tuple(truth["boilerplate"]),
            related=tuple(tuple(pair) for pair in truth["related"]),
        ),
        features=tuple(saved["features"]),
    )


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda p: p.stem)
def test_pages_that_once_failed_read_perfectly(path: Path) -> None:
    verdict = judge(_fixture(path))
    assert (verdict.wrong, verdict.paragraphs - verdict.recalled, verdict.leaked) == ({}, 0, ())

"""The second accuracy gate: real saved pages of Chinese sites nobody here wrote.

`tests/real/pages/NAME.html` is a page as a public repository keeps it, `NAME.json` its true
fields as a person read them (with the page's provenance). Per-field accuracy is held to the
floors in `tests/real/floors.json`, which only ever rise; boilerplate lines leaked into bodies
to a ceiling that only falls. `python benchmarks/real_pages.py` prints the same table beside GNE
and trafilatura.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.real.reader import read
from tests.real.scoring import FIELDS, cases, score

FLOORS = json.loads((Path(__file__).parent / "real" / "floors.json").read_text(encoding="utf-8"))
CASES = cases()


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    return {case.name: score(case, read(case)) for case in CASES}


def test_the_corpus_is_large_and_varied() -> None:
    sources = {case.truth["provenance"]["repo"] for case in CASES}
    assert len(CASES) >= FLOORS["pages"]
    assert len(sources) >= FLOORS["sources"]
    assert len({case.html for case in CASES}) == len(CASES), "a page is saved twice"


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_meets_its_floor(scores, field: str) -> None:
    missed = sorted(name for name, got in scores.items() if not got[field])
    accuracy = 1 - len(missed) / len(scores)
    assert accuracy >= FLOORS[field], f"{field}: {accuracy:.3f} < floor; missed on {missed}"


def test_boilerplate_leaks_stay_under_their_ceiling(scores) -> None:
    leaks = {name: got["leaked"] for name, got in scores.items() if got["leaked"]}
    assert sum(leaks.values()) <= FLOORS["leaked_lines_at_most"], leaks

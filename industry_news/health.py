"""Extraction health of a crawl run: its figures, and a rule that says when they went wrong.

A theme change does not fail a crawl: pages still come back 200, and extraction returns the
site's name as title or the sidebar as body. What shows it is the run's figures against
absolute floors and against the site's recent good runs (their median), e.g. titles below
95 %, or a median body half as long as usual.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PREFIX = "industry_news/health/"
"""Where the health counters and figures stand in a crawl's stats."""
FIELDS = ("title", "date", "author", "category", "body")
FAILURES = PREFIX + "failures"
BOILERPLATE = "industry_news/boilerplate/"
DROPPED = "industry_news/dropped/"


@dataclass(frozen=True)
class HealthRule:
    """When a run's extraction is unhealthy. Shares are of the articles the run extracted."""

    min_articles: int = 3
    """Fewer extracted articles than this say nothing: the run is not judged."""
    min_title: float = 0.95
    min_date: float = 0.90
    max_dropped: float = 0.10
    max_identical: float = 0.05
    """Bodies equal to another body of the same run (every page showing one sidebar)."""
    max_errors: float = 0.05
    """Pages whose extraction raised."""
    history: int = 5
    """Recent good runs whose median the run is held against."""
    min_history: int = 3
    """Fewer good runs than this: only the floors apply."""
    fall: float = 0.5
    """A share or the median body length below this part of its recent median fails."""


def figures(stats: Mapping[str, Any]) -> dict[str, float]:
    """The run's health figures from its stats (see `HealthPipeline` for the counters): shares
    of its articles, the share dropped per reason and the boilerplate blocks removed per rule
    and article."""
    seen = int(stats.get(PREFIX + "seen", 0))
    out: dict[str, float] = {"articles": seen}
    if not seen:
        return out
    for field in FIELDS:
        out[field] = stats.get(f"{PREFIX}with_{field}", 0) / seen
    dropped = 0
    for key, value in sorted(stats.items()):
        # Per reason (dropped: no_title) and per rule (boilerplate: contact_block).
        if key.startswith(DROPPED):
            out[f"dropped: {key[len(DROPPED) :]}"] = value / seen
            dropped += value
        elif key.startswith(BOILERPLATE):
            out[f"boilerplate: {key[len(BOILERPLATE) :]}"] = value / seen
    out["dropped"] = dropped / seen
    out["identical"] = stats.get(PREFIX + "identical_bodies", 0) / seen
    out["errors"] = stats.get("industry_news/extract_errors", 0) / seen
    out["body_median"] = float(stats.get(PREFIX + "body_median", 0))
    return out


def _percent(value: float) -> str:
    return f"{100 * value:.0f} %"


def assess(
    current: Mapping[str, float], history: Sequence[Mapping[str, float]], rule: HealthRule
) -> list[str]:
    """What is wrong with a run, one phrase per failing figure ([] when healthy or unjudged).

    `history` holds the figures of the site's earlier good runs, newest first.
    """
    if current.get("articles", 0) < rule.min_articles:
        return []
    failures: list[str] = []
    failed: set[str] = set()

    def fail(name: str, phrase: str) -> None:
        failures.append(phrase)
        failed.add(name)

    for name, floor in (("title", rule.min_title), ("date", rule.min_date)):
        if current[name] < floor:
            fail(name, f"{name}s {_percent(current[name])} < {_percent(floor)}")
    for name, ceiling in (
        ("dropped", rule.max_dropped),
        ("identical", rule.max_identical),
        ("errors", rule.max_errors),
    ):
        if current[name] > ceiling:
            label = "identical bodies" if name == "identical" else name
            fail(name, f"{label} {_percent(current[name])} > {_percent(ceiling)}")
    judged = [h for h in history if h.get("articles", 0) >= rule.min_articles][: rule.history]
    if len(judged) < rule.min_history:
        return failures
    for name in (*FIELDS, "body_median"):
        usual = statistics.median(h.get(name, 0.0) for h in judged)
        if name in failed or usual <= 0 or current[name] >= rule.fall * usual:
            continue
        if name == "body_median":
            fail(name, f"median body {current[name]:.0f}, usually {usual:.0f} chars")
        else:
            fail(name, f"{name}s {_percent(current[name])}, usually {_percent(usual)}")
    return failures
    reported = {f.split(" ")[0].rstrip("s") for f in failures}
    for name in (*FIELDS, "body_median"):
        usual = statistics.median(h.get(name, 0.0) for h in judged)
        if name not in reported and usual > 0 and current[name] < rule.fall * usual:
            shown = (
                (f"{current[name]:.0f}", f"{usual:.0f} chars")
                if name == "body_median"
                else (_percent(current[name]), _percent(usual))
            )
            label = "median body" if name == "body_median" else f"{name}s"
            failures.append(f"{label} {shown[0]}, usually {shown[1]}")
    return failures

"""This project beside GNE and trafilatura on the real saved pages of tests/real/pages.

    pip install -r benchmarks/requirements.txt
    python benchmarks/real_pages.py [--repeat 5] [--misses]

Each extractor reads the same pages; `tests/real/scoring.py` scores all three alike (title,
publication date, first and last body paragraph, and the truth's boilerplate lines found in the
body). Times are the median over --repeat runs of one page's extraction, in ms: for this project
extraction + cleaning + date parsing from the decoded text; for the others their extract call.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.real.reader import decode, read  # noqa: E402
from tests.real.scoring import FIELDS, Case, Output, cases, score  # noqa: E402


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _day(value: str | None) -> date | None:
    """The day of a date as an extractor gives it (2021-06-09, 2021/6/9, 2007.08.20 10:00…)."""
    m = re.match(r"\s*(\d{4})\D(\d{1,2})\D(\d{1,2})", value or "")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def gne_reader() -> Callable[[Case], Output]:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def read_gne(case: Case) -> Output:
        try:
            got = extractor.extract(decode(case))
        except Exception:  # GNE raises on some pages; score that as nothing read
            return Output("", None, ())
        title, published = got.get("title", ""), _day(got.get("publish_time"))
        return Output(title, published, _paragraphs(got.get("content")))

    return read_gne


def trafilatura_reader() -> Callable[[Case], Output]:
    import trafilatura

    def read_trafilatura(case: Case) -> Output:
        got = trafilatura.bare_extraction(decode(case), url=case.url, with_metadata=True)
        if got is None:
            return Output("", None, ())
        return Output(got.title or "", _day(got.date), _paragraphs(got.text))

    return read_trafilatura


def run(name: str, reader: Callable[[Case], Output], pages: list[Case], repeat: int) -> dict:
    scores, times = {}, []
    for case in pages:
        elapsed = []
        for _ in range(repeat):
            start = time.perf_counter()
            got = reader(case)
            elapsed.append(time.perf_counter() - start)
        times.append(statistics.median(elapsed))
        scores[case.name] = score(case, got)
    return {"name": name, "scores": scores, "ms": 1000 * statistics.median(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="list the pages each field missed")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    pages = cases()
    results = [run("industry-news", read, pages, args.repeat)]
    for name, make in (("GNE 0.4.3", gne_reader), ("trafilatura 2.3.1", trafilatura_reader)):
        try:
            results.append(run(name, make(), pages, args.repeat))
        except ImportError:
            print(f"{name}: not installed (pip install -r benchmarks/requirements.txt)")
    sources = len({case.truth["provenance"]["repo"] for case in pages})
    print(f"{len(pages)} real pages from {sources} public sources\n")
    print(f"| extractor | {' | '.join(FIELDS)} | boilerplate lines leaked | median ms/page |")
    print(f"| --- |{' --- |' * (len(FIELDS) + 2)}")
    for result in results:
        s = result["scores"]
        right = {f: sum(v[f] for v in s.values()) for f in FIELDS}
        cells = [f"{right[f]} ({right[f] / len(s):.3f})" for f in FIELDS]
        leaked = sum(v["leaked"] for v in s.values())
        print(f"| {result['name']} | {' | '.join(cells)} | {leaked} | {result['ms']:.2f} |")
    if args.misses:
        for result in results[:1]:
            for field in FIELDS:
                missed = sorted(n for n, v in result["scores"].items() if not v[field])
                print(f"{result['name']} {field} missed: {missed}")
            leaks = {n: v["leaked"] for n, v in result["scores"].items() if v["leaked"]}
            print(f"{result['name']} leaked: {leaks}")


if __name__ == "__main__":
    main()

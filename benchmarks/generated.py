"""Generated markups × real texts at scale: per-field accuracy and extraction time per page.

    python benchmarks/generated.py [--pages 10000] [--start 0] [--others 300]

Pages come from tests/generated (a theme drawn from each seed) filled with the real texts of
tests/real/texts; `tests/judge.py` says what is right. Prints accuracy per field, paragraph
recall, boilerplate lines leaked, the theme features most common among failures, and the
median time of one page's extraction (parse + extract + clean), beside GNE and trafilatura on
the first --others pages when they are installed (pip install -r benchmarks/requirements.txt).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapy.http import HtmlResponse  # noqa: E402

from industry_news.cleaning import clean_paragraphs  # noqa: E402
from industry_news.extract import extract_article, parse_html  # noqa: E402
from tests.generated.markup import load_articles  # noqa: E402
from tests.judge import FIELDS, PROFILE, RESOLVE, judge, page_for  # noqa: E402


def _ours(html: str, url: str) -> None:
    clean_paragraphs(extract_article(parse_html(html), url, RESOLVE).paragraphs, PROFILE)


def _median_ms(run, pages: list[tuple[str, str]]) -> float:
    times = []
    for html, url in pages:
        start = time.perf_counter()
        run(html, url)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--others", type=int, default=300)
    args = parser.parse_args()
    articles = load_articles()
    wrong: Counter[str] = Counter()
    failing: Counter[str] = Counter()
    drawn: Counter[str] = Counter()
    paragraphs = recalled = leaked = perfect = 0
    texts: list[tuple[str, str]] = []
    for seed in range(args.start, args.start + args.pages):
        page = page_for(seed, articles)
        verdict = judge(page)
        wrong.update(verdict.wrong.keys())
        paragraphs += verdict.paragraphs
        recalled += verdict.recalled
        leaked += len(verdict.leaked)
        perfect += verdict.perfect
        drawn.update(page.features)
        if not verdict.perfect:
            failing.update(page.features)
        if len(texts) < max(args.others, 1000):
            response = HtmlResponse(page.url, body=page.html, headers={"Content-Type": "text/html"})
            texts.append((response.text, page.url))
    n = args.pages
    seeds = f"seeds {args.start}–{args.start + n - 1}"
    print(f"{n} generated pages ({seeds}), {len(articles)} real texts")
    print("\n| field | accuracy |\n| --- | --- |")
    for field in FIELDS:
        print(f"| {field} | {(n - wrong[field]) / n:.4f} |")
    print(f"| paragraph recall | {recalled / paragraphs:.4f} ({recalled}/{paragraphs}) |")
    print(f"| boilerplate lines leaked | {leaked} |")
    print(f"| pages entirely right | {perfect / n:.4f} |")
    if failing:
        rates = sorted(
            ((failing[f] / drawn[f], f) for f in failing if drawn[f] >= n / 100), reverse=True
        )
        shown = ", ".join(f"{f} {rate:.0%}" for rate, f in rates[:12])
        print(f"\nfailure rate of the pages drawn with each feature (worst): {shown}")
    print("\n| extractor | median ms per page |\n| --- | --- |")
    print(f"| industry-news | {_median_ms(_ours, texts):.2f} |")
    warnings.simplefilter("ignore")
    sample = texts[: args.others]
    if not sample:
        return
    try:
        from gne import GeneralNewsExtractor

        gne = GeneralNewsExtractor()
        print(f"| GNE 0.4.3 | {_median_ms(lambda html, url: gne.extract(html), sample):.2f} |")
    except ImportError:
        print("| GNE | not installed |")
    try:
        import trafilatura

        def run_trafilatura(html: str, url: str) -> None:
            trafilatura.bare_extraction(html, url=url, with_metadata=True)

        print(f"| trafilatura 2.3.1 | {_median_ms(run_trafilatura, sample):.2f} |")
    except ImportError:
        print("| trafilatura | not installed |")


if __name__ == "__main__":
    main()

"""Extraction time on the portal's own article pages, beside GNE and trafilatura on the same pages.

    pip install -r benchmarks/requirements.txt
    python benchmarks/portal_pages.py [--articles 60] [--repeat 5]

The pages are the replay portal's article pages in each of its markups (tests/portal: the tpure
theme the live portal uses, and six others), decoded as Scrapy decodes them. Page by page, each
extractor in turn reads the page --repeat times; a page's time is the least of those runs, and
the table shows the median page, per markup and over all. For this project: `extract_article`
on the parsed page (the parse is shown apart), and the same with cleaning; for the others their
extract call on the HTML text.
Target: extraction at most 1.5 ms on the median portal page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapy.http import HtmlResponse  # noqa: E402

from industry_news.cleaning import clean_paragraphs  # noqa: E402
from industry_news.extract import extract_article, parse_html  # noqa: E402
from industry_news.profiles import get_profile  # noqa: E402
from industry_news.urls import Rebaser  # noqa: E402
from tests.portal import make_portal, render_site  # noqa: E402
from tests.portal.render import MARKUPS  # noqa: E402

BASE = "http://127.0.0.1:8000"
RESOLVE = Rebaser(BASE, ("liyang.021cf.cn",))
PROFILE = get_profile("liyang")

Page = tuple[str, str, str]
"""(markup, URL, decoded HTML)."""


def portal_pages(articles: int) -> list[Page]:
    portal = make_portal(n_articles=articles, seed=1)
    pages = []
    for markup in MARKUPS:
        for path, page in render_site(portal, markup).items():
            if "/post/" in path and page.status == 200:
                url = BASE + path
                headers = {"Content-Type": page.content_type}
                pages.append((markup, url, HtmlResponse(url, body=page.body, headers=headers).text))
    return pages


def per_page_ms(
    runs: list[tuple[str, Callable[[str, str], object]]], pages: list[Page], repeat: int
) -> dict[str, list[float]]:
    """Each extractor's time on each page: the least of --repeat runs (the run other processes
    disturbed least, as timeit advises). Extractors take turns page by page, so that all of
    them meet the machine in the same state."""
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _, url, html in pages:
        for name, run in runs:
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                run(html, url)
                best = min(best, time.perf_counter() - start)
            times[name].append(1000 * best)
    return times


def extractors() -> list[tuple[str, Callable[[str, str], object]]]:
    roots: dict[str, object] = {}

    def parse(html: str, url: str) -> None:
        roots[url] = parse_html(html)

    def extract(html: str, url: str) -> None:
        extract_article(roots[url], url, RESOLVE)

    def extract_fast(html: str, url: str) -> None:
        extract_article(roots[url], url, RESOLVE, PROFILE.theme)

    def extract_and_clean(html: str, url: str) -> None:
        clean_paragraphs(extract_article(roots[url], url, RESOLVE).paragraphs, PROFILE)

    found: list[tuple[str, Callable[[str, str], object]]] = [
        ("industry-news: parse", parse),
        ("industry-news: extract", extract),
        (f"industry-news: extract, {PROFILE.theme} fast path", extract_fast),
        ("industry-news: extract + clean", extract_and_clean),
    ]
    try:
        from gne import GeneralNewsExtractor

        gne = GeneralNewsExtractor()
        found.append(("GNE 0.4.3", lambda html, url: gne.extract(html)))
    except ImportError:
        print("GNE: not installed (pip install -r benchmarks/requirements.txt)")
    try:
        import trafilatura

        def run_trafilatura(html: str, url: str) -> None:
            trafilatura.bare_extraction(html, url=url, with_metadata=True)

        found.append(("trafilatura 2.3.1", run_trafilatura))
    except ImportError:
        print("trafilatura: not installed (pip install -r benchmarks/requirements.txt)")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    pages = portal_pages(args.articles)
    print(f"{len(pages)} portal article pages in {len(MARKUPS)} markups; median ms per page\n")
    print(f"| extractor | all | {' | '.join(MARKUPS)} |")
    print(f"| --- |{' --- |' * (len(MARKUPS) + 1)}")
    for name, times in per_page_ms(extractors(), pages, args.repeat).items():
        cells = [
            statistics.median(t for (m, _, _), t in zip(pages, times, strict=True) if m == markup)
            for markup in MARKUPS
        ]
        shown = " | ".join(f"{c:.2f}" for c in cells)
        print(f"| {name} | {statistics.median(times):.2f} | {shown} |")


if __name__ == "__main__":
    main()

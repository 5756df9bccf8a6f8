"""This project's reading of a real saved page, as the spider and the pipelines make it."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse

from industry_news.cleaning import clean_paragraphs
from industry_news.dates import SHANGHAI, read_date
from industry_news.extract import extract_article, parse_html
from industry_news.profiles import get_profile
from industry_news.urls import Rebaser
from tests.real.scoring import Case, Output

REFERENCE = datetime(2026, 1, 1, tzinfo=SHANGHAI)
"""The instant relative dates are read against: after every page of the corpus was saved."""


def decode(case: Case) -> str:
    """The page's text as Scrapy decodes it (HTTP charset, then <meta>, then a guess)."""
    response = HtmlResponse(case.url, body=case.html, headers={"Content-Type": "text/html"})
    return response.text


def read(case: Case) -> Output:
    host = urlsplit(case.url).hostname or ""
    resolve = Rebaser(case.url, (host,))
    page = extract_article(parse_html(decode(case)), case.url, resolve)
    cleaned = clean_paragraphs(page.paragraphs, get_profile(host))
    shown = read_date(page.date_text, REFERENCE, page.machine_date) if page.date_text else None
    return Output(
        title=page.title,
        published=shown.value.astimezone(SHANGHAI).date() if shown else None,
        paragraphs=cleaned.paragraphs,
    )

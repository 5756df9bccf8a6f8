"""The item one article page becomes, and how feed exports serialise it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter

from industry_news.extract import Extracted


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with its offset (feed exports would otherwise drop the time zone)."""
    return value.isoformat() if value is not None else None


def link_list(related: list[dict[str, str]]) -> list[dict[str, str]]:
    """Related links as analysts get them: url and title."""
    return [{"url": link["url"], "title": link["title"]} for link in related]


ISO = {"serializer": iso}


@dataclass
class ArticleItem:
    """One article page: what it shows, then what the pipelines make of it."""

    url: str
    site: str
    title: str = ""
    author: str = ""
    category: str = ""
    views: int | None = None
    date_text: str = ""
    machine_date: str = ""
    body: str = ""
    related: list[dict[str, str]] = field(default_factory=list, metadata={"serializer": link_list})
    html: str = ""
    http_date: str | None = None
    crawled_at: datetime | None = field(default=None, metadata=ISO)
    article_key: str = ""
    """The article's identity in its site's URL scheme (`schemes.article_key`)."""
    # Filled in by the pipelines.
    original_title: str = ""
    published_at: datetime | None = field(default=None, metadata=ISO)
    date_precision: str | None = None
    date_reference: datetime | None = field(default=None, metadata=ISO)
    date_earliest: datetime | None = field(default=None, metadata=ISO)
    date_latest: datetime | None = field(default=None, metadata=ISO)
    boilerplate: dict[str, int] = field(default_factory=dict)
    # Filled in by the store.
    cluster: int | None = None
    """Its cluster of syndicated copies (a stable id: the cluster's first article's id)."""
    copies: int | None = None
    """How many articles its cluster holds (1: no copy known)."""

    @classmethod
    def from_page(
        cls,
        url: str,
        site: str,
        page: Extracted,
        html: str,
        http_date: str | None,
        crawled_at: datetime,
    ) -> ArticleItem:
        """The item of an article page, from what extraction read off it."""
        return cls(
            url=url,
            site=site,
            title=page.title,
            author=page.author,
            category=page.category,
            views=page.views,
            date_text=page.date_text,
            machine_date=page.machine_date,
            body="\n\n".join(page.paragraphs),
            related=[{"url": r.url, "title": r.title, "excerpt": r.excerpt} for r in page.related],
            html=html,
            http_date=http_date,
            crawled_at=crawled_at,
        )


EXPORT_FIELDS: tuple[str, ...] = (
    "url",
    "site",
    "title",
    "original_title",
    "author",
    "category",
    "published_at",
    "date_precision",
    "date_text",
    "views",
    "body",
    "related",
    "crawled_at",
    "cluster",
    "copies",
)
"""The fields analysts get, in order: the archive export and Scrapy's feed exports agree."""


def rejection(item: Any) -> str | None:
    """Why an item cannot be archived (no title; no body, before or after cleaning), or None."""
    adapter = ItemAdapter(item)
    if not (adapter.get("title") or "").strip():
        return "no title"
    if not (adapter.get("body") or "").strip():
        return "body empty after cleaning" if adapter.get("boilerplate") else "no body"
    return None

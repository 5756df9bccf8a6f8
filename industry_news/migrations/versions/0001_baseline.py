"""The first schema (archive_meta schema_version 1): archives made before migrations existed
already hold some or all of these tables, so only the missing ones are created.

Revision ID: 0001
Revises:
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> list[tuple[str, list[Any], list[tuple[str, list[str]]]]]:
    """Each table: its columns and constraints, and its (index name, columns)."""
    text = sa.Text()
    when = sa.DateTime()
    return [
        (
            "archive_meta",
            [
                sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", text, nullable=False),
            ],
            [],
        ),
        (
            "articles",
            [
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("url", sa.String(2048), nullable=False, unique=True),
                sa.Column("site", sa.String(64), nullable=False),
                sa.Column("title", text, nullable=False),
                sa.Column("original_title", text, nullable=False),
                sa.Column("author", text, nullable=False),
                sa.Column("category", text, nullable=False),
                sa.Column("views", sa.Integer),
                sa.Column("date_text", text, nullable=False),
                sa.Column("published_at", when),
                sa.Column("date_precision", sa.String(16)),
                sa.Column("date_reference", when),
                sa.Column("date_earliest", when),
                sa.Column("date_latest", when),
                sa.Column("body", text, nullable=False),
                sa.Column("raw_html", sa.LargeBinary, nullable=False),
                sa.Column("content_hash", sa.String(64), nullable=False),
                sa.Column("first_seen_at", when, nullable=False),
                sa.Column("crawled_at", when, nullable=False),
                sa.Column("updated_at", when, nullable=False),
            ],
            [
                ("ix_articles_site", ["site"]),
                ("ix_articles_category", ["category"]),
                ("ix_articles_published_at", ["published_at"]),
            ],
        ),
        (
            "related_links",
            [
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column(
                    "article_id",
                    sa.Integer,
                    sa.ForeignKey("articles.id", ondelete="CASCADE"),
                    nullable=False,
                ),
                sa.Column("position", sa.Integer, nullable=False),
                sa.Column("target_url", sa.String(2048), nullable=False),
                sa.Column("title", text, nullable=False),
                sa.Column("excerpt", text, nullable=False),
                sa.UniqueConstraint("article_id", "position"),
            ],
            [("ix_related_links_target_url", ["target_url"])],
        ),
        (
            "crawl_runs",
            [
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("spider", sa.String(64), nullable=False),
                sa.Column("started_at", when, nullable=False),
                sa.Column("finished_at", when),
                sa.Column("finish_reason", sa.String(64)),
                *(
                    sa.Column(name, sa.Integer, nullable=False)
                    for name in ("requests", "new", "updated", "unchanged", "dropped", "errors")
                ),
                sa.Column("stats", text, nullable=False),
            ],
            [("ix_crawl_runs_spider", ["spider"])],
        ),
        (
            "rejected_pages",
            [
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("url", sa.String(2048), nullable=False, unique=True),
                sa.Column("site", sa.String(64), nullable=False),
                sa.Column("run_id", sa.Integer),
                sa.Column("reason", text, nullable=False),
                sa.Column("http_date", sa.String(64)),
                sa.Column("raw_html", sa.LargeBinary, nullable=False),
                sa.Column("crawled_at", when, nullable=False),
            ],
            [("ix_rejected_pages_site", ["site"]), ("ix_rejected_pages_run_id", ["run_id"])],
        ),
        (
            "learned_boilerplate",
            [
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("site", sa.String(64), nullable=False),
                sa.Column("key", text, nullable=False),
                sa.Column("text", text, nullable=False),
                sa.Column("articles", sa.Integer, nullable=False),
                sa.Column("learned_at", when, nullable=False),
                sa.UniqueConstraint("site", "key"),
            ],
            [("ix_learned_boilerplate_site", ["site"])],
        ),
    ]


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, items, indexes in _tables():
        if name in existing:
            continue
        op.create_table(name, *items)
        for index, columns in indexes:
            op.create_index(index, name, columns)

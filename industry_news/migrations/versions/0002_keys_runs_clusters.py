"""Columns added after the first schema: each article's crawl run, URL-scheme key and cluster
of copies, and each crawl run's site. Archives made before migrations existed may hold some.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("articles", sa.Column("run_id", sa.Integer)),
    ("articles", sa.Column("article_key", sa.String(256))),
    ("articles", sa.Column("cluster_id", sa.Integer)),
    ("crawl_runs", sa.Column("site", sa.String(64))),
)
INDEXES = (
    ("ix_articles_run_id", "articles", ["run_id"]),
    ("ix_articles_cluster_id", "articles", ["cluster_id"]),
    ("ix_articles_site_article_key", "articles", ["site", "article_key"]),
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, column in COLUMNS:
        if column.name not in {c["name"] for c in inspector.get_columns(table)}:
            op.add_column(table, column)
    for name, table, columns in INDEXES:
        if name not in {i["name"] for i in inspector.get_indexes(table)}:
            op.create_index(name, table, columns)

"""An archive made before migrations existed (schema_version 1, no alembic_version) is brought
to the current schema in place when opened, its rows kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from industry_news import migrate
from industry_news.storage import open_archive

OLD_SCHEMA = """
CREATE TABLE archive_meta ("key" VARCHAR(64) NOT NULL PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO archive_meta VALUES ('app', 'industry-news'), ('schema_version', '1');
CREATE TABLE articles (
    id INTEGER NOT NULL PRIMARY KEY, url VARCHAR(2048) NOT NULL UNIQUE, site VARCHAR(64) NOT NULL,
    title TEXT NOT NULL, original_title TEXT NOT NULL, author TEXT NOT NULL,
    category TEXT NOT NULL, views INTEGER, date_text TEXT NOT NULL, published_at DATETIME,
    date_precision VARCHAR(16), date_reference DATETIME, date_earliest DATETIME,
    date_latest DATETIME, body TEXT NOT NULL, raw_html BLOB NOT NULL,
    content_hash VARCHAR(64) NOT NULL, first_seen_at DATETIME NOT NULL,
    crawled_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
CREATE TABLE related_links (
    id INTEGER NOT NULL PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, target_url VARCHAR(2048) NOT NULL, title TEXT NOT NULL,
    excerpt TEXT NOT NULL, UNIQUE (article_id, position));
CREATE TABLE crawl_runs (
    id INTEGER NOT NULL PRIMARY KEY, spider VARCHAR(64) NOT NULL, started_at DATETIME NOT NULL,
    finished_at DATETIME, finish_reason VARCHAR(64), requests INTEGER NOT NULL,
    new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    dropped INTEGER NOT NULL, errors INTEGER NOT NULL, stats TEXT NOT NULL);
INSERT INTO articles VALUES (7, 'http://liyang.021cf.cn/index.php/post/7.html', 'liyang',
    '溧阳高新区签约项目', '', '', '园区动态', 12, '2024-05-01', '2024-04-30 16:00:00.000000',
    'day', NULL, '2024-04-30 16:00:00.000000', '2024-05-01 15:59:59.999999',
    '溧阳高新区今日签约三个项目。', x'00', 'h', '2024-05-02 01:00:00.000000',
    '2024-05-02 01:00:00.000000', '2024-05-02 01:00:00.000000');
"""


def columns(db: Path, table: str) -> set[str]:
    with closing(sqlite3.connect(db)) as con:
        return {row[1] for row in con.execute(f"PRAGMA table_info({table})")}


def test_an_archive_from_before_migrations_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(db)) as con:
        con.executescript(OLD_SCHEMA)
    assert "article_key" not in columns(db, "articles")
    open_archive(f"sqlite:///{db}").dispose()
    assert {"run_id", "article_key", "cluster_id"} <= columns(db, "articles")
    assert "site" in columns(db, "crawl_runs")
    assert {"rejected_pages", "learned_boilerplate"} <= {
        row[0] for row in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")
    }
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head(),)
        ]
        assert con.execute("SELECT id, title, body FROM articles").fetchall() == [
            (7, "溧阳高新区签约项目", "溧阳高新区今日签约三个项目。")
        ]
        indexes = {row[1] for row in con.execute("PRAGMA index_list(articles)")}
    assert "ix_articles_site_article_key" in indexes
    open_archive(f"sqlite:///{db}").dispose()  # a second open migrates nothing and fails nothing

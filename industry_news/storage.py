"""The archive (SQLite, or PostgreSQL through psycopg): its tables, opening, upserts."""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    bindparam,
    create_engine,
    delete,
    event,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from industry_news import copies, fulltext, migrate
from industry_news.dates import SHANGHAI

APP_NAME = "industry-news"
_MIGRATION_LOCK = 0x696E6E6577730001
"""The advisory lock key PostgreSQL archives are migrated under ('innews' 1)."""
DB_ENV = "INDUSTRY_NEWS_DB"
DEFAULT_DB_FILE = "industry_news.sqlite3"

UpsertResult = Literal["new", "updated", "unchanged"]


class ArchiveError(Exception):
    """The archive cannot be opened or is not an industry-news archive."""


class AwareDateTime(TypeDecorator[datetime]):
    """Stores UTC, returns Asia/Shanghai: aware datetimes in, aware datetimes out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=SHANGHAI)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC).astimezone(SHANGHAI)


class Base(DeclarativeBase):
    pass


class ArchiveMeta(Base):
    """Key/value facts that mark a database as an industry-news archive."""

    __tablename__ = "archive_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Article(Base):
    """One article page, by canonical URL."""

    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_site_article_key", "site", "article_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    site: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(Text)
    original_title: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="", index=True)
    views: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_reference: Mapped[datetime | None] = mapped_column(AwareDateTime)
    date_earliest: Mapped[datetime | None] = mapped_column(AwareDateTime)
    date_latest: Mapped[datetime | None] = mapped_column(AwareDateTime)
    body: Mapped[str] = mapped_column(Text)
    raw_html: Mapped[bytes] = mapped_column(LargeBinary)
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime] = mapped_column(AwareDateTime)
    crawled_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)
    run_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The crawl run that last stored it (`reclean --run N` re-extracts a run's articles)."""
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The article's cluster of syndicated copies: the id of its first member (`copies`)."""
    article_key: Mapped[str | None] = mapped_column(String(256))
    """The article's identity in its site's URL scheme (`zblog:7550`): one row whatever URL
    form it was reached by (see `schemes.article_key`)."""
    related: Mapped[list[RelatedLink]] = relationship(
        back_populates="article",
        order_by="RelatedLink.position",
        cascade="all, delete-orphan",
    )


class RelatedLink(Base):
    """One entry of an article's 相关文章 block."""

    __tablename__ = "related_links"
    __table_args__ = (UniqueConstraint("article_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    target_url: Mapped[str] = mapped_column(String(2048), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    article: Mapped[Article] = relationship(back_populates="related")


class CrawlRun(Base):
    """One crawl of one spider, with the counts from its crawl stats."""

    __tablename__ = "crawl_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spider: Mapped[str] = mapped_column(String(64), index=True)
    site: Mapped[str | None] = mapped_column(String(64))
    """The site the run archived into (the spider's, or `portal -a site=`)."""
    started_at: Mapped[datetime] = mapped_column(AwareDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    requests: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    stats: Mapped[str] = mapped_column(Text, default="{}")


class RejectedPage(Base):
    """A page that was extracted but not archived (no title, no body): kept with its HTML, so
    that a fixed extractor can re-extract it (`reclean --run N`)."""

    __tablename__ = "rejected_pages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    site: Mapped[str] = mapped_column(String(64), index=True)
    run_id: Mapped[int | None] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(Text)
    http_date: Mapped[str | None] = mapped_column(String(64))
    raw_html: Mapped[bytes] = mapped_column(LargeBinary)
    crawled_at: Mapped[datetime] = mapped_column(AwareDateTime)


class LearnedBoilerplate(Base):
    """A paragraph key that many articles of one site repeat."""

    __tablename__ = "learned_boilerplate"
    __table_args__ = (UniqueConstraint("site", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site: Mapped[str] = mapped_column(String(64), index=True)
    key: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    articles: Mapped[int] = mapped_column(Integer)
    learned_at: Mapped[datetime] = mapped_column(AwareDateTime)


def project_dir() -> Path:
    """The project folder (where scrapy.cfg is), else the working directory."""
    from scrapy.utils.conf import closest_scrapy_cfg

    cfg = closest_scrapy_cfg()
    return Path(cfg).parent if cfg else Path.cwd()


def default_db_url() -> str:
    return f"sqlite:///{project_dir() / 'data' / DEFAULT_DB_FILE}"


def resolve_db_url(configured: str | None = None) -> str:
    """The archive URL: explicit value, else $INDUSTRY_NEWS_DB, else data/ in the project."""
    return configured or os.environ.get(DB_ENV) or default_db_url()


def _shown(url: str) -> str:
    """The URL as it may be printed: without a password."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite archive URL; None for other databases and in-memory SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ArchiveError(f"bad database URL: {exc}") from exc
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _writer_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets exports read while a crawl writes; the busy timeout waits out the other writer."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _reader_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _engine(url: str, *, write: bool) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise ArchiveError(f"bad database URL: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _writer_pragmas if write else _reader_pragmas)
    return engine


def open_archive(url: str | None = None) -> Engine:
    """Open (creating if needed) the archive for writing."""
    url = resolve_db_url(url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = _engine(url, write=True)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                # Crawls started together on a new archive: one creates it, the others wait.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            if engine.dialect.name == "postgresql":
                # The same on PostgreSQL: the first migrates, the others wait, then find it done.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                )
            migrate.upgrade(connection)
            fulltext.ensure_index(connection)
            if copies.supported(connection):
                copies.create(connection)
            if engine.dialect.name == "sqlite":
                for statement in _VIEWS:
                    connection.exec_driver_sql(statement)
            with Session(connection) as session:
                if session.get(ArchiveMeta, "app") is None:
                    session.add(ArchiveMeta(key="app", value=APP_NAME))
                session.flush()
            connection.commit()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ArchiveError(f"cannot open archive {_shown(url)}: {exc.__class__.__name__}") from exc
    return engine


_VIEWS = (
    "DROP VIEW IF EXISTS article_list",
    "CREATE VIEW article_list AS SELECT id AS 编号, title AS 标题, site AS 站点,"
    " category AS 分类, datetime(published_at, '+8 hours') AS 发布时间,"
    " date_precision AS 日期精度, strftime('%Y-%m', published_at, '+8 hours') AS 月份,"
    " author AS 作者, original_title AS 原标题, views AS 浏览量, date_text AS 页面日期,"
    " url AS 网址, body AS 正文, datetime(crawled_at, '+8 hours') AS 抓取时间 FROM articles",
    "DROP VIEW IF EXISTS related_list",
    "CREATE VIEW related_list AS SELECT r.article_id AS 来源编号, a.title AS 来源标题,"
    " r.position AS 位置, r.title AS 目标标题, r.target_url AS 目标网址, t.id AS 目标编号"
    " FROM related_links r JOIN articles a ON a.id = r.article_id"
    " LEFT JOIN articles t ON t.url = r.target_url",
)
"""What people browse (`browse`): the articles with Chinese column names in Beijing time
without their raw HTML, and each related link beside its source and archived target."""


def open_existing(url: str | None = None) -> Engine:
    """An existing archive (ArchiveError if it is missing or foreign), opened for writing so
    that an older one gains what this version adds (columns, search index, views) once."""
    connect_existing(url).dispose()
    return open_archive(url)


def connect_existing(url: str | None = None) -> Engine:
    """Open an existing archive for reading; ArchiveError if it is missing or foreign."""
    url = resolve_db_url(url)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise ArchiveError(f"no archive at {path}")
    engine = _engine(url, write=False)
    try:
        if not inspect(engine).has_table(ArchiveMeta.__tablename__):
            raise ArchiveError(f"{_shown(url)} is not an industry-news archive")
        with Session(engine) as session:
            app = session.scalar(select(ArchiveMeta.value).where(ArchiveMeta.key == "app"))
        if app != APP_NAME:
            raise ArchiveError(f"{_shown(url)} is not an industry-news archive")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ArchiveError(f"cannot read archive {_shown(url)}: {exc.__class__.__name__}") from exc
    except ArchiveError:
        engine.dispose()
        raise
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on error."""
    with Session(engine) as session, session.begin():
        yield session


def compress_html(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 3)


def decompress_html(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


CONTENT_FIELDS = ("title", "original_title", "author", "category", "body")


def content_hash(record: Mapping[str, Any]) -> str:
    """Fingerprint of what an article says (not of counters or render-relative text)."""
    payload = {name: record.get(name, "") for name in CONTENT_FIELDS}
    payload["related"] = [(r["url"], r["title"], r["excerpt"]) for r in record["related"]]
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


DATE_FIELDS = ("published_at", "date_precision", "date_reference", "date_earliest", "date_latest")


def _keeps_old_date(old_lo: Any, old_hi: Any, record: Mapping[str, Any]) -> bool:
    """A re-read of a relative date that is no narrower than the stored one keeps the stored one."""
    new_lo, new_hi = record.get("date_earliest"), record.get("date_latest")
    if old_lo is None or old_hi is None:
        return False
    if new_lo is None or new_hi is None:
        return True
    overlap = new_lo <= old_hi and old_lo <= new_hi
    return overlap and (new_hi - new_lo) >= (old_hi - old_lo)


# Statements built once: SQLAlchemy then reuses their compiled form for every article.
_FOUND = (
    Article.id,
    Article.url,
    Article.title,
    Article.body,
    Article.content_hash,
    Article.date_earliest,
    Article.date_latest,
)
_FIND = select(*_FOUND).where(Article.url == bindparam("url")).with_for_update()
_FIND_KEY = (
    select(*_FOUND)
    .where(Article.site == bindparam("site"), Article.article_key == bindparam("key"))
    .with_for_update()
)
"""The stored row, locked on PostgreSQL until the item's transaction ends: two writers of one
article take turns, and the second sees what the first stored."""
_ARTICLES = Article.__table__
_LINKS = RelatedLink.__table__
_UNLINK = delete(_LINKS).where(_LINKS.c.article_id == bindparam("article"))
_UPDATE = update(_ARTICLES).where(_ARTICLES.c.id == bindparam("article"))


def dialect_insert(connection: Session | Connection, table: Table) -> Any:
    """`INSERT` that can say `ON CONFLICT`, for the archive's backend."""
    name = _connection(connection).dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise ArchiveError(f"unsupported database {name!r}: use SQLite or PostgreSQL")


def upsert_article(session: Session | Connection, record: Mapping[str, Any]) -> UpsertResult:
    """Insert or update one article (by url, or by its site's article key) with its related links.

    An article reached by another URL form (?id=7550, /post/7550.html) stays one row, under
    the URL it was stored by last (the crawl stores a better form after a worse). A new row is
    `INSERT … ON CONFLICT (url) DO NOTHING`: when another writer stored the URL first, this
    one updates that row instead. Plain SQL statements rather than the ORM's unit of work: this
    runs once per crawled page.
    """
    now = datetime.now(SHANGHAI)
    digest = content_hash(record)
    old = session.execute(_FIND, {"url": record["url"]}).first()
    key = record.get("article_key") or None
    if old is None and key is not None:
        old = session.execute(_FIND_KEY, {"site": record["site"], "key": key}).first()
    values: dict[str, Any] = {name: record.get(name) for name in ("site", "views", "date_text")}
    values.update({name: record.get(name) or "" for name in CONTENT_FIELDS})
    values["raw_html"] = compress_html(record.get("html", ""))
    values["crawled_at"] = record.get("crawled_at") or now
    values["run_id"] = record.get("run_id")
    if key is not None:
        values["article_key"] = key
    article_id = None
    if old is None:
        fresh = {**values, **{name: record.get(name) for name in DATE_FIELDS}}
        fresh.update(url=record["url"], first_seen_at=now, updated_at=now, content_hash=digest)
        insert_new = dialect_insert(session, _ARTICLES).on_conflict_do_nothing(
            index_elements=["url"]
        )
        article_id = session.execute(insert_new.returning(_ARTICLES.c.id), fresh).scalar()
        if article_id is None:
            old = session.execute(_FIND, {"url": record["url"]}).first()
        else:
            values = fresh
    if old is not None and not _keeps_old_date(old.date_earliest, old.date_latest, record):
        values.update({name: record.get(name) for name in DATE_FIELDS})
    result: UpsertResult
    if old is None:
        result = "new"
        connection = _connection(session)
        fulltext.index_article(connection, article_id, values["title"], values["body"])
        if copies.supported(connection):
            copies.assign(connection, article_id, values["body"])
    else:
        result = "unchanged" if old.content_hash == digest else "updated"
        article_id = old.id
        values["url"] = record["url"]
        if result == "updated":
            values.update(updated_at=now, content_hash=digest)
            session.execute(_UNLINK, {"article": article_id})
            connection = _connection(session)
            fulltext.unindex_article(connection, article_id, old.title, old.body)
            fulltext.index_article(connection, article_id, values["title"], values["body"])
            if copies.supported(connection) and old.body != values["body"]:
                copies.unassign(connection, article_id)
                copies.assign(connection, article_id, values["body"])
        session.execute(_UPDATE, {**values, "article": article_id})
    if result != "unchanged" and record["related"]:
        session.execute(
            insert(_LINKS),
            [
                {
                    "article_id": article_id,
                    "position": i,
                    "target_url": link["url"],
                    "title": link["title"],
                    "excerpt": link["excerpt"],
                }
                for i, link in enumerate(record["related"])
            ],
        )
    session.execute(_UNREJECT, {"url": record["url"]})
    return result


def cluster_of(session: Session | Connection, url: str) -> tuple[int | None, int | None]:
    """The stored article's cluster id and its size (None, None for an unknown URL)."""
    row = session.execute(
        text(
            "SELECT a.cluster_id, (SELECT count(*) FROM articles b"
            " WHERE b.cluster_id = a.cluster_id) FROM articles a WHERE a.url = :url"
        ),
        {"url": url},
    ).first()
    if row is None:
        return None, None
    return (row[0], row[1]) if row[0] is not None else (None, 1)


def _connection(session: Session | Connection) -> Connection:
    return session if isinstance(session, Connection) else session.connection()


_REJECTED = RejectedPage.__table__
_UNREJECT = delete(_REJECTED).where(_REJECTED.c.url == bindparam("url"))


def reject_page(session: Session | Connection, record: Mapping[str, Any], reason: str) -> None:
    """Keep a page that was not archived, with its HTML and its run (one row per URL)."""
    values = {
        "url": record["url"],
        "site": record["site"],
        "run_id": record.get("run_id"),
        "reason": reason,
        "http_date": record.get("http_date"),
        "raw_html": compress_html(record.get("html", "")),
        "crawled_at": record.get("crawled_at") or datetime.now(SHANGHAI),
    }
    statement = dialect_insert(session, _REJECTED)
    statement = statement.on_conflict_do_update(
        index_elements=["url"],
        set_={name: statement.excluded[name] for name in values if name != "url"},
    )
    session.execute(statement, values)


def unreject_page(session: Session | Connection, url: str) -> None:
    """The page is an article now: it is no longer kept apart."""
    session.execute(_UNREJECT, {"url": url})


def learned_keys(url: str, site: str) -> frozenset[str]:
    """The boilerplate keys learned for a site; none when there is no archive yet."""
    try:
        engine = connect_existing(url)
    except ArchiveError:
        return frozenset()
    try:
        with Session(engine) as session:
            keys = session.scalars(
                select(LearnedBoilerplate.key).where(LearnedBoilerplate.site == site)
            )
            return frozenset(keys)
    finally:
        engine.dispose()

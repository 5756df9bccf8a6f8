"""`industry-news copy-archive --from URL --to URL`: move an archive between backends (SQLite
and PostgreSQL, either way), streaming in batches, with a progress bar, idempotent.

Rows keep their ids, so related links, crawl runs and clusters still point where they did. A
row the target already holds (a rerun, or a copy topped up after more crawling) is left as it
is; a target that holds *other* articles under the same ids is refused before anything is
written. On a SQLite target the derived search index and copies tables are rebuilt at the end.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection
from tqdm import tqdm

from industry_news import copies, fulltext
from industry_news.errors import CommandError
from industry_news.storage import (
    Article,
    CrawlRun,
    LearnedBoilerplate,
    RejectedPage,
    RelatedLink,
    connect_existing,
    dialect_insert,
    open_archive,
    resolve_db_url,
)

TABLES: tuple[Table, ...] = tuple(
    model.__table__  # type: ignore[misc]
    for model in (CrawlRun, Article, RelatedLink, RejectedPage, LearnedBoilerplate)
)
"""In an order that satisfies the foreign keys."""
BATCH = 500


@dataclass
class Copied:
    table: str
    rows: int = 0
    copied: int = 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "copy-archive",
        help="copy an archive to another database (SQLite <-> PostgreSQL), idempotent",
        description="Copy every article, related link, crawl run, rejected page and learned "
        "boilerplate from one archive to another, keeping ids. Rows the target already holds "
        "are left alone, so a rerun copies only what is new.",
    )
    parser.add_argument("--from", dest="source", required=True, metavar="URL", help="archive URL")
    parser.add_argument("--to", dest="target", required=True, metavar="URL", help="archive URL")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source_url, target_url = resolve_db_url(args.source), resolve_db_url(args.target)
    if source_url == target_url:
        raise CommandError("--from and --to name the same archive", 2)
    results = copy_archive(source_url, target_url, progress=not args.quiet)
    for result in results:
        print(f"{result.table}: {result.rows} rows, {result.copied} copied")
    return 0


def copy_archive(source_url: str, target_url: str, *, progress: bool = False) -> list[Copied]:
    """Copy every table of the source into the target archive (created if needed)."""
    source = connect_existing(source_url)
    target = open_archive(target_url)
    try:
        with source.connect() as reading, target.connect() as writing:
            totals = {t.name: reading.scalar(select(func.count()).select_from(t)) for t in TABLES}
            _refuse_other_articles(reading, writing)
            writing.commit()
            shown = tqdm(
                total=sum(totals.values()),
                desc="copying",
                unit=" rows",
                file=sys.stderr,
                disable=not progress,
            )
            results = []
            for table in TABLES:
                result = Copied(table.name, totals[table.name])
                before = _count(writing, table)
                statement = dialect_insert(writing, table).on_conflict_do_nothing()
                for batch in _batches(reading, table):
                    writing.execute(statement, batch)
                    writing.commit()  # one transaction per batch: an interrupted copy resumes
                    shown.update(len(batch))
                result.copied = _count(writing, table) - before
                writing.commit()
                results.append(result)
            shown.close()
            _after_copy(writing, copied=any(r.copied for r in results))
            writing.commit()
            return results
    finally:
        source.dispose()
        target.dispose()


def _count(connection: Connection, table: Table) -> int:
    return connection.scalar(select(func.count()).select_from(table)) or 0


def _batches(connection: Connection, table: Table) -> Iterator[Sequence[dict]]:
    """The table's rows in id order, BATCH at a time (keyset paging: constant memory)."""
    last = 0
    while True:
        rows = connection.execute(
            select(table).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
        ).mappings()
        batch = [dict(row) for row in rows]
        if not batch:
            return
        yield batch
        last = batch[-1]["id"]


def _refuse_other_articles(reading: Connection, writing: Connection) -> None:
    """A target whose articles differ from the source's under the same ids is not a copy."""
    articles = Article.__table__
    for batch in _ids_and_urls(writing):
        ours = dict(
            reading.execute(
                select(articles.c.id, articles.c.url).where(articles.c.id.in_(list(batch)))
            ).all()
        )
        clash = next((i for i, url in batch.items() if i in ours and ours[i] != url), None)
        if clash is not None:
            raise CommandError(
                f"the target already holds other articles (id {clash} is {batch[clash]}): "
                "copy into a new archive, or into an earlier copy of this one",
                1,
            )


def _ids_and_urls(connection: Connection) -> Iterator[dict[int, str]]:
    articles = Article.__table__
    last = 0
    while True:
        rows = connection.execute(
            select(articles.c.id, articles.c.url)
            .where(articles.c.id > last)
            .order_by(articles.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        yield dict(rows)  # type: ignore[arg-type]
        last = rows[-1][0]


def _after_copy(connection: Connection, *, copied: bool) -> None:
    """PostgreSQL's id sequences continue after the copied ids; SQLite's derived tables are
    rebuilt from the copied articles."""
    if connection.dialect.name == "postgresql":
        for table in TABLES:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f" coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
            )
    elif copied:
        fulltext.build_index(connection)
        if copies.supported(connection):
            copies.rebuild(connection)

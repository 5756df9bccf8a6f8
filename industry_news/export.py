"""`industry-news export`: stream the archive as CSV, JSON or JSONL.

Rows are read in batches (``yield_per``) and written as they arrive, so memory stays flat
however large the archive is; related links are fetched with one query per batch, and
``raw_html`` is never read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.items import EXPORT_FIELDS, iso
from industry_news.storage import Article, RelatedLink, connect_existing, resolve_db_url

FORMATS = ("csv", "json", "jsonl")
LINK_FIELDS: tuple[str, ...] = ("source_url", "target_url", "title", "position")
BATCH_SIZE = 1000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Cell openings a spreadsheet may run as a formula (OWASP CSV injection)."""

Row = dict[str, Any]


@dataclass(frozen=True)
class Filters:
    """Which articles to export; ``None`` means no restriction.

    ``since``/``until`` are inclusive bounds on ``published_at`` (articles without a date
    are left out when either is set), ``category`` is an exact match and ``contains`` a
    substring of the title or the body (case-insensitive for ASCII letters).
    """

    site: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    category: str | None = None
    contains: str | None = None
    one_per_cluster: bool = False
    """Only the earliest published of each cluster of copies (among the matching ones)."""


def parse_bound(text: str, end: bool = False) -> datetime:
    """An aware datetime from ``YYYY-MM-DD`` or an ISO datetime (Asia/Shanghai unless offset).

    A date alone is the start of that day, or with ``end`` its last microsecond, so an
    inclusive upper bound covers the whole day. Raises ``ValueError`` for anything else.
    """
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        moment = datetime.fromisoformat(text)
    else:
        moment = datetime.combine(day, time.max if end else time.min)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=SHANGHAI)


def filtered(query: Select[Any], filters: Filters) -> Select[Any]:
    """The query restricted to the articles the filters let through."""
    if filters.site is not None:
        query = query.where(Article.site == filters.site)
    if filters.since is not None:
        query = query.where(Article.published_at >= filters.since)
    if filters.until is not None:
        query = query.where(Article.published_at <= filters.until)
    if filters.category is not None:
        query = query.where(Article.category == filters.category)
    if filters.contains is not None:
        needle = filters.contains
        query = query.where(
            or_(
                Article.title.icontains(needle, autoescape=True),
                Article.body.icontains(needle, autoescape=True),
            )
        )
    return query


_COMPUTED = ("related", "cluster", "copies")
_ARTICLE_COLUMNS = [getattr(Article, name) for name in EXPORT_FIELDS if name not in _COMPUTED]


def _records_query(filters: Filters) -> Select[Any]:
    """Matching articles with their cluster (its id; an article alone is its own) and size."""
    cluster = func.coalesce(Article.cluster_id, Article.id)
    sizes = (
        select(Article.cluster_id.label("cid"), func.count().label("n"))
        .where(Article.cluster_id.is_not(None))
        .group_by(Article.cluster_id)
        .subquery()
    )
    query = filtered(
        select(
            Article.id,
            *_ARTICLE_COLUMNS,
            cluster.label("cluster"),
            func.coalesce(sizes.c.n, 1).label("copies"),
        ).outerjoin(sizes, sizes.c.cid == Article.cluster_id),
        filters,
    )
    if not filters.one_per_cluster:
        return query.order_by(Article.id)
    first = func.row_number().over(
        partition_by=cluster,
        order_by=(Article.published_at.is_(None), Article.published_at, Article.id),
    )
    ranked = query.add_columns(first.label("nth")).subquery()
    names = ["id", *(c.key for c in _ARTICLE_COLUMNS), "cluster", "copies"]
    return select(*(ranked.c[n] for n in names)).where(ranked.c.nth == 1).order_by(ranked.c.id)


def iter_records(
    session: Session, filters: Filters = Filters(), batch_size: int = BATCH_SIZE
) -> Iterator[Row]:
    """Matching articles as export rows (``EXPORT_FIELDS`` order), in archive order."""
    query = _records_query(filters)
    connection = session.connection()  # Core rows: no ORM bookkeeping per row
    result = connection.execute(query.execution_options(yield_per=batch_size))
    for batch in result.partitions():
        links = connection.execute(
            select(RelatedLink.article_id, RelatedLink.target_url, RelatedLink.title)
            .where(RelatedLink.article_id.in_([row.id for row in batch]))
            .order_by(RelatedLink.article_id, RelatedLink.position)
        ).all()
        related = {
            article_id: [{"url": url, "title": title} for _, url, title in group]
            for article_id, group in groupby(links, key=itemgetter(0))
        }
        for row in batch:
            record = row._asdict()
            article_id = record.pop("id")
            record["published_at"] = iso(record["published_at"])
            record["crawled_at"] = iso(record["crawled_at"])
            record["related"] = related.get(article_id, [])
            yield {name: record[name] for name in EXPORT_FIELDS}


def iter_links(
    session: Session, filters: Filters = Filters(), batch_size: int = BATCH_SIZE
) -> Iterator[Row]:
    """The related-link graph of matching articles (``LINK_FIELDS``; position is 0-based)."""
    query = filtered(
        select(
            Article.url.label("source_url"),
            RelatedLink.target_url,
            RelatedLink.title,
            RelatedLink.position,
        ).join(RelatedLink, RelatedLink.article_id == Article.id),
        filters,
    ).order_by(Article.id, RelatedLink.position)
    for row in session.connection().execute(query.execution_options(yield_per=batch_size)):
        yield row._asdict()


def neutralise(cell: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    return neutralise(value) if isinstance(value, str) else value


def write_csv(rows: Iterable[Row], fields: Sequence[str], stream: TextIO, bom: bool = True) -> int:
    """Write rows as CSV (header first, lists as JSON, formulas neutralised); rows written.

    ``stream`` should be opened with ``newline=""``.
    """
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(fields)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in fields])
        count += 1
    return count


def _dumps(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False)


def write_json(rows: Iterable[Row], stream: TextIO) -> int:
    """Write one JSON array, element by element; rows written."""
    count = 0
    for row in rows:
        stream.write(("," if count else "[") + "\n" + _dumps(row))
        count += 1
    stream.write("\n]\n" if count else "[]\n")
    return count


def write_jsonl(rows: Iterable[Row], stream: TextIO) -> int:
    """Write one JSON object per line; rows written."""
    count = 0
    for row in rows:
        stream.write(_dumps(row) + "\n")
        count += 1
    return count


@contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output as UTF-8 with no newline translation, whatever the locale."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        # The reader (e.g. `head`) has gone: send what is left to /dev/null so that neither
        # detaching nor Python's final flush of stdout complains again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise
    finally:
        stream.detach()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def open_output(target: str) -> Iterator[TextIO]:
    """A text stream for ``target`` ("-" is stdout); a file appears only once complete.

    The file is written to a temporary file in the same folder and renamed over ``target``
    on success, so a failed export leaves neither a half file nor a stray temporary file.
    """
    if target == "-":
        with _stdout() as stream:
            yield stream
        return
    path = Path(target)
    if path.is_dir():
        raise CommandError(f"cannot write {target}: it is a folder")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with open(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise


def _writer(args: argparse.Namespace) -> Callable[[Iterable[Row], TextIO], int]:
    fields = LINK_FIELDS if args.links else EXPORT_FIELDS
    if args.format == "csv":
        return lambda rows, stream: write_csv(rows, fields, stream, bom=args.bom)
    return write_json if args.format == "json" else write_jsonl


def _filters(args: argparse.Namespace) -> Filters:
    bounds = {}
    for name, end in (("since", False), ("until", True)):
        text = getattr(args, name)
        if text is None:
            continue
        try:
            bounds[name] = parse_bound(text, end=end)
        except ValueError:
            raise CommandError(
                f"bad --{name} date {text!r}: expected YYYY-MM-DD or "
                "YYYY-MM-DD[THH:MM[:SS]][+HH:MM]",
                code=2,
            ) from None
    return Filters(
        site=args.site,
        category=args.category,
        contains=args.contains,
        one_per_cluster=args.one_per_cluster,
        **bounds,
    )


def run(args: argparse.Namespace) -> int:
    """Export the archive as the parsed arguments ask."""
    filters = _filters(args)
    write = _writer(args)
    engine = connect_existing(args.db)
    try:
        with Session(engine) as session, open_output(args.output) as stream:
            source = iter_links if args.links else iter_records
            write(source(session, filters), stream)
    except SQLAlchemyError as exc:
        url = make_url(resolve_db_url(args.db)).render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise CommandError(f"cannot read archive {url}: {reason}") from exc
    except BrokenPipeError:
        return 1
    finally:
        engine.dispose()
    return 0


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``export`` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="export archived articles (or their related links) as CSV, JSON or JSONL",
        description=(
            "Stream archived articles to CSV (UTF-8 with BOM, formula cells neutralised), "
            "a JSON array or JSON lines. Dates are Asia/Shanghai unless an offset is given."
        ),
    )
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument(
        "--output", "-o", default="-", metavar="FILE", help="output file, or - for stdout"
    )
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB, else data/)"
    )
    parser.add_argument("--site", metavar="NAME", help="only this spider's articles")
    parser.add_argument(
        "--since", metavar="DATE", help="published at or after (2024-05-01, 2024-05-01T10:00)"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="published at or before (a date alone: the whole day)"
    )
    parser.add_argument("--category", metavar="TEXT", help="exact category (栏目)")
    parser.add_argument(
        "--contains", metavar="TEXT", help="substring of title or body (ASCII case-insensitive)"
    )
    parser.add_argument(
        "--one-per-cluster",
        action="store_true",
        help="only the earliest published article of each cluster of syndicated copies",
    )
    parser.add_argument(
        "--links",
        action="store_true",
        help="export the related-link graph: " + ", ".join(LINK_FIELDS),
    )
    parser.add_argument(
        "--no-bom", dest="bom", action="store_false", help="CSV without the UTF-8 BOM"
    )
    parser.set_defaults(func=run)
    return parser

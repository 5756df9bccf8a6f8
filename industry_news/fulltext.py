"""The archive's full-text index: SQLite FTS5 over character bigrams, kept in step with articles.

Chinese has no spaces between words, so the index holds every run of letters and digits as
its overlapping character pairs plus the run's last character (园区招商 → 园区 区招 招商 商).
A word of two or more characters is then the phrase of its pairs, a single character the
prefix of a pair: a run of letters and digits matches exactly where the text holds it as a
substring (ASCII letters folded to lower case, as Python's str.lower folds every letter).

The table is contentless (the text is in `articles`), so removing an article's entry needs
the tokens it was indexed with: `TOKENS_VERSION` is kept in archive_meta, and an archive
indexed by other tokens is rebuilt.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from tqdm import tqdm

TABLE = "article_search"
TOKENS_VERSION = "bigram-2"
VERSION_KEY = "search_tokens"
_RUN = re.compile(r"[^\W_]+")
_CREATE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, body, content='', tokenize='ascii', prefix='1')"
)
_RANK = "bm25(10.0, 1.0)"
"""The index's rank: bm25, a title hit worth ten body hits."""
_BATCH = 2000

Progress = Callable[[int, int], None]
"""Called with (done, total) while the index is built."""


def runs(value: str) -> list[str]:
    """The runs of letters and digits of a text, lower-cased."""
    return _RUN.findall(value.lower())


def tokens(value: str) -> str:
    """The text as the index holds it: each run's character pairs, then its last character."""
    out: list[str] = []
    for run in runs(value):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)


def run_expression(run: str) -> str:
    """The FTS5 expression matching exactly the texts that hold `run` (one run) as substring."""
    if len(run) == 1:
        return f'"{run}"*'
    return '"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"'


def supported(connection: Connection) -> bool:
    """Whether the archive can hold the index (SQLite; other backends search by scanning)."""
    return connection.dialect.name == "sqlite"


def has_index(connection: Connection) -> bool:
    if not supported(connection):
        return False
    if not inspect(connection).has_table(TABLE):
        return False
    version = connection.execute(
        text("SELECT value FROM archive_meta WHERE key = :key"), {"key": VERSION_KEY}
    ).scalar()
    return version == TOKENS_VERSION


def index_article(connection: Connection, article_id: int, title: str, body: str) -> None:
    """Add an article's title and body to the index."""
    if supported(connection):
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, title, body) VALUES (?, ?, ?)",
            (article_id, tokens(title), tokens(body)),
        )


def unindex_article(connection: Connection, article_id: int, title: str, body: str) -> None:
    """Remove an article's entry: `title` and `body` as they were indexed."""
    if supported(connection):
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE}({TABLE}, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            (article_id, tokens(title), tokens(body)),
        )


def build_index(connection: Connection, progress: Progress | None = None) -> int:
    """(Re)create the index from every article, in the caller's transaction; returns the count."""
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
    connection.exec_driver_sql(_CREATE)
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', ?)", (_RANK,))
    total = connection.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0
    done = 0
    last = 0
    while True:
        rows = connection.exec_driver_sql(
            "SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT ?",
            (last, _BATCH),
        ).all()
        if not rows:
            break
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, title, body) VALUES (?, ?, ?)",
            [(row[0], tokens(row[1] or ""), tokens(row[2] or "")) for row in rows],
        )
        last = rows[-1][0]
        done += len(rows)
        if progress is not None:
            progress(done, total)
    connection.execute(text("DELETE FROM archive_meta WHERE key = :key"), {"key": VERSION_KEY})
    connection.execute(
        text("INSERT INTO archive_meta (key, value) VALUES (:key, :value)"),
        {"key": VERSION_KEY, "value": TOKENS_VERSION},
    )
    return done


def ensure_index(connection: Connection) -> None:
    """Build the index of an archive that lacks it (an older archive), once, with a progress
    bar on stderr when it has articles to index."""
    if not supported(connection) or has_index(connection):
        return
    total = connection.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0
    build_index(connection, bar("indexing the archive for search", total) if total else None)


def bar(label: str, total: int) -> Progress:
    """A progress bar on stderr (tqdm), updated with (done, total)."""
    shown = tqdm(total=total, desc=label, unit=" articles", file=sys.stderr, leave=False)

    def update(done: int, _total: int) -> None:
        shown.update(done - shown.n)
        if done >= total:
            shown.close()

    return update

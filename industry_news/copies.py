"""Syndicated copies: which stored articles tell the same story, kept as clusters in the archive.

An article's clean body is normalised (NFKC, lower case, only letters and digits) and cut into
overlapping 5-character shingles. MinHash (128 permutations) in 64 bands of 2 finds the
articles sharing a band with it: candidates. A candidate is a copy when the shingles they share
are most of the shorter text's (`MIN_CONTAINMENT`) and their figures agree
(`MIN_FIGURES_AGREEING`), so a copy with its lead cut, a footer added, punctuation widened or a
paragraph moved stays one story, while a monthly notice rewritten with new figures is a story
of its own.

Each article belongs to a cluster (`articles.cluster_id`, the id of the cluster's first
article; an article alone is its own). `assign` runs in the store's transaction, so clusters
grow as pages are stored; `rebuild` assigns the whole archive again, oldest first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy.engine import Connection

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 64
ROWS = PERMUTATIONS // BANDS
MIN_CONTAINMENT = 0.8
"""Share of the shorter text's shingles the longer must hold for the two to be one story."""
MIN_FIGURES_AGREEING = 0.7
"""Share of one text's figures (numbers) the other must hold: a copy keeps the facts, a
monthly notice rewritten from its template changes them."""
MIN_SHINGLES = 8
"""Texts with fewer shingles (a caption, a line) are nobody's copy."""
KEYS_TABLE = "copy_keys"
_PRIME = np.uint64(4294967291)  # the largest prime below 2**32
_RANDOM = np.random.default_rng(20261202)
_A = _RANDOM.integers(1, int(_PRIME), PERMUTATIONS, dtype=np.uint64)
_B = _RANDOM.integers(0, int(_PRIME), PERMUTATIONS, dtype=np.uint64)
_NOT_TEXT = re.compile(r"[\W_]+")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
CREATE = (
    f"CREATE TABLE IF NOT EXISTS {KEYS_TABLE} (key INTEGER NOT NULL, article_id INTEGER NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{KEYS_TABLE}_key ON {KEYS_TABLE} (key)",
    f"CREATE INDEX IF NOT EXISTS ix_{KEYS_TABLE}_article ON {KEYS_TABLE} (article_id)",
)

Progress = Callable[[int, int], None]


def normalise(text: str) -> str:
    """Letters and digits only, NFKC-folded (full-width and ASCII alike), lower case."""
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str) -> frozenset[int]:
    """The text's overlapping 5-character shingles, hashed to 32 bits."""
    flat = normalise(text).encode("utf-32-le")
    width = 4 * SHINGLE
    return (
        frozenset(
            zlib.crc32(flat[i : i + width]) for i in range(0, max(0, len(flat) - width) + 1, 4)
        )
        if len(flat) >= width
        else frozenset()
    )


@dataclass(frozen=True)
class Fingerprint:
    """What copies are told apart by: the text's shingles and its figures."""

    shingles: frozenset[int]
    figures: Counter[str]


def fingerprint(text: str) -> Fingerprint:
    return Fingerprint(
        shingles(text), Counter(_FIGURE.findall(unicodedata.normalize("NFKC", text)))
    )


def band_keys(found: frozenset[int]) -> list[int]:
    """The text's LSH band keys (band number and its MinHash values, hashed)."""
    values = np.fromiter(found, dtype=np.uint64, count=len(found))
    signature = ((_A[:, None] * values[None, :] + _B[:, None]) % _PRIME).min(axis=1)
    rows = signature.reshape(BANDS, ROWS).astype("<u4")
    keys = []
    for band, row in enumerate(rows):
        digest = hashlib.blake2b(row.tobytes(), digest_size=7, person=bytes([band])).digest()
        keys.append(int.from_bytes(digest, "little"))
    return keys


def similar(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two texts are one story: the longer holds most of the shorter's shingles, and
    one holds most of the other's figures (when both state two or more)."""
    if len(a.shingles) < MIN_SHINGLES or len(b.shingles) < MIN_SHINGLES:
        return False
    shared = len(a.shingles & b.shingles)
    if shared < MIN_CONTAINMENT * min(len(a.shingles), len(b.shingles)):
        return False
    stated = min(a.figures.total(), b.figures.total())
    if stated < 2:
        return True
    agreeing = (a.figures & b.figures).total()
    return agreeing >= MIN_FIGURES_AGREEING * stated


def supported(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def create(connection: Connection) -> None:
    for statement in CREATE:
        connection.exec_driver_sql(statement)


def assign(connection: Connection, article_id: int, body: str) -> int:
    """Put a stored article into its cluster (merging the clusters it joins); its cluster id."""
    found = fingerprint(body)
    if len(found.shingles) < MIN_SHINGLES:
        _set_cluster(connection, [article_id], article_id)
        return article_id
    keys = band_keys(found.shingles)
    marks = ",".join("?" * len(keys))
    candidates = connection.exec_driver_sql(
        f"SELECT DISTINCT k.article_id, a.body, a.cluster_id FROM {KEYS_TABLE} k"
        f" JOIN articles a ON a.id = k.article_id WHERE k.key IN ({marks})"
        " AND k.article_id != ?",
        (*keys, article_id),
    ).all()
    clusters = {
        cluster if cluster is not None else other
        for other, other_body, cluster in candidates
        if similar(found, fingerprint(other_body or ""))
    }
    connection.exec_driver_sql(
        f"INSERT INTO {KEYS_TABLE} (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
    cluster = min(clusters | {article_id})
    others = sorted(clusters - {cluster})
    if others:
        marks = ",".join("?" * len(others))
        connection.exec_driver_sql(
            f"UPDATE articles SET cluster_id = ? WHERE cluster_id IN ({marks})", (cluster, *others)
        )
    _set_cluster(connection, [article_id], cluster)
    return cluster


def unassign(connection: Connection, article_id: int) -> None:
    """Take an article out of the copy index (before its body changes)."""
    connection.exec_driver_sql(f"DELETE FROM {KEYS_TABLE} WHERE article_id = ?", (article_id,))


def _set_cluster(connection: Connection, ids: Iterable[int], cluster: int) -> None:
    connection.exec_driver_sql(
        "UPDATE articles SET cluster_id = ? WHERE id = ?", [(cluster, i) for i in ids]
    )


def cluster_size(connection: Connection, cluster: int) -> int:
    return connection.exec_driver_sql(
        "SELECT count(*) FROM articles WHERE cluster_id = ?", (cluster,)
    ).scalar_one()


def rebuild(connection: Connection, progress: Progress | None = None) -> int:
    """Assign every article again, the earliest published first; returns the article count."""
    connection.exec_driver_sql(f"DELETE FROM {KEYS_TABLE}")
    connection.exec_driver_sql("UPDATE articles SET cluster_id = NULL")
    order = (
        connection.exec_driver_sql(
            "SELECT id FROM articles ORDER BY published_at IS NULL, published_at, id"
        )
        .scalars()
        .all()
    )
    total = len(order)
    for done, article_id in enumerate(order, start=1):
        body = connection.exec_driver_sql(
            "SELECT body FROM articles WHERE id = ?", (article_id,)
        ).scalar_one()
        assign(connection, article_id, body or "")
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
    return total

"""Syndicated copies: which stored articles tell the same story, kept as clusters in the archive.

An article's clean body is normalised (NFKC, lower case, only letters and digits) and cut into
overlapping 5-character shingles. MinHash (128 permutations) in 32 bands of 4 finds the
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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy.engine import Connection

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
MIN_CONTAINMENT = 0.8
"""Share of the shorter text's shingles the longer must hold for the two to be one story."""
MIN_FIGURES_AGREEING = 0.7
"""Share of one text's figures (numbers) the other must hold: a copy keeps the facts, a
monthly notice rewritten from its template changes them."""
MIN_SHINGLES = 8
"""Texts with fewer shingles (a caption, a line) are nobody's copy."""
KEYS_TABLE = "copy_keys"
SIGNATURES_TABLE = "copy_signatures"
MIN_ESTIMATE = 0.6
"""Containment the MinHash estimate must reach before a candidate is compared exactly."""
_RANDOM = np.random.default_rng(20261202)
# Multiply-shift hashing (wrapping 64-bit arithmetic, top 32 bits): one hash per permutation.
_A = _RANDOM.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _RANDOM.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_POWERS = tuple(
    np.uint64(p)
    for p in (
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    )
)
"""A random 64-bit factor per position of a shingle's characters."""
_NOT_TEXT = re.compile(r"[\W_]+")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
CREATE = (
    f"CREATE TABLE IF NOT EXISTS {KEYS_TABLE} (key INTEGER NOT NULL, article_id INTEGER NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{KEYS_TABLE}_key ON {KEYS_TABLE} (key)",
    f"CREATE INDEX IF NOT EXISTS ix_{KEYS_TABLE}_article ON {KEYS_TABLE} (article_id)",
    f"CREATE TABLE IF NOT EXISTS {SIGNATURES_TABLE} (article_id INTEGER PRIMARY KEY,"
    " size INTEGER NOT NULL, signature BLOB NOT NULL)",
)

Progress = Callable[[int, int], None]


def normalise(text: str) -> str:
    """Letters and digits only, NFKC-folded (full-width and ASCII alike), lower case."""
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str) -> np.ndarray:
    """The text's overlapping 5-character shingles, hashed to 64 bits: sorted, unique."""
    points = np.frombuffer(normalise(text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(points) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    count = len(points) - SHINGLE + 1
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset, factor in enumerate(_POWERS):
            mixed += points[offset : offset + count] * factor
    return np.unique(mixed)


@dataclass(frozen=True)
class Fingerprint:
    """What copies are told apart by: the text's shingles and its figures."""

    shingles: np.ndarray
    """Sorted, unique 64-bit shingle hashes."""
    figures: Counter[str]


def fingerprint(text: str) -> Fingerprint:
    return Fingerprint(
        shingles(text), Counter(_FIGURE.findall(unicodedata.normalize("NFKC", text)))
    )


def signature(found: np.ndarray) -> np.ndarray:
    """The shingles' MinHash signature (PERMUTATIONS 32-bit values)."""
    with np.errstate(over="ignore"):
        hashed = (_A[:, None] * found[None, :] + _B[:, None]) >> np.uint64(32)
    return hashed.min(axis=1).astype("<u4")


def band_keys(minhash: np.ndarray) -> list[int]:
    """The text's LSH band keys (band number and its MinHash values, hashed)."""
    rows = minhash.reshape(BANDS, ROWS)
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
    shared = np.intersect1d(a.shingles, b.shingles, assume_unique=True).size
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
    minhash = signature(found.shingles)
    keys = band_keys(minhash)
    clusters = {
        cluster if cluster is not None else other
        for other, other_body, cluster in _candidates(connection, article_id, found, minhash, keys)
        if similar(found, fingerprint(other_body or ""))
    }
    connection.exec_driver_sql(
        f"INSERT INTO {KEYS_TABLE} (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
    connection.exec_driver_sql(
        f"INSERT OR REPLACE INTO {SIGNATURES_TABLE} (article_id, size, signature) VALUES (?, ?, ?)",
        (article_id, len(found.shingles), minhash.tobytes()),
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


def _candidates(
    connection: Connection,
    article_id: int,
    found: Fingerprint,
    minhash: np.ndarray,
    keys: list[int],
) -> list[tuple[int, str, int | None]]:
    """Articles sharing a band whose estimated containment (from the signatures' agreement
    and the two sizes) may reach MIN_CONTAINMENT: (id, body, cluster id)."""
    marks = ",".join("?" * len(keys))
    rows = connection.exec_driver_sql(
        f"SELECT s.article_id, s.size, s.signature FROM {SIGNATURES_TABLE} s"
        f" WHERE s.article_id IN (SELECT article_id FROM {KEYS_TABLE} WHERE key IN ({marks}))"
        " AND s.article_id != ?",
        (*keys, article_id),
    ).all()
    if not rows:
        return []
    others = np.frombuffer(b"".join(row[2] for row in rows), dtype="<u4").reshape(len(rows), -1)
    jaccard = (others == minhash[None, :]).mean(axis=1)
    sizes = np.array([row[1] for row in rows], dtype=float)
    shared = jaccard / (1 + jaccard) * (sizes + len(found.shingles))
    estimate = shared / np.minimum(sizes, len(found.shingles))
    kept = [row[0] for row, value in zip(rows, estimate, strict=True) if value >= MIN_ESTIMATE]
    if not kept:
        return []
    marks = ",".join("?" * len(kept))
    return [
        (row[0], row[1], row[2])
        for row in connection.exec_driver_sql(
            f"SELECT id, body, cluster_id FROM articles WHERE id IN ({marks})", tuple(kept)
        ).all()
    ]


def unassign(connection: Connection, article_id: int) -> None:
    """Take an article out of the copy index (before its body changes)."""
    connection.exec_driver_sql(f"DELETE FROM {KEYS_TABLE} WHERE article_id = ?", (article_id,))
    connection.exec_driver_sql(
        f"DELETE FROM {SIGNATURES_TABLE} WHERE article_id = ?", (article_id,)
    )


def _set_cluster(connection: Connection, ids: Iterable[int], cluster: int) -> None:
    connection.exec_driver_sql(
        "UPDATE articles SET cluster_id = ? WHERE id = ?", [(cluster, i) for i in ids]
    )


_BATCH = 2000
MAX_SHARED_KEY = 500
"""A band key shared by more articles than this is a site's furniture, not a story's."""


def rebuild(connection: Connection, progress: Progress | None = None) -> int:
    """Find every article's copies again, in bulk; returns the article count.

    Band keys and signatures are written for every article, the pairs sharing a band are read
    back in one join, estimated from the signatures, compared exactly, and joined into clusters
    (single link, as `assign` does one article at a time).
    """
    for table in (KEYS_TABLE, SIGNATURES_TABLE):
        connection.exec_driver_sql(f"DELETE FROM {table}")
    total = connection.exec_driver_sql("SELECT count(*) FROM articles").scalar_one()
    done, last = 0, 0
    while rows := connection.exec_driver_sql(
        "SELECT id, body FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
    ).all():
        keys, signatures = [], []
        for article_id, body in rows:
            found = shingles(body or "")
            if len(found) >= MIN_SHINGLES:
                minhash = signature(found)
                keys.extend((key, article_id) for key in band_keys(minhash))
                signatures.append((article_id, len(found), minhash.tobytes()))
        connection.exec_driver_sql(
            f"INSERT INTO {KEYS_TABLE} (key, article_id) VALUES (?, ?)", keys
        )
        connection.exec_driver_sql(
            f"INSERT INTO {SIGNATURES_TABLE} (article_id, size, signature) VALUES (?, ?, ?)",
            signatures,
        )
        last = rows[-1][0]
        done += len(rows)
        if progress is not None:
            progress(done // 2, total)  # writing the keys: the first half of the work
    parent = _link(connection, _pairs(connection))
    connection.exec_driver_sql("UPDATE articles SET cluster_id = id")
    moved = [(_root(parent, i), i) for i in parent if _root(parent, i) != i]
    if moved:  # an empty executemany is an error in sqlite3
        connection.exec_driver_sql("UPDATE articles SET cluster_id = ? WHERE id = ?", moved)
    if progress is not None:
        progress(total, total)
    return total


def _pairs(connection: Connection) -> list[tuple[int, int]]:
    """Article pairs that share a band key (not a furniture key), each once."""
    return connection.exec_driver_sql(
        f"WITH common AS (SELECT key FROM {KEYS_TABLE} GROUP BY key"
        f" HAVING count(*) BETWEEN 2 AND {MAX_SHARED_KEY})"
        f" SELECT DISTINCT a.article_id, b.article_id FROM {KEYS_TABLE} a"
        f" JOIN common USING (key) JOIN {KEYS_TABLE} b ON b.key = a.key"
        " AND b.article_id > a.article_id"
    ).all()


def _link(connection: Connection, pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Union-find over the pairs that are copies: {article: parent}."""
    parent: dict[int, int] = {}
    if not pairs:
        return parent
    ids = sorted({i for pair in pairs for i in pair})
    rows = {
        article_id: (size, np.frombuffer(blob, dtype="<u4"))
        for chunk in _chunks(ids, 900)
        for article_id, size, blob in connection.exec_driver_sql(
            f"SELECT article_id, size, signature FROM {SIGNATURES_TABLE}"
            f" WHERE article_id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        ).all()
    }
    fingerprints: dict[int, Fingerprint] = {}

    def exact(article_id: int) -> Fingerprint:
        if article_id not in fingerprints:
            if len(fingerprints) > 20_000:
                fingerprints.clear()
            body = connection.exec_driver_sql(
                "SELECT body FROM articles WHERE id = ?", (article_id,)
            ).scalar_one()
            fingerprints[article_id] = fingerprint(body or "")
        return fingerprints[article_id]

    for a, b in pairs:
        (size_a, sig_a), (size_b, sig_b) = rows[a], rows[b]
        jaccard = float((sig_a == sig_b).mean())
        estimate = jaccard / (1 + jaccard) * (size_a + size_b) / min(size_a, size_b)
        if estimate >= MIN_ESTIMATE and similar(exact(a), exact(b)):
            root_a, root_b = _root(parent, a), _root(parent, b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    return parent


def _root(parent: dict[int, int], node: int) -> int:
    parent.setdefault(node, node)
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]

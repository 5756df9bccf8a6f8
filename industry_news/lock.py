"""One harvest per archive: an exclusive `flock` on a file beside a SQLite archive, a
session-level advisory lock on a PostgreSQL one. Harvests that share a frontier on Redis work
on one crawl together: they take the lock shared, which only an ordinary harvest is kept out of.

The kernel (or the server, when the connection drops) releases the lock when its holder exits,
however it exits (kill -9 included), so a lock left by a dead process is simply taken over;
the holder's pid is kept (in the file, or as the connection's application_name) for messages.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path
from types import TracebackType

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url

from industry_news.storage import project_dir, sqlite_path

ADVISORY_KEY = 0x696E6E65
"""The PostgreSQL advisory lock of harvests ('inne'; one lock per database)."""
_HOLDER = "industry-news harvest pid "


class ArchiveLocked(Exception):
    """Another live process holds the archive's lock."""

    def __init__(self, path: Path | str, pid: int | None) -> None:
        holder = f"pid {pid}" if pid else "another process"
        super().__init__(f"another harvest ({holder}) holds the archive lock {path}")
        self.path = path
        self.pid = pid


def archive_lock(db_url: str, shared: bool = False) -> ArchiveLock | AdvisoryLock:
    """The lock a harvest of this archive takes (`shared` by the workers of one crawl)."""
    if make_url(db_url).get_backend_name() == "postgresql":
        return AdvisoryLock(db_url, shared)
    return ArchiveLock(lock_path(db_url), shared)


class AdvisoryLock:
    """`pg_try_advisory_lock` on a connection of its own, held from `acquire` until `release`."""

    def __init__(self, db_url: str, shared: bool = False) -> None:
        self.db_url = db_url
        self.shared = shared
        self._connection: Connection | None = None

    def acquire(self) -> None:
        """Take the lock or raise ArchiveLocked naming the holder's pid."""
        engine = create_engine(
            self.db_url,
            pool_size=1,
            connect_args={"application_name": f"{_HOLDER}{os.getpid()}"},
        )
        connection = engine.connect()
        function = "pg_try_advisory_lock_shared" if self.shared else "pg_try_advisory_lock"
        taken = connection.execute(text(f"SELECT {function}(:key)"), {"key": ADVISORY_KEY}).scalar()
        connection.commit()
        if taken:
            self._connection = connection
            return
        holder = connection.execute(
            text(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a"
                " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                " AND l.objid = :key"
            ),
            {"key": ADVISORY_KEY},
        ).scalar()
        connection.close()
        engine.dispose()
        name = str(holder or "")
        pid = int(name[len(_HOLDER) :]) if name.startswith(_HOLDER) else None
        shown = make_url(self.db_url).render_as_string(hide_password=True)
        raise ArchiveLocked(f"{shown} (advisory lock {ADVISORY_KEY})", pid)

    def release(self) -> None:
        """Drop the lock with the connection that holds it."""
        if self._connection is not None:
            engine = self._connection.engine
            self._connection.close()
            engine.dispose()
            self._connection = None

    def __enter__(self) -> AdvisoryLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(db_url: str) -> Path:
    """`<archive>.lock` for a SQLite file; otherwise data/archive-<hash of the URL>.lock."""
    sqlite = sqlite_path(db_url)
    if sqlite is not None:
        return sqlite.with_name(sqlite.name + ".lock")
    digest = hashlib.sha256(db_url.encode("utf-8")).hexdigest()[:16]
    return project_dir() / "data" / f"archive-{digest}.lock"


class ArchiveLock:
    """Non-blocking exclusive (or shared) lock on `path`, held from `acquire` until `release`."""

    def __init__(self, path: Path, shared: bool = False) -> None:
        self.path = path
        self.shared = shared
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ArchiveLocked naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise ArchiveLocked(self.path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        data = f"{os.getpid()}\n".encode()
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        self._fd = fd

    def release(self) -> None:
        """Drop the lock (the file stays: removing it would race with a new holder)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None

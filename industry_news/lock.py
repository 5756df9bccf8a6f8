"""One harvest per archive: an exclusive `flock` on a file beside the archive.

The kernel drops the lock when its holder exits, however it exits (kill -9 included), so a
lock left by a dead process is simply taken over; the file keeps the holder's pid for messages.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path
from types import TracebackType

from industry_news.storage import project_dir, sqlite_path


class ArchiveLocked(Exception):
    """Another live process holds the archive's lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        holder = f"pid {pid}" if pid else "another process"
        super().__init__(f"another harvest ({holder}) holds the archive lock {path}")
        self.path = path
        self.pid = pid


def lock_path(db_url: str) -> Path:
    """`<archive>.lock` for a SQLite file; otherwise data/archive-<hash of the URL>.lock."""
    sqlite = sqlite_path(db_url)
    if sqlite is not None:
        return sqlite.with_name(sqlite.name + ".lock")
    digest = hashlib.sha256(db_url.encode("utf-8")).hexdigest()[:16]
    return project_dir() / "data" / f"archive-{digest}.lock"


class ArchiveLock:
    """Non-blocking exclusive lock on `path`, held from `acquire` until `release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ArchiveLocked naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
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

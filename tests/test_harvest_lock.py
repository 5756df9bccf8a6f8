"""One harvest per archive: a second one exits 75 at once; a dead holder's lock is taken over."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from harvesting import environment, harvest, query, start
from portal import ReplayServer, make_portal, render_site
from portal.model import now

from industry_news.lock import ArchiveLock, ArchiveLocked, lock_path
from industry_news.storage import project_dir

pytestmark = pytest.mark.clock

HOLD = """
import sys, time
from pathlib import Path
from industry_news.lock import ArchiveLock
lock = ArchiveLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def hold(path: Path) -> subprocess.Popen[str]:
    """A process that holds the lock on path until killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        env=environment(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def wait_for(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_lock_lives_next_to_a_sqlite_archive_else_in_data(tmp_path: Path) -> None:
    assert lock_path(f"sqlite:///{tmp_path}/a.sqlite3") == tmp_path / "a.sqlite3.lock"
    url = "postgresql://user:pw@db.example/news"
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    assert lock_path(url) == project_dir() / "data" / f"archive-{digest}.lock"
    assert lock_path(url) != lock_path(url + "2")


def test_a_held_lock_names_its_holder_and_a_dead_holders_lock_is_taken_over(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.sqlite3.lock"
    holder = hold(path)
    try:
        with pytest.raises(ArchiveLocked) as caught:
            ArchiveLock(path).acquire()
        assert caught.value.pid == holder.pid
        assert f"pid {holder.pid}" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    assert path.read_text() == f"{holder.pid}\n"  # left behind by the dead holder
    with ArchiveLock(path):
        assert path.read_text() == f"{os.getpid()}\n"
    with ArchiveLock(path):  # released on exit
        pass


def test_harvest_while_another_holds_the_archive_exits_75(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite3"
    holder = hold(lock_path(f"sqlite:///{db}"))
    try:
        done = harvest(db, "http://127.0.0.1:9")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 75
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and f"(pid {holder.pid})" in done.stderr
    assert not db.exists()  # nothing was touched


def test_second_harvest_during_a_running_one_exits_75_and_the_first_completes(
    tmp_path: Path,
) -> None:
    portal = make_portal(12, seed=2, rendered_at=now())
    db = tmp_path / "archive.sqlite3"
    lock_file = lock_path(f"sqlite:///{db}")
    with ReplayServer(render_site(portal, absolute_links_host=None), portal.rendered_at) as server:
        slow = ("-s", "DOWNLOAD_DELAY=0.15", "-s", "AUTOTHROTTLE_ENABLED=False")
        first = start(db, server.base_url, *slow)
        try:
            wait_for(lambda: len(server.requests) >= 2)
            assert lock_file.read_text() == f"{first.pid}\n"
            began = time.monotonic()
            second = harvest(db, server.base_url)
            assert time.monotonic() - began < 10  # at once, not after the first
            assert first.poll() is None, "the first harvest ended too soon to overlap"
            stdout, stderr = first.communicate(timeout=60)
        finally:
            if first.poll() is None:
                first.send_signal(signal.SIGKILL)
                first.wait()
        assert second.returncode == 75, second.stderr
        assert second.stderr == (
            f"industry-news: another harvest (pid {first.pid}) holds the archive lock {lock_file}\n"
        )
        assert first.returncode == 0, stderr
        assert stdout.startswith("liyang: finished in ")
        assert query(db, "select count(*) from crawl_runs") == [(1,)]
        # the lock went with the first harvest: the next one runs
        third = harvest(db, server.base_url)
        assert third.returncode == 0, third.stderr
        assert query(db, "select count(*) from crawl_runs") == [(2,)]


def test_harvest_takes_over_the_lock_of_a_killed_harvest(tmp_path: Path) -> None:
    portal = make_portal(6, seed=4, rendered_at=now() - timedelta(minutes=5))
    db = tmp_path / "archive.sqlite3"
    holder = hold(lock_path(f"sqlite:///{db}"))
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with ReplayServer(render_site(portal, absolute_links_host=None), portal.rendered_at) as server:
        done = harvest(db, server.base_url)
    assert done.returncode == 0, done.stderr
    assert query(db, "select count(*) from articles") == [(6,)]

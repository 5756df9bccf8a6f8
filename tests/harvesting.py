"""Run the real `industry-news harvest` in a subprocess against a loopback replay."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=1")


def environment() -> dict[str, str]:
    """This environment without the project's settings or archive: the CLI must find its own."""
    env = dict(os.environ)
    for name in ("SCRAPY_SETTINGS_MODULE", "INDUSTRY_NEWS_DB", "SCRAPY_PROJECT"):
        env.pop(name, None)
    return env


def command(
    db: Path, base_url: str | None, *args: str, spiders: tuple[str, ...] = ("liyang",)
) -> list[str]:
    """`industry-news harvest SPIDERS --db sqlite:///db -a base_url=… ARGS` (the liyang spider
    alone by default: every other profile would crawl its live portal)."""
    out = [sys.executable, "-m", "industry_news.cli", "harvest", *spiders]
    out += ["--db", f"sqlite:///{db}"]
    if base_url is not None:
        out += ["-a", f"base_url={base_url}"]
    return out + list(args)


def harvest(
    db: Path,
    base_url: str | None,
    *args: str,
    fast: bool = True,
    timeout: float = 60,
    spiders: tuple[str, ...] = ("liyang",),
) -> subprocess.CompletedProcess[str]:
    """Run a harvest to its end from db's folder (not the project's)."""
    return subprocess.run(
        command(db, base_url, *(FAST if fast else ()), *args, spiders=spiders),
        cwd=db.parent,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start(db: Path, base_url: str, *args: str) -> subprocess.Popen[str]:
    """Start a harvest in the background."""
    return subprocess.Popen(
        command(db, base_url, *args),
        cwd=db.parent,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute(sql, params).fetchall()


def execute(db: Path, sql: str, *params: object) -> None:
    with closing(sqlite3.connect(db)) as con, con:
        con.execute(sql, params)


def archived(db: Path) -> set[str]:
    """URLs in the archive (an empty set before the first article is stored)."""
    if not db.exists():
        return set()
    try:
        return {url for (url,) in query(db, "select url from articles")}
    except sqlite3.OperationalError:  # the crawl has not created the table yet
        return set()


def copy_archive(src: Path, dst: Path) -> Path:
    """A consistent copy of a SQLite archive (WAL included)."""
    with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(dst)) as target:
        source.backup(target)
    return dst


def article_paths(requests: list[str]) -> set[str]:
    return {path for path in requests if "/post/" in path}


def listing_paths(requests: list[str]) -> list[str]:
    return [path for path in requests if "/post/" not in path and path != "/robots.txt"]


class Webhook:
    """A loopback HTTP server that keeps the bodies POSTed to it (a chat webhook's stand-in)."""

    def __init__(self) -> None:
        received: list[tuple[str, bytes]] = []
        self.received = received

        class Hook(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                received.append((self.headers.get("Content-Type", ""), self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def __enter__(self) -> Webhook:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def payloads(self) -> list[dict]:
        return [json.loads(body) for _, body in self.received]

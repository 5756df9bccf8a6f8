"""Real PostgreSQL and Redis servers for the tests, each started on 127.0.0.1 in a temporary
folder of its own and stopped at the end. Missing server binaries are a reason to skip."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout} s")


def postgres_bin() -> Path | None:
    """The folder of PostgreSQL's server binaries (initdb, postgres), if any is installed."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` system user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL cluster on a free loopback port; yields its admin URL (user postgres)."""
    binaries = postgres_bin()
    if binaries is None:
        raise FileNotFoundError("no PostgreSQL server binaries (initdb) on this machine")
    folder = Path(tempfile.mkdtemp(prefix="industry-news-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    port = free_port()
    initdb = [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    subprocess.run(
        _as_owner([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    options = [
        "-h", "127.0.0.1", "-p", str(port), "-k", str(folder), "-F",
        "-c", "max_connections=200", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
    ]  # fmt: skip
    log = open(folder / "postgres.log", "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        _as_owner([str(binaries / "postgres"), "-D", str(data), *options]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, process, "postgres")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        _stop(process, folder)
        log.close()


@contextmanager
def redis_server() -> Iterator[str]:
    """A redis-server on a free loopback port, persisting nothing; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise FileNotFoundError("no redis-server on this machine")
    folder = Path(tempfile.mkdtemp(prefix="industry-news-redis-"))
    port = free_port()
    options = ["--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder)]
    process = subprocess.Popen(
        [binary, *options, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process, folder)


def _stop(process: subprocess.Popen, folder: Path) -> None:
    """Stop a server (SIGTERM, then SIGKILL after 20 s) and remove its folder."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    shutil.rmtree(folder, ignore_errors=True)


def create_database(admin_url: str, name: str) -> str:
    """A new empty database on the server; returns its URL."""
    import psycopg

    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain + "/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    return f"{admin_url}/{name}"

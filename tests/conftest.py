"""Fixtures for the servers some tests need: a real PostgreSQL on 127.0.0.1, started once per
session, and a real Redis per test, in temporary folders (skipped, with the reason, where the
server's binaries are not installed; .ci/run installs them)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import AbstractContextManager

import pytest

from tests.servers import create_database, postgres_server, redis_server

_databases = itertools.count(1)


def _serve(server: AbstractContextManager[str], needs: str) -> Iterator[str]:
    """The server's URL while it runs; the test is skipped when its binary is absent."""
    try:
        url = server.__enter__()
    except FileNotFoundError as exc:
        pytest.skip(f"{needs}: {exc}")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    """The admin URL of a PostgreSQL server started for the session."""
    yield from _serve(postgres_server(), "PostgreSQL tests need the server binaries")


@pytest.fixture
def postgres_url(postgres_admin: str) -> str:
    """A new empty database on the session's server."""
    return create_database(postgres_admin, f"archive_{next(_databases)}")


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The URL of a Redis server started for this test alone."""
    yield from _serve(redis_server(), "Redis tests need redis-server")

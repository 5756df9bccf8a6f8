"""Fixtures for the server some tests need: a real PostgreSQL on 127.0.0.1, started once per
session in temporary folders (skipped, with the reason, where the server's
binaries are not installed; .ci/run installs them)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.servers import create_database, postgres_server

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    """The admin URL of a PostgreSQL server started for the session."""
    try:
        server = postgres_server()
        url = server.__enter__()
    except FileNotFoundError as exc:
        pytest.skip(f"PostgreSQL tests need the server binaries: {exc}")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture
def postgres_url(postgres_admin: str) -> str:
    """A new empty database on the session's server."""
    return create_database(postgres_admin, f"archive_{next(_databases)}")

"""Bring an archive's schema to this version's: the Alembic migrations in `migrations/`, run on
an open connection inside the caller's transaction, the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import tempfile
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = files("industry_news") / "migrations"


@cache
def script_location() -> str:
    """The migrations folder; copied out first when the package runs from a zip (a Scrapyd
    egg), since Alembic reads its scripts from a real folder."""
    if isinstance(MIGRATIONS, Path):
        return str(MIGRATIONS)
    folder = Path(tempfile.mkdtemp(prefix="industry-news-migrations-"))
    _copy(MIGRATIONS, folder)
    return str(folder)


def _copy(source: Traversable, target: Path) -> None:
    target.mkdir(exist_ok=True)
    for entry in source.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                _copy(entry, target / entry.name)
        elif entry.name.endswith((".py", ".mako")):
            (target / entry.name).write_bytes(entry.read_bytes())


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", script_location())
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The newest revision this version knows."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None
    return revision


def current(connection: Connection) -> str | None:
    """The archive's revision; None before its first migration (new, or made before them)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection) -> None:
    """Run the migrations the archive lacks (none when it is at `head`)."""
    if current(connection) != head():
        command.upgrade(_config(connection), "head")

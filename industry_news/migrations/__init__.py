"""The archive's schema as Alembic migrations: one history for SQLite and PostgreSQL."""

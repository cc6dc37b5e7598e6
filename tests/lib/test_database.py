"""The suite runs on the database the environment names, configured as settings.py promises."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_the_database_the_environment_names() -> None:
    url = os.environ.get("STEPWISE_DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragmas apply to SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 5000
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL

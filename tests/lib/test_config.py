"""Configuration from the environment: good values are read, bad ones name the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stepwise.config import load_config
from stepwise.lib.env import EnvError


def env_with(tmp_path: Path, **values: str) -> dict[str, str]:
    return {"STEPWISE_DATA_DIR": str(tmp_path / "data"), **values}


def test_defaults_give_sqlite_in_the_data_dir_with_wal_and_immediate_transactions(
    tmp_path: Path,
) -> None:
    config = load_config(env_with(tmp_path))
    database = config.database
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "data" / "stepwise.sqlite3")
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "busy_timeout" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config.debug is False
    assert config.https is True
    assert config.email.backend.endswith("console.EmailBackend")


def test_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = load_config(env_with(tmp_path)).secret_key
    second = load_config(env_with(tmp_path)).secret_key
    stored = tmp_path / "data" / "secret_key"
    assert first == second
    assert len(first) >= 50
    assert stored.stat().st_mode & 0o077 == 0


def test_secret_key_can_come_from_a_file(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("k" * 60 + "\n")
    config = load_config(env_with(tmp_path, STEPWISE_SECRET_KEY_FILE=str(key_file)))
    assert config.secret_key == "k" * 60


def test_postgres_url_is_parsed(tmp_path: Path) -> None:
    config = load_config(
        env_with(tmp_path, STEPWISE_DATABASE_URL="postgres://u:p@db.internal:5433/stepwise")
    )
    assert config.database["ENGINE"] == "django.db.backends.postgresql"
    assert config.database["HOST"] == "db.internal"
    assert config.database["PORT"] == 5433


def test_smtp_is_used_when_a_host_is_given(tmp_path: Path) -> None:
    config = load_config(
        env_with(tmp_path, STEPWISE_SMTP_HOST="smtp.example.com", STEPWISE_SMTP_PORT="2525")
    )
    assert config.email.backend.endswith("smtp.EmailBackend")
    assert config.email.port == 2525


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STEPWISE_DEBUG", "maybe"),
        ("STEPWISE_HTTPS", "sometimes"),
        ("STEPWISE_SECRET_KEY", "too-short"),
        ("STEPWISE_DATABASE_URL", "mysql://u@h/db"),
        ("STEPWISE_DATABASE_URL", "not a url"),
        ("STEPWISE_SMTP_PORT", "lots"),
        ("STEPWISE_TIME_ZONE", "Mars/Olympus_Mons"),
        ("STEPWISE_EMAIL_FROM", "nobody"),
        ("STEPWISE_CSRF_TRUSTED_ORIGINS", "stepwise.example.com"),
        ("STEPWISE_LOGIN_ATTEMPTS_PER_ACCOUNT", "0"),
        ("STEPWISE_SECRET_KEY_FILE", "/nonexistent/secret"),
        ("STEPWISE_TRUSTED_PROXIES", "proxy.internal"),
    ],
)
def test_bad_values_are_refused_naming_the_variable(tmp_path: Path, name: str, value: str) -> None:
    env = env_with(tmp_path, **{name: value})
    if name == "STEPWISE_SMTP_PORT":
        env["STEPWISE_SMTP_HOST"] = "smtp.example.com"
    with pytest.raises(EnvError) as refused:
        load_config(env)
    assert name.removesuffix("_FILE") in str(refused.value)


def test_a_short_key_in_a_key_file_names_the_file_variable(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("short-key\n")
    with pytest.raises(EnvError) as refused:
        load_config(env_with(tmp_path, STEPWISE_SECRET_KEY_FILE=str(key_file)))
    assert str(refused.value).startswith("STEPWISE_SECRET_KEY_FILE must hold at least 50")


def test_trusted_proxies_are_loopback_unless_named(tmp_path: Path) -> None:
    assert load_config(env_with(tmp_path)).trusted_proxies == ["127.0.0.1", "::1"]
    named = env_with(tmp_path, STEPWISE_TRUSTED_PROXIES="10.0.0.5, 192.168.0.0/16")
    assert load_config(named).trusted_proxies == ["10.0.0.5", "192.168.0.0/16"]


def test_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    with pytest.raises(EnvError, match="STEPWISE_DATA_DIR"):
        load_config({"STEPWISE_DATA_DIR": str(a_file)})


def test_start_up_with_a_bad_value_prints_one_line_and_exits_non_zero(tmp_path: Path) -> None:
    env = {**os.environ, "STEPWISE_DATA_DIR": str(tmp_path), "STEPWISE_DEBUG": "perhaps"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "stepwise.cli", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == ["Stepwise cannot start: STEPWISE_DEBUG must be true or false (got 'perhaps')"]

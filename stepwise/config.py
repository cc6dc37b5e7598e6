"""Stepwise's configuration: every environment variable it reads, parsed in one place.

``load_config(os.environ)`` returns a :class:`Config` or raises :class:`EnvError` naming the
variable at fault. ``settings.py`` turns that error into a one-line message at start-up.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

import dj_database_url

from stepwise.lib.env import (
    EnvError,
    read_bool,
    read_int,
    read_list,
    read_secret,
    read_str,
    secret_source,
)

MIN_SECRET_KEY_LENGTH = 50
SQLITE_INIT = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"


@dataclass(frozen=True)
class EmailConfig:
    backend: str
    host: str = ""
    port: int = 587
    user: str = ""
    password: str = ""
    use_tls: bool = True
    from_address: str = "Stepwise <stepwise@localhost>"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    debug: bool
    https: bool
    secret_key: str
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    database: dict[str, Any]
    email: EmailConfig
    time_zone: str
    login_attempts_per_account: int
    login_attempts_per_address: int
    login_lockout_minutes: int
    proxy_count: int
    trusted_proxies: list[str]


def load_config(env: Mapping[str, str]) -> Config:
    data_dir = _data_dir(env)
    debug = read_bool(env, "STEPWISE_DEBUG", default=False)
    return Config(
        data_dir=data_dir,
        debug=debug,
        https=read_bool(env, "STEPWISE_HTTPS", default=not debug),
        secret_key=_secret_key(env, data_dir),
        allowed_hosts=read_list(env, "STEPWISE_ALLOWED_HOSTS", ["localhost", "127.0.0.1"]),
        csrf_trusted_origins=_origins(env),
        database=_database(env, data_dir),
        email=_email(env),
        time_zone=_time_zone(env),
        login_attempts_per_account=read_int(
            env, "STEPWISE_LOGIN_ATTEMPTS_PER_ACCOUNT", default=5, minimum=1
        ),
        login_attempts_per_address=read_int(
            env, "STEPWISE_LOGIN_ATTEMPTS_PER_ADDRESS", default=20, minimum=1
        ),
        login_lockout_minutes=read_int(
            env, "STEPWISE_LOGIN_LOCKOUT_MINUTES", default=15, minimum=1, maximum=24 * 60
        ),
        proxy_count=read_int(env, "STEPWISE_PROXY_COUNT", default=0, maximum=5),
        trusted_proxies=_trusted_proxies(env),
    )


def _data_dir(env: Mapping[str, str]) -> Path:
    raw = read_str(env, "STEPWISE_DATA_DIR") or str(Path.cwd() / "data")
    path = Path(raw).expanduser()
    if path.exists() and not path.is_dir():
        raise EnvError(f"STEPWISE_DATA_DIR is not a directory: {path}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EnvError(f"STEPWISE_DATA_DIR cannot be created: {error.strerror} ({path})") from None
    return path


def _secret_key(env: Mapping[str, str], data_dir: Path) -> str:
    key = read_secret(env, "STEPWISE_SECRET_KEY")
    if key:
        if len(key) < MIN_SECRET_KEY_LENGTH:
            raise EnvError(
                f"{secret_source(env, 'STEPWISE_SECRET_KEY')} must hold at least "
                f"{MIN_SECRET_KEY_LENGTH} characters (it has {len(key)})"
            )
        return key
    stored = data_dir / "secret_key"
    if stored.exists():
        return stored.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(64)
    stored.write_text(key, encoding="utf-8")
    stored.chmod(0o600)
    return key


def _origins(env: Mapping[str, str]) -> list[str]:
    origins = read_list(env, "STEPWISE_CSRF_TRUSTED_ORIGINS", [])
    for origin in origins:
        if not origin.startswith(("http://", "https://")):
            raise EnvError(
                f"STEPWISE_CSRF_TRUSTED_ORIGINS entries must start with http:// or https:// "
                f"(got {origin!r})"
            )
    return origins


def _trusted_proxies(env: Mapping[str, str]) -> list[str]:
    entries = read_list(env, "STEPWISE_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise EnvError(
                f"STEPWISE_TRUSTED_PROXIES entries must be IP addresses or networks (got {entry!r})"
            ) from None
    return entries


def _database(env: Mapping[str, str], data_dir: Path) -> dict[str, Any]:
    url = read_str(env, "STEPWISE_DATABASE_URL") or f"sqlite:///{data_dir / 'stepwise.sqlite3'}"
    try:
        database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
    except (ValueError, KeyError) as error:
        raise EnvError(f"STEPWISE_DATABASE_URL is not a database URL we know: {error}") from None
    engine = str(database.get("ENGINE", ""))
    if engine.endswith("sqlite3"):
        database["OPTIONS"] = {"init_command": SQLITE_INIT, "transaction_mode": "IMMEDIATE"}
    elif engine.endswith("postgresql"):
        database["CONN_HEALTH_CHECKS"] = True
        database["CONN_MAX_AGE"] = read_int(
            env, "STEPWISE_DATABASE_CONN_MAX_AGE", default=60, maximum=3600
        )
    else:
        raise EnvError("STEPWISE_DATABASE_URL must point at SQLite or PostgreSQL")
    return database


def _email(env: Mapping[str, str]) -> EmailConfig:
    host = read_str(env, "STEPWISE_SMTP_HOST")
    sender = read_str(env, "STEPWISE_EMAIL_FROM") or "Stepwise <stepwise@localhost>"
    if "@" not in sender:
        raise EnvError(f"STEPWISE_EMAIL_FROM must contain an email address (got {sender!r})")
    if not host:
        return EmailConfig(
            backend="django.core.mail.backends.console.EmailBackend", from_address=sender
        )
    return EmailConfig(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=host,
        port=read_int(env, "STEPWISE_SMTP_PORT", default=587, minimum=1, maximum=65535),
        user=read_str(env, "STEPWISE_SMTP_USER"),
        password=read_secret(env, "STEPWISE_SMTP_PASSWORD"),
        use_tls=read_bool(env, "STEPWISE_SMTP_TLS", default=True),
        from_address=sender,
    )


def _time_zone(env: Mapping[str, str]) -> str:
    zone = read_str(env, "STEPWISE_TIME_ZONE") or "UTC"
    if zone not in available_timezones():
        raise EnvError(f"STEPWISE_TIME_ZONE is not a known time zone (got {zone!r})")
    return zone

"""Serving Stepwise with gunicorn from the `stepwise serve` command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from stepwise.wsgi import application

        return application


def run_server(*, host: str, port: int, workers: int, announce: Callable[[str], None]) -> None:
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    url = f"http://{host}:{port}/"

    def when_ready(_server: Any) -> None:
        announce(url)
        connections.close_all()

    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "warning",
        "when_ready": when_ready,
        "pre_fork": _close_connections_before_fork,
        "forwarded_allow_ips": forwarded_allow_ips(),
    }
    connections.close_all()
    _Gunicorn(options).run()


def forwarded_allow_ips() -> str:
    """The addresses gunicorn takes X-Forwarded-Proto from: the configured proxies, and
    nobody when no proxy is configured (``STEPWISE_PROXY_COUNT=0``)."""
    return ",".join(settings.TRUSTED_PROXIES) if settings.PROXY_COUNT else ""


def _close_connections_before_fork(_server: Any, _worker: Any) -> None:
    """The master migrated and looked for the demo: a connection it kept open would be
    inherited by every worker, several processes talking over one socket (answers crossed
    between people, workers hung). Each worker opens its own instead."""
    connections.close_all()

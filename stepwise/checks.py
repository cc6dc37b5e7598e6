"""Stepwise's own system checks, run by `stepwise manage check [--deploy]` and at start-up."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def any_host_allowed(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """``STEPWISE_ALLOWED_HOSTS=*`` answers any Host header, so a forged one ends up in the
    links Stepwise e-mails (a password reset pointing at someone else's site)."""
    if "*" not in settings.ALLOWED_HOSTS:
        return []
    return [
        checks.Warning(
            "STEPWISE_ALLOWED_HOSTS lets Stepwise answer to any host name ('*').",
            hint=(
                "Name the host names people use, e.g. "
                "STEPWISE_ALLOWED_HOSTS=stepwise.example.com: with '*' a forged Host header "
                "ends up in the links of password-reset e-mails."
            ),
            id="stepwise.W001",
        )
    ]

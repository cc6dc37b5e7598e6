"""Every sign-in, failed sign-in and sign-out, from any door, lands in the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from stepwise.people.audit import record_event
from stepwise.people.models import AuditEvent, User


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest | None, user: User, **_: Any) -> None:
    record_event(AuditEvent.Kind.LOGIN, request=request, actor=user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: HttpRequest | None, user: User | None, **_: Any) -> None:
    if user is not None:
        record_event(AuditEvent.Kind.LOGOUT, request=request, actor=user)


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **_: Any
) -> None:
    blocked = getattr(request, "stepwise_login_blocked", False)
    kind = AuditEvent.Kind.LOGIN_BLOCKED if blocked else AuditEvent.Kind.LOGIN_FAILED
    record_event(kind, request=request, username=str(credentials.get("username", "")))

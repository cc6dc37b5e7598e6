"""Writing the audit log, and reading the client's address and agent from a request."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from stepwise.people.models import AuditEvent, User


def client_address(request: HttpRequest | None) -> str | None:
    """The address the request came from.

    Behind ``PROXY_COUNT`` trusted reverse proxies, that is the entry the outermost proxy
    added to ``X-Forwarded-For``; entries further left could be forged by the client.
    """
    if request is None:
        return None
    proxies = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        candidate = forwarded[-proxies]
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None


def record_event(
    kind: AuditEvent.Kind,
    *,
    request: HttpRequest | None = None,
    actor: User | None = None,
    subject: User | None = None,
    username: str = "",
    **detail: Any,
) -> AuditEvent:
    agent = request.META.get("HTTP_USER_AGENT", "")[:200] if request is not None else ""
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        subject=subject,
        username=(username or (actor.username if actor else ""))[:150].lower(),
        ip_address=client_address(request),
        user_agent=agent,
        detail=detail,
    )

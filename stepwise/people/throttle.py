"""Failed-login throttling per account and per address, read from the audit log."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from stepwise.people.models import AuditEvent


@dataclass(frozen=True)
class Lockout:
    until: datetime

    def minutes_left(self, now: datetime | None = None) -> int:
        seconds = (self.until - (now or timezone.now())).total_seconds()
        return max(1, math.ceil(seconds / 60))

    @property
    def message(self) -> str:
        minutes = self.minutes_left()
        unit = "minute" if minutes == 1 else "minutes"
        return f"Too many failed sign-in attempts. Try again in {minutes} {unit}."


def login_lockout(username: str, address: str | None) -> Lockout | None:
    """The lockout in force for this account or address, or None when sign-in may proceed."""
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    since = timezone.now() - window
    failures = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED, at__gte=since)
    candidates = [
        _lockout_from(
            _since_last_login(failures, username.lower()),
            settings.LOGIN_ATTEMPTS_PER_ACCOUNT,
            window,
        ),
    ]
    if address:
        candidates.append(
            _lockout_from(
                failures.filter(ip_address=address), settings.LOGIN_ATTEMPTS_PER_ADDRESS, window
            )
        )
    active = [lock for lock in candidates if lock is not None]
    return max(active, key=lambda lock: lock.until) if active else None


def _since_last_login(failures: QuerySet[AuditEvent], username: str) -> QuerySet[AuditEvent]:
    mine = failures.filter(username=username)
    last_login = (
        AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN, username=username)
        .values_list("at", flat=True)
        .first()
    )
    return mine.filter(at__gt=last_login) if last_login else mine


def _lockout_from(failures: QuerySet[AuditEvent], limit: int, window: timedelta) -> Lockout | None:
    """Locked while ``limit`` failures fall inside the window; free once the oldest leaves it."""
    recent = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    if len(recent) < limit:
        return None
    return Lockout(until=recent[-1] + window)

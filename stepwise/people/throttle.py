"""Failed-sign-in throttling, read from the audit log (decisions 0002 and 0006).

Three limits, each over the last ``LOGIN_LOCKOUT_MINUTES``:

- one account from one address: ``LOGIN_ATTEMPTS_PER_ACCOUNT`` failures lock that pair;
- one address across accounts: ``LOGIN_ATTEMPTS_PER_ADDRESS`` failures lock the address;
- one account from everywhere: ``ACCOUNT_WIDE_FACTOR`` (4) times the per-account limit locks
  the account, except from an address where it signed in successfully in the last
  ``KNOWN_ADDRESS`` (30 days).

So an attacker's wrong passwords lock the attacker's address, not the person they target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from stepwise.people.models import AuditEvent

ACCOUNT_WIDE_FACTOR = 4
"""Failures on one account from all addresses, as a multiple of the one-address limit, before
sign-in to it is allowed only from addresses it used before."""
KNOWN_ADDRESS = timedelta(days=30)
"""How long a successful sign-in makes an address "known" for that account."""


@dataclass(frozen=True)
class Lockout:
    until: datetime
    reason: str = "Too many failed sign-in attempts."

    def minutes_left(self, now: datetime | None = None) -> int:
        seconds = (self.until - (now or timezone.now())).total_seconds()
        return max(1, math.ceil(seconds / 60))

    @property
    def message(self) -> str:
        minutes = self.minutes_left()
        unit = "minute" if minutes == 1 else "minutes"
        return f"{self.reason} Try again in {minutes} {unit}."


UNDER_ATTACK = (
    "This account has had many failed sign-in attempts from elsewhere, so for now it opens "
    "only from a place it was signed in from before."
)


def login_lockout(username: str, address: str | None) -> Lockout | None:
    """The lockout in force for this account from this address, or None when sign-in may
    proceed."""
    now = timezone.now()
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED, at__gte=now - window)
    account_failures = failures.filter(username=username.lower())
    logins = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN, username=username.lower())
    last_login_here = _latest(logins.filter(ip_address=address))
    per_account = settings.LOGIN_ATTEMPTS_PER_ACCOUNT
    candidates = [
        _lockout_from(
            _after(account_failures.filter(ip_address=address), last_login_here),
            per_account,
            window,
        ),
    ]
    if address:
        candidates.append(
            _lockout_from(
                failures.filter(ip_address=address), settings.LOGIN_ATTEMPTS_PER_ADDRESS, window
            )
        )
    known_here = last_login_here is not None and last_login_here >= now - KNOWN_ADDRESS
    if not known_here:
        wide = _lockout_from(
            _after(account_failures, _latest(logins)), per_account * ACCOUNT_WIDE_FACTOR, window
        )
        candidates.append(wide and Lockout(until=wide.until, reason=UNDER_ATTACK))
    active = [lock for lock in candidates if lock is not None]
    return max(active, key=lambda lock: lock.until) if active else None


def address_lockout(address: str | None) -> Lockout | None:
    """The per-address limit alone, for doors that try no particular account: a sign-up that
    hits a taken sign-in name counts here, so names cannot be probed in bulk (decision 0008)."""
    if not address:
        return None
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = AuditEvent.objects.filter(
        kind=AuditEvent.Kind.LOGIN_FAILED, ip_address=address, at__gte=timezone.now() - window
    )
    return _lockout_from(failures, settings.LOGIN_ATTEMPTS_PER_ADDRESS, window)


def _latest(events: QuerySet[AuditEvent]) -> datetime | None:
    return events.values_list("at", flat=True).first()


def _after(failures: QuerySet[AuditEvent], moment: datetime | None) -> QuerySet[AuditEvent]:
    """Failures since a successful sign-in: signing in wipes the slate (for that pair only,
    when the sign-in is the pair's: someone's success elsewhere lifts no attacker's lock)."""
    return failures.filter(at__gt=moment) if moment else failures


def _lockout_from(failures: QuerySet[AuditEvent], limit: int, window: timedelta) -> Lockout | None:
    """Locked while ``limit`` failures fall inside the window; free once the oldest leaves it."""
    recent = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    if len(recent) < limit:
        return None
    return Lockout(until=recent[-1] + window)

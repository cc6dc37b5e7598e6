"""Personal access tokens: their secrets, how long they live, recognising them on a request."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.utils import timezone

from stepwise.people.models import ApiToken, User

LAST_USED_PRECISION = timedelta(minutes=1)
"""``last_used_at`` is written at most this often per token, not on every request."""

LIFETIMES: dict[str, int | None] = {"30": 30, "90": 90, "365": 365, "never": None}
"""What the creator may choose: days the token works, or None for a token that never
expires."""
DEFAULT_LIFETIME_DAYS = 90


class TokenExpired(Exception):
    """A real token that has passed its expiry date."""

    def __init__(self, expired_at: datetime) -> None:
        super().__init__(
            f"This API token expired on {expired_at:%Y-%m-%d}. Create a new one on "
            "Profile → API tokens."
        )


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token_secret() -> str:
    return ApiToken.PREFIX + secrets.token_urlsafe(32)


def expiry_for(days: int | None, *, now: datetime | None = None) -> datetime | None:
    return None if days is None else (now or timezone.now()) + timedelta(days=days)


def person_for_token(raw: str) -> User | None:
    """The active person a token belongs to; None for an unknown or revoked token.

    An expired token raises ``TokenExpired`` so that the caller can say why it was refused.
    Using a token records when it was last used, at most once a minute.
    """
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.filter(revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .filter(key_hash=hash_token(raw))
        .first()
    )
    if token is None:
        return None
    if token.is_expired:
        assert token.expires_at is not None
        raise TokenExpired(token.expires_at)
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user

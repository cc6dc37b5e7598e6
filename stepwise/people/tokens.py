"""Personal access tokens: their secrets, and recognising them on a request."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from stepwise.people.models import ApiToken, User

LAST_USED_PRECISION = timedelta(minutes=5)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token_secret() -> str:
    return ApiToken.PREFIX + secrets.token_urlsafe(32)


def person_for_token(raw: str) -> User | None:
    """The active person a token belongs to, or None for an unknown or revoked token."""
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.usable().select_related("user").filter(key_hash=hash_token(raw)).first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user

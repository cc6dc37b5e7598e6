"""The one write path for people, teams and organisation settings.

Pages, the API and the CLI parse input, then call a ``do_*`` action here. Each action runs in
one transaction, validates, and records an audit event.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from stepwise.people.audit import record_event
from stepwise.people.models import (
    ApiToken,
    AuditEvent,
    Level,
    Organisation,
    RoleTrack,
    Team,
    User,
)
from stepwise.people.tokens import (
    DEFAULT_LIFETIME_DAYS,
    LIFETIMES,
    expiry_for,
    hash_token,
    new_token_secret,
)

PROFILE_FIELDS = (
    "display_name",
    "email",
    "role_track",
    "level",
    "target_level",
    "target_date",
    "manager",
    "team",
    "timezone",
    "weekly_growth_hours",
)


MAX_TOKENS_PER_PERSON = 20


class SignupClosed(Exception):
    """Self-sign-up is turned off and an account already exists."""


@transaction.atomic
def do_sign_up(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str = "",
    request: HttpRequest | None = None,
) -> User:
    """Create an account from the sign-up page; the very first account becomes the admin."""
    organisation = Organisation.objects.select_for_update().get_or_create(pk=1)[0]
    first = not User.objects.exists()
    if not first and not organisation.allow_self_signup:
        raise SignupClosed("Sign-up is closed. Ask your Stepwise admin for an account.")
    user = _create_user(
        username=username,
        email=email,
        password=password,
        display_name=display_name,
        is_admin=first,
    )
    record_event(AuditEvent.Kind.SIGNUP, request=request, actor=user, first_account=first)
    return user


@transaction.atomic
def do_create_user(
    *,
    created_by: User | None,
    username: str,
    email: str,
    password: str,
    display_name: str = "",
    is_admin: bool = False,
    team: Team | None = None,
    manager: User | None = None,
    level: str = "",
    request: HttpRequest | None = None,
) -> User:
    """Create an account for someone else (an admin's page, the CLI, the demo)."""
    user = _create_user(
        username=username,
        email=email,
        password=password,
        display_name=display_name,
        is_admin=is_admin,
        team=team,
        manager=manager,
        level=level,
    )
    record_event(
        AuditEvent.Kind.USER_CREATED,
        request=request,
        actor=created_by,
        subject=user,
        username=created_by.username if created_by else "",
        admin=is_admin,
    )
    return user


def _create_user(
    *, username: str, email: str, password: str, display_name: str, is_admin: bool, **profile: Any
) -> User:
    user = User(
        username=username.strip(),
        email=User.objects.normalize_email(email.strip()),
        display_name=display_name.strip(),
        is_staff=is_admin,
        is_superuser=is_admin,
        **profile,
    )
    if user.level and user.level not in Level.values:
        raise ValidationError({"level": f"Unknown level {user.level!r}."})
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def do_update_profile(
    *, person: User, changed_by: User, request: HttpRequest | None = None, **changes: Any
) -> list[str]:
    """Change profile fields of ``person``; returns the names of the fields that changed."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(sorted(unknown))}")
    person = User.objects.select_for_update().get(pk=person.pk)
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, changes[name])
    _check_profile(person)
    if not changed:
        return []
    person.save(update_fields=changed)
    record_event(
        AuditEvent.Kind.PROFILE_CHANGED,
        request=request,
        actor=changed_by,
        subject=person,
        fields=changed,
    )
    return changed


def _check_profile(person: User) -> None:
    person.full_clean(exclude=["password", "username"])
    if person.manager is not None:
        _refuse_manager_cycle(person, person.manager)
    if person.role_track not in RoleTrack.values:
        raise ValidationError({"role_track": "Choose a role track from the list."})
    if person.weekly_growth_hours is not None and person.weekly_growth_hours < Decimal(0):
        raise ValidationError({"weekly_growth_hours": "Hours cannot be negative."})


def _refuse_manager_cycle(person: User, manager: User) -> None:
    seen: set[int] = {person.pk}
    current: User | None = manager
    while current is not None:
        if current.pk in seen:
            raise ValidationError(
                {
                    "manager": f"{manager.name} already reports to {person.name}, directly "
                    "or through others; a manager cannot report to their report."
                }
            )
        seen.add(current.pk)
        current = current.manager


@transaction.atomic
def do_create_team(
    *, created_by: User, name: str, description: str = "", request: HttpRequest | None = None
) -> Team:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the team a name."})
    if Team.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"There is already a team called {name!r}."})
    team = Team.objects.create(name=name, description=description.strip())
    record_event(AuditEvent.Kind.TEAM_CREATED, request=request, actor=created_by, team=name)
    return team


@transaction.atomic
def do_update_organisation(
    *,
    changed_by: User,
    request: HttpRequest | None = None,
    name: str | None = None,
    allow_self_signup: bool | None = None,
) -> Organisation:
    organisation = Organisation.objects.select_for_update().get_or_create(pk=1)[0]
    changes = {"name": name, "allow_self_signup": allow_self_signup}
    changed = {k: v for k, v in changes.items() if v is not None and getattr(organisation, k) != v}
    for field, value in changed.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])
        record_event(
            AuditEvent.Kind.SETTINGS_CHANGED, request=request, actor=changed_by, changes=changed
        )
    return organisation


@transaction.atomic
def do_create_api_token(
    *,
    owner: User,
    name: str,
    lifetime_days: int | None = DEFAULT_LIFETIME_DAYS,
    request: HttpRequest | None = None,
) -> tuple[ApiToken, str]:
    """Create a token that works for ``lifetime_days`` (None: until revoked); returns it with
    the secret, which is never shown again."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Name the token after where you will use it."})
    if lifetime_days not in LIFETIMES.values():
        raise ValidationError({"lifetime": "A token lives 30, 90 or 365 days, or until revoked."})
    if owner.api_tokens.usable().count() >= MAX_TOKENS_PER_PERSON:
        raise ValidationError(
            {"name": f"You have {MAX_TOKENS_PER_PERSON} tokens; revoke one you no longer use."}
        )
    raw = new_token_secret()
    token = ApiToken.objects.create(
        user=owner,
        name=name[:80],
        key_hash=hash_token(raw),
        key_hint=raw[:8],
        expires_at=expiry_for(lifetime_days),
    )
    record_event(
        AuditEvent.Kind.TOKEN_CREATED,
        request=request,
        actor=owner,
        token=token.name,
        lifetime_days=lifetime_days,
    )
    return token, raw


@transaction.atomic
def do_revoke_api_token(*, token: ApiToken, request: HttpRequest | None = None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(
            AuditEvent.Kind.TOKEN_REVOKED, request=request, actor=token.user, token=token.name
        )
    return token

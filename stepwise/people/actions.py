"""The one write path for people, teams and organisation settings.

Pages, the API and the CLI parse input, then call a ``do_*`` action here. Each action runs in
one transaction, validates, and records an audit event.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from stepwise.access.people import can_place_people, may_answer_placement
from stepwise.people import confirmation
from stepwise.people.audit import record_event
from stepwise.people.models import (
    ApiToken,
    AuditEvent,
    Level,
    Organisation,
    PlacementRequest,
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

PROFILE_FIELDS = (  # the address changes through do_request_email_change, confirmed by mail
    "display_name",
    "role_track",
    "level",
    "target_level",
    "target_date",
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
) -> User | None:
    """Create an account from the sign-up page (decision 0008).

    The very first account becomes the admin and is ready at once. A later one waits,
    inactive, until its owner follows the link mailed to its address. An address that
    already has an account gets no second one, and its owner an e-mail: the answer is None,
    and the page must look the same as for a new account."""
    organisation = Organisation.objects.select_for_update().get_or_create(pk=1)[0]
    first = not User.objects.exists()
    if not first and not organisation.allow_self_signup:
        raise SignupClosed("Sign-up is closed. Ask your Stepwise admin for an account.")
    owner = User.objects.filter(email__iexact=email.strip()).first()
    if owner is not None:
        make_password(password)  # the work of a new account, so the timing tells nothing
        record_event(
            AuditEvent.Kind.SIGNUP_ADDRESS_IN_USE,
            request=request,
            subject=owner,
            username=username,
            account_created=False,
        )
        transaction.on_commit(lambda: confirmation.send_address_in_use(owner, request))
        return None
    user = _create_user(
        username=username,
        email=email,
        password=password,
        display_name=display_name,
        is_admin=first,
        is_active=first,
    )
    record_event(
        AuditEvent.Kind.SIGNUP,
        request=request,
        actor=user,
        first_account=first,
        awaiting_confirmation=not first,
    )
    if not first:
        transaction.on_commit(lambda: confirmation.send_confirmation(user, request))
    return user


@transaction.atomic
def do_confirm_sign_up(*, person: User, request: HttpRequest | None = None) -> User:
    """The owner of a new account followed the link mailed to its address: open it."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if not confirmation.awaits_confirmation(person):
        raise ValidationError("This account does not wait for confirmation.")
    person.is_active = True
    person.save(update_fields=["is_active"])
    record_event(AuditEvent.Kind.SIGNUP, request=request, actor=person, confirmed=True)
    return person


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
        team=team.name if team else None,
        manager=manager.username if manager else None,
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
    """Change profile fields of ``person``; returns the names of the fields that changed.

    Manager and team are not profile fields: they grant access, so an admin sets them
    (``do_place_person``) or the person asks and the manager or team lead confirms."""
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


@transaction.atomic
def do_request_email_change(
    *, person: User, email: str, request: HttpRequest | None = None
) -> bool:
    """Ask to change one's address: a link goes to the new address, and the address changes
    when it is followed (``do_confirm_email_change``). When the address belongs to another
    account, its owner gets an e-mail instead and the answer is the same, so the profile
    never tells who has an account (decision 0008). False when the address is the same."""
    email = User.objects.normalize_email(email.strip())
    if email.lower() == person.email.lower():
        return False
    validate_email(email)
    owner = User.objects.filter(email__iexact=email).exclude(pk=person.pk).first()
    record_event(
        AuditEvent.Kind.EMAIL_CHANGE_REQUESTED,
        request=request,
        actor=person,
        subject=person,
        address_in_use=owner is not None,
    )
    if owner is None:
        transaction.on_commit(lambda: confirmation.send_email_change(person, email, request))
    else:
        transaction.on_commit(lambda: confirmation.send_email_change_address_in_use(owner, request))
    return True


@transaction.atomic
def do_confirm_email_change(
    *, person: User, email: str, request: HttpRequest | None = None
) -> User:
    """The person followed the link mailed to their new address: it becomes theirs."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if User.objects.filter(email__iexact=email).exclude(pk=person.pk).exists():
        raise ValidationError({"email": "This address can no longer be yours; ask for another."})
    person.email = email
    person.save(update_fields=["email"])
    record_event(
        AuditEvent.Kind.PROFILE_CHANGED,
        request=request,
        actor=person,
        subject=person,
        fields=["email"],
        confirmed_by_link=True,
    )
    return person


def _check_profile(person: User) -> None:
    person.full_clean(exclude=["password", "username"])
    if person.role_track not in RoleTrack.values:
        raise ValidationError({"role_track": "Choose a role track from the list."})
    if person.weekly_growth_hours is not None and person.weekly_growth_hours < Decimal(0):
        raise ValidationError({"weekly_growth_hours": "Hours cannot be negative."})


def check_manager(person: User, manager: User) -> None:
    """Refuse a manager who reports to ``person``, directly or through others."""
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


# ---- manager and team: set by an admin, or asked for and confirmed ------------------------


def check_placement(
    *, person: User, placed_by: User, team: Team | None, manager: User | None
) -> None:
    """Refuse a placement that is impossible, or by which the admin making it would grant
    themselves access: becoming someone's manager, joining a team, or moving someone into
    their own team. Another admin may do it, or the person asks and the admin confirms."""
    if manager is not None:
        if manager.pk == person.pk:
            raise ValidationError({"manager": "Nobody can be their own manager."})
        check_manager(person, manager)
        if manager.pk == placed_by.pk and person.manager_id != manager.pk:
            raise ValidationError({"manager": SELF_GRANT["manager"].format(person=person.name)})
    if team is None or team.pk == person.team_id:
        return
    if person.pk == placed_by.pk:
        raise ValidationError({"team": SELF_GRANT["join"].format(team=team.name)})
    if team.pk == placed_by.team_id:
        raise ValidationError({"team": SELF_GRANT["own_team"].format(person=person.name)})


SELF_GRANT = {
    "manager": "You cannot make yourself {person}'s manager: that would show you their goals "
    "without their say. Ask another admin, or {person} asks for you on their profile and "
    "you confirm.",
    "join": "You cannot put yourself in {team}: that would show you its goals without its "
    "say. Ask to join from your profile (its lead confirms), or ask another admin.",
    "own_team": "{person} would join your own team, which would show you their team goals "
    "without their say. Ask another admin, or {person} asks to join and the lead confirms.",
}

REQUEST_SENT = "If that person has a Stepwise account, they will see your request."


@transaction.atomic
def do_place_person(
    *,
    person: User,
    placed_by: User,
    team: Team | None,
    manager: User | None,
    request: HttpRequest | None = None,
) -> list[str]:
    """An admin sets a person's team and manager directly; returns what changed."""
    if not can_place_people(placed_by):
        raise PermissionDenied("Only an admin sets someone's manager or team.")
    person = User.objects.select_for_update().get(pk=person.pk)
    wanted = {"team": team, "manager": manager}
    changed = [name for name, value in wanted.items() if getattr(person, name) != value]
    check_placement(person=person, placed_by=placed_by, team=team, manager=manager)
    if not changed:
        return []
    for name in changed:
        setattr(person, name, wanted[name])
    person.save(update_fields=changed)
    record_event(
        AuditEvent.Kind.PLACEMENT_SET,
        request=request,
        actor=placed_by,
        subject=person,
        fields=changed,
        team=team.name if team else None,
        manager=manager.username if manager else None,
    )
    return changed


@transaction.atomic
def do_request_manager(
    *, person: User, asked_for: str, request: HttpRequest | None = None
) -> PlacementRequest:
    """Ask someone, named by sign-in name or e-mail, to become one's manager.

    The request is recorded the same way whether or not the account exists, so asking
    reveals nothing about who uses Stepwise; only a matching account sees it."""
    asked_for = asked_for.strip()
    if not asked_for:
        raise ValidationError({"manager": "Type your manager's sign-in name or e-mail address."})
    if len(asked_for) > 254:
        raise ValidationError({"manager": "A sign-in name or e-mail address is shorter than that."})
    if asked_for.lower() in {person.username.lower(), person.email.lower()}:
        raise ValidationError({"manager": "You cannot be your own manager."})
    manager = (
        User.objects.active()
        .exclude(pk=person.pk)
        .filter(Q(username__iexact=asked_for) | Q(email__iexact=asked_for))
        .order_by("pk")
        .first()
    )
    if manager is not None and manager.pk == person.manager_id:
        raise ValidationError({"manager": f"{manager.name} is already your manager."})
    return _open_request(
        person, PlacementRequest.Kind.MANAGER, asked_for, manager=manager, request=request
    )


@transaction.atomic
def do_request_team(
    *, person: User, team: Team, request: HttpRequest | None = None
) -> PlacementRequest:
    """Ask to join a team; its lead (or an admin, when it has none) confirms."""
    if team.pk == person.team_id:
        raise ValidationError({"team": f"You are already in {team.name}."})
    return _open_request(person, PlacementRequest.Kind.TEAM, team.name, team=team, request=request)


def _open_request(
    person: User,
    kind: PlacementRequest.Kind,
    asked_for: str,
    *,
    manager: User | None = None,
    team: Team | None = None,
    request: HttpRequest | None,
) -> PlacementRequest:
    """A new request replaces the person's earlier one of the same kind."""
    User.objects.select_for_update().filter(pk=person.pk).first()  # one request at a time
    for earlier in PlacementRequest.objects.pending().filter(person=person, kind=kind):
        _close(earlier, PlacementRequest.State.CANCELLED, by=person)
        _record_answer(AuditEvent.Kind.PLACEMENT_CANCELLED, earlier, request, replaced=True)
    placement = PlacementRequest.objects.create(
        person=person, kind=kind, asked_for=asked_for, manager=manager, team=team
    )
    record_event(
        AuditEvent.Kind.PLACEMENT_REQUESTED,
        request=request,
        actor=person,
        subject=person,
        placement=placement.pk,
        about=kind.value,
        asked_for=asked_for,
        matched=manager.username if manager else (team.name if team else None),
    )
    return placement


@transaction.atomic
def do_answer_placement_request(
    *,
    placement: PlacementRequest,
    answered_by: User,
    confirm: bool,
    reason: str = "",
    request: HttpRequest | None = None,
) -> PlacementRequest:
    """The manager, the team's lead or an admin confirms (the change takes effect now) or
    declines with a reason (nothing changes)."""
    placement = PlacementRequest.objects.select_for_update().get(pk=placement.pk)
    if not placement.is_pending:
        raise ValidationError("This request was already answered or withdrawn.")
    if not may_answer_placement(answered_by, placement):
        raise PermissionDenied("Only the manager or team lead asked can answer this request.")
    reason = reason.strip()
    if confirm:
        _apply(placement)
        _close(placement, PlacementRequest.State.CONFIRMED, by=answered_by)
        _record_answer(AuditEvent.Kind.PLACEMENT_CONFIRMED, placement, request)
    else:
        if not reason:
            raise ValidationError({"reason": "Say in a line why, so they know what to do next."})
        _close(placement, PlacementRequest.State.DECLINED, by=answered_by, reason=reason)
        _record_answer(AuditEvent.Kind.PLACEMENT_DECLINED, placement, request, reason=reason)
    return placement


def _apply(placement: PlacementRequest) -> None:
    person = User.objects.select_for_update().get(pk=placement.person_id)
    if placement.kind == PlacementRequest.Kind.TEAM:
        person.team = placement.team
        person.save(update_fields=["team"])
        return
    if placement.manager is None:
        raise ValidationError("No account matched the name they gave; decline it instead.")
    check_manager(person, placement.manager)
    person.manager = placement.manager
    person.save(update_fields=["manager"])


def _close(
    placement: PlacementRequest, state: PlacementRequest.State, *, by: User, reason: str = ""
) -> None:
    placement.state = state
    placement.answered_by = by
    placement.answered_at = timezone.now()
    placement.reason = reason
    placement.save(update_fields=["state", "answered_by", "answered_at", "reason"])


def _record_answer(
    kind: AuditEvent.Kind, placement: PlacementRequest, request: HttpRequest | None, **detail: Any
) -> None:
    record_event(
        kind,
        request=request,
        actor=placement.answered_by,
        subject=placement.person,
        placement=placement.pk,
        about=placement.kind,
        asked_for=placement.asked_for,
        **detail,
    )


@transaction.atomic
def do_cancel_placement_request(
    *, placement: PlacementRequest, person: User, request: HttpRequest | None = None
) -> PlacementRequest:
    """The person withdraws their own request before it is answered."""
    placement = PlacementRequest.objects.select_for_update().get(pk=placement.pk)
    if placement.person_id != person.pk:
        raise PermissionDenied("Only the person who asked can withdraw a request.")
    if not placement.is_pending:
        raise ValidationError("This request was already answered or withdrawn.")
    _close(placement, PlacementRequest.State.CANCELLED, by=person)
    _record_answer(AuditEvent.Kind.PLACEMENT_CANCELLED, placement, request)
    return placement


@transaction.atomic
def do_leave_team(*, person: User, request: HttpRequest | None = None) -> bool:
    """Leave one's team (it only takes access away, so nobody needs to confirm)."""
    return _leave(person, "team", request)


@transaction.atomic
def do_remove_manager(*, person: User, request: HttpRequest | None = None) -> bool:
    """Stop reporting to one's manager (it only takes access away)."""
    return _leave(person, "manager", request)


def _leave(person: User, field: str, request: HttpRequest | None) -> bool:
    person = User.objects.select_for_update(of=("self",)).select_related(field).get(pk=person.pk)
    former = getattr(person, field)
    if former is None:
        return False
    setattr(person, field, None)
    person.save(update_fields=[field])
    name = former.name if isinstance(former, Team) else former.username
    record_event(
        AuditEvent.Kind.PLACEMENT_LEFT,
        request=request,
        actor=person,
        subject=person,
        **{field: name},
    )
    return True


@transaction.atomic
def do_create_team(
    *,
    created_by: User,
    name: str,
    description: str = "",
    lead: User | None = None,
    request: HttpRequest | None = None,
) -> Team:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the team a name."})
    if Team.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"There is already a team called {name!r}."})
    team = Team.objects.create(name=name, description=description.strip(), lead=lead)
    record_event(
        AuditEvent.Kind.TEAM_CREATED,
        request=request,
        actor=created_by,
        team=name,
        lead=lead.username if lead else None,
    )
    return team


@transaction.atomic
def do_set_team_lead(
    *, team: Team, lead: User | None, set_by: User, request: HttpRequest | None = None
) -> Team:
    """An admin names who confirms joins to a team (or nobody: then admins confirm)."""
    if not can_place_people(set_by):
        raise PermissionDenied("Only an admin sets a team's lead.")
    team = Team.objects.select_for_update().get(pk=team.pk)
    if team.lead_id != (lead.pk if lead else None):
        team.lead = lead
        team.save(update_fields=["lead"])
        record_event(
            AuditEvent.Kind.TEAM_LEAD_SET,
            request=request,
            actor=set_by,
            subject=lead,
            team=team.name,
            lead=lead.username if lead else None,
        )
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

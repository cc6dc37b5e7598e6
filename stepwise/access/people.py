"""Who may see and change people: profiles, API tokens, reporting lines and teams; the
signed-in person; admin-only pages. Imports the people app only (see ``stepwise.access``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from stepwise.people.models import ApiToken, PlacementRequest, PlacementRequestQuerySet, Team, User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])

Person = User | AnonymousUser


def signed_in(request: HttpRequest) -> User:
    """The person making the request; only for views that require a signed-in person."""
    assert isinstance(request.user, User)
    return request.user


def is_admin(user: Person) -> bool:
    return isinstance(user, User) and user.is_admin


def visible_people(user: Person) -> QuerySet[User]:
    """People whose profile ``user`` may see: themselves, their reports, their manager,
    their team, and for an admin everyone."""
    if not isinstance(user, User) or not user.is_active:
        return User.objects.none()
    if user.is_admin:
        return User.objects.all()
    shared = Q(pk=user.pk) | Q(manager=user) | Q(pk=user.manager_id)
    if user.team_id:
        shared |= Q(team_id=user.team_id)
    return User.objects.filter(shared, is_active=True)


def access_person(user: Person, person_id: int, *, for_change: bool = False) -> User:
    """The person ``person_id`` if ``user`` may see them (or change them, with
    ``for_change``); otherwise 404."""
    try:
        person = visible_people(user).get(pk=person_id)
    except User.DoesNotExist:
        raise Http404("No such person") from None
    if for_change and not can_change_profile(user, person):
        raise Http404("No such person")
    return person


def access_api_token(user: Person, token_id: int) -> ApiToken:
    """One of the person's own API tokens; anyone else's is 404."""
    if not isinstance(user, User):
        raise Http404("No such token")
    try:
        return ApiToken.objects.get(pk=token_id, user=user)
    except ApiToken.DoesNotExist:
        raise Http404("No such token") from None


def can_change_profile(user: Person, person: User) -> bool:
    return isinstance(user, User) and user.is_active and (user.pk == person.pk or user.is_admin)


# ---- reporting lines and teams -----------------------------------------------------------
# A person never gives themselves access: an admin places people, or the person asks and the
# manager (or the team's lead) confirms. Leaving a team or one's manager only takes access
# away, so the person may do that alone.


def can_place_people(user: Person) -> bool:
    """Who sets anyone's manager and team directly: admins only."""
    return is_admin(user)


def teams_to_join(user: Person) -> QuerySet[Team]:
    """Teams a person may ask to join: every team but their own (team names are not private:
    knowing a team exists reveals no one's work)."""
    if not isinstance(user, User) or not user.is_active:
        return Team.objects.none()
    return Team.objects.exclude(pk=user.team_id) if user.team_id else Team.objects.all()


def placement_requests_waiting_for(user: Person) -> PlacementRequestQuerySet:
    """Pending requests ``user`` is asked to answer: to become someone's manager, to let
    someone join a team they lead and, for an admin, to join a team that has no lead."""
    if not isinstance(user, User) or not user.is_active:
        return PlacementRequest.objects.none()
    waiting = Q(kind=PlacementRequest.Kind.MANAGER, manager=user) | Q(
        kind=PlacementRequest.Kind.TEAM, team__lead=user
    )
    if user.is_admin:
        waiting |= Q(kind=PlacementRequest.Kind.TEAM, team__lead__isnull=True)
    return (
        PlacementRequest.objects.pending()
        .filter(waiting, person__is_active=True)
        .select_related("person", "team", "manager")
    )


def may_answer_placement(user: Person, placement: PlacementRequest) -> bool:
    """The addressed manager, the team's lead, or an admin; nobody answers their own."""
    if not isinstance(user, User) or not user.is_active or placement.person_id == user.pk:
        return False
    if user.is_admin:
        return True
    if placement.kind == PlacementRequest.Kind.MANAGER:
        return placement.manager_id == user.pk
    return placement.team is not None and placement.team.lead_id == user.pk


def access_placement_request_to_answer(user: Person, request_id: int) -> PlacementRequest:
    """A pending request ``user`` may confirm or decline; anything else is 404."""
    placement = (
        PlacementRequest.objects.pending()
        .select_related("person", "team", "manager")
        .filter(pk=request_id)
        .first()
    )
    if placement is None or not may_answer_placement(user, placement):
        raise Http404("No such request")
    return placement


def own_placement_requests(user: Person) -> PlacementRequestQuerySet:
    """The person's own requests still waiting for an answer."""
    if not isinstance(user, User) or not user.is_active:
        return PlacementRequest.objects.none()
    return PlacementRequest.objects.pending().filter(person=user).select_related("team")


def access_own_placement_request(user: Person, request_id: int) -> PlacementRequest:
    """One of the person's own pending requests (to withdraw it); anyone else's is 404."""
    try:
        return own_placement_requests(user).get(pk=request_id)
    except PlacementRequest.DoesNotExist:
        raise Http404("No such request") from None


def admin_required(view: ViewFunc) -> ViewFunc:
    """Admin-only pages answer 404 to everyone else, like anything they may not see."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_admin(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def can_restore_for_others(user: Person) -> bool:
    """Who brings back what someone else deleted (an assessment, in the Django admin)."""
    return is_admin(user)

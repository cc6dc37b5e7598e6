"""The one permission policy: who may see and change what in Stepwise.

Every door (page, API operation, CLI command, export, feed, search) asks here. Objects a
person may not see are reported as missing (404), so their existence does not leak.

Roles, as the product defines them:
- a person owns their profile and (later) their goals, assessments and learning plan;
- their manager sees what they share with their manager, and their profile;
- teammates and the organisation see what visibility allows;
- a mentor sees only what they are invited to;
- an admin runs the installation: people, teams, settings (not others' private content).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Field, ForeignObjectRel, Model, Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404, HttpRequest, HttpResponse

from stepwise.goals.models import (
    CheckIn,
    Goal,
    GoalEvent,
    GoalMentor,
    GoalQuerySet,
    GoalStatus,
    Step,
    Visibility,
)
from stepwise.people.models import ApiToken, PlacementRequest, PlacementRequestQuerySet, Team, User
from stepwise.skills.models import (
    Assessment,
    AssessmentEvent,
    AssessmentKind,
    AssessmentQuerySet,
    Rating,
)

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])

Person = User | AnonymousUser


def is_admin(user: Person) -> bool:
    return isinstance(user, User) and user.is_admin


def manages(manager: Person, person: User) -> bool:
    """True when ``manager`` is ``person``'s direct manager."""
    return isinstance(manager, User) and manager.is_active and person.manager_id == manager.pk


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


# ---- goals -------------------------------------------------------------------------------

SHARED_STATUSES = (GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.COMPLETED, GoalStatus.DROPPED)
FOR_MANAGER = (Visibility.MANAGER, Visibility.TEAM, Visibility.ORGANISATION)
FOR_TEAM = (Visibility.TEAM, Visibility.ORGANISATION)


def visible_goals(user: Person) -> GoalQuerySet:
    """Goals (not in the trash) ``user`` may see.

    Their own, always. Others' goals only once out of draft, and then: their manager sees
    goals shared with the manager, team or organisation; teammates see team and
    organisation goals; everyone sees organisation goals; a mentor sees the goals they are
    invited to. Admins get no extra view of others' goals.
    """
    if not isinstance(user, User) or not user.is_active:
        return Goal.objects.none()
    others = Q(owner__manager=user, visibility__in=FOR_MANAGER) | Q(
        visibility=Visibility.ORGANISATION
    )
    if user.team_id:
        others |= Q(owner__team_id=user.team_id, visibility__in=FOR_TEAM)
    others |= Q(pk__in=GoalMentor.objects.filter(mentor=user).values("goal_id"))
    return Goal.objects.alive().filter(Q(owner=user) | (others & Q(status__in=SHARED_STATUSES)))


def own_goals(user: Person) -> GoalQuerySet:
    """The person's own goals (not in the trash): the simplest question the policy answers."""
    if not isinstance(user, User) or not user.is_active:
        return Goal.objects.none()
    return Goal.objects.alive().filter(owner=user)


def access_goal(user: Person, goal_id: int, *, for_change: bool = False) -> Goal:
    """The goal if ``user`` may see it (and change it, with ``for_change``: only its owner
    changes a goal); otherwise 404."""
    goals = visible_goals(user)
    if for_change:
        goals = goals.filter(owner=user) if isinstance(user, User) else goals.none()
    try:
        return goals.select_related("owner").get(pk=goal_id)
    except Goal.DoesNotExist:
        raise Http404("No such goal") from None


def access_step(user: Person, step_id: int, *, for_change: bool = False) -> Step:
    """A step of a goal ``user`` may see (or change); otherwise 404."""
    goals = visible_goals(user)
    if for_change:
        goals = goals.filter(owner=user) if isinstance(user, User) else goals.none()
    try:
        return Step.objects.alive().select_related("goal").get(pk=step_id, goal__in=goals)
    except Step.DoesNotExist:
        raise Http404("No such step") from None


def access_checkin(user: Person, checkin_id: int, *, for_change: bool = False) -> CheckIn:
    """A check-in of a goal ``user`` may see (or change); otherwise 404."""
    goals = visible_goals(user)
    if for_change:
        goals = goals.filter(owner=user) if isinstance(user, User) else goals.none()
    try:
        return CheckIn.objects.select_related("goal").get(
            pk=checkin_id, goal__in=goals, deleted_at__isnull=True
        )
    except CheckIn.DoesNotExist:
        raise Http404("No such check-in") from None


def trashed_goals(user: Person) -> GoalQuerySet:
    """The person's own goals in the trash; nobody sees another's trash."""
    if not isinstance(user, User) or not user.is_active:
        return Goal.objects.none()
    return Goal.objects.in_trash().filter(owner=user)


def access_trashed_goal(user: Person, goal_id: int) -> Goal:
    try:
        return trashed_goals(user).get(pk=goal_id)
    except Goal.DoesNotExist:
        raise Http404("No such goal") from None


def admin_required(view: ViewFunc) -> ViewFunc:
    """Admin-only pages answer 404 to everyone else, like anything they may not see."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_admin(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


# ---- assessments -------------------------------------------------------------------------


def visible_assessments(user: Person) -> AssessmentQuerySet:
    """Assessments ``user`` may see: the ones they made, the ones about them that their
    manager shared with them, and their reports' self-assessments shared with them.
    Self-assessments are private until shared; admins get no extra view."""
    if not isinstance(user, User) or not user.is_active:
        return Assessment.objects.none()
    shared_with_me = Q(person=user, kind=AssessmentKind.MANAGER)
    shared_by_report = Q(person__manager=user, kind=AssessmentKind.SELF)
    shared = (shared_with_me | shared_by_report) & Q(shared_at__isnull=False)
    return Assessment.objects.alive().filter(Q(assessor=user) | shared)


def access_assessment(user: Person, assessment_id: int, *, for_change: bool = False) -> Assessment:
    """The assessment if ``user`` may see it (or change it, with ``for_change``: only the one
    who made it); otherwise 404."""
    assessments = visible_assessments(user)
    if for_change:
        assessments = assessments.filter(assessor=user) if isinstance(user, User) else assessments
    try:
        return assessments.with_ratings().get(pk=assessment_id)
    except Assessment.DoesNotExist:
        raise Http404("No such assessment") from None


def latest_self_assessment(person: Person) -> Assessment | None:
    """The person's own latest finished self-assessment, with its ratings."""
    if not isinstance(person, User):
        return None
    return (
        visible_assessments(person)
        .completed()
        .filter(person=person, kind=AssessmentKind.SELF)
        .with_ratings()
        .order_by("-completed_at")
        .first()
    )


def assessable_people(user: Person) -> QuerySet[User]:
    """Whom ``user`` may assess: themselves and their direct reports."""
    if not isinstance(user, User) or not user.is_active:
        return User.objects.none()
    return User.objects.filter(Q(pk=user.pk) | Q(manager=user), is_active=True)


def access_assessable_person(user: Person, person_id: int) -> User:
    try:
        return assessable_people(user).get(pk=person_id)
    except User.DoesNotExist:
        raise Http404("No such person") from None


# ---- the Django admin --------------------------------------------------------------------
# An admin administers accounts, teams, frameworks and settings, and restores deleted
# things; they read nobody's private content, in the app or in the Django admin (decision
# 0006). The admin shows who, when and in what state, never these fields.

ADMIN_HIDDEN_FIELDS: dict[type[Model], frozenset[str]] = {
    Assessment: frozenset({"summary"}),
    AssessmentEvent: frozenset({"detail"}),
    Rating: frozenset(
        {"score", "evidence", "evidence_links", "is_strength", "is_weakness", "is_interest"}
    ),
    Goal: frozenset(
        {
            "title",
            "description",
            "why",
            "metric_unit",
            "outcome",
            "evidence",
            "evidence_links",
            "drop_reason",
        }
    ),
    Step: frozenset({"title", "evidence"}),
    CheckIn: frozenset({"note", "blockers"}),
    GoalEvent: frozenset({"changes", "reason"}),
}


def can_restore_for_others(user: Person) -> bool:
    """Who brings back what someone else deleted (an assessment, in the Django admin)."""
    return is_admin(user)


def admin_may_filter_by(model: type[Model], lookup: str) -> bool:
    """False when a Django admin query-string lookup (``summary__startswith``,
    ``ratings__evidence__contains``) reads a private field of ``model`` or of a model it
    reaches through relations: a filter that answers "1 result" spells out a text letter by
    letter as surely as showing it."""
    for part in lookup.split(LOOKUP_SEP):
        field = _field_named(model, part)
        if field is None:
            return True  # a lookup or transform (startswith, isnull): no field after it
        if field.name in ADMIN_HIDDEN_FIELDS.get(model, frozenset()):
            return False
        target = field.related_model if field.is_relation else None
        if not isinstance(target, type):
            return True
        model = target
    return True


def _field_named(model: type[Model], part: str) -> Field[Any, Any] | ForeignObjectRel | None:
    """The field a lookup's part names: a field, or a relation by its query name."""
    for field in model._meta.get_fields(include_hidden=True):
        if field.name == part or getattr(field, "attname", None) == part:
            return field  # type: ignore[return-value]
        if isinstance(field, ForeignObjectRel) and field.field.related_query_name() == part:
            return field
    return None


def admin_fields(model: type[Model]) -> tuple[str, ...]:
    """What the Django admin may show of ``model``: its fields but the private ones."""
    hidden = ADMIN_HIDDEN_FIELDS.get(model, frozenset())
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and field.name not in hidden
    )

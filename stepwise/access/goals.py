"""Who may see and change goals, their steps and check-ins. Imports the people, skills and
goals apps only (see ``stepwise.access``)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from stepwise.access.people import Person
from stepwise.goals.models import (
    CheckIn,
    Goal,
    GoalMentor,
    GoalQuerySet,
    GoalStatus,
    Step,
    Visibility,
)
from stepwise.people.models import User

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

"""Who may see and change assessments. Imports the people and skills apps only (see
``stepwise.access``)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from stepwise.access.people import Person
from stepwise.people.models import User
from stepwise.skills.models import Assessment, AssessmentKind, AssessmentQuerySet


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

"""Shared fixtures: the personas of ARCHITECTURE.md in a small organisation.

alice is a PM in Checkout, bob her manager, dan her teammate, carol a senior PM in Discovery
who mentors alice, eve a PM in Discovery, and an admin who runs the installation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from stepwise.goals import actions as goal_actions
from stepwise.goals.actions import do_create_goal
from stepwise.goals.models import Goal, GoalStatus
from stepwise.people.models import Level, Team, User
from stepwise.skills import actions as skill_actions

PASSWORD = "correct-horse-battery-9"


def active_goal(owner: User, *, title: str, visibility: str) -> Goal:
    """An active goal of ``owner``, started a few days ago, made through the action."""
    today = timezone.localdate()
    return do_create_goal(
        owner=owner,
        title=title,
        baseline=Decimal(0),
        target=Decimal(30),
        start_date=today - timedelta(days=5),
        due_date=today + timedelta(days=60),
        visibility=visibility,
        status=GoalStatus.ACTIVE,
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def make_person(db: None) -> Callable[..., User]:
    def make(username: str, **fields: object) -> User:
        fields.setdefault("email", f"{username}@example.com")
        fields.setdefault("display_name", username.title())
        user = User(username=username, **fields)
        user.set_password(PASSWORD)
        user.save()
        return user

    return make


@pytest.fixture
def checkout(db: None) -> Team:
    return Team.objects.create(name="Checkout")


@pytest.fixture
def discovery(db: None) -> Team:
    return Team.objects.create(name="Discovery")


@pytest.fixture
def admin(make_person: Callable[..., User]) -> User:
    return make_person("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def bob(make_person: Callable[..., User], checkout: Team) -> User:
    return make_person("bob", team=checkout, level=Level.PRINCIPAL_PM)


@pytest.fixture
def alice(make_person: Callable[..., User], bob: User, checkout: Team) -> User:
    return make_person(
        "alice", team=checkout, manager=bob, level=Level.ASSOCIATE_PM, target_level=Level.PM
    )


@pytest.fixture
def dan(make_person: Callable[..., User], bob: User, checkout: Team) -> User:
    return make_person("dan", team=checkout, manager=bob, level=Level.PM)


@pytest.fixture
def carol(make_person: Callable[..., User], discovery: Team) -> User:
    return make_person("carol", team=discovery, level=Level.SENIOR_PM)


@pytest.fixture
def eve(make_person: Callable[..., User], carol: User, discovery: Team) -> User:
    return make_person("eve", team=discovery, manager=carol, level=Level.PM)


@pytest.fixture
def alices_things(alice: User, bob: User, dan: User, eve: User) -> dict[str, str]:
    """Alice with a goal (two steps, a check-in), a goal in the trash and an assessment in
    progress: the ids the paths of the API and the pages take (the property tests)."""
    today = timezone.localdate()
    goal = goal_actions.do_create_goal(
        owner=alice,
        title="Interview 8 customers about onboarding",
        baseline=Decimal(0),
        target=Decimal(8),
        start_date=today - timedelta(days=20),
        due_date=today + timedelta(days=40),
        status=GoalStatus.ACTIVE,
    )
    step = goal_actions.do_add_step(goal=goal, actor=alice, title="Book interviews")
    goal_actions.do_add_step(goal=goal, actor=alice, title="Run them")
    checkin = goal_actions.do_record_checkin(
        goal=goal, author=alice, value=Decimal(2), confidence=3, on=today - timedelta(days=2)
    )
    trashed = goal_actions.do_create_goal(owner=alice, title="Old idea")
    goal_actions.do_trash_goal(goal=trashed, actor=alice)
    assessment = skill_actions.do_start_assessment(person=alice, assessor=alice)
    competency = next(iter(assessment.spec.competencies())).key
    return {
        "goal_id": str(goal.pk),
        "step_id": str(step.pk),
        "checkin_id": str(checkin.pk),
        "trashed_id": str(trashed.pk),
        "assessment_id": str(assessment.pk),
        "competency_key": competency,
        "person_id": str(alice.pk),
        "framework_id": "1",
    }


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    """A browser-like client signed in as the given person."""

    def signed_in(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return signed_in


def pytest_report_header() -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"stepwise database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('NAME')}"

"""Goal fixtures: alice's goals at each visibility, made through the actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from stepwise.goals.actions import do_create_goal
from stepwise.goals.models import Goal, GoalStatus, Visibility
from stepwise.people.models import User


@pytest.fixture
def make_goal(db: None) -> Callable[..., Goal]:
    def make(owner: User, **fields: Any) -> Goal:
        today = timezone.localdate()
        values: dict[str, Any] = {
            "title": "Interview 8 customers about onboarding",
            "why": "so that we can fix the biggest drop-off",
            "metric_unit": "interviews",
            "baseline": Decimal(0),
            "target": Decimal(8),
            "start_date": today - timedelta(days=30),
            "due_date": today + timedelta(days=60),
            "visibility": Visibility.MANAGER,
            "status": GoalStatus.ACTIVE,
        }
        values.update(fields)
        return do_create_goal(owner=owner, **values)

    return make


@pytest.fixture
def shared_goal(alice: User, make_goal: Callable[..., Goal]) -> Goal:
    return make_goal(alice, title="Shared with my manager")


@pytest.fixture
def private_goal(alice: User, make_goal: Callable[..., Goal]) -> Goal:
    return make_goal(alice, title="Prepare to change teams", visibility=Visibility.PRIVATE)


@pytest.fixture
def team_goal(alice: User, make_goal: Callable[..., Goal]) -> Goal:
    return make_goal(alice, title="Shared with the team", visibility=Visibility.TEAM)


@pytest.fixture
def draft_goal(alice: User, make_goal: Callable[..., Goal]) -> Goal:
    return make_goal(
        alice, title="Half-formed idea", status=GoalStatus.DRAFT, visibility=Visibility.ORGANISATION
    )


def day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)

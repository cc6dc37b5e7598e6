"""The dashboard and goal page run the same number of queries however much history there is."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stepwise.goals.actions import do_add_step, do_record_checkin
from stepwise.goals.models import Goal
from stepwise.people.models import User
from tests.goals.conftest import day

pytestmark = pytest.mark.django_db


def grow(goal: Goal, owner: User, steps: int, checkins: int) -> None:
    for index in range(steps):
        do_add_step(
            goal=goal,
            actor=owner,
            title=f"Step {index}",
            due_date=day(index),
            effort_hours=Decimal(2),
        )
    for index in range(checkins):
        do_record_checkin(
            goal=goal,
            author=owner,
            value=Decimal(index % 8),
            confidence=3,
            on=day(-checkins + index),
        )


def queries_for(client: Client, url: str) -> int:
    client.get(url)  # first visit creates the organisation's settings row; count the next
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_dashboard_queries_do_not_grow_with_goals_steps_or_check_ins(
    alice: User, make_goal: Callable[..., Goal], client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    grow(make_goal(alice), alice, steps=1, checkins=1)
    small = queries_for(client, reverse("dashboard"))
    for _ in range(4):
        grow(make_goal(alice), alice, steps=5, checkins=12)
    large = queries_for(client, reverse("dashboard"))
    assert large == small
    assert large <= 20


def test_goal_page_queries_do_not_grow_with_steps_or_check_ins(
    alice: User, make_goal: Callable[..., Goal], client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    goal = make_goal(alice)
    grow(goal, alice, steps=1, checkins=1)
    small = queries_for(client, reverse("goal_detail", args=[goal.pk]))
    grow(goal, alice, steps=10, checkins=30)
    large = queries_for(client, reverse("goal_detail", args=[goal.pk]))
    assert large == small
    assert large <= 20

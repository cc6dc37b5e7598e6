"""The SMART verdicts on a goal page tell a viewer nothing about the owner's goals they may
not see: the Achievable check counts only the owner's other active goals the viewer sees."""

from __future__ import annotations

import html
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.goals import checking
from stepwise.goals.models import Goal, Visibility
from stepwise.people.models import User
from tests.goals.test_builder_truth import achievable_row

pytestmark = pytest.mark.django_db

Clients = Callable[[User], Client]
MakeGoal = Callable[..., Goal]
PRIVATE_6H = {
    "title": "Interview at Acme",
    "visibility": Visibility.PRIVATE,
    "weekly_effort_hours": Decimal(6),
}


@pytest.fixture
def alices_goals(alice: User, make_goal: MakeGoal) -> Goal:
    """Alice gives 4 h a week to growth: a goal everyone sees (2 h) and a team goal (1 h)."""
    alice.weekly_growth_hours = Decimal(4)
    alice.save(update_fields=["weekly_growth_hours"])
    make_goal(
        alice,
        title="Pair with support weekly",
        visibility=Visibility.TEAM,
        weekly_effort_hours=Decimal(1),
    )
    return make_goal(alice, visibility=Visibility.ORGANISATION, weekly_effort_hours=Decimal(2))


def achievable_seen_by(client: Client, goal: Goal) -> str:
    response = client.get(reverse("goal_detail", args=[goal.pk]))
    assert response.status_code == 200
    return html.unescape(achievable_row(response.content.decode()))


def test_a_private_goal_changes_nothing_that_others_see_on_a_shared_goal(
    alice: User,
    bob: User,
    dan: User,
    carol: User,
    alices_goals: Goal,
    make_goal: MakeGoal,
    client_for: Clients,
) -> None:
    viewers = [client_for(person) for person in (bob, dan, carol)]
    before = [achievable_seen_by(client, alices_goals) for client in viewers]
    make_goal(alice, **PRIVATE_6H)
    after = [achievable_seen_by(client, alices_goals) for client in viewers]
    assert after == before
    for row in after:
        assert "6 h" not in row and "9 h" not in row and "beyond" not in row
    assert "3 h a week fits Alice's capacity of 4 h" in after[0]  # bob sees the team goal too
    assert "2 h a week fits Alice's capacity of 4 h" in after[2]  # carol sees this one only


def test_the_owner_still_counts_every_active_goal(
    alice: User, alices_goals: Goal, make_goal: MakeGoal, client_for: Clients
) -> None:
    make_goal(alice, **PRIVATE_6H)
    row = achievable_seen_by(client_for(alice), alices_goals)
    assert "2 h a week for this goal and 7 h for the other active goals make 9 h" in row
    assert "beyond the capacity of 4 h a week" in row
    assert "Lower this goal's weekly effort" in row


def test_a_viewer_reads_suggestions_about_the_owner_not_to_themselves(
    alice: User, bob: User, alices_goals: Goal, make_goal: MakeGoal, client_for: Clients
) -> None:
    make_goal(
        alice,
        title="Mentor a new PM",
        visibility=Visibility.MANAGER,
        weekly_effort_hours=Decimal(3),
    )
    row = achievable_seen_by(client_for(bob), alices_goals)
    assert "2 h a week for this goal and 4 h for the other active goals make 6 h" in row
    assert "Alice could lower this goal's weekly effort" in row


def test_judge_goal_counts_what_the_viewer_may_see(
    alice: User, eve: User, alices_goals: Goal, make_goal: MakeGoal
) -> None:
    make_goal(alice, **PRIVATE_6H)
    owner = checking.goal_context(alices_goals, viewer=alice)
    outsider = checking.goal_context(alices_goals, viewer=eve)
    assert owner.other_active_goals_effort_hours_per_week == 7.0
    assert outsider.other_active_goals_effort_hours_per_week == 0.0
    assert outsider.weekly_capacity_hours == owner.weekly_capacity_hours == 4.0
    assert checking.judge_goal(alices_goals, viewer=alice).achievable.passed is False
    assert checking.judge_goal(alices_goals, viewer=eve).achievable.passed is True

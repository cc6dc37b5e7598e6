"""Demo goals for Alice, so a newcomer sees a lived-in dashboard. Loading twice adds nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from stepwise.goals import actions
from stepwise.goals.models import Goal, GoalMentor, GoalStatus, MetricKind, Visibility
from stepwise.people.models import User


@transaction.atomic
def load_demo_goals() -> None:
    alice = User.objects.filter(username="alice").first()
    if alice is None or Goal.objects.filter(owner=alice).exists():
        return
    _competitor_research(alice)
    _interviews(alice)
    _testing(alice)
    actions.do_create_goal(
        owner=alice,
        status=GoalStatus.DRAFT,
        title="Get better at stakeholder updates",
        category="visibility",
        visibility=Visibility.PRIVATE,
    )


def _ago(person: User, days: int) -> date:
    """``days`` before the person's today (after it, when negative)."""
    return person.today() - timedelta(days=days)


def _competitor_research(alice: User) -> None:
    goal = actions.do_create_goal(
        owner=alice,
        status=GoalStatus.ACTIVE,
        title="Publish a teardown of our 4 main competitors' checkout flows",
        why="so that the team can prioritise the gaps that cost us conversions",
        category="skill",
        metric_kind=MetricKind.STEPS,
        start_date=_ago(alice, 35),
        due_date=_ago(alice, -40),
        weekly_effort_hours=Decimal(2),
        visibility=Visibility.TEAM,
    )
    titles = (
        "Pick the 4 competitors with Bob",
        "Walk through each checkout and take notes",
        "Write the teardown",
        "Present it at the team review",
    )
    for index, title in enumerate(titles):
        step = actions.do_add_step(
            goal=goal,
            actor=alice,
            title=title,
            due_date=_ago(alice, 28 - 20 * index),
            effort_hours=Decimal(2 + index),
        )
        if index == 0:
            actions.do_complete_step(step=step, actor=alice, done_on=_ago(alice, 27))
    actions.do_record_checkin(
        goal=goal,
        author=alice,
        value=Decimal(1),
        confidence=4,
        note="Competitors agreed with Bob.",
        on=_ago(alice, 21),
    )
    actions.do_record_checkin(
        goal=goal,
        author=alice,
        value=Decimal(1),
        confidence=3,
        note="Two checkouts walked through.",
        on=_ago(alice, 7),
    )


def _interviews(alice: User) -> None:
    goal = actions.do_create_goal(
        owner=alice,
        status=GoalStatus.ACTIVE,
        title="Interview 8 customers about onboarding",
        why="so that we can fix the biggest drop-off in the first week",
        category="skill",
        metric_unit="interviews",
        baseline=Decimal(0),
        target=Decimal(8),
        start_date=_ago(alice, 42),
        due_date=_ago(alice, -20),
        weekly_effort_hours=Decimal(2),
    )
    for days, value, confidence, blockers in (
        (35, 1, 4, ""),
        (21, 2, 3, ""),
        (6, 3, 2, "Sales has not shared the customer list"),
    ):
        actions.do_record_checkin(
            goal=goal,
            author=alice,
            value=Decimal(value),
            confidence=confidence,
            blockers=blockers,
            on=_ago(alice, days),
        )
    carol = User.objects.filter(username="carol").first()
    if carol is not None:
        GoalMentor.objects.get_or_create(goal=goal, mentor=carol)


def _testing(alice: User) -> None:
    goal = actions.do_create_goal(
        owner=alice,
        status=GoalStatus.ACTIVE,
        title="Write test cases for 3 features with QA before the next release",
        why="to learn how unit, integration and regression tests protect our product",
        category="learning",
        metric_unit="features",
        baseline=Decimal(0),
        target=Decimal(3),
        start_date=_ago(alice, 20),
        due_date=_ago(alice, -25),
        weekly_effort_hours=Decimal(1),
    )
    actions.do_record_checkin(
        goal=goal,
        author=alice,
        value=Decimal(1),
        confidence=4,
        note="Paired with QA on the coupon feature.",
        on=_ago(alice, 3),
    )

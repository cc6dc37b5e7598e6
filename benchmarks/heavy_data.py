"""A heavy person for benchmarks: 60 goals, 600 steps, 3 years of weekly check-ins per goal."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from stepwise.goals.models import CheckIn, Goal, GoalEvent, GoalStatus, Step, Visibility
from stepwise.people.models import User

GOALS = 60
STEPS_PER_GOAL = 10
WEEKS = 156


@transaction.atomic
def make_heavy_person(username: str = "heavy", today: date | None = None) -> User:
    today = today or date.today()
    rng = random.Random(20261122)
    person = User.objects.create_user(username, f"{username}@example.com", "bench-pass-phrase-1")
    start = today - timedelta(weeks=WEEKS)
    goals = Goal.objects.bulk_create(
        Goal(
            owner=person,
            title=f"Goal {n}: interview {n + 5} customers",
            why="to learn",
            metric_unit="interviews",
            baseline=Decimal(0),
            target=Decimal(200),
            current=Decimal(0),
            start_date=start,
            due_date=today + timedelta(days=30 + n),
            status=GoalStatus.ACTIVE,
            visibility=Visibility.MANAGER,
        )
        for n in range(GOALS)
    )
    Step.objects.bulk_create(
        Step(
            goal=goal,
            title=f"Step {i}",
            position=i,
            effort_hours=Decimal(rng.randint(1, 8)),
            due_date=start + timedelta(days=100 * i),
            done_on=start + timedelta(days=100 * i) if i < 5 else None,
        )
        for goal in goals
        for i in range(STEPS_PER_GOAL)
    )
    checkins = CheckIn.objects.bulk_create(
        CheckIn(
            goal=goal,
            author=person,
            on=start + timedelta(weeks=w),
            value=Decimal(w),
            confidence=rng.randint(2, 5),
            note="weekly check-in",
        )
        for goal in goals
        for w in range(1, WEEKS + 1)
    )
    GoalEvent.objects.bulk_create(
        GoalEvent(
            goal=c.goal,
            actor=person,
            kind=GoalEvent.Kind.CHECKIN,
            checkin=c,
            changes={"value": [None, str(c.value)]},
        )
        for c in checkins
    )
    Goal.objects.filter(owner=person).update(
        current=Decimal(WEEKS), last_checkin_on=start + timedelta(weeks=WEEKS), last_confidence=3
    )
    return person

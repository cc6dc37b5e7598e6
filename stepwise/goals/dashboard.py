"""The goals part of the dashboard: what needs attention first, in a fixed number of queries.

However long a person's history, the dashboard runs the same queries: the active goals (which
carry their latest check-in), then the steps that matter and only the recent check-ins the
forecast needs, read as plain rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import islice
from typing import Any, NamedTuple

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from stepwise.access import own_goals
from stepwise.goals.checking import today_for
from stepwise.goals.forms import CheckInForm
from stepwise.goals.models import CheckIn, Goal, GoalStatus, MetricKind, Step
from stepwise.goals.progress import THRESHOLDS, Assessment, Status
from stepwise.goals.standing import standing_of
from stepwise.people.models import User

RECENT_DAYS = THRESHOLDS.forecast_window_days + 7
TODO_ITEMS = 12
FULL_CARDS = 8  # the goals needing attention most get a card with a quick check-in


class StepRow(NamedTuple):
    """What the dashboard needs of a step (plain values: no model instances to build)."""

    goal_id: int
    title: str
    due_date: date | None
    effort_hours: Decimal
    done_on: date | None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class CheckInRow(NamedTuple):
    goal_id: int
    on: date
    value: Decimal
    confidence: int


@dataclass(frozen=True)
class GoalCard:
    goal: Goal
    standing: Assessment
    next_step: StepRow | None
    last_checkin_on: date | None
    last_confidence: int | None
    url: str


DASHBOARD_FIELDS = (
    "owner_id",
    "title",
    "metric_kind",
    "metric_unit",
    "baseline",
    "target",
    "current",
    "start_date",
    "due_date",
    "status",
    "priority",
    "last_checkin_on",
    "last_confidence",
)


def _active_goals(person: User) -> list[Goal]:
    return list(own_goals(person).filter(status=GoalStatus.ACTIVE).only(*DASHBOARD_FIELDS))


def _rows_by_goal(
    goal_ids: list[int], today: date
) -> tuple[dict[int, list[StepRow]], dict[int, list[CheckInRow]]]:
    """Live steps and recent check-ins of the goals, as plain rows, in two queries."""
    steps: dict[int, list[StepRow]] = defaultdict(list)
    # Done steps count only where progress is measured in steps.
    step_rows = (
        Step.objects.alive()
        .filter(goal_id__in=goal_ids)
        .filter(Q(done_on__isnull=True) | Q(goal__metric_kind=MetricKind.STEPS))
        .order_by("position", "pk")
        .values_list("goal_id", "title", "due_date", "effort_hours", "done_on")
    )
    for row in step_rows:
        steps[row[0]].append(StepRow(*row))
    checkins: dict[int, list[CheckInRow]] = defaultdict(list)
    # The forecast reads at most the last few check-ins of a recent window.
    newest_first = Window(
        RowNumber(), partition_by=[F("goal_id")], order_by=[F("on").desc(), F("pk").desc()]
    )
    checkin_rows = (
        CheckIn.objects.filter(
            goal_id__in=goal_ids, deleted_at__isnull=True, on__gte=today - timedelta(RECENT_DAYS)
        )
        .annotate(rank=newest_first)
        .filter(rank__lte=THRESHOLDS.forecast_checkins)
        .order_by("on", "pk")
        .values_list("goal_id", "on", "value", "confidence")
    )
    for point in checkin_rows:
        checkins[point[0]].append(CheckInRow(*point))
    return steps, checkins


def _card(
    goal: Any, steps: list[StepRow], checkins: list[CheckInRow], today: date, goals_url: str
) -> GoalCard:
    if goal.last_checkin_on and not checkins:
        checkins = [CheckInRow(goal.pk, goal.last_checkin_on, goal.current, goal.last_confidence)]
    goal.live_steps = steps
    return GoalCard(
        goal=goal,
        standing=standing_of(goal, steps, checkins, today),
        next_step=next((s for s in steps if not s.is_done), None),
        last_checkin_on=goal.last_checkin_on,
        last_confidence=goal.last_confidence,
        url=f"{goals_url}{goal.pk}/",  # the goal page, without a reverse() per card
    )


def _attention(card: GoalCard) -> tuple[int, int, date]:
    stale = 1 if card.standing.stale or card.last_checkin_on is None else 0
    return (-card.standing.status.severity, -stale, card.goal.due_date or date.max)


def _todo(cards: list[GoalCard], today: date) -> Iterator[dict[str, Any]]:
    """Check-ins due and overdue steps, in the order of the cards."""
    for card in cards:
        goal = card.goal
        if card.last_checkin_on is None:
            yield {"goal": goal, "text": f"First check-in on “{goal.title}”"}
        elif card.standing.stale:
            days = card.standing.days_since_checkin
            yield {"goal": goal, "text": f"Check in on “{goal.title}”: no check-in for {days} days"}
        yield from _overdue_steps(goal, today)


def _overdue_steps(goal: Any, today: date) -> Iterator[dict[str, Any]]:
    for step in goal.live_steps:
        if not step.is_done and step.due_date and step.due_date < today:
            text = f"Step “{step.title}” of “{goal.title}” was due {step.due_date:%-d %b}"
            yield {"goal": goal, "text": text}


def goals_overview(person: User) -> dict[str, Any]:
    today = today_for(person)
    goals = _active_goals(person)
    goals_url = reverse("goal_list")
    steps, checkins = _rows_by_goal([goal.pk for goal in goals], today)
    cards = sorted(
        (_card(goal, steps[goal.pk], checkins[goal.pk], today, goals_url) for goal in goals),
        key=_attention,
    )
    counts = dict.fromkeys(Status, 0)
    for card in cards:
        counts[card.standing.status] += 1
    tallies = own_goals(person).aggregate(
        drafts=Count("pk", filter=Q(status=GoalStatus.DRAFT)),
        completed=Count("pk", filter=Q(status=GoalStatus.COMPLETED, closed_on__year=today.year)),
    )
    return {
        "cards": cards[:FULL_CARDS],
        "more_cards": cards[FULL_CARDS:],
        "confidence_choices": CheckInForm.base_fields["confidence"].choices,  # type: ignore[attr-defined]
        "todo": list(islice(_todo(cards, today), TODO_ITEMS)),
        "summary": {
            "active": len(cards),
            "on_track": counts[Status.ON_TRACK],
            "needs_attention": counts[Status.AT_RISK] + counts[Status.BEHIND],
            "overdue": counts[Status.OVERDUE],
            "drafts": tallies["drafts"],
            "completed": tallies["completed"],
        },
        "today": today,
    }

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

from django.db.models import Count, Q
from django.urls import reverse

from stepwise.access.goals import own_goals
from stepwise.goals.forms import CheckInForm
from stepwise.goals.models import CheckIn, GoalStatus, MetricKind, Step
from stepwise.goals.progress import THRESHOLDS, Assessment, Status
from stepwise.goals.standing import standing_of
from stepwise.people.models import User

RECENT_DAYS = THRESHOLDS.forecast_window_days + 7
TODO_ITEMS = 12
FULL_CARDS = 8  # the goals needing attention most get a card with a quick check-in
UNSURE = 3  # the confidence a first check-in starts from


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


class GoalRow(NamedTuple):
    """What the dashboard needs of an active goal, with its latest check-in (ADR 0004)."""

    pk: int
    title: str
    metric_kind: str
    metric_unit: str
    baseline: Decimal | None
    target: Decimal | None
    current: Decimal | None
    start_date: date
    due_date: date | None
    status: str
    last_checkin_on: date | None
    last_confidence: int | None

    @property
    def latest_checkin(self) -> CheckInRow | None:
        """The latest check-in as the goal carries it, written with it by the actions."""
        if self.last_checkin_on is None or self.current is None or self.last_confidence is None:
            return None
        return CheckInRow(self.pk, self.last_checkin_on, self.current, self.last_confidence)


@dataclass(frozen=True)
class GoalCard:
    goal: GoalRow
    standing: Assessment
    steps: list[StepRow]
    next_step: StepRow | None
    last_checkin_on: date | None
    last_confidence: int | None
    url: str

    @property
    def confidence_to_offer(self) -> int:
        """The quick check-in starts from the latest confidence, or "unsure" before any."""
        return self.last_confidence or UNSURE


def _active_goals(person: User) -> list[GoalRow]:
    """In the goals' own order (priority, due date), which breaks ties in attention."""
    rows = own_goals(person).filter(status=GoalStatus.ACTIVE).values_list(*GoalRow._fields)
    return [GoalRow(*row) for row in rows]


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
    # The forecast reads at most the last few check-ins of a recent window. Trimming them
    # here costs less than asking the database for a ranking window.
    checkin_rows = (
        CheckIn.objects.filter(
            goal_id__in=goal_ids, deleted_at__isnull=True, on__gte=today - timedelta(RECENT_DAYS)
        )
        .order_by("on", "pk")
        .values_list("goal_id", "on", "value", "confidence")
    )
    for point in checkin_rows:
        checkins[point[0]].append(CheckInRow(*point))
    latest = THRESHOLDS.forecast_checkins
    return steps, {goal_id: points[-latest:] for goal_id, points in checkins.items()}


def _card(
    goal: GoalRow, steps: list[StepRow], checkins: list[CheckInRow], today: date, goals_url: str
) -> GoalCard:
    latest = goal.latest_checkin
    if latest and not checkins:  # none in the recent window: the latest still counts
        checkins = [latest]
    # The maths reads steps only where progress is measured in steps.
    plan = steps if goal.metric_kind == MetricKind.STEPS else ()
    return GoalCard(
        goal=goal,
        standing=standing_of(goal, plan, checkins, today),
        steps=steps,
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
        title = card.goal.title
        if card.last_checkin_on is None:
            yield {"url": card.url, "text": f"First check-in on “{title}”"}
        elif card.standing.stale:
            days = card.standing.days_since_checkin
            yield {"url": card.url, "text": f"Check in on “{title}”: no check-in for {days} days"}
        yield from _overdue_steps(card, today)


def _overdue_steps(card: GoalCard, today: date) -> Iterator[dict[str, Any]]:
    for step in card.steps:
        if not step.is_done and step.due_date and step.due_date < today:
            text = f"Step “{step.title}” of “{card.goal.title}” was due {step.due_date:%-d %b}"
            yield {"url": card.url, "text": text}


def goals_overview(person: User) -> dict[str, Any]:
    today = person.today()
    goals = _active_goals(person)
    goals_url = reverse("goal_list")
    steps, checkins = _rows_by_goal([goal.pk for goal in goals], today)
    cards = sorted(
        (
            _card(goal, steps[goal.pk], checkins.get(goal.pk, []), today, goals_url)
            for goal in goals
        ),
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
        "dashboard_url": reverse("dashboard"),
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

"""Where a goal stands: the pure progress maths applied to a goal's rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from stepwise.goals.models import GoalStatus
from stepwise.goals.progress import (
    Assessment,
    CheckInPoint,
    GoalFacts,
    MetricKind,
    StepPlan,
    assess,
)


class GoalLike(Protocol):
    """A goal's measure and dates: a model instance or a plain row."""

    @property
    def metric_kind(self) -> str: ...
    @property
    def baseline(self) -> Decimal | None: ...
    @property
    def target(self) -> Decimal | None: ...
    @property
    def current(self) -> Decimal | None: ...
    @property
    def start_date(self) -> date: ...
    @property
    def due_date(self) -> date | None: ...
    @property
    def status(self) -> str: ...


class StepLike(Protocol):
    """A step's plan: a model instance or a plain row."""

    @property
    def due_date(self) -> date | None: ...
    @property
    def effort_hours(self) -> Decimal: ...
    @property
    def done_on(self) -> date | None: ...


class CheckInLike(Protocol):
    @property
    def on(self) -> date: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def confidence(self) -> int: ...


def facts_of(
    goal: GoalLike, steps: Sequence[StepLike], checkins: Sequence[CheckInLike]
) -> GoalFacts:
    """Plain values for the progress maths; ``steps`` and ``checkins`` are the live ones."""
    return GoalFacts(
        kind=MetricKind(goal.metric_kind),
        baseline=_float(goal.baseline),
        target=_float(goal.target),
        current=_float(goal.current),
        start=goal.start_date,
        due=goal.due_date,
        steps=tuple(
            StepPlan(due=s.due_date, effort_hours=float(s.effort_hours), done_on=s.done_on)
            for s in steps
        ),
        checkins=tuple(
            CheckInPoint(on=c.on, value=float(c.value), confidence=c.confidence) for c in checkins
        ),
        completed=goal.status == GoalStatus.COMPLETED,
    )


def standing_of(
    goal: GoalLike, steps: Sequence[StepLike], checkins: Sequence[CheckInLike], today: date
) -> Assessment:
    return assess(facts_of(goal, steps, checkins), today)


def _float(value: object) -> float | None:
    return None if value is None else float(str(value))

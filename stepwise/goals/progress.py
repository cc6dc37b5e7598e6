"""Progress maths in one place: plain functions over plain values, no Django, no I/O.

Given the facts about a goal (its metric, baseline, target, current value, dates, steps and
check-ins) this module answers: how far along is it, how far along should it be by now, what
is its status and why, when will it finish at its recent pace, and has anyone checked in
lately. docs/progress.md explains every rule with a worked example.

>>> from datetime import date
>>> facts = GoalFacts(kind=MetricKind.NUMBER, baseline=40, target=20, current=30,
...                   start=date(2026, 1, 1), due=date(2026, 1, 31))
>>> progress_percent(facts)
50.0
>>> assess(facts, date(2026, 1, 16)).status
<Status.ON_TRACK: 'on_track'>
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

Number = float | int | Decimal
"""What a value may be given as; every value is kept as a float once a fact is built."""


class MetricKind(StrEnum):
    """How a goal is measured; the same values as the goal model's choices."""

    NUMBER = "number"
    PERCENTAGE = "percentage"
    YES_NO = "yes_no"
    STEPS = "steps"


class Status(StrEnum):
    """Where a goal stands against its plan."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    OVERDUE = "overdue"
    DONE = "done"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def severity(self) -> int:
        """Higher is worse: sort a team overview by this to put trouble first."""
        return _SEVERITY[self]


_LABELS = {
    Status.NOT_STARTED: "Not started",
    Status.ON_TRACK: "On track",
    Status.AT_RISK: "At risk",
    Status.BEHIND: "Behind",
    Status.OVERDUE: "Overdue",
    Status.DONE: "Done",
}
_SEVERITY = {
    Status.DONE: 0,
    Status.NOT_STARTED: 1,
    Status.ON_TRACK: 2,
    Status.AT_RISK: 3,
    Status.BEHIND: 4,
    Status.OVERDUE: 5,
}


@dataclass(frozen=True)
class Thresholds:
    """Every number the status rules use, in one place."""

    at_risk_gap_points: float = 10.0
    """At least this many percentage points behind the plan: at risk."""
    behind_gap_points: float = 25.0
    """At least this many percentage points behind the plan: behind."""
    low_confidence: int = 2
    """A latest confidence of this or lower (out of 5) marks an on-track goal at risk."""
    confidence_drop: int = 1
    """Confidence is "falling" when the latest is at least this much below the one before."""
    stale_after_days: int = 14
    """More than this many days without a check-in: the goal is stale."""
    forecast_checkins: int = 5
    """The forecast fits a line through at most this many of the latest points..."""
    forecast_window_days: int = 42
    """...no older than this many days before the latest point."""
    forecast_horizon_days: int = 3650
    """A finish further away than this is no forecast at all (the pace is too slow)."""

    def __post_init__(self) -> None:
        if not 0 <= self.at_risk_gap_points <= self.behind_gap_points:
            raise ValueError("thresholds need 0 <= at_risk_gap_points <= behind_gap_points")
        if not 0 <= self.low_confidence <= 5:
            raise ValueError("low_confidence must be between 0 and 5")
        if self.confidence_drop < 1:
            raise ValueError("confidence_drop must be at least 1")
        if self.stale_after_days < 0 or self.forecast_window_days < 0:
            raise ValueError("day counts must not be negative")
        if self.forecast_checkins < 2 or self.forecast_horizon_days < 1:
            raise ValueError("a forecast needs at least 2 check-ins and a horizon of a day")


THRESHOLDS = Thresholds()


def _to_float(value: Number, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return number


def _to_optional_float(value: Number | None, name: str) -> float | None:
    return None if value is None else _to_float(value, name)


@dataclass(frozen=True)
class StepPlan:
    """One step of a goal's plan: when it is due, how big it is, and when it was done."""

    due: date | None = None
    effort_hours: Number = 1.0
    done_on: date | None = None

    def __post_init__(self) -> None:
        effort = _to_float(self.effort_hours, "effort_hours")
        if effort < 0:
            raise ValueError("effort_hours must not be negative")
        object.__setattr__(self, "effort_hours", effort)


@dataclass(frozen=True)
class CheckInPoint:
    """A check-in: the metric's value on a day and, if given, the confidence (1 to 5)."""

    on: date
    value: Number
    confidence: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _to_float(self.value, "value"))
        if self.confidence is not None and not 1 <= self.confidence <= 5:
            raise ValueError(f"confidence must be between 1 and 5, not {self.confidence}")

    @property
    def order_key(self) -> tuple[date, float, int]:
        """Check-ins sort by day; ties by value, then confidence, so order never matters."""
        return (self.on, float(self.value), self.confidence or 0)


@dataclass(frozen=True)
class GoalFacts:
    """Everything the maths needs to know about one goal.

    Decimals and ints are turned into floats; steps and check-ins into tuples, the check-ins
    sorted by day, so two facts that differ only in the order of their check-ins are equal.
    """

    kind: MetricKind
    start: date
    baseline: Number | None = None
    target: Number | None = None
    current: Number | None = None
    due: date | None = None
    steps: tuple[StepPlan, ...] = ()
    checkins: tuple[CheckInPoint, ...] = ()
    completed: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", MetricKind(self.kind))
        for name in ("baseline", "target", "current"):
            object.__setattr__(self, name, _to_optional_float(getattr(self, name), name))
        object.__setattr__(self, "steps", tuple(self.steps))
        ordered = tuple(sorted(self.checkins, key=lambda point: point.order_key))
        object.__setattr__(self, "checkins", ordered)


@dataclass(frozen=True)
class Assessment:
    """The verdict on a goal on one day. Numbers are raw; round them only to show them."""

    status: Status
    progress: float
    expected: float | None
    gap_points: float | None
    """Expected minus actual, in percentage points: positive means behind the plan."""
    confidence: int | None
    """The latest confidence anyone gave (check-ins without one are skipped)."""
    previous_confidence: int | None
    reason: str
    days_since_checkin: int | None
    stale: bool
    forecast: date | None
    forecast_late: bool
    """The forecast finish falls after the due date."""
    confidence_falling: bool
    flags: tuple[str, ...] = ()
    """Short warnings to show beside the status: stale, falling confidence, late forecast."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with numbers rounded to one decimal for display."""
        return {
            "status": self.status.value,
            "status_label": self.status.label,
            "progress": rounded(self.progress, 1),
            "expected": None if self.expected is None else rounded(self.expected, 1),
            "gap_points": None if self.gap_points is None else rounded(self.gap_points, 1),
            "confidence": self.confidence,
            "previous_confidence": self.previous_confidence,
            "confidence_falling": self.confidence_falling,
            "reason": self.reason,
            "days_since_checkin": self.days_since_checkin,
            "stale": self.stale,
            "forecast": None if self.forecast is None else self.forecast.isoformat(),
            "forecast_late": self.forecast_late,
            "flags": list(self.flags),
        }


# ---------------------------------------------------------------------------------------------
# Display helpers


def rounded(value: float, places: int = 0) -> float:
    """Round half up (2.5 -> 3.0, not Python's 2.0), as people expect on a screen."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def percent_text(value: float) -> str:
    """Progress as people read it: whole percent, rounded down so that 99.6% never shows as
    100% before the goal is done (a tiny tolerance absorbs float noise like 54.9999999)."""
    return f"{math.floor(value + 1e-9):d}%"


def _expected_text(value: float) -> str:
    return f"{int(rounded(value)):d}%"


def _days_text(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _date_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


# ---------------------------------------------------------------------------------------------
# Progress


def _clamp(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(100.0, max(0.0, value))


def value_percent(
    kind: MetricKind, baseline: float | None, target: float | None, value: float | None
) -> float:
    """How far a value is from the baseline towards the target, in 0..100.

    Works both ways: with a target below the baseline ("cut churn from 8% to 5%") a falling
    value is progress. No baseline counts from 0; no value, or no target, is 0%. When the
    target equals the baseline there is no distance to cover: 100% at the target, else 0%.
    """
    if kind is MetricKind.YES_NO:
        return 100.0 if value is not None and value > 0 else 0.0
    if value is None or target is None:
        return 0.0
    start = 0.0 if baseline is None else baseline
    if target == start:
        return 100.0 if math.isclose(value, target, rel_tol=1e-9, abs_tol=1e-9) else 0.0
    return _clamp(100.0 * (value - start) / (target - start))


def _weights(steps: Sequence[StepPlan]) -> list[float]:
    """Effort hours as weights; equal weights when no step has an estimate."""
    efforts = [float(step.effort_hours) for step in steps]
    return efforts if sum(efforts) > 0 else [1.0] * len(steps)


def _weighted_share(steps: Sequence[StepPlan], counts: Sequence[bool]) -> float:
    """The effort-weighted share (0..100) of the steps for which `counts` is true."""
    if not steps:
        return 0.0
    weights = _weights(steps)
    total = sum(weights)
    return _clamp(100.0 * sum(w for w, c in zip(weights, counts, strict=True) if c) / total)


def steps_percent(steps: Sequence[StepPlan], by: date | None = None) -> float:
    """The effort-weighted share of steps done (by a day, when given); 0 with no steps."""
    done = [s.done_on is not None and (by is None or s.done_on <= by) for s in steps]
    return _weighted_share(steps, done)


def progress_percent(facts: GoalFacts) -> float:
    """How far along the goal is, 0..100. Confidence and `completed` never change it, except
    that a yes/no goal marked completed counts as "yes"."""
    if facts.kind is MetricKind.STEPS:
        return steps_percent(facts.steps)
    if facts.kind is MetricKind.YES_NO and facts.completed:
        return 100.0
    return value_percent(facts.kind, _f(facts.baseline), _f(facts.target), _f(facts.current))


def _f(value: Number | None) -> float | None:
    """Fields are floats after GoalFacts.__post_init__; this only narrows the type."""
    return None if value is None else float(value)


# ---------------------------------------------------------------------------------------------
# Expected progress


def _dated_steps_end(steps: Sequence[StepPlan]) -> date | None:
    dates = [step.due for step in steps if step.due is not None]
    return max(dates) if dates else None


def _plan_percent(facts: GoalFacts, on: date, end: date) -> float:
    """The effort-weighted share of steps due by `on`. A step without a date is expected at
    the end of the plan: the goal's due date, or the last step's when the goal has none."""
    due_by = [(step.due or end) <= on for step in facts.steps]
    return _weighted_share(facts.steps, due_by)


def expected_percent(facts: GoalFacts, on: date) -> float | None:
    """How far along the goal should be on a day, 0..100, or None when there is no plan.

    The plan ends on the due date (or, without one, on the last step's due date): 100 from
    then on, 0 before the start. In between: the step plan when steps have due dates, else a
    straight line from start to due. The step plan drives the expectation only when progress
    is measured in steps; a number goal's steps are a route, not its measure. A yes/no goal
    cannot be partly done, so it is expected at 0% until the plan ends.
    """
    planned_by_steps = facts.kind is MetricKind.STEPS
    end = facts.due or (_dated_steps_end(facts.steps) if planned_by_steps else None)
    if end is None:
        return None
    if on >= end:
        return 100.0
    if on < facts.start or facts.kind is MetricKind.YES_NO:
        return 0.0
    if planned_by_steps and _dated_steps_end(facts.steps) is not None:
        return _plan_percent(facts, on, end)
    return _clamp(100.0 * (on - facts.start).days / (end - facts.start).days)


# ---------------------------------------------------------------------------------------------
# Check-ins: confidence, staleness, forecast


def latest_confidences(checkins: Iterable[CheckInPoint]) -> tuple[int | None, int | None]:
    """The latest confidence given and the one before it (check-ins without one skipped)."""
    return _last_two_confidences(sorted(checkins, key=lambda p: p.order_key))


def _last_two_confidences(ordered: Sequence[CheckInPoint]) -> tuple[int | None, int | None]:
    """As latest_confidences, for check-ins already in order (a GoalFacts' are)."""
    given = [p.confidence for p in ordered if p.confidence]
    latest = given[-1] if given else None
    previous = given[-2] if len(given) > 1 else None
    return latest, previous


def days_since_checkin(facts: GoalFacts, today: date) -> int | None:
    """Whole days since the latest check-in (0 for today or a future-dated one)."""
    if not facts.checkins:
        return None
    return max(0, (today - facts.checkins[-1].on).days)


def is_stale(facts: GoalFacts, today: date, thresholds: Thresholds = THRESHOLDS) -> bool:
    """An open, started goal with no check-in for more than `stale_after_days` days (counted
    from the start when nobody has checked in yet)."""
    return _is_quiet(facts, today, days_since_checkin(facts, today), _is_done(facts), thresholds)


def _is_quiet(
    facts: GoalFacts, today: date, since: int | None, done: bool, thresholds: Thresholds
) -> bool:
    """is_stale, given the days since the latest check-in and whether the goal is done."""
    if done or today < facts.start:
        return False
    quiet = (today - facts.start).days if since is None else since
    return quiet > thresholds.stale_after_days


def progress_history(facts: GoalFacts, today: date) -> list[tuple[date, float]]:
    """Progress (0..100) over time, oldest first.

    For a steps goal: the share done at the start, on each day a step was done, and today.
    Otherwise: each check-in's value read against the baseline and target.
    """
    if facts.kind is MetricKind.STEPS:
        days = {facts.start, today} | {s.done_on for s in facts.steps if s.done_on is not None}
        return [(day, steps_percent(facts.steps, by=day)) for day in sorted(days)]
    baseline, target = _f(facts.baseline), _f(facts.target)
    return [
        (p.on, value_percent(facts.kind, baseline, target, float(p.value))) for p in facts.checkins
    ]


def _recent(
    history: list[tuple[date, float]], start: date, thresholds: Thresholds
) -> list[tuple[date, float]]:
    """The latest points within the window; at least the last two; with a single point, the
    start (at 0%) is the second."""
    if not history:
        return []
    oldest = _shifted(history[-1][0], -thresholds.forecast_window_days)
    recent = [point for point in history if point[0] >= oldest][-thresholds.forecast_checkins :]
    if len(recent) < 2:
        recent = history[-2:]
    if len(recent) < 2 and start < recent[0][0]:
        recent = [(start, 0.0), *recent]
    return recent


def _shifted(day: date, days: int) -> date:
    """``day`` plus ``days``, held within the calendar (year 1 to 9999) instead of failing:
    the maths must answer for any stored date, even one the app no longer accepts."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _slope(points: Sequence[tuple[date, float]]) -> float | None:
    """Least-squares pace in percentage points per day; None when all points share a day."""
    if len(points) < 2:
        return None
    xs = [float((day - points[0][0]).days) for day, _ in points]
    ys = [value for _, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def forecast_completion(
    facts: GoalFacts, today: date, thresholds: Thresholds = THRESHOLDS
) -> date | None:
    """The day the goal reaches 100% if it keeps its recent pace; never before today.

    None when the goal is done, when there is no pace (fewer than two points on different
    days), when progress is flat or going backwards, or when the finish is beyond the horizon.
    """
    return None if _is_done(facts) else _pace_finish(facts, today, thresholds)


def _pace_finish(facts: GoalFacts, today: date, thresholds: Thresholds) -> date | None:
    """forecast_completion for a goal that is not done yet."""
    points = _recent(progress_history(facts, today), facts.start, thresholds)
    pace = _slope(points)
    if pace is None or pace <= 0:
        return None
    last_day, last_percent = points[-1]
    days = (100.0 - last_percent) / pace
    if days > thresholds.forecast_horizon_days:
        return None
    # Whole days, rounded up; the tolerance keeps float noise (80.0000001) from adding a day.
    return max(today, _shifted(last_day, math.ceil(days - 1e-9)))


# ---------------------------------------------------------------------------------------------
# Status and reason


def _is_done(facts: GoalFacts) -> bool:
    return _done_at(facts, progress_percent(facts))


def _done_at(facts: GoalFacts, progress: float) -> bool:
    """Whether the goal is done, given its progress (so that it is computed once)."""
    return facts.completed or progress >= 100.0


@dataclass(frozen=True)
class _Reading:
    """The numbers the status and its reason are decided from, for one goal on one day."""

    facts: GoalFacts
    today: date
    progress: float
    expected: float | None
    confidence: int | None
    thresholds: Thresholds

    @property
    def gap(self) -> float | None:
        return None if self.expected is None else self.expected - self.progress

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence <= self.thresholds.low_confidence

    @property
    def before_start(self) -> bool:
        return self.today < self.facts.start


def _status(now: _Reading) -> Status:
    """The rules, first match wins; docs/progress.md lists them."""
    gap, limits = now.gap, now.thresholds
    if _done_at(now.facts, now.progress):
        return Status.DONE
    if now.facts.due is not None and now.today > now.facts.due:
        return Status.OVERDUE
    if now.progress <= 0 and (gap is None or now.before_start):
        return Status.NOT_STARTED
    if gap is not None and gap >= limits.behind_gap_points:
        return Status.BEHIND
    if (gap is not None and gap >= limits.at_risk_gap_points) or now.low_confidence:
        return Status.AT_RISK
    return Status.ON_TRACK


def _pace_text(now: _Reading) -> str:
    done = percent_text(now.progress)
    if now.facts.kind is MetricKind.YES_NO:
        return "not done yet"
    if now.expected is None:
        return f"{done} done, no due date to compare against"
    return f"{done} done, {_expected_text(now.expected)} expected"


def _behind_text(gap: float, confidence: int | None) -> str:
    points = int(rounded(gap))
    text = f"{points} point{'' if points == 1 else 's'} behind plan"
    return text if confidence is None else f"{text}, confidence {confidence}/5"


def _on_track_text(now: _Reading) -> str:
    facts = now.facts
    if now.before_start:
        return f"{percent_text(now.progress)} done before the start date"
    if facts.kind is MetricKind.YES_NO and facts.due is not None:
        return f"Not done yet, due in {_days_text((facts.due - now.today).days)}"
    gap = now.gap
    if gap is None:
        return f"{percent_text(now.progress)} done, no due date to compare against"
    ahead = gap <= -now.thresholds.at_risk_gap_points
    return f"{'Ahead of plan' if ahead else 'On plan'}: {_pace_text(now)}"


def _not_started_text(now: _Reading) -> str:
    if now.before_start:
        days = (now.facts.start - now.today).days
        return "Starts tomorrow" if days == 1 else f"Starts in {days} days"
    return "No plan yet: add a due date or dated steps to track the pace"


def _reason(status: Status, now: _Reading) -> str:
    """One sentence that says why the goal has its status."""
    facts, gap = now.facts, now.gap
    if status is Status.DONE:
        return "Done" if facts.completed else "Done: target reached"
    if status is Status.OVERDUE:
        assert facts.due is not None
        days = (now.today - facts.due).days
        return f"Due {_days_text(days)} ago at {percent_text(now.progress)}"
    if status is Status.NOT_STARTED:
        return _not_started_text(now)
    if gap is not None and gap >= now.thresholds.at_risk_gap_points:
        return _behind_text(gap, now.confidence)
    if status is Status.AT_RISK:
        return f"Low confidence ({now.confidence}/5): {_pace_text(now)}"
    return _on_track_text(now)


def _flags(
    facts: GoalFacts,
    since: int | None,
    stale: bool,
    confidences: tuple[int | None, int | None],
    falling: bool,
    forecast: date | None,
) -> tuple[str, ...]:
    flags: list[str] = []
    if stale:
        flags.append("No check-in yet" if since is None else f"No check-in for {_days_text(since)}")
    if falling:
        latest, previous = confidences
        flags.append(f"Confidence fell from {previous}/5 to {latest}/5")
    if forecast is not None and facts.due is not None and forecast > facts.due:
        flags.append(f"At this pace it finishes on {_date_text(forecast)}, after the due date")
    return tuple(flags)


def assess(facts: GoalFacts, today: date, thresholds: Thresholds = THRESHOLDS) -> Assessment:
    """Progress, expected progress, status with its reason, forecast and check-in flags."""
    latest, previous = _last_two_confidences(facts.checkins)
    progress = progress_percent(facts)
    done = _done_at(facts, progress)
    now = _Reading(
        facts=facts,
        today=today,
        progress=progress,
        expected=expected_percent(facts, today),
        confidence=latest,
        thresholds=thresholds,
    )
    status = _status(now)
    falling = (
        status is not Status.DONE
        and latest is not None
        and previous is not None
        and previous - latest >= thresholds.confidence_drop
    )
    since = days_since_checkin(facts, today)
    stale = _is_quiet(facts, today, since, done, thresholds)
    forecast = None if done else _pace_finish(facts, today, thresholds)
    return Assessment(
        status=status,
        progress=now.progress,
        expected=now.expected,
        gap_points=now.gap,
        confidence=latest,
        previous_confidence=previous,
        reason=_reason(status, now),
        days_since_checkin=since,
        stale=stale,
        forecast=forecast,
        forecast_late=forecast is not None and facts.due is not None and forecast > facts.due,
        confidence_falling=falling,
        flags=_flags(facts, since, stale, (latest, previous), falling, forecast),
    )


__all__ = [
    "THRESHOLDS",
    "Assessment",
    "CheckInPoint",
    "GoalFacts",
    "MetricKind",
    "Number",
    "Status",
    "StepPlan",
    "Thresholds",
    "assess",
    "days_since_checkin",
    "expected_percent",
    "forecast_completion",
    "is_stale",
    "latest_confidences",
    "percent_text",
    "progress_history",
    "progress_percent",
    "rounded",
    "steps_percent",
    "value_percent",
]

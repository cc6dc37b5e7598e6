from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import pydantic
from ninja import Field, Schema
from pydantic import ValidationInfo, WithJsonSchema, field_validator

from stepwise.goals.models import (
    Category,
    Goal,
    GoalStatus,
    MetricKind,
    Priority,
    Step,
    Visibility,
)
from stepwise.goals.progress import rounded
from stepwise.goals.standing import standing_of
from stepwise.lib import clock
from stepwise.lib.api import PersonRefOut
from stepwise.lib.api_types import (
    Count,
    Day,
    Flag,
    Id,
    Input,
    Line,
    Said,
    Text,
    Title,
    Version,
    Word,
)
from stepwise.people.models import User
from stepwise.smart import MAX_CHARS


class SmartContextIn(Input):
    """What you know around the goal; every field is optional."""

    today: Day | None = Field(None, description="Take this date as today (default: today).")
    level: Word | None = Field(None, description="The person's level, e.g. associate_pm.")
    weekly_capacity_hours: float | None = Field(None, ge=0, le=168)
    effort_hours_per_week: float | None = Field(None, ge=0, le=168)
    due_date: Day | None = None
    other_active_goals_effort_hours_per_week: float = Field(0, ge=0, le=168)
    linked_competencies: list[Word] = Field(default_factory=list, max_length=50)
    linked_objectives: list[Line] = Field(default_factory=list, max_length=50)
    competency_gap: Flag = False
    next_review: Day | None = None
    fiscal_year_start_month: Count = Field(1, ge=1, le=12)


class SmartCheckIn(Input):
    text: Said = Field(
        ..., max_length=MAX_CHARS, description=f"The goal, up to {MAX_CHARS} characters."
    )
    context: SmartContextIn | None = None


class VerdictOut(Schema):
    passed: bool
    reason: str
    suggestion: str | None


class TimeBoundVerdictOut(VerdictOut):
    deadline: date | None


class CriteriaOut(Schema):
    specific: VerdictOut
    measurable: VerdictOut
    achievable: VerdictOut
    relevant: VerdictOut
    time_bound: TimeBoundVerdictOut


class SmartCheckOut(Schema):
    text: str
    criteria: CriteriaOut
    score: int = Field(..., ge=0, le=5)
    rewrite: str | None = Field(
        ..., description="A version that passes what the words fail; null when nothing does."
    )


# ---- goals, steps and check-ins ------------------------------------------------------------
#
# Amounts (baseline, target, values, hours) are JSON numbers both ways; dates are ISO 8601
# (YYYY-MM-DD), times ISO 8601 with their offset. Every change of an existing goal, step or
# check-in that can collide with someone else's carries the `version` you last read: a stale
# one is refused with 409 and nothing is changed.

Amount = Annotated[
    Decimal,
    Field(max_digits=14, decimal_places=2),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": -999_999_999_999.99,
            "maximum": 999_999_999_999.99,
            "multipleOf": 0.01,
            "description": "Up to 12 digits before the point and 2 after it.",
        }
    ),
]
WeeklyHours = Annotated[
    Decimal,
    Field(ge=0, le=40, max_digits=4, decimal_places=1),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "maximum": 40,
            "multipleOf": 0.1,
            "description": "Hours, 1 decimal place.",
        }
    ),
]
StepHours = Annotated[
    Decimal,
    Field(ge=0, le=1000, max_digits=6, decimal_places=1),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "maximum": 1000,
            "multipleOf": 0.1,
            "description": "Hours, 1 decimal place.",
        }
    ),
]


Unit = Annotated[Word, Field(max_length=40)]
Confidence = Annotated[Count, Field(ge=1, le=5, description="1 = unlikely … 5 = sure.")]


def leave_out(description: str | None = None) -> Any:
    """A field of a partial change: leave it out to keep the value; it cannot be null."""
    return pydantic.Field(None, description=description, json_schema_extra=_no_default)


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def _due_not_before_start(start: date | None, due: date | None) -> None:
    if due is not None and start is not None and due < start:
        raise ValueError("The due date cannot come before the start date.")


class GoalFiltersIn(Input):
    status: GoalStatus | None = Field(None, description="Only goals with this status.")
    owner: str | None = Field(
        None,
        pattern=r"^(me|[0-9]{1,18})$",
        description="`me` for your own goals, or a person's id for theirs that you can see.",
    )


class GoalIn(Input):
    """A new goal. It starts as a draft unless `status` is `active`."""

    title: Title
    description: Text = ""
    why: Text = Field("", description="Why it matters.")
    category: Category = Category.SKILL
    metric_kind: MetricKind = MetricKind.NUMBER
    metric_unit: Unit = ""
    baseline: Amount | None = None
    target: Amount | None = None
    current: Amount | None = Field(None, description="Defaults to the baseline.")
    start_date: Day | None = Field(None, description="Defaults to today.")
    due_date: Day | None = None
    weekly_effort_hours: WeeklyHours = Decimal(1)
    priority: Priority = Priority.MEDIUM
    visibility: Visibility = Visibility.MANAGER
    status: Literal["draft", "active"] = "draft"

    @field_validator("due_date")
    @classmethod
    def _due_after_start(cls, due: date | None, info: ValidationInfo) -> date | None:
        _due_not_before_start(info.data.get("start_date"), due)
        return due


class GoalPatchIn(Input):
    """Only the fields you send change; `version` is the one you last read."""

    version: Version = Field(..., description="The goal's version you last read.")
    reason: Text = Field("", description="Why you changed it, for the goal's history.")
    title: Title = leave_out()
    description: Text = leave_out()
    why: Text = leave_out()
    category: Category = leave_out()
    metric_kind: MetricKind = leave_out()
    metric_unit: Unit = leave_out()
    baseline: Amount | None = None
    target: Amount | None = None
    current: Amount | None = None
    start_date: Day = leave_out()
    due_date: Day | None = None
    weekly_effort_hours: WeeklyHours = leave_out()
    priority: Priority = leave_out()
    visibility: Visibility = leave_out()

    @field_validator("due_date")
    @classmethod
    def _due_after_start(cls, due: date | None, info: ValidationInfo) -> date | None:
        _due_not_before_start(info.data.get("start_date"), due)
        return due


class CompleteGoalIn(Input):
    outcome: Said = Field(..., description="What you achieved.")
    evidence: Text = ""
    evidence_links: list[Text] = Field(default_factory=list, max_length=50)
    on: Day | None = Field(None, description="The day it was done; defaults to today.")
    version: Version | None = Field(None, description="If given, refused (409) when stale.")


class DropGoalIn(Input):
    reason: Said = Field(..., description="Why you are dropping it.")
    version: Version | None = Field(None, description="If given, refused (409) when stale.")


class GoalStatusIn(Input):
    status: Literal["active", "paused"]
    reason: Text = ""
    version: Version | None = Field(None, description="If given, refused (409) when stale.")


class StandingOut(Schema):
    """Where the goal stands today (see docs/progress.md)."""

    status: str = Field(..., description="not_started, on_track, at_risk, behind, overdue, done")
    label: str
    progress: float = Field(..., description="Percent done, 0-100.")
    expected: float | None = Field(None, description="Percent expected by today.")
    gap_points: float | None = None
    reason: str
    forecast: date | None = Field(None, description="When it finishes at its recent pace.")
    forecast_late: bool
    confidence: int | None
    stale: bool
    flags: list[str]


class StepCountsOut(Schema):
    total: int
    done: int


class CheckInCountsOut(Schema):
    total: int
    latest_on: date | None
    latest_value: float | None
    latest_confidence: int | None


def standing_out(goal: Goal, today: date) -> dict[str, Any]:
    steps, checkins = goal.live_rows()
    standing = standing_of(goal, steps, checkins, today)
    return {
        "status": standing.status.value,
        "label": standing.status.label,
        "progress": rounded(standing.progress, 1),
        "expected": None if standing.expected is None else rounded(standing.expected, 1),
        "gap_points": None if standing.gap_points is None else rounded(standing.gap_points, 1),
        "reason": standing.reason,
        "forecast": standing.forecast,
        "forecast_late": standing.forecast_late,
        "confidence": standing.confidence,
        "stale": standing.stale,
        "flags": list(standing.flags),
    }


def _viewer(context: dict[str, Any]) -> User | None:
    user = context["request"].user
    return user if isinstance(user, User) else None


class GoalOut(Schema):
    id: int
    owner: PersonRefOut
    title: str
    description: str
    why: str
    category: str
    metric_kind: str
    metric_unit: str
    baseline: float | None
    target: float | None
    current: float | None
    start_date: date
    due_date: date | None
    weekly_effort_hours: float
    priority: int
    visibility: str
    status: str
    outcome: str
    evidence: str
    evidence_links: list[str]
    drop_reason: str
    closed_on: date | None
    version: int
    can_change: bool = Field(..., description="True when you own it (only owners change goals).")
    standing: StandingOut
    steps: StepCountsOut
    checkins: CheckInCountsOut
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_evidence_links(obj: Goal) -> list[str]:
        return obj.evidence_link_list()

    @staticmethod
    def resolve_can_change(obj: Goal, context: dict[str, Any]) -> bool:
        viewer = _viewer(context)
        return viewer is not None and obj.owner_id == viewer.pk

    @staticmethod
    def resolve_standing(obj: Goal, context: dict[str, Any]) -> dict[str, Any]:
        viewer = _viewer(context)
        return standing_out(obj, viewer.today() if viewer else clock.now().date())

    @staticmethod
    def resolve_steps(obj: Goal) -> dict[str, int]:
        steps, _ = obj.live_rows()
        return {"total": len(steps), "done": sum(step.is_done for step in steps)}

    @staticmethod
    def resolve_checkins(obj: Goal) -> dict[str, Any]:
        _, checkins = obj.live_rows()
        latest = checkins[0] if checkins else None
        return {
            "total": len(checkins),
            "latest_on": latest.on if latest else None,
            "latest_value": latest.value if latest else None,
            "latest_confidence": latest.confidence if latest else None,
        }


class TrashedGoalOut(Schema):
    id: int
    title: str
    status: str
    deleted_at: datetime
    purge_on: date = Field(..., description="The day it is deleted for good.")
    can_restore: bool


class StepIn(Input):
    title: Title
    due_date: Day | None = None
    effort_hours: StepHours = Decimal(1)
    depends_on: list[Id] = Field(
        default_factory=list, description="Ids of steps of the same goal to finish first."
    )


class StepPatchIn(Input):
    version: Version = Field(..., description="The step's version you last read.")
    title: Title = leave_out()
    due_date: Day | None = None
    effort_hours: StepHours = leave_out()
    depends_on: list[Id] = leave_out(description="Replaces the list when given.")


class StepDoneIn(Input):
    done_on: Day | None = Field(None, description="Defaults to today; never in the future.")
    evidence: Text = ""


class StepReopenIn(Input):
    reason: Text = ""


class StepOut(Schema):
    id: int
    goal_id: int
    title: str
    due_date: date | None
    effort_hours: float
    position: int
    depends_on: list[int]
    done_on: date | None
    evidence: str
    version: int
    created_at: datetime

    @staticmethod
    def resolve_depends_on(obj: Step) -> list[int]:
        return [other.pk for other in obj.depends_on.all()]


class CheckInIn(Input):
    value: Amount = Field(..., description="Where the goal's measure stands now.")
    confidence: Confidence
    note: Text = ""
    blockers: Text = ""
    on: Day | None = Field(
        None, description="Defaults to today; never in the future nor before the goal's start."
    )


class CheckInPatchIn(Input):
    """A correction: only the fields you send change; the original stays in the history."""

    version: Version = Field(..., description="The check-in's version you last read.")
    reason: Said = Field(..., description="What the correction is for.")
    value: Amount = leave_out()
    confidence: Confidence = leave_out()
    note: Text = leave_out()
    blockers: Text = leave_out()
    on: Day = leave_out()


class CheckInOut(Schema):
    id: int
    goal_id: int
    author: PersonRefOut
    on: date
    value: float
    confidence: int
    note: str
    blockers: str
    version: int
    created_at: datetime

"""The plain values the checker takes and gives: Context, Verdict, Analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

CRITERIA: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")


@dataclass(frozen=True)
class Context:
    """What the app knows around a goal; every field is optional but `today`."""

    today: date = field(default_factory=date.today)
    level: str | None = None
    weekly_capacity_hours: float | None = None
    effort_hours_per_week: float | None = None
    start_date: date | None = None
    due_date: date | None = None
    other_active_goals_effort_hours_per_week: float = 0.0
    linked_competencies: tuple[str, ...] = ()
    linked_objectives: tuple[str, ...] = ()
    competency_gap: bool = False
    next_review: date | None = None
    fiscal_year_start_month: int = 1
    owner_name: str = ""
    """Whose goal it is, when someone else reads the verdicts ("" when its owner does):
    capacity and suggestions are then worded about the owner, not to the reader."""

    @property
    def words_from(self) -> date:
        """The day deadlines in words count from: the goal's start, else today."""
        return self.start_date or self.today

    def __post_init__(self) -> None:
        if not 1 <= self.fiscal_year_start_month <= 12:
            raise ValueError("fiscal_year_start_month must be between 1 and 12")
        for name in ("weekly_capacity_hours", "effort_hours_per_week"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        if self.other_active_goals_effort_hours_per_week < 0:
            raise ValueError("other_active_goals_effort_hours_per_week must not be negative")

    @property
    def total_effort_hours_per_week(self) -> float:
        """Weekly effort of this goal plus the other active goals."""
        return (self.effort_hours_per_week or 0.0) + self.other_active_goals_effort_hours_per_week


@dataclass(frozen=True, init=False)
class Verdict:
    """One criterion's decision, the words it rests on, and what to do when it fails."""

    passed: bool
    reason: str
    suggestion: str | None = None
    evidence: tuple[str, ...] = ()
    deadline: date | None = None

    def __init__(
        self,
        passed: bool,
        reason: str,
        suggestion: str | None = None,
        evidence: tuple[str, ...] = (),
        deadline: date | None = None,
    ) -> None:
        # The fields in one go: a frozen dataclass's own __init__ sets them one by one,
        # through object.__setattr__, which is slow for a value made several times a goal.
        self.__dict__.update(
            passed=passed,
            reason=reason,
            suggestion=suggestion,
            evidence=evidence,
            deadline=deadline,
        )

    def to_dict(self, *, with_deadline: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "passed": self.passed,
            "reason": self.reason,
            "suggestion": None if self.passed else self.suggestion,
        }
        if with_deadline:
            out["deadline"] = self.deadline.isoformat() if self.deadline else None
        return out


@dataclass(frozen=True, init=False)
class Analysis:
    """The five verdicts on one goal's text, its score and a suggested rewrite."""

    text: str
    specific: Verdict
    measurable: Verdict
    achievable: Verdict
    relevant: Verdict
    time_bound: Verdict
    rewrite: str | None  # None when the words already pass every criterion

    def __init__(  # the fields in one go, as in `Verdict`
        self,
        text: str,
        specific: Verdict,
        measurable: Verdict,
        achievable: Verdict,
        relevant: Verdict,
        time_bound: Verdict,
        rewrite: str | None,
    ) -> None:
        self.__dict__.update(
            text=text,
            specific=specific,
            measurable=measurable,
            achievable=achievable,
            relevant=relevant,
            time_bound=time_bound,
            rewrite=rewrite,
        )

    @property
    def criteria(self) -> dict[str, Verdict]:
        return {name: getattr(self, name) for name in CRITERIA}

    @property
    def score(self) -> int:
        return sum(1 for verdict in self.criteria.values() if verdict.passed)

    @property
    def deadline(self) -> date | None:
        return self.time_bound.deadline

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of SMART.md."""
        criteria = self.criteria
        return {
            "text": self.text,
            "criteria": {
                name: verdict.to_dict(with_deadline=name == "time_bound")
                for name, verdict in criteria.items()
            },
            "score": sum(1 for verdict in criteria.values() if verdict.passed),
            "rewrite": self.rewrite,
        }

"""Context can turn a text-only verdict, as SMART.md says."""

from __future__ import annotations

from datetime import date

import pytest

from stepwise.smart import Context, analyze
from tests.smart.conftest import TODAY

TEXT = "Run 6 customer interviews"


def test_a_due_date_makes_a_goal_time_bound() -> None:
    assert not analyze(TEXT, Context(today=TODAY)).time_bound.passed
    verdict = analyze(TEXT, Context(today=TODAY, due_date=date(2027, 2, 1))).time_bound
    assert verdict.passed
    assert verdict.deadline == date(2027, 2, 1)


def test_a_linked_objective_makes_a_goal_relevant() -> None:
    text = "Read 10 books by June"
    assert not analyze(text, Context(today=TODAY)).relevant.passed
    linked = Context(today=TODAY, linked_objectives=("Grow self-serve revenue",))
    verdict = analyze(text, linked).relevant
    assert verdict.passed
    assert "Grow self-serve revenue" in verdict.reason


def test_a_linked_competency_gap_makes_a_goal_relevant() -> None:
    context = Context(today=TODAY, linked_competencies=("data-and-metrics",), competency_gap=True)
    assert analyze("Learn SQL by March", context).relevant.passed


def test_a_linked_strength_is_not_a_gap() -> None:
    context = Context(today=TODAY, linked_competencies=("data-and-metrics",))
    assert not analyze("Learn SQL by March", context).relevant.passed


def test_effort_beyond_capacity_is_not_achievable() -> None:
    context = Context(
        today=TODAY,
        weekly_capacity_hours=6,
        effort_hours_per_week=3,
        other_active_goals_effort_hours_per_week=4,
    )
    verdict = analyze("Run 6 customer interviews by March", context).achievable
    assert not verdict.passed
    assert "7 h" in verdict.reason and "6 h" in verdict.reason
    assert verdict.suggestion


def test_effort_within_capacity_is_achievable_and_says_so() -> None:
    context = Context(today=TODAY, weekly_capacity_hours=8, effort_hours_per_week=3)
    verdict = analyze("Run 6 customer interviews by March", context).achievable
    assert verdict.passed
    assert "capacity" in verdict.reason


@pytest.mark.parametrize("effort", [0, None])
def test_a_goal_without_weekly_effort_does_not_fail_capacity_on_its_own_account(
    effort: float | None,
) -> None:
    context = Context(
        today=TODAY,
        weekly_capacity_hours=6,
        effort_hours_per_week=effort,
        other_active_goals_effort_hours_per_week=9,
    )
    analysis = analyze("Run 6 customer interviews by March", context)
    verdict = analysis.achievable
    assert verdict.passed, verdict.reason
    assert "9 h of your 6 h" in verdict.reason
    assert "Lower this goal's weekly effort" not in str(analysis.to_dict())


def test_a_due_date_already_past_is_not_achievable() -> None:
    context = Context(today=TODAY, due_date=date(2026, 10, 1))
    verdict = analyze(TEXT, context).achievable
    assert not verdict.passed
    assert "2026-10-01" in verdict.reason


def test_a_text_deadline_already_past_is_not_achievable_in_the_app() -> None:
    app = Context(today=TODAY, weekly_capacity_hours=10)
    assert not analyze("Ship the export by 1 March 2026", app).achievable.passed


def test_text_only_mode_uses_the_text_alone() -> None:
    analysis = analyze("Ship the export by 1 March 2026", Context(today=TODAY))
    assert analysis.achievable.passed
    assert "already past" in analysis.time_bound.reason


def test_next_review_from_context_gives_the_date() -> None:
    context = Context(today=TODAY, next_review=date(2027, 1, 15))
    analysis = analyze("Ship the export before my next review", context)
    assert analysis.time_bound.deadline == date(2027, 1, 15)


def test_fiscal_year_start_moves_quarters() -> None:
    context = Context(today=TODAY, fiscal_year_start_month=4)
    assert analyze("Ship the export by end of Q3", context).deadline == date(2026, 12, 31)


@pytest.mark.parametrize(
    "options",
    [
        {"fiscal_year_start_month": 0},
        {"fiscal_year_start_month": 13},
        {"weekly_capacity_hours": -1},
        {"effort_hours_per_week": -2},
        {"other_active_goals_effort_hours_per_week": -3},
    ],
)
def test_context_rejects_impossible_values(options: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must"):
        Context(today=TODAY, **options)  # type: ignore[arg-type]


def test_the_rewrite_stays_text_only_when_context_fails_a_goal() -> None:
    context = Context(today=TODAY, weekly_capacity_hours=1, effort_hours_per_week=5)
    analysis = analyze("Publish the pricing teardown to the team by 31 January 2027", context)
    assert not analysis.achievable.passed
    assert analysis.rewrite is None  # the words pass everything they can: no rewrite mends it

"""The progress maths of stepwise.goals.progress, one behaviour per test. No database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from stepwise.goals.progress import (
    THRESHOLDS,
    CheckInPoint,
    GoalFacts,
    MetricKind,
    Status,
    StepPlan,
    Thresholds,
    assess,
    expected_percent,
    forecast_completion,
    percent_text,
    progress_percent,
    rounded,
)

ROOT = Path(__file__).resolve().parents[2]
START = date(2026, 1, 1)
DUE = date(2026, 1, 21)  # 20 days after START: 5 points of expected progress a day
MIDWAY = date(2026, 1, 11)  # 50% expected


def number(
    current: float | None,
    *,
    baseline: float | None = 0,
    target: float | None = 100,
    due: date | None = DUE,
    confidences: tuple[int, ...] = (),
    completed: bool = False,
) -> GoalFacts:
    """A number goal from `baseline` to `target`; with confidences, one check-in per day."""
    checkins = tuple(
        CheckInPoint(on=START + timedelta(days=i), value=current or 0, confidence=c)
        for i, c in enumerate(confidences)
    )
    return GoalFacts(
        kind=MetricKind.NUMBER,
        baseline=baseline,
        target=target,
        current=current,
        start=START,
        due=due,
        checkins=checkins,
        completed=completed,
    )


def steps_goal(*steps: StepPlan, due: date | None = DUE) -> GoalFacts:
    return GoalFacts(kind=MetricKind.STEPS, start=START, due=due, steps=steps)


# Progress --------------------------------------------------------------------------------------


def test_increase_target_counts_from_the_baseline() -> None:
    assert progress_percent(number(50, baseline=40, target=60)) == 50.0


def test_decrease_target_counts_progress_downwards() -> None:
    # "Cut churn from 8% to 5%": 6.5% is half way, 8% is nothing, 5% is all of it.
    assert progress_percent(number(6.5, baseline=8, target=5)) == 50.0
    assert progress_percent(number(8, baseline=8, target=5)) == 0.0
    assert progress_percent(number(5, baseline=8, target=5)) == 100.0


def test_progress_is_clamped_to_0_and_100() -> None:
    assert progress_percent(number(150, baseline=40, target=60)) == 100.0
    assert progress_percent(number(10, baseline=40, target=60)) == 0.0
    assert progress_percent(number(9, baseline=8, target=5)) == 0.0
    assert progress_percent(number(2, baseline=8, target=5)) == 100.0


def test_no_baseline_counts_from_zero() -> None:
    assert progress_percent(number(3, baseline=None, target=12)) == 25.0


def test_target_equal_to_baseline_is_all_or_nothing() -> None:
    assert progress_percent(number(0, baseline=None, target=0)) == 100.0
    # "Get incidents down to 0" with no baseline: 3 incidents is not done.
    assert progress_percent(number(3, baseline=None, target=0)) == 0.0


def test_missing_current_or_target_is_no_progress() -> None:
    assert progress_percent(number(None, baseline=10, target=20)) == 0.0
    assert progress_percent(number(15, baseline=10, target=None)) == 0.0


def test_percentage_kind_uses_the_same_baseline_maths() -> None:
    facts = replace(number(45, baseline=30, target=60), kind=MetricKind.PERCENTAGE)
    assert progress_percent(facts) == 50.0


def test_yes_no_is_all_or_nothing() -> None:
    no = GoalFacts(kind=MetricKind.YES_NO, start=START, current=0)
    assert progress_percent(no) == 0.0
    assert progress_percent(replace(no, current=1)) == 100.0
    assert progress_percent(replace(no, current=None, completed=True)) == 100.0


def test_steps_roll_up_weighted_by_effort() -> None:
    facts = steps_goal(
        StepPlan(effort_hours=1, done_on=None),
        StepPlan(effort_hours=3, done_on=date(2026, 1, 5)),
    )
    assert progress_percent(facts) == 75.0


def test_steps_without_effort_estimates_weigh_equally() -> None:
    facts = steps_goal(
        StepPlan(effort_hours=0, done_on=date(2026, 1, 5)),
        StepPlan(effort_hours=0),
        StepPlan(effort_hours=0),
        StepPlan(effort_hours=0),
    )
    assert progress_percent(facts) == 25.0


def test_steps_goal_without_steps_has_no_progress() -> None:
    assert progress_percent(steps_goal()) == 0.0


def test_decimals_from_the_database_are_accepted() -> None:
    facts = GoalFacts(
        kind="number",  # type: ignore[arg-type]  # the model's stored string
        baseline=Decimal("40.00"),
        target=Decimal("20.00"),
        current=Decimal("35.00"),
        start=START,
        steps=[StepPlan(effort_hours=Decimal("2.5"))],  # type: ignore[arg-type]
        checkins=[CheckInPoint(on=START, value=Decimal("38.50"), confidence=3)],  # type: ignore[arg-type]
    )
    assert facts.kind is MetricKind.NUMBER
    assert progress_percent(facts) == 25.0
    assert isinstance(facts.checkins, tuple)
    assert facts.checkins[0].value == 38.5


@pytest.mark.parametrize("confidence", [0, 6, -1])
def test_confidence_outside_1_to_5_is_refused(confidence: int) -> None:
    with pytest.raises(ValueError, match="confidence must be between 1 and 5"):
        CheckInPoint(on=START, value=1, confidence=confidence)


def test_negative_effort_is_refused() -> None:
    with pytest.raises(ValueError, match="effort_hours must not be negative"):
        StepPlan(effort_hours=-1)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_values_that_are_not_finite_are_refused(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        number(value)


# Expected progress -----------------------------------------------------------------------------


def test_expected_is_linear_from_start_to_due() -> None:
    facts = number(0)
    assert expected_percent(facts, START) == 0.0
    assert expected_percent(facts, date(2026, 1, 6)) == 25.0
    assert expected_percent(facts, MIDWAY) == 50.0


def test_expected_is_zero_before_the_start_and_full_from_the_due_date() -> None:
    facts = number(0)
    assert expected_percent(facts, START - timedelta(days=30)) == 0.0
    assert expected_percent(facts, DUE) == 100.0
    assert expected_percent(facts, DUE + timedelta(days=400)) == 100.0


def test_expected_follows_the_step_plan_when_steps_have_dates() -> None:
    facts = steps_goal(
        StepPlan(due=date(2026, 1, 3), effort_hours=1),
        StepPlan(due=date(2026, 1, 10), effort_hours=3),
        StepPlan(due=date(2026, 1, 20), effort_hours=4),
    )
    assert expected_percent(facts, date(2026, 1, 2)) == 0.0
    assert expected_percent(facts, date(2026, 1, 3)) == 12.5
    assert expected_percent(facts, date(2026, 1, 12)) == 50.0  # linear would say 55
    assert expected_percent(facts, date(2026, 1, 20)) == 100.0


def test_number_goal_with_dated_steps_still_expects_a_straight_line() -> None:
    facts = replace(number(0), steps=(StepPlan(due=DUE - timedelta(days=1), effort_hours=5),))
    linear = expected_percent(number(0), MIDWAY)
    assert linear is not None and 0 < linear < 100
    assert expected_percent(facts, MIDWAY) == linear


def test_undated_steps_are_expected_at_the_end_of_the_plan() -> None:
    dated_and_undated = (StepPlan(due=date(2026, 1, 5)), StepPlan(due=None))
    assert expected_percent(steps_goal(*dated_and_undated), date(2026, 1, 19)) == 50.0
    without_goal_due = steps_goal(*dated_and_undated, due=None)
    assert expected_percent(without_goal_due, date(2026, 1, 4)) == 0.0
    assert expected_percent(without_goal_due, date(2026, 1, 5)) == 100.0


def test_no_due_date_and_no_dated_steps_means_no_expectation() -> None:
    assert expected_percent(number(10, due=None), MIDWAY) is None
    assert expected_percent(steps_goal(StepPlan(), due=None), MIDWAY) is None


def test_yes_no_goal_is_expected_only_at_its_due_date() -> None:
    facts = GoalFacts(kind=MetricKind.YES_NO, start=START, due=DUE, current=0)
    assert expected_percent(facts, DUE - timedelta(days=1)) == 0.0
    assert expected_percent(facts, DUE) == 100.0
    verdict = assess(facts, MIDWAY)
    assert verdict.status is Status.ON_TRACK
    assert verdict.reason == "Not done yet, due in 10 days"


# Status and reason -----------------------------------------------------------------------------


def test_on_plan_reason_names_done_and_expected() -> None:
    verdict = assess(number(55, confidences=(4,)), MIDWAY)
    assert verdict.status is Status.ON_TRACK
    assert verdict.expected == 50.0
    assert verdict.gap_points == -5.0
    assert verdict.reason == "On plan: 55% done, 50% expected"


def test_well_ahead_of_plan_says_so() -> None:
    assert assess(number(70), MIDWAY).reason == "Ahead of plan: 70% done, 50% expected"


def test_twelve_points_behind_is_at_risk_with_the_confidence_in_the_reason() -> None:
    verdict = assess(number(38, confidences=(4, 2)), MIDWAY)
    assert verdict.status is Status.AT_RISK
    assert verdict.gap_points == 12.0
    assert verdict.reason == "12 points behind plan, confidence 2/5"


def test_at_risk_gap_threshold_is_inclusive() -> None:
    assert assess(number(40), MIDWAY).status is Status.AT_RISK
    assert assess(number(41), MIDWAY).status is Status.ON_TRACK
    assert assess(number(40), MIDWAY).reason == "10 points behind plan"


def test_25_points_behind_is_behind() -> None:
    assert assess(number(26), MIDWAY).status is Status.AT_RISK
    verdict = assess(number(25, confidences=(5,)), MIDWAY)
    assert verdict.status is Status.BEHIND
    assert verdict.reason == "25 points behind plan, confidence 5/5"


def test_overdue_wins_over_behind() -> None:
    verdict = assess(number(80), DUE + timedelta(days=3))
    assert verdict.gap_points == 20.0
    assert verdict.status is Status.OVERDUE
    assert verdict.reason == "Due 3 days ago at 80%"
    far_behind = assess(number(5), DUE + timedelta(days=1))
    assert far_behind.status is Status.OVERDUE
    assert far_behind.reason == "Due 1 day ago at 5%"


def test_the_due_day_itself_is_not_overdue() -> None:
    assert assess(number(90), DUE).status is Status.AT_RISK


def test_completed_goal_is_done_even_when_overdue_or_behind() -> None:
    verdict = assess(number(20, completed=True), DUE + timedelta(days=30))
    assert verdict.status is Status.DONE
    assert verdict.reason == "Done"
    assert verdict.progress == 20.0  # marking done does not invent progress


def test_reaching_the_target_is_done_without_marking_it_completed() -> None:
    verdict = assess(number(5, baseline=8, target=5), DUE + timedelta(days=30))
    assert verdict.status is Status.DONE
    assert verdict.reason == "Done: target reached"


def test_low_confidence_marks_at_risk_but_leaves_progress_alone() -> None:
    confident = assess(number(55, confidences=(4,)), MIDWAY)
    worried = assess(number(55, confidences=(2,)), MIDWAY)
    assert confident.status is Status.ON_TRACK
    assert worried.status is Status.AT_RISK
    assert worried.progress == confident.progress == 55.0
    assert worried.gap_points == confident.gap_points
    assert worried.reason == "Low confidence (2/5): 55% done, 50% expected"


def test_high_confidence_does_not_rescue_a_goal_behind_plan() -> None:
    assert assess(number(10, confidences=(5,)), MIDWAY).status is Status.BEHIND


def test_latest_confidence_skips_checkins_without_one() -> None:
    facts = replace(
        number(55),
        checkins=(
            CheckInPoint(on=date(2026, 1, 2), value=20, confidence=2),
            CheckInPoint(on=date(2026, 1, 9), value=50, confidence=None),
        ),
    )
    verdict = assess(facts, MIDWAY)
    assert verdict.confidence == 2
    assert verdict.status is Status.AT_RISK


def test_falling_confidence_is_flagged_and_rising_is_not() -> None:
    falling = assess(number(55, confidences=(4, 3)), MIDWAY)
    assert falling.confidence_falling
    assert falling.previous_confidence == 4
    assert "Confidence fell from 4/5 to 3/5" in falling.flags
    assert falling.status is Status.ON_TRACK  # 3/5 is not low: a warning, not a status
    rising = assess(number(55, confidences=(2, 3)), MIDWAY)
    assert not rising.confidence_falling
    assert not any("Confidence" in flag for flag in rising.flags)


def test_before_the_start_is_not_started() -> None:
    verdict = assess(number(0), START - timedelta(days=5))
    assert verdict.status is Status.NOT_STARTED
    assert verdict.reason == "Starts in 5 days"
    assert assess(number(0), START - timedelta(days=1)).reason == "Starts tomorrow"


def test_progress_before_the_start_is_on_track() -> None:
    verdict = assess(number(10), START - timedelta(days=5))
    assert verdict.status is Status.ON_TRACK
    assert verdict.reason == "10% done before the start date"


def test_no_plan_is_not_started_until_there_is_progress() -> None:
    idle = assess(number(0, due=None), MIDWAY)
    assert idle.status is Status.NOT_STARTED
    assert idle.expected is None
    assert idle.gap_points is None
    assert idle.reason == "No plan yet: add a due date or dated steps to track the pace"
    moving = assess(number(30, due=None), MIDWAY)
    assert moving.status is Status.ON_TRACK
    assert moving.reason == "30% done, no due date to compare against"


def test_progress_shown_rounds_down_so_99_6_is_not_shown_as_100() -> None:
    assert percent_text(99.6) == "99%"
    assert percent_text(54.99999999999) == "55%"
    assert percent_text(100.0) == "100%"
    verdict = assess(number(99.6), DUE + timedelta(days=1))
    assert verdict.reason == "Due 1 day ago at 99%"


def test_rounded_rounds_half_up() -> None:
    assert rounded(2.5) == 3.0
    assert rounded(0.125, 2) == 0.13
    assert rounded(12.44, 1) == 12.4


def test_gap_is_rounded_to_whole_points_in_the_reason() -> None:
    # 37.6% done at 50% expected: 12.4 points behind, shown as 12.
    assert assess(number(37.6), MIDWAY).reason == "12 points behind plan"


# Forecast --------------------------------------------------------------------------------------


def with_checkins(facts: GoalFacts, *points: tuple[date, float]) -> GoalFacts:
    return replace(facts, checkins=tuple(CheckInPoint(on=d, value=v) for d, v in points))


def test_forecast_from_recent_pace() -> None:
    # One point a day: 80 points to go from 11 January is 80 days later, 1 April.
    facts = with_checkins(number(20, due=None), (START, 10), (MIDWAY, 20))
    assert forecast_completion(facts, MIDWAY) == date(2026, 4, 1)
    assert assess(facts, MIDWAY).forecast == date(2026, 4, 1)


def test_forecast_fits_a_line_through_the_recent_checkins() -> None:
    # 10, 30, 40 on days 0, 2, 4: least squares gives 7.5 points a day; 60 to go is 8 days.
    facts = with_checkins(
        number(40, due=None),
        (START, 10),
        (START + timedelta(days=2), 30),
        (START + timedelta(days=4), 40),
    )
    assert forecast_completion(facts, START + timedelta(days=4)) == START + timedelta(days=12)


def test_forecast_ignores_checkins_older_than_the_window() -> None:
    old_sprint = [(START + timedelta(days=d), 5.0 * d) for d in range(5)]  # 5 a day, long ago
    recent = [(date(2026, 3, 1), 40.0), (date(2026, 3, 11), 50.0)]  # 1 a day lately
    facts = with_checkins(number(50, due=None), *old_sprint, *recent)
    assert forecast_completion(facts, date(2026, 3, 11)) == date(2026, 4, 30)


def test_forecast_for_a_decrease_target() -> None:
    # Churn 8% -> 5%: 7.7 then 7.4 ten days apart is 10 points in 10 days; 80 to go.
    facts = with_checkins(number(7.4, baseline=8, target=5, due=None), (START, 7.7), (MIDWAY, 7.4))
    assert forecast_completion(facts, MIDWAY) == date(2026, 4, 1)


@pytest.mark.parametrize("values", [(30.0, 30.0), (30.0, 20.0)], ids=["flat", "going-backwards"])
def test_no_forecast_without_forward_pace(values: tuple[float, float]) -> None:
    facts = with_checkins(number(values[1]), (START, values[0]), (MIDWAY, values[1]))
    assert forecast_completion(facts, MIDWAY) is None


def test_no_forecast_without_checkins_on_two_days() -> None:
    assert forecast_completion(number(0), MIDWAY) is None
    same_day = with_checkins(number(30), (MIDWAY, 10), (MIDWAY, 30))
    assert forecast_completion(same_day, MIDWAY) is None


def test_a_single_checkin_forecasts_from_the_start() -> None:
    # 25% in the 10 days since the start: 75 to go is 30 more days.
    facts = with_checkins(number(25), (MIDWAY, 25))
    assert forecast_completion(facts, MIDWAY) == MIDWAY + timedelta(days=30)


def test_forecast_is_never_before_today() -> None:
    # The pace says it would have finished in February; nobody has checked in since.
    facts = with_checkins(number(50), (START, 0), (MIDWAY, 50))
    today = date(2026, 6, 1)
    assert forecast_completion(facts, today) == today


def test_forecast_beyond_the_horizon_is_no_forecast() -> None:
    facts = with_checkins(number(0.01, due=None), (START, 0), (MIDWAY, 0.01))
    assert forecast_completion(facts, MIDWAY) is None


def test_done_goal_has_no_forecast() -> None:
    facts = with_checkins(number(60, completed=True), (START, 10), (MIDWAY, 60))
    assert forecast_completion(facts, MIDWAY) is None


def test_steps_forecast_from_the_days_steps_were_done() -> None:
    facts = steps_goal(
        StepPlan(effort_hours=1, done_on=date(2026, 1, 6)),
        StepPlan(effort_hours=1, done_on=MIDWAY),
        StepPlan(effort_hours=2),
    )
    # 0% on 1 Jan, 25% on 6 Jan, 50% on 11 Jan: 5 points a day, 50 to go is 10 days.
    assert forecast_completion(facts, MIDWAY) == date(2026, 1, 21)
    # Ten idle days later the pace has slowed, and the forecast moves out.
    later = forecast_completion(facts, date(2026, 1, 21))
    assert later is not None
    assert later > date(2026, 1, 31)


def test_forecast_after_the_due_date_is_flagged_late() -> None:
    facts = with_checkins(number(20), (START, 10), (MIDWAY, 20))
    verdict = assess(facts, MIDWAY)
    assert verdict.forecast == date(2026, 4, 1)
    assert verdict.forecast_late
    assert "At this pace it finishes on 1 Apr 2026, after the due date" in verdict.flags


# Check-in reminders ----------------------------------------------------------------------------


def test_no_checkin_for_15_days_is_stale() -> None:
    facts = with_checkins(number(40, due=None), (START, 40))
    fourteen = assess(facts, START + timedelta(days=14))
    assert fourteen.days_since_checkin == 14
    assert not fourteen.stale
    fifteen = assess(facts, START + timedelta(days=15))
    assert fifteen.days_since_checkin == 15
    assert fifteen.stale
    assert "No check-in for 15 days" in fifteen.flags


def test_goal_never_checked_in_is_stale_counted_from_the_start() -> None:
    assert not assess(number(0), START + timedelta(days=14)).stale
    verdict = assess(number(0), START + timedelta(days=15))
    assert verdict.days_since_checkin is None
    assert verdict.stale
    assert "No check-in yet" in verdict.flags


def test_done_and_future_goals_are_never_stale() -> None:
    long_after = START + timedelta(days=200)
    assert not assess(number(100), long_after).stale
    assert not assess(number(10, completed=True), long_after).stale
    future = replace(number(0), start=long_after, due=long_after + timedelta(days=30))
    assert not assess(future, START).stale


def test_a_future_dated_checkin_counts_as_today() -> None:
    facts = with_checkins(number(40), (MIDWAY, 40))
    assert assess(facts, START).days_since_checkin == 0


# Thresholds and output -------------------------------------------------------------------------


def test_thresholds_live_in_one_place_and_can_be_tuned() -> None:
    assert THRESHOLDS.at_risk_gap_points == 10
    assert THRESHOLDS.behind_gap_points == 25
    assert THRESHOLDS.low_confidence == 2
    assert THRESHOLDS.stale_after_days == 14
    strict = Thresholds(at_risk_gap_points=3, behind_gap_points=5, stale_after_days=7)
    assert assess(number(45), MIDWAY).status is Status.ON_TRACK
    assert assess(number(45), MIDWAY, strict).status is Status.BEHIND
    assert assess(number(46.5), MIDWAY, strict).status is Status.AT_RISK


def test_inconsistent_thresholds_are_refused() -> None:
    with pytest.raises(ValueError, match="at_risk_gap_points <= behind_gap_points"):
        Thresholds(at_risk_gap_points=30, behind_gap_points=20)
    with pytest.raises(ValueError, match="low_confidence"):
        Thresholds(low_confidence=6)


def test_status_labels_and_severity() -> None:
    assert [s.label for s in Status] == [
        "Not started",
        "On track",
        "At risk",
        "Behind",
        "Overdue",
        "Done",
    ]
    assert Status.OVERDUE.severity > Status.BEHIND.severity > Status.AT_RISK.severity
    assert Status.AT_RISK.severity > Status.ON_TRACK.severity > Status.DONE.severity


def test_assessment_as_dict_is_json_ready_and_rounded() -> None:
    facts = with_checkins(number(100 / 3), (START, 10), (MIDWAY, 100 / 3))
    body = assess(facts, MIDWAY).as_dict()
    assert json.loads(json.dumps(body)) == body
    assert body["status"] == "at_risk"
    assert body["status_label"] == "At risk"
    assert body["progress"] == 33.3
    assert body["gap_points"] == 16.7
    # 23.3 points in 10 days; 66.7 to go is 28.6 days, rounded up to 29: 9 February.
    assert body["forecast"] == "2026-02-09"
    assert body["forecast_late"] is True
    assert body["flags"] == ["At this pace it finishes on 9 Feb 2026, after the due date"]


def test_importing_the_progress_maths_does_not_import_django() -> None:
    code = (
        "import sys; import stepwise.goals.progress; "
        "print(any(name.split('.')[0] == 'django' for name in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "False"

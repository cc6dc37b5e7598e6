"""Property tests (Hypothesis) on the progress maths: the rules hold for any goal, any day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stepwise.goals.progress import (
    THRESHOLDS,
    CheckInPoint,
    GoalFacts,
    MetricKind,
    Status,
    StepPlan,
    assess,
    expected_percent,
    forecast_completion,
    progress_percent,
)

RELAXED = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
DAY0 = date(2026, 1, 1)

days = st.integers(min_value=-60, max_value=500).map(lambda n: DAY0 + timedelta(days=n))
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
small_values = st.integers(min_value=-50, max_value=150).map(float) | values
confidences = st.none() | st.integers(min_value=1, max_value=5)
efforts = st.just(0.0) | st.floats(min_value=0, max_value=200, allow_nan=False)
checkins = st.builds(CheckInPoint, on=days, value=small_values, confidence=confidences)
steps = st.builds(StepPlan, due=st.none() | days, effort_hours=efforts, done_on=st.none() | days)


@st.composite
def goal_facts(draw: st.DrawFn, kind: MetricKind | None = None) -> GoalFacts:
    start = draw(days)
    due_offset = draw(st.none() | st.integers(min_value=-5, max_value=400))
    return GoalFacts(
        kind=kind or draw(st.sampled_from(MetricKind)),
        start=start,
        due=None if due_offset is None else start + timedelta(days=due_offset),
        baseline=draw(st.none() | small_values),
        target=draw(st.none() | small_values),
        current=draw(st.none() | small_values),
        steps=tuple(draw(st.lists(steps, max_size=6))),
        checkins=tuple(draw(st.lists(checkins, max_size=8))),
        completed=draw(st.booleans()),
    )


def number_goal(baseline: float, target: float, current: float) -> GoalFacts:
    return GoalFacts(
        kind=MetricKind.NUMBER, start=DAY0, baseline=baseline, target=target, current=current
    )


@RELAXED
@given(goal_facts())
def test_progress_is_always_between_0_and_100(facts: GoalFacts) -> None:
    assert 0.0 <= progress_percent(facts) <= 100.0


@RELAXED
@given(values, values, values, values)
def test_progress_rises_with_the_value_for_increase_targets(
    baseline: float, target: float, low: float, high: float
) -> None:
    baseline, target = min(baseline, target), max(baseline, target)
    low, high = min(low, high), max(low, high)
    if baseline == target:
        return
    assert progress_percent(number_goal(baseline, target, low)) <= progress_percent(
        number_goal(baseline, target, high)
    )


@RELAXED
@given(values, values, values, values)
def test_progress_falls_with_the_value_for_decrease_targets(
    baseline: float, target: float, low: float, high: float
) -> None:
    baseline, target = max(baseline, target), min(baseline, target)
    low, high = min(low, high), max(low, high)
    if baseline == target:
        return
    assert progress_percent(number_goal(baseline, target, low)) >= progress_percent(
        number_goal(baseline, target, high)
    )


@RELAXED
@given(values, values, values)
def test_a_decrease_target_is_the_mirror_of_an_increase_target(
    baseline: float, target: float, current: float
) -> None:
    up = progress_percent(number_goal(baseline, target, current))
    down = progress_percent(number_goal(-baseline, -target, -current))
    assert up == down


@RELAXED
@given(goal_facts(kind=MetricKind.STEPS), st.data())
def test_finishing_a_step_never_lowers_progress(facts: GoalFacts, data: st.DataObject) -> None:
    if not facts.steps:
        return
    index = data.draw(st.integers(min_value=0, max_value=len(facts.steps) - 1))
    finished = list(facts.steps)
    finished[index] = replace(finished[index], done_on=finished[index].done_on or DAY0)
    assert progress_percent(replace(facts, steps=tuple(finished))) >= progress_percent(facts)


@RELAXED
@given(goal_facts(), days, days)
def test_expected_never_goes_down_as_the_date_moves_on(
    facts: GoalFacts, first: date, second: date
) -> None:
    earlier, later = min(first, second), max(first, second)
    before, after = expected_percent(facts, earlier), expected_percent(facts, later)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert 0.0 <= before <= after <= 100.0


@RELAXED
@given(goal_facts(), days)
def test_done_if_and_only_if_completed_or_at_100(facts: GoalFacts, today: date) -> None:
    verdict = assess(facts, today)
    should_be_done = facts.completed or progress_percent(facts) >= 100.0
    assert (verdict.status is Status.DONE) == should_be_done


@RELAXED
@given(goal_facts(), days)
def test_forecast_is_never_before_today(facts: GoalFacts, today: date) -> None:
    forecast = forecast_completion(facts, today)
    assert forecast is None or forecast >= today
    assert assess(facts, today).forecast == forecast


@RELAXED
@given(goal_facts(), days, st.randoms(use_true_random=False))
def test_the_order_of_checkins_changes_nothing(facts: GoalFacts, today: date, rng: Random) -> None:
    shuffled = list(facts.checkins)
    rng.shuffle(shuffled)
    reordered = replace(facts, checkins=tuple(reversed(shuffled)))
    assert reordered == facts
    assert assess(reordered, today) == assess(facts, today)


@RELAXED
@given(goal_facts(), days, st.lists(confidences, min_size=8, max_size=8))
def test_confidence_never_changes_progress_and_can_only_raise_to_at_risk(
    facts: GoalFacts, today: date, new_confidences: list[int | None]
) -> None:
    other = replace(
        facts,
        checkins=tuple(
            replace(point, confidence=c)
            for point, c in zip(facts.checkins, new_confidences, strict=False)
        ),
    )
    mine, theirs = assess(facts, today), assess(other, today)
    assert (mine.progress, mine.expected, mine.gap_points) == (
        theirs.progress,
        theirs.expected,
        theirs.gap_points,
    )
    assert mine.forecast == theirs.forecast
    if mine.status is not theirs.status:
        assert {mine.status, theirs.status} == {Status.ON_TRACK, Status.AT_RISK}


@RELAXED
@given(goal_facts(), days)
def test_status_agrees_with_the_thresholds(facts: GoalFacts, today: date) -> None:
    verdict = assess(facts, today)
    gap = verdict.gap_points
    low = verdict.confidence is not None and verdict.confidence <= THRESHOLDS.low_confidence
    if verdict.status is Status.OVERDUE:
        assert facts.due is not None and today > facts.due
    if verdict.status is Status.BEHIND:
        assert gap is not None and gap >= THRESHOLDS.behind_gap_points
    if verdict.status is Status.AT_RISK:
        assert low or (gap is not None and gap >= THRESHOLDS.at_risk_gap_points)
    if verdict.status is Status.ON_TRACK:
        assert not low
        assert gap is None or gap < THRESHOLDS.at_risk_gap_points
    if verdict.status is Status.NOT_STARTED:
        assert verdict.progress == 0.0


@RELAXED
@given(goal_facts(), days)
def test_every_assessment_has_a_one_line_reason_and_sane_flags(
    facts: GoalFacts, today: date
) -> None:
    verdict = assess(facts, today)
    assert verdict.reason
    assert "\n" not in verdict.reason
    assert "None" not in verdict.reason
    assert verdict.stale == any(flag.startswith("No check-in") for flag in verdict.flags)
    if verdict.status is Status.DONE:
        assert not verdict.stale
        assert verdict.forecast is None
        assert not verdict.confidence_falling
    if verdict.days_since_checkin is not None:
        assert verdict.days_since_checkin >= 0
    assert verdict.as_dict()["status"] == verdict.status.value

"""Property tests: any text either raises InvalidGoalText or gets a well-formed Analysis, and
the rewrite of a goal that is not yet 5/5 passes all five."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stepwise.smart import CRITERIA, Analysis, Context, InvalidGoalText, analyze
from tests.smart.conftest import TODAY

CONTEXT = Context(today=TODAY)
WORD_SOUP = (
    "ship publish improve get better at learn about never always every zero 100% by "
    "Q3 in H2 FY27 within 6 weeks weekly each sprint so that to because our team "
    "customers product roadmap promoted raise 10 five from 40 to 50 $20k 3x monthly "
    "active users May I the a report interviews become VP in 3 months everything "
    "perfect read books this year before my next review 31 March 2027 3/31/2027 end "
    "of month EOY [number] [date] ( ) , . - * 🚀 é 日本 \u200b \x00 'our' \"quote\" 24/7 1:1 v2.4 "
    "2027 for with and or not"
)
WORDS = WORD_SOUP.split(" ")
goal_like = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
RELAXED = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_well_formed(analysis: Analysis) -> None:
    body = analysis.to_dict()
    json.dumps(body)
    assert list(body["criteria"]) == list(CRITERIA)
    assert analysis.score == sum(v.passed for v in analysis.criteria.values())
    assert 0 <= analysis.score <= 5
    for name, verdict in analysis.criteria.items():
        assert isinstance(verdict.reason, str) and verdict.reason
        assert (verdict.suggestion is None) == verdict.passed or not verdict.passed
        if not verdict.passed:
            assert verdict.suggestion
        if name == "time_bound":
            assert verdict.deadline is None or isinstance(verdict.deadline, date)
    assert (analysis.rewrite is None) == (analysis.score == 5)


def analyze_or_none(text: str) -> Analysis | None:
    try:
        return analyze(text, CONTEXT)
    except InvalidGoalText as error:
        message = str(error)
    assert message and "\n" not in message
    return None


@RELAXED
@given(st.text(max_size=300))
@example("")
@example("\x00\x01\x02")
@example("🚀" * 10)
@example("x" * 2001)
@example("by 31/02/2027 in 99999999 months from 0 to 0 FY9999 Q9 H3")
def test_any_text_gets_a_clear_error_or_a_well_formed_analysis(text: str) -> None:
    analysis = analyze_or_none(text)
    if analysis is not None:
        assert_well_formed(analysis)


@RELAXED
@given(goal_like)
def test_goal_like_text_gets_a_well_formed_analysis(text: str) -> None:
    analysis = analyze_or_none(text)
    if analysis is not None:
        assert_well_formed(analysis)


@RELAXED
@given(st.one_of(goal_like, st.text(min_size=1, max_size=200)))
def test_rewrite_passes_every_criterion(text: str) -> None:
    analysis = analyze_or_none(text)
    if analysis is None or analysis.score == 5:
        return
    rewritten = analyze(analysis.rewrite, CONTEXT)
    assert rewritten.score == 5, (text, analysis.rewrite)


@RELAXED
@given(
    st.integers(min_value=-10, max_value=10**6),
    st.sampled_from(["days", "weeks", "months", "quarters", "years", "sprints"]),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2190, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_dates_never_crash_at_the_edges(amount: int, unit: str, today: date, start: int) -> None:
    context = Context(today=today, fiscal_year_start_month=start)
    text = f"Ship the fix within {amount} {unit}, by Q4 FY{today.year % 100:02d} or end of H2"
    assert_well_formed(analyze(text, context))


@RELAXED
@given(goal_like)
def test_the_quick_score_used_for_rewrites_equals_the_verdicts(text: str) -> None:
    from stepwise.smart.criteria import text_only_score
    from stepwise.smart.reading import read_goal

    analysis = analyze_or_none(text)
    if analysis is not None:
        assert text_only_score(read_goal(analysis.text, today=TODAY)) == analysis.score

"""Words that look like dates but are not: no false deadlines, no false cadences."""

from __future__ import annotations

import pytest

from stepwise.smart import Context, analyze, find_time_expressions, parse_deadline
from tests.smart.conftest import TODAY


@pytest.mark.parametrize(
    "text",
    [
        "May I finally lead a launch end to end",
        "Get better at market research",
        "Grow the waitlist from 40 to 50 design partners",
        "Read 12 books a year",
        "Grow monthly active users by 10%",
        "Migrate the 2021 customer cohort to the new plan",
        "Ship version 2.4 of the Android app",
        "Offer 24/7 support for enterprise accounts",
        "Hold 1:1s with each engineer",
        "Go to the gym 3 times a week",
        "Write a one-pager on the Q3 roadmap",
        "Ask a mentor to review my PRD",
        "Talk to customers in the EU",
        "March the team through the new process",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert parse_deadline(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Grow monthly active users by 10%",
        "Raise weekly active teams from 300 to 400",
        "Cut daily active churn",
        "Present at the quarterly business review",
        "Lower annual contract churn",
        "Grow the waitlist from 40 to 50 design partners",
        "Get better at market research",
    ],
)
def test_a_metric_or_event_name_is_not_a_cadence(text: str) -> None:
    assert not any(e.is_cadence for e in find_time_expressions(text, today=TODAY))


def test_numbers_that_are_dates_are_not_quantities() -> None:
    analysis = analyze("Talk to customers by 31 March 2027", Context(today=TODAY))
    assert not analysis.measurable.passed
    assert analysis.time_bound.passed


@pytest.mark.parametrize(
    "text",
    [
        "Write the roadmap for Q3",
        "Present the Q2 business review",
        "Publish the FY27 plan",
        "Fix the bugs in version 3.2",
        "Interview the 2019 cohort",
    ],
)
def test_numbers_that_name_a_scope_are_not_deadlines(text: str) -> None:
    assert not analyze(text, Context(today=TODAY)).time_bound.passed

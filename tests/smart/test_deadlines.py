"""Deadlines in words become dates relative to today (2026-11-22, a Sunday)."""

from __future__ import annotations

from datetime import date

import pytest

from stepwise.smart import Context, analyze, find_time_expressions, parse_deadline
from tests.smart.conftest import TODAY


def deadline(text: str, **options: object) -> date | None:
    return parse_deadline(text, today=TODAY, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # explicit dates
        ("Ship the export by 2027-03-31", date(2027, 3, 31)),
        ("Finish the memo by 31 March 2027", date(2027, 3, 31)),
        ("Publish the guide by March 31", date(2027, 3, 31)),
        ("Publish the guide by the 31st of March", date(2027, 3, 31)),
        ("Hand over the spec by 3/31/2027", date(2027, 3, 31)),
        ("Demo the flow on 12 December", date(2026, 12, 12)),
        ("Demo the flow on Nov 20", date(2027, 11, 20)),  # already past this year
        # weekdays
        ("Send the notes by Friday", date(2026, 11, 27)),
        ("Send the notes by next Tuesday", date(2026, 11, 24)),
        ("Send the notes before Wednesday", date(2026, 11, 24)),
        # quarters, halves, fiscal years
        ("Launch the beta by end of Q3", date(2027, 9, 30)),
        ("Launch the beta by Q3", date(2027, 9, 30)),
        ("Launch the beta in Q3 2027", date(2027, 9, 30)),
        ("Launch the beta in Q4", date(2026, 12, 31)),
        ("Launch the beta in Q1 2027", date(2027, 3, 31)),
        ("Launch the beta by the end of the first quarter of 2027", date(2027, 3, 31)),
        ("Retire the old API in H2", date(2026, 12, 31)),
        ("Retire the old API in H1", date(2027, 6, 30)),
        ("Retire the old API by FY27", date(2027, 12, 31)),
        ("Retire the old API this quarter", date(2026, 12, 31)),
        ("Retire the old API next quarter", date(2027, 3, 31)),
        # years, months, weeks
        ("Write the case study by end of year", date(2026, 12, 31)),
        ("Write the case study by EOY", date(2026, 12, 31)),
        ("Write the case study this year", date(2026, 12, 31)),
        ("Write the case study in 2027", date(2027, 12, 31)),
        ("Write the case study by mid-2027", date(2027, 6, 30)),
        ("Write the case study by the end of the month", date(2026, 11, 30)),
        ("Write the case study by the end of next month", date(2026, 12, 31)),
        ("Write the case study by the end of January next year", date(2027, 1, 31)),
        ("Write the case study by May", date(2027, 5, 31)),
        ("Write the case study before June", date(2027, 5, 31)),
        ("Write the case study by end of Oct", date(2027, 10, 31)),
        ("Write the case study this week", date(2026, 11, 22)),
        ("Write the case study next week", date(2026, 11, 29)),
        ("Write the case study this spring", date(2027, 5, 31)),
        ("Write the case study no later than week 10", date(2027, 3, 12)),
        # relative durations
        ("Run the survey within 6 weeks", date(2027, 1, 3)),
        ("Run the survey in 3 months", date(2027, 2, 22)),
        ("Run the survey in two weeks", date(2026, 12, 6)),
        ("Run the survey over the next quarter", date(2027, 2, 22)),
        ("Run the survey within a year", date(2027, 11, 22)),
        ("Run the survey in my first 90 days", date(2027, 2, 20)),
        ("Run the survey in the next 30 days", date(2026, 12, 22)),
        ("Run the survey in 3 monhts", date(2027, 2, 22)),  # a typo in the unit
    ],
)
def test_deadline_in_words_becomes_a_date(text: str, expected: date) -> None:
    assert deadline(text) == expected


def test_the_latest_date_named_is_the_deadline() -> None:
    assert deadline("Ship the beta by March 2027 and GA by June 2027") == date(2027, 6, 30)


@pytest.mark.parametrize(
    ("text", "start_month", "expected"),
    [
        ("Close the books by end of Q1", 4, date(2027, 6, 30)),  # Q1 of FY27 already past
        ("Close the books by end of Q3", 4, date(2026, 12, 31)),
        ("Close the books in Q4", 7, date(2027, 6, 30)),
        ("Close the books by FY27", 4, date(2027, 3, 31)),
        ("Close the books by FY27", 10, date(2027, 9, 30)),
        ("Close the books in H1", 7, date(2026, 12, 31)),
        ("Close the books this fiscal year", 4, date(2027, 3, 31)),
    ],
)
def test_quarters_and_fiscal_years_follow_the_fiscal_start(
    text: str, start_month: int, expected: date
) -> None:
    assert deadline(text, fiscal_year_start_month=start_month) == expected


def test_next_review_takes_its_date_from_context() -> None:
    review = date(2027, 2, 15)
    assert deadline("Ship the audit log before my next review", next_review=review) == review


@pytest.mark.parametrize(
    "text",
    [
        "Pair with the tech lead before my next review",
        "Pair with the tech lead by my next review",
        "Pair with the tech lead before my next performance review",
    ],
)
def test_next_review_without_context_is_time_bound_without_a_date(text: str) -> None:
    analysis = analyze(text, Context(today=TODAY))
    assert analysis.time_bound.passed
    assert analysis.time_bound.deadline is None


@pytest.mark.parametrize(
    "text",
    [
        "Demo progress to the team every sprint",
        "Send a status update weekly",
        "Review the pricing page each quarter",
        "Interview a churned customer once a month",
        "Pair with design twice a week",
        "Read 12 books a year",
        "Read one product book a month",
        "Post in the product channel every other week",
        "Shadow support on Fridays",
        "Meditate for 10 minutes every morning",
        "Write 2 posts per quarter",
    ],
)
def test_cadences_are_time_bound_without_a_date(text: str) -> None:
    analysis = analyze(text, Context(today=TODAY))
    assert analysis.time_bound.passed, analysis.time_bound.reason
    assert analysis.time_bound.deadline is None


def test_cadence_with_a_date_has_the_date() -> None:
    analysis = analyze("Demo progress every sprint until the end of Q1", Context(today=TODAY))
    assert analysis.time_bound.deadline == date(2027, 3, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Eventually lead a product launch",
        "Someday learn SQL",
        "Increase monthly referral traffic by 50%",
        "Run a retro after every release",
        "Keep the daily standup under 15 minutes",
        "Reduce tickets from 60 a month to 20 a month",
        "Zero bugs in the checkout, ever",
        "Document the escalations from last quarter",
        "Cut the activation time (within 7 days of signup) from 5 to 3 minutes",
    ],
)
def test_goals_without_a_deadline_or_cadence_are_not_time_bound(text: str) -> None:
    analysis = analyze(text, Context(today=TODAY))
    assert not analysis.time_bound.passed, analysis.time_bound.reason


def test_expressions_are_reported_in_reading_order_with_their_words() -> None:
    found = find_time_expressions("Every sprint until Q2, then by 30 June", today=TODAY)
    assert [e.phrase for e in found] == ["Every sprint", "until Q2", "by 30 June"]
    assert [e.kind for e in found] == ["cadence", "period", "date"]


def test_dateparser_is_only_a_fallback_after_a_trigger_word() -> None:
    assert deadline("Ship the onboarding fix by the 15th") == date(2026, 12, 15)

"""Placeholders in library templates: each one, the fallbacks, dates, braces and errors."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from stepwise.goals.library.catalogue import GoalTemplate, StepTemplate
from stepwise.goals.library.placeholders import (
    PlaceholderError,
    PlaceholderValues,
    ResolvedGoal,
    ResolvedStep,
    add_months,
    format_date,
    format_number,
    resolve_template,
    resolve_text,
)

TODAY = date(2026, 11, 22)
FULL = PlaceholderValues(
    today=TODAY,
    me="Alice Park",
    manager="Bob Stone",
    team="Checkout",
    level="Associate PM",
    target_level="Product Manager",
)
BARE = PlaceholderValues(today=TODAY, me="Alice Park")

TEMPLATE = GoalTemplate(
    key="interviews",
    title="Run {target} customer interviews with {team} {due}",
    why="so that {team}'s roadmap rests on what users told us",
    description="Share notes with {manager} each week.",
    competencies=("user-research",),
    levels=("associate_pm", "pm"),
    category="skill",
    metric_kind="number",
    metric_unit="interviews",
    baseline=Decimal("0.00"),
    target=Decimal("12.50"),
    weeks=8,
    hours_per_week=Decimal(2),
    steps=(
        StepTemplate("Agree the questions with {manager}", 1, Decimal(1)),
        StepTemplate("Present findings to {team}", 8, Decimal("1.5")),
        StepTemplate("Follow up", 8, Decimal(1)),
    ),
    keywords=("customer interviews",),
)


def text(source: str, values: PlaceholderValues = FULL, template: GoalTemplate = TEMPLATE) -> str:
    return resolve_text(source, template, values)


# -- each placeholder ----------------------------------------------------------------------


def test_due_is_today_plus_the_weeks_in_words() -> None:
    assert text("{due}") == "by 17 January 2027"
    assert text("{due}", template=replace(TEMPLATE, weeks=1)) == "by 29 November 2026"


def test_day_numbers_have_no_leading_zero() -> None:
    assert format_date(date(2027, 3, 5)) == "5 March 2027"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{date:+10d}", "2 December 2026"),
        ("{date:+6w}", "3 January 2027"),
        ("{date:+3m}", "22 February 2027"),
        ("{date:+0d}", "22 November 2026"),
        ("{date:+12m}", "22 November 2027"),
        ("{date: +2w }", "6 December 2026"),
    ],
)
def test_date_offsets(source: str, expected: str) -> None:
    assert text(source) == expected


def test_month_offsets_clamp_to_the_end_of_a_shorter_month() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 3, 31), 1) == date(2027, 4, 30)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    end_of_january = replace(FULL, today=date(2027, 1, 31))
    assert text("{date:+1m}", end_of_january) == "28 February 2027"


def test_people_and_levels() -> None:
    assert text("{me}, {manager}, {team}") == "Alice Park, Bob Stone, Checkout"
    assert text("{level} to {target_level}") == "Associate PM to Product Manager"


def test_fallbacks_when_the_profile_is_missing_a_value() -> None:
    assert text("{manager}", BARE) == "my manager"
    assert text("{team}", BARE) == "my team"
    assert text("{level}", BARE) == "my level"
    assert text("{target_level}", BARE) == "the next level"
    empty = replace(FULL, manager="", team="")
    assert text("{manager} and {team}", empty) == "my manager and my team"


def test_metric_numbers_lose_trailing_zeros() -> None:
    assert text("from {baseline} to {target}") == "from 0 to 12.5"
    assert format_number(Decimal("3.00")) == "3"
    assert format_number(Decimal("30")) == "30"
    assert format_number(Decimal("1E+2")) == "100"
    assert format_number(Decimal("0.25")) == "0.25"
    assert format_number(None) == ""


def test_literal_braces() -> None:
    assert text("{{team}} is {team}") == "{team} is Checkout"
    assert text("a }} b {{") == "a } b {"
    assert text("no placeholders at all") == "no placeholders at all"


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["{teem}", "{Manager}", "{}", "Hi {boss}, {team}"])
def test_unknown_placeholders_are_named(source: str) -> None:
    name = source[source.index("{") : source.index("}") + 1]
    with pytest.raises(
        PlaceholderError, match=re.escape(f"unknown placeholder '{name}'")
    ) as caught:
        text(source)
    assert "'interviews'" in str(caught.value)


@pytest.mark.parametrize("argument", ["", "6w", "+6y", "+x", "-3d", "+6 weeks"])
def test_bad_date_arguments_are_named(argument: str) -> None:
    with pytest.raises(PlaceholderError, match="expected an offset like"):
        text(f"{{date:{argument}}}")


def test_an_argument_on_another_placeholder_is_unknown() -> None:
    with pytest.raises(PlaceholderError, match=re.escape("unknown placeholder '{team:x}'")):
        text("{team:x}")


@pytest.mark.parametrize("source", ["a { b", "a } b", "{team"])
def test_unmatched_braces_are_errors(source: str) -> None:
    with pytest.raises(PlaceholderError, match="unmatched brace"):
        text(source)


def test_placeholder_error_is_a_value_error() -> None:
    assert issubclass(PlaceholderError, ValueError)


# -- whole templates -----------------------------------------------------------------------


def test_resolve_template() -> None:
    goal = resolve_template(TEMPLATE, FULL)
    assert goal == ResolvedGoal(
        template_key="interviews",
        title="Run 12.5 customer interviews with Checkout by 17 January 2027",
        why="so that Checkout's roadmap rests on what users told us",
        description="Share notes with Bob Stone each week.",
        category="skill",
        metric_kind="number",
        metric_unit="interviews",
        baseline=Decimal("0.00"),
        target=Decimal("12.50"),
        start_date=TODAY,
        due_date=date(2027, 1, 17),
        weekly_effort_hours=Decimal(2),
        steps=(
            ResolvedStep("Agree the questions with Bob Stone", date(2026, 11, 29), Decimal(1)),
            ResolvedStep("Present findings to Checkout", date(2027, 1, 17), Decimal("1.5")),
            ResolvedStep("Follow up", date(2027, 1, 17), Decimal(1)),
        ),
    )


def test_step_dates_never_pass_the_goal_due_date() -> None:
    goal = resolve_template(TEMPLATE, BARE)
    assert all(TODAY < s.due_date <= goal.due_date for s in goal.steps)


def test_resolve_template_fails_on_a_bad_step() -> None:
    broken = replace(TEMPLATE, steps=(StepTemplate("Ask {mentor}", 1, Decimal(1)),))
    with pytest.raises(PlaceholderError, match=re.escape("'{mentor}'")):
        resolve_template(broken, FULL)


# -- smart_text: the same rule as Goal.smart_text ------------------------------------------


@pytest.mark.parametrize(
    ("title", "why", "expected"),
    [
        ("Ship it by May.", "customers asked", "Ship it by May so that customers asked"),
        (
            "Ship it by May",
            "so that sales can demo it.",
            "Ship it by May so that sales can demo it",
        ),
        ("Ship it by May", "to unblock sales", "Ship it by May to unblock sales"),
        ("Ship it by May", "Because sales wait", "Ship it by May Because sales wait"),
        ("Ship it by May", "  ", "Ship it by May"),
        ("Ship it by May", "tomorrow's demo", "Ship it by May so that tomorrow's demo"),
    ],
)
def test_smart_text(title: str, why: str, expected: str) -> None:
    goal = replace(resolve_template(TEMPLATE, FULL), title=title, why=why)
    assert goal.smart_text() == expected


def test_smart_text_matches_the_goal_model() -> None:
    from stepwise.goals.models import Goal

    for title, why in [("Ship it.", "so sales can demo"), ("Ship it", "users wait"), ("A", "")]:
        resolved = replace(resolve_template(TEMPLATE, FULL), title=title, why=why)
        assert resolved.smart_text() == Goal(title=title, why=why).smart_text()

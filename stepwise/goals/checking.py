"""Running the SMART checker for a person in the app: their context, their today."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Sum
from django.utils import timezone

from stepwise.goals.models import Goal
from stepwise.people.models import Organisation, User
from stepwise.smart import Analysis, Context, analyze


def today_for(person: User) -> date:
    """Today's date where the person is."""
    try:
        zone = ZoneInfo(person.timezone)
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    return timezone.localdate(timezone=zone)


def context_for(person: User, *, today: date | None = None) -> Context:
    """What the app knows about the person that can turn a verdict (see SMART.md)."""
    return Context(
        today=today or today_for(person),
        level=person.level or None,
        weekly_capacity_hours=float(person.weekly_growth_hours),
        fiscal_year_start_month=Organisation.current().fiscal_year_start_month,
    )


def check_for(person: User, text: str) -> Analysis:
    """Check a goal's text as this person would see it; raises InvalidGoalText."""
    return analyze(text, context_for(person))


def checker_context_for_goal(goal: Goal, person: User) -> Context:
    """The context of one goal: its due date and effort against the person's other goals."""
    others = (
        Goal.objects.active()
        .filter(owner=person)
        .exclude(pk=goal.pk)
        .aggregate(total=Sum("weekly_effort_hours"))["total"]
    )
    return Context(
        today=today_for(person),
        level=person.level or None,
        weekly_capacity_hours=float(person.weekly_growth_hours),
        effort_hours_per_week=float(goal.weekly_effort_hours or 0),
        due_date=goal.due_date,
        other_active_goals_effort_hours_per_week=float(others or 0),
        fiscal_year_start_month=Organisation.current().fiscal_year_start_month,
    )


CRITERION_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


def verdict_rows(analysis: Analysis | None) -> list[dict[str, object]]:
    if analysis is None:
        return []
    return [
        {"key": key, "name": CRITERION_NAMES[key], "verdict": verdict}
        for key, verdict in analysis.criteria.items()
    ]

"""Running the SMART checker in the app: a goal is always judged in its owner's context.

One way to check a goal, saved or not: `judge_goal(goal)` reads the goal's title and why
(`Goal.smart_text` is the same words) against `goal_context(goal)`: the owner's today,
level and capacity, the goal's start, due date and weekly effort, and the effort of the
owner's *other* active goals. The goal page passes the saved goal; the builder passes an
unsaved `Goal` made from what the person has typed (with the pk of the goal being edited).
Whoever looks at the goal, it is judged against the owner's capacity; a viewer who is not
the owner counts only the owner's goals they may see (`judge_goal(goal, viewer=…)`).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Sum

from stepwise.access.goals import visible_goals
from stepwise.goals.models import Goal
from stepwise.people.models import Organisation, User
from stepwise.smart import Analysis, Context, InvalidGoalText, analyze


def context_for(person: User, *, today: date | None = None) -> Context:
    """What the app knows about the person that can turn a verdict (see SMART.md)."""
    return Context(
        today=today or person.today(),
        level=person.level or None,
        weekly_capacity_hours=float(person.weekly_growth_hours),
        fiscal_year_start_month=Organisation.current().fiscal_year_start_month,
    )


def check_for(person: User, text: str) -> Analysis:
    """Check a goal's text as this person would see it; raises InvalidGoalText."""
    return analyze(text, context_for(person))


def goal_context(goal: Goal, *, viewer: User) -> Context:
    """The context of one goal, always its owner's: the owner's today, level and capacity;
    the goal's start, due date and effort; the effort of the owner's other active goals
    (never the goal itself, saved or being edited). A viewer who is not the owner counts
    only the other goals they may see, so a verdict never hints at a hidden goal, and reads
    the advice worded about the owner."""
    owner = goal.owner
    others = Goal.objects.active() if viewer.pk == owner.pk else visible_goals(viewer).active()
    others = others.filter(owner=owner)
    if goal.pk is not None:
        others = others.exclude(pk=goal.pk)
    other_effort = others.aggregate(total=Sum("weekly_effort_hours"))["total"]
    return Context(
        today=owner.today(),
        level=owner.level or None,
        weekly_capacity_hours=float(owner.weekly_growth_hours),
        effort_hours_per_week=float(goal.weekly_effort_hours or 0),
        start_date=goal.start_date,
        due_date=goal.due_date,
        other_active_goals_effort_hours_per_week=float(other_effort or 0),
        fiscal_year_start_month=Organisation.current().fiscal_year_start_month,
        owner_name="" if viewer.pk == owner.pk else owner.name,
    )


def judge_goal(goal: Goal, *, viewer: User) -> Analysis:
    """The SMART verdicts on a goal in its owner's context, as ``viewer`` may read them;
    raises InvalidGoalText when the title has no words to check."""
    return analyze(goal.title, goal_context(goal, viewer=viewer), why=goal.why)


def judge_goal_or_none(goal: Goal, *, viewer: User) -> Analysis | None:
    """`judge_goal`, or None for a goal whose title cannot be checked (never raises for
    words: what a person wrote must not take a page down)."""
    try:
        return judge_goal(goal, viewer=viewer)
    except InvalidGoalText:
        return None


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

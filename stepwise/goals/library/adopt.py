"""Adopting a library template: the person's placeholder values, the builder's answers, and
the goal with its suggested steps.

A template becomes an ordinary goal: the builder is pre-filled from :func:`builder_initial`,
the person changes what they like, and :func:`do_adopt_goal` saves it through the goal
actions, remembering which template it came from and, when asked, adding the suggested steps
(each through ``do_add_step``, so every one lands in the goal's history).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from stepwise.goals import actions
from stepwise.goals.library.catalogue import GoalTemplate
from stepwise.goals.library.placeholders import (
    PlaceholderValues,
    ResolvedGoal,
    resolve_template,
)
from stepwise.goals.models import Goal, GoalStatus, Priority, Step, Visibility
from stepwise.people.models import Level, User

LEVEL_ORDER: tuple[str, ...] = tuple(Level.values)


def level_name(key: str) -> str | None:
    """The human name of a level key ("Associate PM"), None for no level or an unknown one."""
    return str(Level(key).label) if key in LEVEL_ORDER else None


def next_level(key: str) -> str:
    """The level above ``key``, "" at the top or for no level."""
    if key not in LEVEL_ORDER:
        return ""
    position = LEVEL_ORDER.index(key)
    return LEVEL_ORDER[position + 1] if position + 1 < len(LEVEL_ORDER) else ""


def values_for(person: User, *, today: date | None = None) -> PlaceholderValues:
    """What the placeholders of a template mean for this person (two queries at most: the
    manager and the team, when the caller has not selected them)."""
    target = person.target_level or next_level(person.level)
    return PlaceholderValues(
        today=today or person.today(),
        me=person.name,
        manager=person.manager.name if person.manager_id and person.manager else None,
        team=person.team.name if person.team_id and person.team else None,
        level=level_name(person.level),
        target_level=level_name(target),
    )


def resolve_for(template: GoalTemplate, person: User) -> ResolvedGoal:
    return resolve_template(template, values_for(person))


def builder_initial(template: GoalTemplate, person: User) -> dict[str, Any]:
    """The guided builder's answers for this template, resolved for this person from today."""
    return initial_from(resolve_for(template, person))


def initial_from(resolved: ResolvedGoal) -> dict[str, Any]:
    return {
        "title": resolved.title,
        "why": resolved.why,
        "description": resolved.description,
        "category": resolved.category,
        "metric_kind": resolved.metric_kind,
        "metric_unit": resolved.metric_unit,
        "baseline": resolved.baseline,
        "target": resolved.target,
        "start_date": resolved.start_date,
        "due_date": resolved.due_date,
        "weekly_effort_hours": resolved.weekly_effort_hours,
        "template_key": resolved.template_key,
        "priority": Priority.MEDIUM.value,
        "visibility": Visibility.MANAGER.value,
        "add_steps": True,
    }


@transaction.atomic
def do_adopt_steps(*, goal: Goal, template: GoalTemplate, person: User) -> list[Step]:
    """The template's suggested steps on ``goal``, due from the goal's start date and never
    after its due date, each added through ``do_add_step``."""
    values = values_for(person, today=goal.start_date)
    resolved = resolve_template(template, values)
    steps = []
    for suggested in resolved.steps:
        due = suggested.due_date
        if goal.due_date is not None and due > goal.due_date:
            due = max(goal.due_date, goal.start_date)
        steps.append(
            actions.do_add_step(
                goal=goal,
                actor=person,
                title=suggested.title,
                due_date=due,
                effort_hours=suggested.hours,
            )
        )
    return steps


@transaction.atomic
def do_adopt_goal(
    *,
    owner: User,
    template: GoalTemplate,
    status: str = GoalStatus.DRAFT,
    add_steps: bool = True,
    **fields: Any,
) -> Goal:
    """A goal of ``owner`` from the builder's answers (``fields``, as ``do_create_goal`` takes
    them), marked as adopted from ``template``, with its suggested steps when ``add_steps``."""
    goal = actions.do_create_goal(owner=owner, status=status, **fields)
    goal.template_key = template.key
    goal.save(update_fields=["template_key"])
    if add_steps:
        do_adopt_steps(goal=goal, template=template, person=owner)
    return goal

"""What the goal page shows, gathered with a fixed number of queries whatever the history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from stepwise.goals.checking import judge_goal_or_none, verdict_rows
from stepwise.goals.forms import CheckInForm, StepForm
from stepwise.goals.models import CheckIn, Goal, GoalEvent, GoalStatus, Step
from stepwise.goals.progress import (
    GoalFacts,
    MetricKind,
    assess,
    expected_percent,
    steps_percent,
    value_percent,
)
from stepwise.goals.standing import facts_of
from stepwise.people.models import User

RECENT_CHECKINS = 6
RECENT_EVENTS = 8


class CheckInPoint(NamedTuple):
    """A check-in as the progress maths needs it (plain values, cheap to read in bulk)."""

    on: date
    value: Decimal
    confidence: int


def goal_page_context(goal: Goal, person: User) -> dict[str, Any]:
    today = person.today()
    steps = list(goal.steps.alive())
    live = goal.checkins.filter(deleted_at__isnull=True)
    points = [
        CheckInPoint(*row)
        for row in live.order_by("on", "pk").values_list("on", "value", "confidence")
    ]
    facts = facts_of(goal, steps, points)  # once, for the standing and the chart
    can_change = goal.owner_id == person.pk
    checkins = list(live.order_by("-on", "-pk")[:RECENT_CHECKINS])
    # The page's links are built from a few prefixes, not a reverse() per link.
    goal_list_url = reverse("goal_list")
    step_base = goal_list_url + "steps/"
    return {
        "goal": goal,
        "today": today,
        "today_iso": date_filter(today, "Y-m-d"),
        "steps": steps,
        "plan": _plan_rows(goal, steps, step_base),
        "next_step": next((s for s in steps if not s.is_done), None),
        "checkins": checkins,
        "checkin_rows": _checkin_rows(checkins),
        "checkin_count": len(points),
        **_recent_events(goal),
        "standing": assess(facts, today),
        "smart": verdict_rows(judge_goal_or_none(goal, viewer=person)),  # the owner's context
        "burnup": _burnup(goal, facts, points, today),
        "timeline": timeline(goal, steps, today),
        "can_change": can_change,
        "goal_list_url": goal_list_url,
        "goal_url": reverse("goal_detail", args=[goal.pk]),  # + "history/", "edit/"…
        "step_base": step_base,
        "checkin_base": goal_list_url + "checkins/",
        "step_form": StepForm(goal=goal, steps=steps) if can_change else None,
        "checkin_form": CheckInForm(initial={"value": goal.current, "on": today})
        if can_change and goal.is_open
        else None,
        "is_draft": goal.status == GoalStatus.DRAFT,
    }


class PlanRow(NamedTuple):
    """A step as its row on the goal page shows it, its words formatted once here: the
    template engine is slow at filters, and a long plan has many of them."""

    step: Step
    url: str  # the prefix of the step's own actions: ".../steps/<pk>/"
    waits_for: str  # the titles of the steps it waits for, joined
    due: str  # "j M Y", or "" without a due date
    done: str  # "j M", or "" while not done
    effort: str  # hours, as floatformat:"-1" shows them


def _plan_rows(goal: Goal, steps: list[Step], step_base: str) -> list[PlanRow]:
    """The steps in order, each with what it waits for (one query, not a prefetch)."""
    waits_for: dict[int, list[str]] = defaultdict(list)
    links = (
        Step.depends_on.through.objects.filter(from_step__goal=goal)
        .order_by("to_step__position", "to_step__pk")
        .values_list("from_step_id", "to_step__title")
    )
    for step_id, title in links:
        waits_for[step_id].append(title)
    return [
        PlanRow(
            step,
            f"{step_base}{step.pk}/",
            ", ".join(waits_for[step.pk]),
            date_filter(step.due_date, "j M Y"),
            date_filter(step.done_on, "j M") if step.is_done else "",
            floatformat(step.effort_hours, "-1"),
        )
        for step in steps
    ]


class CheckInRow(NamedTuple):
    """A recent check-in with its day and value formatted once (the day is shown twice)."""

    checkin: CheckIn
    on: str  # "j M Y"
    value: str  # floatformat:"-2"


def _checkin_rows(checkins: list[CheckIn]) -> list[CheckInRow]:
    return [CheckInRow(c, date_filter(c.on, "j M Y"), floatformat(c.value, "-2")) for c in checkins]


class EventRow(NamedTuple):
    """One history entry as the history list shows it, read as plain values (no model
    instances) and formatted once here."""

    at: str  # "j M Y, H:i" in the current time zone
    who: str  # the actor's name, or "Someone"
    what: str  # the kind, in words
    step_title: str | None  # the step it is about, if any
    changes: dict[str, Any]
    reason: str


EVENT_FIELDS = (
    "at",
    "actor__display_name",
    "actor__username",
    "kind",
    "step__title",
    "changes",
    "reason",
)
KIND_LABELS: dict[str, str] = dict(GoalEvent.Kind.choices)


def event_rows(goal: Goal, limit: int | None = None) -> list[EventRow]:
    """The goal's history, newest first (the first ``limit`` entries when given)."""
    rows = goal.events.values_list(*EVENT_FIELDS)
    return [
        EventRow(
            date_filter(localtime(at), "j M Y, H:i"),
            display_name or username or "Someone",
            KIND_LABELS.get(kind, kind),
            step_title,
            changes,
            reason,
        )
        for at, display_name, username, kind, step_title, changes, reason in (
            rows if limit is None else rows[:limit]
        )
    ]


def _recent_events(goal: Goal) -> dict[str, Any]:
    """The latest history entries, and whether there are more (one query, no count)."""
    events = event_rows(goal, RECENT_EVENTS + 1)
    return {"events": events[:RECENT_EVENTS], "more_events": len(events) > RECENT_EVENTS}


def history_page_context(goal: Goal, person: User) -> dict[str, Any]:
    """Everything that ever happened to the goal, newest first, and the chart's numbers."""
    today = person.today()
    steps = list(goal.steps.alive())
    points = [
        CheckInPoint(*row)
        for row in goal.checkins.filter(deleted_at__isnull=True)
        .order_by("on", "pk")
        .values_list("on", "value", "confidence")
    ]
    return {
        "goal": goal,
        "events": event_rows(goal),
        "checkins": list(
            goal.checkins.filter(deleted_at__isnull=True)
            .select_related("author")
            .order_by("-on", "-pk")
        ),
        "progress_rows": _table_rows(burnup_series(goal, steps, points, today)["points"]),
    }


def burnup_series(
    goal: Goal, steps: list[Step], checkins: list[CheckInPoint], today: date
) -> dict[str, Any]:
    """Actual progress at each check-in and expected progress on the same days, in percent."""
    return _burnup(goal, facts_of(goal, steps, checkins), checkins, today)


def _burnup(
    goal: Goal, facts: GoalFacts, checkins: list[CheckInPoint], today: date
) -> dict[str, Any]:
    actual_on = _actual_reader(facts)
    points = [
        {
            "on": checkin.on.isoformat(),
            "actual": round(actual_on(checkin), 1),
            "expected": _rounded(expected_percent(facts, checkin.on)),
        }
        for checkin in checkins
    ]
    plan = [
        {"on": day.isoformat(), "expected": _rounded(expected_percent(facts, day))}
        for day in _plan_days(goal, today)
    ]
    chart = {"points": points, "plan": plan, "unit": "%"}
    return {**chart, "chart": chart, "summary": _summary(points)}


def _summary(points: list[dict[str, Any]]) -> str:
    """The chart in one sentence, for people who do not see it."""
    if not points:
        return ""
    first, last = points[0], points[-1]
    plan = "" if last["expected"] is None else f" against {last['expected']:g}% expected"
    return (
        f"{len(points)} check-in{'s' if len(points) != 1 else ''} from {first['on']} to "
        f"{last['on']}: progress went from {first['actual']:g}% to {last['actual']:g}%{plan}."
    )


def _table_rows(points: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """The chart's text alternative, formatted once here rather than cell by cell."""
    return [
        (p["on"], f"{p['actual']:g}%", "—" if p["expected"] is None else f"{p['expected']:g}%")
        for p in points
    ]


def _actual_reader(facts: GoalFacts) -> Callable[[CheckInPoint], float]:
    """Progress as it stood on the day of a check-in (the goal's numbers read once)."""
    if facts.kind is MetricKind.STEPS:
        return lambda checkin: steps_percent(facts.steps, by=checkin.on)
    kind, baseline, target = facts.kind, _num(facts.baseline), _num(facts.target)
    return lambda checkin: value_percent(kind, baseline, target, float(checkin.value))


def _num(value: object) -> float | None:
    return None if value is None else float(str(value))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _plan_days(goal: Goal, today: date) -> list[date]:
    end = goal.due_date or today
    if end <= goal.start_date:
        return [goal.start_date]
    span = (end - goal.start_date).days
    stride = max(1, span // 12)
    days = [goal.start_date + timedelta(days=i) for i in range(0, span, stride)]
    return [*days, end]


def timeline(goal: Goal, steps: list[Step], today: date) -> dict[str, Any]:
    """Where (0 to 100 %) each step's due date and today fall between start and end."""
    dated = [s.due_date for s in steps if s.due_date]
    end = max(d for d in (goal.due_date, *dated, today) if d is not None)
    start = min(goal.start_date, today)
    span = max((end - start).days, 1)

    def place(day: date) -> int:
        return round(100 * (day - start).days / span)

    return {
        "start": start,
        "end": end,
        "today": place(today),
        "steps": [
            {
                "step": s,
                "at": place(s.due_date),
                "due": date_format(s.due_date, "j M"),  # shown twice: formatted once
                "state": "done" if s.is_done else "late" if s.due_date < today else "",
            }
            for s in steps
            if s.due_date
        ],
    }

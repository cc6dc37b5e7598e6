"""`stepwise goals`, `stepwise goal show` and `stepwise checkin`: goals from the terminal.

Each command acts as one person: `--user NAME`, or the only person when there is exactly one.
It sees and changes what that person may through ``stepwise.access`` and changes things only
through ``stepwise.goals.actions``. ``stepwise/cli.py`` mounts ``top_level`` (its commands
join the root: `stepwise goals`, `stepwise checkin`) and ``goal_app`` (`stepwise goal …`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from stepwise.lib.cli import CliError, friendly, out, setup_django
from stepwise.people.cli_support import UserOption, acting_person

if TYPE_CHECKING:
    from stepwise.goals.models import CheckIn, Goal, Step
    from stepwise.people.models import User

top_level = typer.Typer()
goal_app = typer.Typer(help="Look at one goal.", no_args_is_help=True)

GoalId = Annotated[int, typer.Argument(metavar="ID", help="The goal's id (see `stepwise goals`).")]
STATUS_HELP = "Only goals with this status: draft, active, paused, completed or dropped."
STATUS_STYLES = {
    "done": "green",
    "on_track": "green",
    "not_started": "dim",
    "at_risk": "yellow",
    "behind": "red",
    "overdue": "bold red",
}


def _goal_for(person: User, goal_id: int, *, for_change: bool = False) -> Goal:
    from django.http import Http404

    from stepwise.access.goals import access_goal

    try:
        return access_goal(person, goal_id, for_change=for_change)
    except Http404:
        if for_change and _can_see(person, goal_id):
            raise CliError(f"goal {goal_id} is not yours: only its owner can do that") from None
        raise CliError(f"no goal {goal_id} you can see") from None


def _can_see(person: User, goal_id: int) -> bool:
    from stepwise.access.goals import visible_goals

    return visible_goals(person).filter(pk=goal_id).exists()


def _standing_text(status: str, label: str) -> str:
    style = STATUS_STYLES.get(status, "")
    return f"[{style}]{label}[/]" if style else label


@top_level.command("goals")
@friendly
def list_goals(
    user: UserOption = None,
    status: Annotated[str | None, typer.Option(help=STATUS_HELP)] = None,
) -> None:
    """List the goals you can see, with where each stands."""
    setup_django()
    from stepwise.access.goals import visible_goals
    from stepwise.goals.models import GoalStatus
    from stepwise.goals.progress import percent_text
    from stepwise.goals.standing import standing_of

    person = acting_person(user)
    goals = visible_goals(person)
    if status is not None:
        if status not in GoalStatus.values:
            choices = ", ".join(GoalStatus.values)
            raise CliError(f"--status must be one of {choices} (got {status!r})")
        goals = goals.filter(status=status)
    rows = list(goals.order_by("priority", "due_date", "pk").with_rows())
    if not rows:
        out.print(
            "No goals here yet. Create one in the app, or with POST /api/v1/goals."
            if status is None
            else f"No {status} goals."
        )
        return
    others = any(goal.owner_id != person.pk for goal in rows)
    table = Table(title=f"Goals {person.username} can see")
    table.add_column("id", justify="right")
    table.add_column("title")
    if others:
        table.add_column("owner")
    table.add_column("status")
    table.add_column("progress", justify="right")
    table.add_column("standing")
    table.add_column("due")
    today = person.today()
    for goal in rows:
        standing = standing_of(goal, *goal.live_rows(), today)
        cells = [str(goal.pk), goal.title]
        if others:
            cells.append(goal.owner.username)
        cells += [
            goal.get_status_display(),
            percent_text(standing.progress),
            _standing_text(standing.status.value, standing.status.label),
            goal.due_date.isoformat() if goal.due_date else "—",
        ]
        table.add_row(*cells)
    out.print(table)


@goal_app.command("show")
@friendly
def show_goal(
    goal_id: GoalId,
    user: UserOption = None,
) -> None:
    """Show one goal: where it stands and why, its steps and its latest check-ins."""
    setup_django()
    from stepwise.goals.progress import percent_text
    from stepwise.goals.standing import standing_of

    person = acting_person(user)
    goal = _goal_for(person, goal_id)
    steps, checkins = goal.live_rows()
    standing = standing_of(goal, steps, checkins, person.today())
    out.print(f"[bold]#{goal.pk} {goal.title}[/]", highlight=False)
    due = f", due {goal.due_date.isoformat()}" if goal.due_date else ", no due date"
    out.print(
        f"{goal.get_status_display()} · owner {goal.owner.username} · "
        f"started {goal.start_date.isoformat()}{due}",
        highlight=False,
    )
    if goal.why:
        out.print(f"Why: {goal.why}", highlight=False)
    target = _measure(goal)
    if target:
        out.print(target, highlight=False)
    label = _standing_text(standing.status.value, standing.status.label)
    out.print(f"Standing: {label}, {percent_text(standing.progress)} done — {standing.reason}")
    if standing.forecast is not None:
        out.print(f"Forecast: finishes around {standing.forecast.isoformat()}")
    for flag in standing.flags:
        out.print(f"[yellow]![/] {flag}", highlight=False)
    _print_steps(steps)
    _print_checkins(checkins[:5], total=len(checkins))


def _measure(goal: Goal) -> str:
    unit = f" {goal.metric_unit}" if goal.metric_unit else ""
    if goal.metric_kind in ("number", "percentage") and goal.target is not None:
        start = "" if goal.baseline is None else f"from {_number(goal.baseline)}{unit} "
        now = "" if goal.current is None else f", now {_number(goal.current)}{unit}"
        return f"Measure: {start}to {_number(goal.target)}{unit}{now}"
    return ""


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _print_steps(steps: list[Step]) -> None:
    if not steps:
        out.print("Steps: none yet.")
        return
    done = sum(step.is_done for step in steps)
    out.print(f"Steps ({done} of {len(steps)} done):")
    for step in steps:
        mark = "[green]✓[/]" if step.is_done else "·"
        when = f" (due {step.due_date.isoformat()})" if step.due_date and not step.is_done else ""
        out.print(f"  {mark} {step.title}{when}", highlight=False)


def _print_checkins(checkins: list[CheckIn], *, total: int) -> None:
    if not checkins:
        out.print("Check-ins: none yet.")
        return
    shown = f"last {len(checkins)} of {total}" if total > len(checkins) else str(total)
    out.print(f"Check-ins ({shown}):")
    for checkin in checkins:
        text = f"  {checkin.on.isoformat()}  {_number(checkin.value)}"
        text += f"  confidence {checkin.confidence}/5"
        if checkin.note:
            text += f"  {checkin.note}"
        if checkin.blockers:
            text += f"  [blocked: {checkin.blockers}]"
        out.print(text, highlight=False, markup=False)


@top_level.command("checkin")
@friendly
def checkin(
    goal_id: GoalId,
    value: Annotated[str, typer.Option(help="Where the goal's measure stands now, e.g. 40.")],
    confidence: Annotated[
        str, typer.Option(help="How sure you are of reaching it, 1 (unlikely) to 5 (sure).")
    ],
    note: Annotated[str, typer.Option(help="What happened.")] = "",
    blockers: Annotated[str, typer.Option(help="Anything in the way.")] = "",
    on: Annotated[
        str, typer.Option(help="The day it is for, YYYY-MM-DD; today (yours) by default.")
    ] = "",
    user: UserOption = None,
) -> None:
    """Check in on one of your goals: where it stands and how confident you are."""
    setup_django()
    from stepwise.goals.actions import do_record_checkin
    from stepwise.goals.progress import percent_text
    from stepwise.goals.standing import standing_of

    amount = _parse_value(value)
    level = _parse_confidence(confidence)
    day = _parse_day(on) if on else None
    person = acting_person(user)
    goal = _goal_for(person, goal_id, for_change=True)
    recorded = do_record_checkin(
        goal=goal,
        author=person,
        value=amount,
        confidence=level,
        note=note,
        blockers=blockers,
        on=day,
    )
    goal.refresh_from_db()
    standing = standing_of(goal, *goal.live_rows(), person.today())
    out.print(
        f"Checked in on #{goal.pk} {goal.title}: {_number(recorded.value)}, "
        f"confidence {recorded.confidence}/5.",
        highlight=False,
    )
    label = _standing_text(standing.status.value, standing.status.label)
    out.print(f"Standing: {label}, {percent_text(standing.progress)} done — {standing.reason}")


def _parse_value(text: str) -> Decimal:
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        raise CliError(f"--value must be a number, like 40 or 12.5 (got {text!r})") from None
    if not amount.is_finite():
        raise CliError(f"--value must be a number, like 40 or 12.5 (got {text!r})")
    return amount


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--on must be a date like 2026-03-31 (got {text!r})") from None


def _parse_confidence(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "5"}:
        raise CliError(f"--confidence must be a whole number from 1 to 5 (got {text!r})")
    return int(text)

"""The one write path for goals, steps and check-ins; each change lands in the goal's history.

Every action runs in one transaction, validates, writes a ``GoalEvent`` (who, when, what
changed from what, why) and bumps the ``version`` of what it changed. Callers that show a
form pass the version they showed as ``expected_version``: a stale save is refused with
``StaleEdit`` (``stepwise.lib.errors``) rather than silently overwriting someone's newer change.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stepwise.goals.models import (
    WORDLESS_TITLE,
    CheckIn,
    Goal,
    GoalEvent,
    GoalStatus,
    MetricKind,
    Step,
    title_has_words,
)
from stepwise.lib.errors import StaleEdit
from stepwise.lib.limits import check_fields, check_values
from stepwise.lib.links import clean_links
from stepwise.people.models import User

GOAL_FIELDS = (
    "title",
    "description",
    "why",
    "category",
    "metric_kind",
    "metric_unit",
    "baseline",
    "target",
    "current",
    "start_date",
    "due_date",
    "weekly_effort_hours",
    "priority",
    "visibility",
)
STEP_FIELDS = ("title", "due_date", "effort_hours")
CHECKIN_FIELDS = ("on", "value", "confidence", "note", "blockers")


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _diff(obj: Any, changes: dict[str, Any]) -> dict[str, list[Any]]:
    """Apply changes to ``obj``; return ``{field: [old, new]}`` for those that differ."""
    diff: dict[str, list[Any]] = {}
    for name, new in changes.items():
        old = getattr(obj, name)
        if old != new:
            diff[name] = [_jsonable(old), _jsonable(new)]
            setattr(obj, name, new)
    return diff


def _check_version(obj: Goal | Step | CheckIn, expected: int | None, what: str) -> None:
    if expected is not None and obj.version != expected:
        raise StaleEdit(what)


def _record(goal: Goal, actor: User | None, kind: GoalEvent.Kind, **fields: Any) -> GoalEvent:
    check_values({"reason": fields.get("reason", "")})
    return GoalEvent.objects.create(goal=goal, actor=actor, kind=kind, **fields)


# ---- goals --------------------------------------------------------------------------------


TARGET_NEEDED = (
    "An active goal measured by a number needs a target: enter the number you aim to "
    "reach, or save the goal as a draft until you know it."
)


def needs_target(status: str, metric_kind: str) -> bool:
    """An active goal measured by a number or a percentage needs a target."""
    return status == GoalStatus.ACTIVE and metric_kind in (MetricKind.NUMBER, MetricKind.PERCENTAGE)


MAX_GOAL_LINKS = 50  # evidence links on a completed goal

GOAL_TEXTS = ("description", "why", "outcome", "evidence", "evidence_links", "drop_reason")


def _validate_goal(goal: Goal) -> None:
    check_fields(goal, ("title", "metric_unit", *GOAL_TEXTS, "start_date", "due_date", "closed_on"))
    goal.full_clean(exclude=["owner"])
    errors: dict[str, str] = {}
    if not title_has_words(goal.title):
        errors["title"] = WORDLESS_TITLE
    if goal.due_date and goal.due_date < goal.start_date:
        errors["due_date"] = "The due date cannot come before the start date."
    if needs_target(goal.status, goal.metric_kind) and goal.target is None:
        errors["target"] = TARGET_NEEDED
    if goal.metric_kind == MetricKind.PERCENTAGE:
        for name in ("baseline", "target", "current"):
            value = getattr(goal, name)
            if value is not None and not Decimal(0) <= value <= Decimal(100):
                errors[name] = "A percentage is between 0 and 100."
    if errors:
        raise ValidationError(errors)


def _normalise_metric(goal: Goal) -> None:
    if goal.metric_kind == MetricKind.YES_NO:
        goal.baseline, goal.target = Decimal(0), Decimal(1)
        goal.current = goal.current if goal.current in (Decimal(0), Decimal(1)) else Decimal(0)


@transaction.atomic
def do_create_goal(*, owner: User, status: str = GoalStatus.DRAFT, **fields: Any) -> Goal:
    unknown = set(fields) - set(GOAL_FIELDS)
    if unknown:
        raise ValueError(f"not goal fields: {', '.join(sorted(unknown))}")
    if status not in (GoalStatus.DRAFT, GoalStatus.ACTIVE):
        raise ValidationError({"status": "A new goal starts as a draft or active."})
    fields.setdefault("start_date", owner.today())
    goal = Goal(owner=owner, status=status, **fields)
    if goal.current is None and goal.baseline is not None:
        goal.current = goal.baseline
    _normalise_metric(goal)
    _validate_goal(goal)
    goal.save()
    _record(goal, owner, GoalEvent.Kind.CREATED, changes={"status": [None, status]})
    return goal


@transaction.atomic
def do_update_goal(
    *,
    goal: Goal,
    actor: User,
    expected_version: int | None = None,
    reason: str = "",
    **changes: Any,
) -> Goal:
    unknown = set(changes) - set(GOAL_FIELDS)
    if unknown:
        raise ValueError(f"not goal fields: {', '.join(sorted(unknown))}")
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _check_version(goal, expected_version, "goal")
    diff = _diff(goal, changes)
    _normalise_metric(goal)
    _validate_goal(goal)
    if diff:
        goal.version += 1
        goal.save()
        _record(goal, actor, GoalEvent.Kind.CHANGED, changes=diff, reason=reason.strip())
    return goal


def _set_status(goal: Goal, actor: User, status: str, reason: str = "", **extra: Any) -> Goal:
    diff = _diff(goal, {"status": status, **extra})
    _validate_goal(goal)
    goal.version += 1
    goal.save()
    _record(goal, actor, GoalEvent.Kind.STATUS, changes=diff, reason=reason.strip())
    return goal


ALLOWED_MOVES = {
    GoalStatus.DRAFT: {GoalStatus.ACTIVE, GoalStatus.DROPPED},
    GoalStatus.ACTIVE: {GoalStatus.PAUSED, GoalStatus.COMPLETED, GoalStatus.DROPPED},
    GoalStatus.PAUSED: {GoalStatus.ACTIVE, GoalStatus.COMPLETED, GoalStatus.DROPPED},
    GoalStatus.COMPLETED: {GoalStatus.ACTIVE},
    GoalStatus.DROPPED: {GoalStatus.ACTIVE},
}


def _refuse_move(goal: Goal, status: str) -> None:
    if status not in GoalStatus.values:
        raise ValidationError({"status": "That is not a status a goal can have."})
    if status not in ALLOWED_MOVES[GoalStatus(goal.status)]:
        raise ValidationError(
            {
                "status": f"A {goal.get_status_display().lower()} goal cannot become "
                f"{GoalStatus(status).label.lower()}."
            }
        )


@transaction.atomic
def do_change_goal_status(
    *,
    goal: Goal,
    actor: User,
    status: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Goal:
    """Activate, pause, resume or reopen a goal. Completing and dropping have their own
    actions, because they ask for an outcome or a reason."""
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _check_version(goal, expected_version, "goal")
    if status in (GoalStatus.COMPLETED, GoalStatus.DROPPED):
        raise ValidationError({"status": "Use complete or drop, which ask what happened."})
    _refuse_move(goal, status)
    return _set_status(goal, actor, status, reason, closed_on=None)


@transaction.atomic
def do_complete_goal(
    *,
    goal: Goal,
    actor: User,
    outcome: str,
    evidence: str = "",
    evidence_links: str = "",
    on: date | None = None,
    expected_version: int | None = None,
) -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _check_version(goal, expected_version, "goal")
    _refuse_move(goal, GoalStatus.COMPLETED)
    if not outcome.strip():
        raise ValidationError({"outcome": "Say what you achieved: it is the record you keep."})
    links = clean_links(evidence_links, most=MAX_GOAL_LINKS)
    on = on or actor.today()
    if on > actor.today():
        raise ValidationError({"on": "A goal cannot be completed in the future."})
    if on < goal.start_date:
        raise ValidationError({"on": "A goal cannot be completed before it starts."})
    return _set_status(
        goal,
        actor,
        GoalStatus.COMPLETED,
        outcome=outcome.strip(),
        evidence=evidence.strip(),
        evidence_links="\n".join(links),
        closed_on=on,
    )


@transaction.atomic
def do_drop_goal(
    *, goal: Goal, actor: User, reason: str, expected_version: int | None = None
) -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _check_version(goal, expected_version, "goal")
    _refuse_move(goal, GoalStatus.DROPPED)
    if not reason.strip():
        raise ValidationError({"reason": "Say why you are dropping it; future you will ask."})
    return _set_status(
        goal,
        actor,
        GoalStatus.DROPPED,
        reason,
        drop_reason=reason.strip(),
        closed_on=actor.today(),
    )


@transaction.atomic
def do_trash_goal(*, goal: Goal, actor: User, reason: str = "") -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if goal.deleted_at is None:
        goal.deleted_at = timezone.now()
        goal.version += 1
        goal.save(update_fields=["deleted_at", "version", "updated_at"])
        _record(goal, actor, GoalEvent.Kind.TRASHED, reason=reason.strip())
    return goal


@transaction.atomic
def do_restore_goal(*, goal: Goal, actor: User) -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if goal.deleted_at is None:
        return goal
    if not goal.can_restore:
        raise ValidationError("This goal was in the trash for more than 30 days.")
    goal.deleted_at = None
    goal.version += 1
    goal.save(update_fields=["deleted_at", "version", "updated_at"])
    _record(goal, actor, GoalEvent.Kind.RESTORED)
    return goal


# ---- steps --------------------------------------------------------------------------------


def _validate_step(step: Step) -> None:
    check_fields(step, ("title", "evidence", "due_date", "done_on"))
    step.full_clean(exclude=["goal", "depends_on"])
    if not step.title.strip():
        raise ValidationError({"title": "Name the step."})
    goal = step.goal
    if step.due_date and step.due_date < goal.start_date:
        raise ValidationError({"due_date": "A step cannot be due before the goal starts."})


def _refuse_cycle(step: Step, prerequisites: list[Step]) -> None:
    """A step may depend only on other steps of its goal, and never, through others, on
    itself."""
    for other in prerequisites:
        if other.goal_id != step.goal_id or other.deleted_at is not None:
            raise ValidationError({"depends_on": "A step can depend only on steps of its goal."})
        if other.pk == step.pk:
            raise ValidationError({"depends_on": "A step cannot depend on itself."})
    graph = {
        s.pk: {d.pk for d in s.depends_on.all()}
        for s in step.goal.steps.alive().prefetch_related("depends_on")
    }
    graph[step.pk] = {other.pk for other in prerequisites}
    stack, seen = list(graph[step.pk]), set()
    while stack:
        current = stack.pop()
        if current == step.pk:
            raise ValidationError(
                {"depends_on": "That would make a circle: a step would wait on itself."}
            )
        if current not in seen:
            seen.add(current)
            stack.extend(graph.get(current, ()))


@transaction.atomic
def do_add_step(
    *,
    goal: Goal,
    actor: User,
    title: str,
    due_date: date | None = None,
    effort_hours: Decimal = Decimal(1),
    depends_on: list[Step] | None = None,
) -> Step:
    last = goal.steps.alive().order_by("-position").values_list("position", flat=True).first()
    step = Step(
        goal=goal,
        title=title.strip(),
        due_date=due_date,
        effort_hours=effort_hours,
        position=(last or 0) + 1,
    )
    _validate_step(step)
    step.save()
    if depends_on:
        _refuse_cycle(step, depends_on)
        step.depends_on.set(depends_on)
    _record(
        goal, actor, GoalEvent.Kind.STEP_ADDED, step=step, changes={"title": [None, step.title]}
    )
    return step


@transaction.atomic
def do_update_step(
    *,
    step: Step,
    actor: User,
    expected_version: int | None = None,
    depends_on: list[Step] | None = None,
    **changes: Any,
) -> Step:
    unknown = set(changes) - set(STEP_FIELDS)
    if unknown:
        raise ValueError(f"not step fields: {', '.join(sorted(unknown))}")
    step = Step.objects.select_for_update().select_related("goal").get(pk=step.pk)
    _check_version(step, expected_version, "step")
    diff = _diff(step, changes)
    _validate_step(step)
    if depends_on is not None:
        before = sorted(step.depends_on.values_list("pk", flat=True))
        after = sorted(other.pk for other in depends_on)
        if before != after:
            _refuse_cycle(step, depends_on)
            step.depends_on.set(depends_on)
            diff["depends_on"] = [before, after]
    if diff:
        step.version += 1
        step.save()
        _record(step.goal, actor, GoalEvent.Kind.STEP_CHANGED, step=step, changes=diff)
    return step


@transaction.atomic
def do_complete_step(
    *, step: Step, actor: User, done_on: date | None = None, evidence: str = ""
) -> Step:
    step = Step.objects.select_for_update().select_related("goal").get(pk=step.pk)
    today = actor.today()
    done_on = done_on or today
    if done_on > today:
        raise ValidationError({"done_on": "A step cannot be done in the future."})
    diff = _diff(step, {"done_on": done_on, "evidence": evidence.strip() or step.evidence})
    _validate_step(step)
    step.version += 1
    step.save()
    _record(step.goal, actor, GoalEvent.Kind.STEP_DONE, step=step, changes=diff)
    return step


@transaction.atomic
def do_reopen_step(*, step: Step, actor: User, reason: str = "") -> Step:
    step = Step.objects.select_for_update().select_related("goal").get(pk=step.pk)
    diff = _diff(step, {"done_on": None})
    if diff:
        step.version += 1
        step.save()
        _record(
            step.goal,
            actor,
            GoalEvent.Kind.STEP_REOPENED,
            step=step,
            changes=diff,
            reason=reason.strip(),
        )
    return step


@transaction.atomic
def do_delete_step(*, step: Step, actor: User) -> Step:
    step = Step.objects.select_for_update().select_related("goal").get(pk=step.pk)
    step.deleted_at = timezone.now()
    step.version += 1
    step.save(update_fields=["deleted_at", "version"])
    step.unlocks.remove(*step.unlocks.all())
    _record(
        step.goal,
        actor,
        GoalEvent.Kind.STEP_DELETED,
        step=step,
        changes={"title": [step.title, None]},
    )
    return step


@transaction.atomic
def do_reorder_steps(*, goal: Goal, actor: User, order: list[int]) -> None:
    steps = {step.pk: step for step in goal.steps.alive().select_for_update()}
    if sorted(order) != sorted(steps):
        raise ValidationError({"order": "List every step of the goal exactly once."})
    before = [pk for pk, _ in sorted(steps.items(), key=lambda item: item[1].position)]
    for position, pk in enumerate(order, start=1):
        steps[pk].position = position
    Step.objects.bulk_update(steps.values(), ["position"])
    if before != order:
        _record(goal, actor, GoalEvent.Kind.STEPS_REORDERED, changes={"order": [before, order]})


# ---- check-ins ----------------------------------------------------------------------------


def _validate_checkin(checkin: CheckIn) -> None:
    check_fields(checkin, ("note", "blockers", "on"))
    checkin.full_clean(exclude=["goal", "author"])
    goal = checkin.goal
    if checkin.on > checkin.author.today():
        raise ValidationError({"on": "A check-in cannot be dated in the future."})
    if checkin.on < goal.start_date:
        raise ValidationError({"on": "A check-in cannot be dated before the goal starts."})
    if goal.metric_kind == MetricKind.PERCENTAGE and not 0 <= checkin.value <= 100:
        raise ValidationError({"value": "A percentage is between 0 and 100."})
    if goal.metric_kind == MetricKind.YES_NO and checkin.value not in (0, 1):
        raise ValidationError({"value": "For a done-or-not goal, the value is 0 or 1."})


def _refresh_current(goal: Goal) -> None:
    """The goal's current value, last check-in day and confidence are its latest check-in's
    (kept on the goal so that lists and the dashboard need not read every check-in)."""
    latest = goal.checkins.filter(deleted_at__isnull=True).order_by("-on", "-pk").first()
    if latest is None:
        return
    goal.current = latest.value
    goal.last_checkin_on = latest.on
    goal.last_confidence = latest.confidence
    goal.save(update_fields=["current", "last_checkin_on", "last_confidence", "updated_at"])


@transaction.atomic
def do_record_checkin(
    *,
    goal: Goal,
    author: User,
    value: Decimal,
    confidence: int,
    note: str = "",
    blockers: str = "",
    on: date | None = None,
) -> CheckIn:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if not goal.is_open:
        raise ValidationError(
            f"This goal is {goal.get_status_display().lower()}; reopen it to check in."
        )
    checkin = CheckIn(
        goal=goal,
        author=author,
        value=value,
        confidence=confidence,
        note=note.strip(),
        blockers=blockers.strip(),
        on=on or author.today(),
    )
    _validate_checkin(checkin)
    checkin.save()
    _refresh_current(goal)
    _record(
        goal,
        author,
        GoalEvent.Kind.CHECKIN,
        checkin=checkin,
        changes={"value": [None, _jsonable(checkin.value)], "confidence": [None, confidence]},
    )
    return checkin


@transaction.atomic
def do_correct_checkin(
    *,
    checkin: CheckIn,
    actor: User,
    reason: str,
    expected_version: int | None = None,
    **changes: Any,
) -> CheckIn:
    """Correct a check-in; the original values stay in the goal's history."""
    unknown = set(changes) - set(CHECKIN_FIELDS)
    if unknown:
        raise ValueError(f"not check-in fields: {', '.join(sorted(unknown))}")
    checkin = CheckIn.objects.select_for_update().select_related("goal").get(pk=checkin.pk)
    _check_version(checkin, expected_version, "check-in")
    if not reason.strip():
        raise ValidationError({"reason": "Say what the correction is for; the original is kept."})
    diff = _diff(checkin, changes)
    _validate_checkin(checkin)
    if diff:
        checkin.version += 1
        checkin.save()
        _refresh_current(checkin.goal)
        _record(
            checkin.goal,
            actor,
            GoalEvent.Kind.CHECKIN_CORRECTED,
            checkin=checkin,
            changes=diff,
            reason=reason.strip(),
        )
    return checkin

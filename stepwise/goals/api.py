"""API operations for goals, their steps and check-ins, and the SMART checker.

Operations parse input, fetch through ``stepwise.access`` (anything the caller may not see, or
may see but not change, is a 404), call an action from ``stepwise.goals.actions`` and return
the result. Lists are paginated by page number: ``?page=2&page_size=50`` (20 a page by
default, at most 100) answer ``{"items": [...], "count": N}``. A stale ``version`` is a 409
and changes nothing; a refused value is a 422 with the messages per field.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from stepwise.access.goals import (
    access_checkin,
    access_goal,
    access_step,
    access_trashed_goal,
    trashed_goals,
    visible_goals,
)
from stepwise.access.people import signed_in as caller
from stepwise.goals import actions
from stepwise.goals.models import CheckIn, Goal, Step
from stepwise.goals.schemas import (
    CheckInIn,
    CheckInOut,
    CheckInPatchIn,
    CompleteGoalIn,
    DropGoalIn,
    GoalFiltersIn,
    GoalIn,
    GoalOut,
    GoalPatchIn,
    GoalStatusIn,
    SmartCheckIn,
    SmartCheckOut,
    StepDoneIn,
    StepIn,
    StepOut,
    StepPatchIn,
    StepReopenIn,
    TrashedGoalOut,
)
from stepwise.lib.api import (
    CHANGE,
    PAGES,
    READ,
    ErrorOut,
    FieldErrorsOut,
    Pages,
    ValidationErrorOut,
    no_content,
)
from stepwise.people.idempotency import idempotent
from stepwise.smart import Context, InvalidGoalText, analyze

router = Router(tags=["goals"])


# ---- the SMART checker ---------------------------------------------------------------------


@router.post(
    "/smart/check",
    response={200: SmartCheckOut, 401: ErrorOut, 422: ValidationErrorOut},
    tags=["SMART checker"],
    summary="Check a goal's text against the SMART criteria",
    description=(
        "Returns each criterion's verdict with its reason and, when it fails, a suggestion; "
        "the score (criteria passed) and a rewrite that passes more. Without `context` the "
        "text alone decides; with it, a linked competency gap or objective, a due date, "
        "capacity and a next review date can turn verdicts."
    ),
)
def check_goal_text(request: HttpRequest, payload: SmartCheckIn) -> dict[str, Any]:
    options = payload.context.model_dump(exclude_none=True) if payload.context else {}
    for name in ("linked_competencies", "linked_objectives"):
        if name in options:
            options[name] = tuple(options[name])
    try:
        return analyze(payload.text, Context(**options)).to_dict()
    except InvalidGoalText as problem:
        raise HttpError(422, str(problem)) from None


# ---- goals ---------------------------------------------------------------------------------


@router.get(
    "/goals",
    response={200: list[GoalOut], 401: ErrorOut, 422: FieldErrorsOut},
    summary="Goals you can see",
    description=(
        "Your own goals and others' you can see (shared with you as their manager, team, "
        "organisation or mentor; never their drafts), most important first. Filter by "
        "`status` and by `owner` (`me` or a person's id). Paginated: `page`, `page_size`."
    ),
)
@paginate(Pages, **PAGES)
def list_goals(
    request: HttpRequest,
    filters: GoalFiltersIn = Query(...),  # noqa: B008 (Ninja's way)
) -> QuerySet[Goal]:
    person = caller(request)
    goals = visible_goals(person)
    if filters.status:
        goals = goals.filter(status=filters.status)
    if filters.owner == "me":
        goals = goals.filter(owner=person)
    elif filters.owner:
        goals = goals.filter(owner_id=int(filters.owner))
    return goals.order_by("priority", "due_date", "pk").with_rows()


@router.post(
    "/goals",
    response={201: GoalOut, 401: ErrorOut, 422: FieldErrorsOut},
    summary="Create a goal",
    description="A new goal of yours, as a draft (the default) or active.",
)
@idempotent
def create_goal(request: HttpRequest, payload: GoalIn) -> Status[Goal]:
    fields = payload.model_dump(exclude_none=True)
    status = fields.pop("status")
    goal = actions.do_create_goal(owner=caller(request), status=status, **fields)
    return Status(201, goal)


@router.get(
    "/goals/trash",
    response={200: list[TrashedGoalOut], 401: ErrorOut, 422: FieldErrorsOut},
    summary="Your goals in the trash",
    description="Restorable for 30 days after they were deleted. Paginated.",
)
@paginate(Pages, **PAGES)
def list_trash(request: HttpRequest) -> QuerySet[Goal]:
    return trashed_goals(caller(request)).order_by("-deleted_at", "-pk")


@router.get(
    "/goals/{goal_id}",
    response={200: GoalOut, **READ},
    summary="One goal, with where it stands",
    description=(
        "The goal, its standing today (status, progress, expected progress, the reason, the "
        "forecast) and counts of its steps and check-ins."
    ),
)
def get_goal(request: HttpRequest, goal_id: int) -> Goal:
    return access_goal(caller(request), goal_id)


@router.patch(
    "/goals/{goal_id}",
    response={200: GoalOut, **CHANGE},
    summary="Change a goal",
    description=(
        "Send `version` (the one you read) and only the fields to change. If the goal changed "
        "since, the answer is 409 and nothing is saved. Only the owner changes a goal."
    ),
)
def update_goal(request: HttpRequest, goal_id: int, payload: GoalPatchIn) -> Goal:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True)
    version, reason = changes.pop("version"), changes.pop("reason", "")
    return actions.do_update_goal(
        goal=goal, actor=person, expected_version=version, reason=reason, **changes
    )


@router.post(
    "/goals/{goal_id}/complete",
    response={200: GoalOut, **CHANGE},
    summary="Complete a goal",
    description="Record what you achieved, with evidence and links to it.",
)
def complete_goal(request: HttpRequest, goal_id: int, payload: CompleteGoalIn) -> Goal:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    return actions.do_complete_goal(
        goal=goal,
        actor=person,
        outcome=payload.outcome,
        evidence=payload.evidence,
        evidence_links="\n".join(link.strip() for link in payload.evidence_links),
        on=payload.on,
        expected_version=payload.version,
    )


@router.post(
    "/goals/{goal_id}/drop",
    response={200: GoalOut, **CHANGE},
    summary="Drop a goal",
    description="Stop working on it, saying why. It stays in your record; reopen it later.",
)
def drop_goal(request: HttpRequest, goal_id: int, payload: DropGoalIn) -> Goal:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    return actions.do_drop_goal(
        goal=goal, actor=person, reason=payload.reason, expected_version=payload.version
    )


@router.post(
    "/goals/{goal_id}/status",
    response={200: GoalOut, **CHANGE},
    summary="Activate, pause or resume a goal",
    description="`active` starts a draft, resumes a paused goal or reopens a closed one.",
)
def change_goal_status(request: HttpRequest, goal_id: int, payload: GoalStatusIn) -> Goal:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    return actions.do_change_goal_status(
        goal=goal,
        actor=person,
        status=payload.status,
        reason=payload.reason,
        expected_version=payload.version,
    )


@router.delete(
    "/goals/{goal_id}",
    response={204: None, **READ},
    summary="Move a goal to the trash",
    description="Restorable for 30 days from the trash.",
)
def trash_goal(request: HttpRequest, goal_id: int) -> HttpResponse:
    person = caller(request)
    actions.do_trash_goal(goal=access_goal(person, goal_id, for_change=True), actor=person)
    return no_content()


@router.post(
    "/goals/{goal_id}/restore",
    response={200: GoalOut, **READ},
    summary="Restore a goal from the trash",
    description="Only your own goals, within 30 days of deleting them.",
)
def restore_goal(request: HttpRequest, goal_id: int) -> Goal:
    person = caller(request)
    return actions.do_restore_goal(goal=access_trashed_goal(person, goal_id), actor=person)


# ---- steps ---------------------------------------------------------------------------------


def _prerequisites(goal: Goal, ids: list[int]) -> list[Step]:
    """Steps of this goal (the one the caller may change) with these ids, or a 422."""
    wanted = set(ids)
    found = list(goal.steps.alive().filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({"depends_on": "A step can depend only on steps of its goal."})
    return found


@router.get(
    "/goals/{goal_id}/steps",
    response={200: list[StepOut], **READ},
    summary="A goal's steps, in order",
    description="Paginated.",
)
@paginate(Pages, **PAGES)
def list_steps(request: HttpRequest, goal_id: int) -> QuerySet[Step]:
    goal = access_goal(caller(request), goal_id)
    return goal.steps.alive().prefetch_related("depends_on").order_by("position", "pk")


@router.post(
    "/goals/{goal_id}/steps",
    response={201: StepOut, **READ},
    summary="Add a step to a goal",
)
@idempotent
def add_step(request: HttpRequest, goal_id: int, payload: StepIn) -> Status[Step]:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    step = actions.do_add_step(
        goal=goal,
        actor=person,
        title=payload.title,
        due_date=payload.due_date,
        effort_hours=payload.effort_hours,
        depends_on=_prerequisites(goal, payload.depends_on),
    )
    return Status(201, step)


@router.patch(
    "/steps/{step_id}",
    response={200: StepOut, **CHANGE},
    summary="Change a step",
    description="Send `version` (the one you read) and only the fields to change.",
)
def update_step(request: HttpRequest, step_id: int, payload: StepPatchIn) -> Step:
    person = caller(request)
    step = access_step(person, step_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    ids = changes.pop("depends_on", None)
    return actions.do_update_step(
        step=step,
        actor=person,
        expected_version=version,
        depends_on=None if ids is None else _prerequisites(step.goal, ids),
        **changes,
    )


@router.post(
    "/steps/{step_id}/done",
    response={200: StepOut, **READ},
    summary="Mark a step done",
)
def complete_step(request: HttpRequest, step_id: int, payload: StepDoneIn) -> Step:
    person = caller(request)
    step = access_step(person, step_id, for_change=True)
    return actions.do_complete_step(
        step=step, actor=person, done_on=payload.done_on, evidence=payload.evidence
    )


@router.post(
    "/steps/{step_id}/reopen",
    response={200: StepOut, **READ},
    summary="Reopen a done step",
)
def reopen_step(request: HttpRequest, step_id: int, payload: StepReopenIn) -> Step:
    person = caller(request)
    step = access_step(person, step_id, for_change=True)
    return actions.do_reopen_step(step=step, actor=person, reason=payload.reason)


@router.delete(
    "/steps/{step_id}",
    response={204: None, **READ},
    summary="Delete a step",
    description="The step leaves the plan; the goal's history keeps it.",
)
def delete_step(request: HttpRequest, step_id: int) -> HttpResponse:
    person = caller(request)
    actions.do_delete_step(step=access_step(person, step_id, for_change=True), actor=person)
    return no_content()


# ---- check-ins -----------------------------------------------------------------------------


@router.get(
    "/goals/{goal_id}/checkins",
    response={200: list[CheckInOut], **READ},
    summary="A goal's check-ins, newest first",
    description="Paginated.",
)
@paginate(Pages, **PAGES)
def list_checkins(request: HttpRequest, goal_id: int) -> QuerySet[CheckIn]:
    goal = access_goal(caller(request), goal_id)
    return (
        goal.checkins.filter(deleted_at__isnull=True)
        .select_related("author")
        .order_by("-on", "-pk")
    )


@router.post(
    "/goals/{goal_id}/checkins",
    response={201: CheckInOut, **READ},
    summary="Check in on a goal",
    description="Where the goal's measure stands now and how confident you are (1-5).",
)
@idempotent
def record_checkin(request: HttpRequest, goal_id: int, payload: CheckInIn) -> Status[CheckIn]:
    person = caller(request)
    goal = access_goal(person, goal_id, for_change=True)
    checkin = actions.do_record_checkin(
        goal=goal,
        author=person,
        value=payload.value,
        confidence=payload.confidence,
        note=payload.note,
        blockers=payload.blockers,
        on=payload.on,
    )
    return Status(201, checkin)


@router.patch(
    "/checkins/{checkin_id}",
    response={200: CheckInOut, **CHANGE},
    summary="Correct a check-in",
    description=(
        "Send `version` (the one you read), a `reason` and only the fields to correct. The "
        "original values stay in the goal's history."
    ),
)
def correct_checkin(request: HttpRequest, checkin_id: int, payload: CheckInPatchIn) -> CheckIn:
    person = caller(request)
    checkin = access_checkin(person, checkin_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True)
    version, reason = changes.pop("version"), changes.pop("reason")
    return actions.do_correct_checkin(
        checkin=checkin, actor=person, reason=reason, expected_version=version, **changes
    )

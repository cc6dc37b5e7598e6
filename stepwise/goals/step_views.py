"""Pages for a goal's steps and check-ins: add, edit, complete, reorder, correct."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from stepwise.access.goals import access_checkin, access_goal, access_step
from stepwise.access.people import signed_in
from stepwise.goals import actions
from stepwise.goals.forms import CheckInForm, CorrectCheckInForm, StepDoneForm, StepForm
from stepwise.goals.page import goal_page_context
from stepwise.lib.errors import StaleEdit
from stepwise.lib.forms import attach_errors
from stepwise.lib.http import HtmxHttpRequest, page_to_return_to
from stepwise.people.retries import submit_once


def _safe_next(request: HtmxHttpRequest) -> str:
    """The page to return to, if it is one of ours."""
    return page_to_return_to(request, request.POST.get("next", ""))


def _goal_url(goal_id: int, anchor: str = "") -> str:
    return reverse("goal_detail", args=[goal_id]) + (f"#{anchor}" if anchor else "")


def _back_to(goal_id: int, anchor: str = "") -> HttpResponse:
    return redirect(_goal_url(goal_id, anchor))


@login_required
@require_POST
def add_step(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    form = StepForm(request.POST, goal=goal)
    if form.is_valid():

        def save() -> tuple[str, str]:
            actions.do_add_step(
                goal=goal,
                actor=person,
                title=form.cleaned_data["title"],
                due_date=form.cleaned_data["due_date"],
                effort_hours=form.cleaned_data["effort_hours"],
                depends_on=list(form.cleaned_data.get("depends_on") or []),
            )
            return _goal_url(goal.pk, "steps"), "Step added."

        try:
            return submit_once(request, save)
        except ValidationError as error:
            attach_errors(form, error)
    context = {**goal_page_context(goal, person), "step_form": form}
    return render(request, "goals/detail.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def edit_step(request: HtmxHttpRequest, step_id: int) -> HttpResponse:
    person = signed_in(request)
    step = access_step(person, step_id, for_change=True)
    initial = {
        "title": step.title,
        "due_date": step.due_date,
        "effort_hours": step.effort_hours,
        "depends_on": list(step.depends_on.all()),
        "version": step.version,
    }
    form = StepForm(request.POST or None, goal=step.goal, step=step, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_step(
                step=step,
                actor=person,
                expected_version=form.cleaned_data["version"],
                depends_on=list(form.cleaned_data.get("depends_on") or []),
                title=form.cleaned_data["title"],
                due_date=form.cleaned_data["due_date"],
                effort_hours=form.cleaned_data["effort_hours"],
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Step saved.")
            return _back_to(step.goal_id, "steps")
    context = {"form": form, "step": step, "today": person.today()}
    return render(request, "goals/step_edit.html", context)


@login_required
@require_POST
def complete_step(request: HtmxHttpRequest, step_id: int) -> HttpResponse:
    person = signed_in(request)
    step = access_step(person, step_id, for_change=True)
    form = StepDoneForm(request.POST or {"done_on": person.today()})
    if not form.is_valid():
        messages.error(request, "Give the date the step was done, like 2027-03-31.")
        return _back_to(step.goal_id, "steps")
    try:
        actions.do_complete_step(step=step, actor=person, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"“{step.title}” done.")
    return _back_to(step.goal_id, "steps")


@login_required
@require_POST
def reopen_step(request: HtmxHttpRequest, step_id: int) -> HttpResponse:
    person = signed_in(request)
    step = access_step(person, step_id, for_change=True)
    actions.do_reopen_step(step=step, actor=person)
    messages.success(request, f"“{step.title}” reopened.")
    return _back_to(step.goal_id, "steps")


@login_required
@require_POST
def delete_step(request: HtmxHttpRequest, step_id: int) -> HttpResponse:
    person = signed_in(request)
    step = access_step(person, step_id, for_change=True)
    actions.do_delete_step(step=step, actor=person)
    messages.success(request, f"“{step.title}” deleted; it stays in the goal's history.")
    return _back_to(step.goal_id, "steps")


@login_required
@require_POST
def move_step(request: HtmxHttpRequest, step_id: int) -> HttpResponse:
    person = signed_in(request)
    step = access_step(person, step_id, for_change=True)
    order = list(step.goal.steps.alive().values_list("pk", flat=True))
    index = order.index(step.pk)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if offset is None:
        raise Http404("No such move")
    other = index + offset
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
        actions.do_reorder_steps(goal=step.goal, actor=person, order=order)
    return _back_to(step.goal_id, "steps")


@login_required
@require_POST
def add_checkin(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    form = CheckInForm(request.POST)
    if form.is_valid():

        def save() -> tuple[str, str]:
            actions.do_record_checkin(
                goal=goal,
                author=person,
                value=form.cleaned_data["value"],
                confidence=form.cleaned_data["confidence"],
                note=form.cleaned_data["note"],
                blockers=form.cleaned_data["blockers"],
                on=form.cleaned_data["on"] or person.today(),
            )
            return _safe_next(request) or _goal_url(goal.pk), "Check-in saved."

        try:
            return submit_once(request, save)
        except ValidationError as error:
            attach_errors(form, error)
    context = {**goal_page_context(goal, person), "checkin_form": form}
    return render(request, "goals/detail.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def correct_checkin(request: HtmxHttpRequest, checkin_id: int) -> HttpResponse:
    person = signed_in(request)
    checkin = access_checkin(person, checkin_id, for_change=True)
    initial = {name: getattr(checkin, name) for name in actions.CHECKIN_FIELDS}
    form = CorrectCheckInForm(request.POST or None, initial={**initial, "version": checkin.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason, version = data.pop("reason"), data.pop("version")
        data["on"] = data["on"] or checkin.on
        try:
            actions.do_correct_checkin(
                checkin=checkin, actor=person, reason=reason, expected_version=version, **data
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Check-in corrected; the original is in the history.")
            return _back_to(checkin.goal_id)
    return render(request, "goals/checkin_correct.html", {"form": form, "checkin": checkin})

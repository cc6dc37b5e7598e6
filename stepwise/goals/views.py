"""Goal pages: the list, the guided builder, the goal page, editing and closing, the trash.

Views parse input, fetch through ``stepwise.access``, call an action and render. htmx asks
for partials (``template#part``); every form also works as a plain POST.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from stepwise.access.goals import access_goal, access_trashed_goal, own_goals, trashed_goals
from stepwise.access.people import signed_in
from stepwise.goals import actions
from stepwise.goals.checking import (
    CRITERION_NAMES,
    check_for,
    judge_goal,
    judge_goal_or_none,
    verdict_rows,
)
from stepwise.goals.forms import CheckGoalForm, CompleteGoalForm, DropGoalForm, GoalForm
from stepwise.goals.library import adopt
from stepwise.goals.library.catalogue import GoalTemplate, template_by_key
from stepwise.goals.models import Goal, GoalStatus
from stepwise.goals.page import goal_page_context, history_page_context
from stepwise.lib.errors import StaleEdit
from stepwise.lib.forms import attach_errors
from stepwise.lib.http import HtmxHttpRequest
from stepwise.lib.tips import tips_for
from stepwise.people.models import User
from stepwise.people.retries import submit_once
from stepwise.smart import Analysis, InvalidGoalText
from stepwise.smart.targets import find_target

# ---- the SMART checker page ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def check_goal(request: HtmxHttpRequest) -> HttpResponse:
    """Check a goal's text; htmx asks for just the verdicts, or the whole checker after
    "Use this version"."""
    form = CheckGoalForm(request.POST or None)
    analysis, problem = None, ""
    if request.method == "POST":
        analysis, problem = _analyse(form, signed_in(request))
    context = {
        "form": form,
        "analysis": analysis,
        "problem": problem,
        "verdicts": verdict_rows(analysis),
    }
    template = "goals/check.html"
    if request.htmx:
        part = "checker" if request.POST.get("adopt") else "verdicts"
        template = f"goals/check.html#{part}"
    return render(request, template, context)


def _analyse(form: CheckGoalForm, person: User) -> tuple[Analysis | None, str]:
    if not form.is_valid():
        errors = form.errors.get("text")
        return None, str(errors[0]) if errors else "Write a goal to check."
    try:
        return check_for(person, form.cleaned_data["text"]), ""
    except InvalidGoalText as problem:
        return None, str(problem)


# ---- list and builder ----------------------------------------------------------------------


@login_required
def goal_list(request: HtmxHttpRequest) -> HttpResponse:
    person = signed_in(request)
    mine = list(own_goals(person).order_by("priority", "due_date", "pk"))
    context = {
        "open_goals": [goal for goal in mine if goal.is_open],
        "closed_goals": [goal for goal in mine if not goal.is_open],
        "trash_count": trashed_goals(person).count(),
    }
    return render(request, "goals/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def new_goal(request: HtmxHttpRequest) -> HttpResponse:
    """The guided builder; ``?template=KEY`` fills it from a library goal (unknown key: 404)."""
    person = signed_in(request)
    template = _library_template(request.GET.get("template"))
    initial = {
        "start_date": person.today(),
        "weekly_effort_hours": 2,
        "priority": 2,
        "visibility": "manager",
        "metric_kind": "number",
        "category": "skill",
        **(adopt.builder_initial(template, person) if template else {}),
        **{k: v for k, v in request.GET.dict().items() if k != "template"},
    }
    form = GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        status = GoalStatus.ACTIVE if request.POST.get("activate") else GoalStatus.DRAFT
        try:
            # the goal, its history, its verdicts and the form's token, or nothing
            return submit_once(request, lambda: _save_new_goal(form, person, status))
        except ValidationError as error:
            attach_errors(form, error)
    context = {
        "form": form,
        "adopted": _adopted(form, template, person),
        "tips": tips_for("goal") + tips_for("support") + tips_for("setback"),
        **_builder_check(form if form.is_bound or not template else GoalForm(initial), person),
    }
    return render(request, "goals/builder.html", context)


def _library_template(key: str | None) -> GoalTemplate | None:
    if key is None:
        return None
    template = template_by_key(key)
    if template is None:
        raise Http404("No goal with that key in the library.")
    return template


def _save_new_goal(form: GoalForm, person: User, status: str) -> tuple[str, str]:
    goal = _create_goal(form, person, status)
    return reverse("goal_detail", args=[goal.pk]), _saved_message(goal)


def _create_goal(form: GoalForm, person: User, status: str) -> Goal:
    template = template_by_key(form.cleaned_data["template_key"] or "")
    if template is None:
        return actions.do_create_goal(owner=person, status=status, **form.goal_fields())
    return adopt.do_adopt_goal(
        owner=person,
        template=template,
        status=status,
        add_steps=form.cleaned_data["add_steps"],
        **form.goal_fields(),
    )


def _adopted(form: GoalForm, template: GoalTemplate | None, person: User) -> dict[str, Any] | None:
    """The library goal the builder started from: its title for this person and how many
    steps it suggests; None for a goal of one's own."""
    if template is None and form.is_bound:
        template = template_by_key(str(form.data.get("template_key", "")))
    if template is None:
        return None
    count = len(template.steps)
    form.fields["add_steps"].label = f"Add the {count} suggested steps"
    resolved = adopt.resolve_for(template, person)
    return {"template": template, "title": resolved.title, "steps": resolved.steps}


def _saved_message(goal: Goal) -> str:
    analysis = judge_goal_or_none(goal, viewer=goal.owner)
    state = "saved as a draft" if goal.status == GoalStatus.DRAFT else "is active"
    if analysis is None:
        return f"“{goal.title}” {state}."
    failing = [CRITERION_NAMES[k] for k, v in analysis.criteria.items() if not v.passed]
    if not failing:
        return f"“{goal.title}” {state}. It passes all five SMART criteria."
    return f"“{goal.title}” {state}. Still to sharpen: {', '.join(failing)}."


def _builder_check(form: GoalForm, person: User, editing: Goal | None = None) -> dict[str, Any]:
    """The live verdicts on what the person has typed so far, judged exactly as the saved
    goal will be (`judge_goal` on an unsaved goal; the edited goal is not counted twice)."""
    goal = typed_goal(form, person, editing)
    if not (goal.title.strip() or goal.why.strip()):
        return {"analysis": None, "problem": "", "verdicts": []}
    try:
        analysis = judge_goal(goal, viewer=person)
    except InvalidGoalText as problem:
        return {"analysis": None, "problem": str(problem), "verdicts": []}
    return {"analysis": analysis, "problem": "", "verdicts": verdict_rows(analysis)}


_TYPED_FIELDS = ("start_date", "due_date", "weekly_effort_hours")


def typed_goal(form: GoalForm, owner: User, editing: Goal | None = None) -> Goal:
    """An unsaved goal with what the person has typed so far: the words as typed, each date
    and number that reads as one; the rest as the goal being edited (or a new goal) has
    them. It carries the edited goal's pk, so its saved effort is not counted again."""
    goal = Goal(owner=owner, start_date=owner.today())
    if editing is not None:
        goal = Goal(**{f.attname: getattr(editing, f.attname) for f in Goal._meta.concrete_fields})
        goal.owner = editing.owner
    goal.title = str(form.data.get("title", ""))
    goal.why = str(form.data.get("why", ""))
    for name in _TYPED_FIELDS:
        try:
            value = form.fields[name].clean(form.data.get(name) or None)
        except ValidationError:
            continue  # not a date or number yet: keep the goal's own
        if value is not None or name == "due_date":
            setattr(goal, name, value)
    return goal


@login_required
@require_POST
def builder_check(request: HtmxHttpRequest, goal_id: int | None = None) -> HttpResponse:
    """htmx: verdicts for the builder (or the edit page of ``goal_id``), and the deadline in
    words into the due-date field when it is empty."""
    person = signed_in(request)
    editing = access_goal(person, goal_id, for_change=True) if goal_id is not None else None
    form = GoalForm(request.POST)
    context = {"form": form, **_builder_check(form, person, editing)}
    analysis = context["analysis"]
    context["fill_due_date"] = (
        analysis.deadline if analysis and not request.POST.get("due_date") else None
    )
    if analysis is not None:
        context["fill_target"] = _target_fill(form, typed_goal(form, person, editing))
    return render(request, "goals/builder.html#live", context)


def _number(value: float) -> Decimal:
    return Decimal(int(value)) if value.is_integer() else Decimal(str(value))


def _target_fill(form: GoalForm, goal: Goal) -> dict[str, Any] | None:
    """The target (and baseline and unit) the title names, proposed into the empty fields as
    the deadline in words is into the due date: the person sees them and can change them."""
    if str(form.data.get("target", "")).strip() or not goal.title.strip():
        return None
    found = find_target(goal.title, today=goal.start_date)
    if found is None:
        return None
    values: dict[str, Any] = {"target": _number(found.target)}
    if found.baseline is not None and not str(form.data.get("baseline", "")).strip():
        values["baseline"] = _number(found.baseline)
    if found.unit and not str(form.data.get("metric_unit", "")).strip():
        values["metric_unit"] = found.unit
    proposal = GoalForm(initial=values)
    for name in values:
        proposal.fields[name].widget.attrs["hx-swap-oob"] = "true"
    note = f"Target set to {values['target']:f}"
    if "baseline" in values:
        note += f", starting from {values['baseline']:f}"
    return {"fields": [proposal[name] for name in values], "note": note + ", from your words."}


# ---- the goal page -------------------------------------------------------------------------


@login_required
def goal_detail(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id)
    return render(request, "goals/detail.html", goal_page_context(goal, person))


@login_required
def goal_history(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    goal = access_goal(signed_in(request), goal_id)
    return render(request, "goals/history.html", history_page_context(goal, signed_in(request)))


@login_required
@require_http_methods(["GET", "POST"])
def edit_goal(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    initial = {name: getattr(goal, name) for name in actions.GOAL_FIELDS if name != "current"}
    form = GoalForm(request.POST or None, initial={**initial, "version": goal.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_goal(
                goal=goal,
                actor=person,
                expected_version=form.cleaned_data["version"],
                reason=request.POST.get("reason", ""),
                **form.goal_fields(),
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Goal saved. The change is in its history.")
            return redirect("goal_detail", goal_id=goal.pk)
    context = {
        "form": form,
        "goal": goal,
        **_builder_check(form if form.is_bound else GoalForm(initial), person, goal),
    }
    return render(request, "goals/edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def complete_goal(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    form = CompleteGoalForm(request.POST or None, initial={"version": goal.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_complete_goal(
                goal=goal,
                actor=person,
                outcome=form.cleaned_data["outcome"],
                evidence=form.cleaned_data["evidence"],
                evidence_links=form.cleaned_data["evidence_links"],
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, "Completed. Well done: this stays in your record.")
            return redirect("goal_detail", goal_id=goal.pk)
    return render(request, "goals/close.html", {"form": form, "goal": goal, "closing": "complete"})


@login_required
@require_http_methods(["GET", "POST"])
def drop_goal(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    form = DropGoalForm(request.POST or None, initial={"version": goal.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_drop_goal(
                goal=goal,
                actor=person,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, "Dropped. The goal and its reason stay in your record.")
            return redirect("goal_detail", goal_id=goal.pk)
    return render(request, "goals/close.html", {"form": form, "goal": goal, "closing": "drop"})


def _form_error(form: BaseForm, error: Exception) -> None:
    if isinstance(error, ValidationError):
        attach_errors(form, error)
    else:
        form.add_error(None, str(error))


@login_required
@require_POST
def change_goal_status(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        actions.do_change_goal_status(
            goal=goal,
            actor=person,
            status=request.POST.get("status", ""),
            expected_version=version,
        )
    except (StaleEdit, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, "Status changed.")
    return redirect("goal_detail", goal_id=goal.pk)


# ---- trash ---------------------------------------------------------------------------------


@login_required
@require_POST
def trash_goal(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_goal(person, goal_id, for_change=True)
    actions.do_trash_goal(goal=goal, actor=person)
    messages.success(request, f"“{goal.title}” is in the trash for 30 days; restore it there.")
    return redirect("goal_list")


@login_required
def trash(request: HtmxHttpRequest) -> HttpResponse:
    goals = trashed_goals(signed_in(request)).order_by("-deleted_at")
    return render(request, "goals/trash.html", {"goals": goals})


@login_required
@require_POST
def restore_goal(request: HtmxHttpRequest, goal_id: int) -> HttpResponse:
    person = signed_in(request)
    goal = access_trashed_goal(person, goal_id)
    try:
        actions.do_restore_goal(goal=goal, actor=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("goal_trash")
    messages.success(request, f"“{goal.title}” is back.")
    return redirect(reverse("goal_detail", args=[goal.pk]))

"""Asking for a manager or a team, and answering such requests.

Nobody gives themselves access: a person asks, and the manager (or the team's lead, or an
admin for a team without one) confirms before anything changes. Leaving only takes access
away, so a person may do it alone.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from stepwise.access.people import (
    access_own_placement_request,
    access_placement_request_to_answer,
    placement_requests_waiting_for,
)
from stepwise.lib.forms import attach_errors
from stepwise.people import actions
from stepwise.people.forms import AnswerForm, ManagerRequestForm, TeamRequestForm
from stepwise.people.models import PlacementRequest, User
from stepwise.people.views import render_profile


def _person(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_POST
def request_manager(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = ManagerRequestForm(request.POST)
    if form.is_valid():
        try:
            actions.do_request_manager(
                person=person, asked_for=form.cleaned_data["manager"], request=request
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, actions.REQUEST_SENT)
            return redirect("profile")
    return render_profile(request, manager_form=form, status=400)


@login_required
@require_POST
def request_team(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = TeamRequestForm(request.POST, person=person)
    if form.is_valid():
        try:
            placement = actions.do_request_team(
                person=person, team=form.cleaned_data["team"], request=request
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _team_request_sent(placement))
            return redirect("profile")
    return render_profile(request, team_form=form, status=400)


def _team_request_sent(placement: PlacementRequest) -> str:
    team = placement.team
    who = team.lead.name if team and team.lead else "an admin"
    return f"Asked to join {placement.asked_for}; you join once {who} confirms."


@login_required
@require_POST
def cancel_request(request: HttpRequest, request_id: int) -> HttpResponse:
    person = _person(request)
    placement = access_own_placement_request(person, request_id)
    actions.do_cancel_placement_request(placement=placement, person=person, request=request)
    messages.success(request, "Request withdrawn.")
    return redirect("profile")


LEAVING = {
    "manager": (actions.do_remove_manager, "You no longer report to a manager in Stepwise."),
    "team": (actions.do_leave_team, "You left the team."),
}


@login_required
@require_POST
def leave(request: HttpRequest, what: str) -> HttpResponse:
    """Leave one's team or stop reporting to one's manager: no one needs to confirm."""
    action, done = LEAVING[what]
    if action(person=_person(request), request=request):
        messages.success(request, done)
    return redirect("profile")


@login_required
@require_http_methods(["GET"])
def waiting_requests(request: HttpRequest) -> HttpResponse:
    """Requests waiting for this person's answer, as a manager, team lead or admin."""
    person = _person(request)
    context = {"requests": placement_requests_waiting_for(person), "form": AnswerForm()}
    return render(request, "people/placement_requests.html", context)


@login_required
@require_POST
def answer_request(request: HttpRequest, request_id: int) -> HttpResponse:
    person = _person(request)
    placement = access_placement_request_to_answer(person, request_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        confirm = form.cleaned_data["answer"] == "confirm"
        try:
            actions.do_answer_placement_request(
                placement=placement,
                answered_by=person,
                confirm=confirm,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            verb = "confirmed" if confirm else "declined"
            messages.success(request, f"{placement.person.name}'s request {verb}.")
            return redirect("placement_requests")
    context = {
        "requests": placement_requests_waiting_for(person),
        "form": AnswerForm(),
        "failed": placement,
        "failed_form": form,
    }
    return render(request, "people/placement_requests.html", context, status=400)

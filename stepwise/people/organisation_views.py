"""The admin's pages: organisation settings, people and teams."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stepwise.access.people import access_person, admin_required
from stepwise.lib.forms import attach_errors
from stepwise.people import actions
from stepwise.people.forms import OrganisationForm, PersonForm, PlacementForm, TeamForm
from stepwise.people.models import Organisation, Team, User


def _admin(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@admin_required
@require_http_methods(["GET", "POST"])
def organisation(request: HttpRequest) -> HttpResponse:
    current = Organisation.current()
    form = OrganisationForm(
        request.POST or None,
        initial={"name": current.name, "allow_self_signup": current.allow_self_signup},
    )
    if request.method == "POST" and form.is_valid():
        actions.do_update_organisation(
            changed_by=_admin(request), request=request, **form.cleaned_data
        )
        messages.success(request, "Organisation settings saved.")
        return redirect("organisation")
    people = User.objects.select_related("team", "manager").order_by("team__name", "display_name")
    context = {
        "form": form,
        "people": people,
        "teams": Team.objects.select_related("lead"),
        "organisation": current,
    }
    return render(request, "people/organisation.html", context)


@login_required
@admin_required
@require_http_methods(["GET", "POST"])
def new_person(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = actions.do_create_user(
                created_by=_admin(request), request=request, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Account for {person.name} created.")
            return redirect("organisation")
    return render(request, "people/person_new.html", {"form": form})


@login_required
@admin_required
@require_http_methods(["GET", "POST"])
def place_person(request: HttpRequest, person_id: int) -> HttpResponse:
    person = access_person(request.user, person_id)
    form = PlacementForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_place_person(
                person=person, placed_by=_admin(request), request=request, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{person.name}'s team and manager saved.")
            return redirect("organisation")
    return render(request, "people/person_place.html", {"form": form, "person": person})


@login_required
@admin_required
@require_http_methods(["GET", "POST"])
def new_team(request: HttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = actions.do_create_team(
                created_by=_admin(request), request=request, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Team {team.name} created.")
            return redirect("organisation")
    return render(request, "people/team_new.html", {"form": form})

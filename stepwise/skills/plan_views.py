"""The forms of the priorities page (the page itself, with library suggestions, is
``stepwise.home.views.priorities``), the framework and the growth paths."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from stepwise.access.people import signed_in
from stepwise.skills import actions, guide
from stepwise.skills.models import FrameworkVersion


@login_required
@require_POST
def choose_priority(request: HttpRequest, key: str) -> HttpResponse:
    person = signed_in(request)
    state = request.POST.get("state") or None
    try:
        actions.do_choose_priority(person=person, competency_key=key, state=state)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("priorities")


@login_required
@require_POST
def confirm_priorities(request: HttpRequest) -> HttpResponse:
    """ "These are my priorities": the guide moves on to the first goal."""
    actions.do_mark_priorities_reviewed(person=signed_in(request))
    return redirect("library")


@login_required
def framework(request: HttpRequest) -> HttpResponse:
    version = FrameworkVersion.objects.active()
    return render(request, "skills/framework.html", {"version": version, "spec": version.spec})


@login_required
def growth_paths(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/paths.html", {"paths": guide.growth_paths()})


@login_required
def growth_path(request: HttpRequest, key: str) -> HttpResponse:
    path = guide.growth_path(key)
    if path is None:
        raise Http404("No such growth path")
    names = {c.key: c.name for c in FrameworkVersion.objects.active().spec.competencies()}
    return render(request, "skills/path.html", {"path": path, "competency_names": names})

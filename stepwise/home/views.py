"""Pages that gather several apps: the dashboard, the getting-started guide and the
priorities page with goals suggested from the library. Each asks the access gate and the apps'
reads below it; none writes except through an app's actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from stepwise.access.people import placement_requests_waiting_for, signed_in
from stepwise.goals.library.adopt import values_for
from stepwise.goals.library.catalogue import GoalTemplate
from stepwise.goals.library.placeholders import PlaceholderValues, resolve_text
from stepwise.goals.library.search import library_index
from stepwise.home.dashboard import goals_overview
from stepwise.home.onboarding import guide_for
from stepwise.lib.tips import tips_for
from stepwise.people.models import User
from stepwise.skills import actions
from stepwise.skills.models import PriorityChoice
from stepwise.skills.priorities import Priority
from stepwise.skills.standing import priorities_for


def greeting(hour: int) -> str:
    """The dashboard's hello for the hour on the person's own clock."""
    if hour < 12:
        return "Good morning"
    return "Good afternoon" if hour < 18 else "Good evening"


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    person = request.user
    assert isinstance(person, User)
    person = User.objects.select_related("manager", "team").get(pk=person.pk)
    context = {
        "person": person,
        "greeting": greeting(person.local_now().hour),
        "profile_gaps": person.profile_gaps(),
        "reports": list(person.reports.filter(is_active=True).select_related("team")),
        "waiting_requests": placement_requests_waiting_for(person).count(),
        "guide": None if person.guide_dismissed_at else guide_for(person),
        **goals_overview(person),
    }
    return render(request, "home/dashboard.html", context)


# ---- priorities with library suggestions --------------------------------------------------

SUGGESTED_FOR = 3  # the top priorities get suggested goals from the library
SUGGESTIONS_EACH = 2


@dataclass(frozen=True)
class Suggestion:
    key: str
    resolved_title: str


def suggestions_for(person: User, priorities: list[Priority]) -> dict[str, list[Suggestion]]:
    """Library goals for the top priorities, at the person's level when there are any; a
    goal suggested for one priority is not suggested again for the next."""
    values = values_for(person)
    taken: set[str] = set()
    suggestions = {}
    for priority in priorities[:SUGGESTED_FOR]:
        fresh = [t for t in _templates_for(person, priority) if t.key not in taken]
        chosen = fresh[:SUGGESTIONS_EACH]
        taken.update(t.key for t in chosen)
        suggestions[priority.competency_key] = [
            Suggestion(key=t.key, resolved_title=_title(t, values)) for t in chosen
        ]
    return suggestions


def _templates_for(person: User, priority: Priority) -> list[GoalTemplate]:
    index = library_index()
    key = priority.competency_key
    hits = index.search(competency=key, level=person.level or None, limit=None)
    return [hit.template for hit in hits or index.search(competency=key, limit=None)]


def _title(template: GoalTemplate, values: PlaceholderValues) -> str:
    return resolve_text(template.title, template, values)


@login_required
def priorities(request: HttpRequest) -> HttpResponse:
    person = signed_in(request)
    assessment, ranked = priorities_for(person)
    active = [p for p in ranked if p.state != PriorityChoice.State.DISMISSED]
    to_work_on = [p for p in active if p.weight > 0 or p.state == PriorityChoice.State.PINNED]
    context: dict[str, Any] = {
        "assessment": assessment,
        "to_work_on": to_work_on,
        "on_track": [p for p in active if p not in to_work_on],
        "dismissed": [p for p in ranked if p.state == PriorityChoice.State.DISMISSED],
        "suggestions": suggestions_for(person, to_work_on),
        "tips": tips_for("priorities"),
    }
    return render(request, "home/priorities.html", context)


# ---- the getting-started guide ------------------------------------------------------------


@login_required
def getting_started(request: HttpRequest) -> HttpResponse:
    person = signed_in(request)
    return render(request, "home/start.html", {"guide": guide_for(person)})


@login_required
@require_POST
def dismiss_guide(request: HttpRequest) -> HttpResponse:
    person = signed_in(request)
    actions.do_set_guide_hidden(person=person, hidden=not request.POST.get("show"))
    if person.guide_dismissed_at:
        messages.info(request, "Guide hidden. You can open it again from “Where you stand”.")
    return redirect("getting_started" if request.POST.get("next") == "start" else "dashboard")

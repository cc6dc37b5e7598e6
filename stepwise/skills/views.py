"""Pages for knowing where you stand: assessments, the radar, comparisons, priorities."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from stepwise.access.people import signed_in
from stepwise.access.skills import access_assessable_person, access_assessment, visible_assessments
from stepwise.lib.forms import attach_errors
from stepwise.lib.http import HtmxHttpRequest
from stepwise.lib.tips import tips_for
from stepwise.people.models import User
from stepwise.skills import actions
from stepwise.skills.forms import RatingForm, SummaryForm
from stepwise.skills.models import Assessment, AssessmentKind, FrameworkVersion
from stepwise.skills.standing import competency_rows, label_for, radar_data

# ---- where you stand ----------------------------------------------------------------------


@login_required
def skills_home(request: HttpRequest) -> HttpResponse:
    person = signed_in(request)
    mine = list(
        visible_assessments(person).filter(person=person).with_ratings().order_by("-created_at")
    )
    own = [a for a in mine if a.kind == AssessmentKind.SELF]
    finished = [a for a in own if not a.is_draft]
    latest = finished[0] if finished else None
    previous = finished[1] if len(finished) > 1 else None
    spec = latest.spec if latest else FrameworkVersion.objects.active().spec
    rows = competency_rows(
        spec, now=latest, before=previous, level=person.level, target_level=person.target_level
    )
    context: dict[str, Any] = {
        "person": person,
        "latest": latest,
        "previous": previous,
        "draft": next((a for a in own if a.is_draft), None),
        "assessments": mine,
        "from_manager": [a for a in mine if a.kind == AssessmentKind.MANAGER],
        "rows": rows,
        "spec": spec,
        "reports": _reports_with_assessments(person),
    }
    if latest:
        context["radar"] = radar_data(
            spec,
            rows,
            now_label=label_for(latest, person),
            before_label=label_for(previous, person) if previous else "",
        )
    return render(request, "skills/home.html", context)


def _reports_with_assessments(person: User) -> list[dict[str, Any]]:
    reports = list(person.reports.filter(is_active=True).order_by("display_name", "username"))
    if not reports:
        return []
    seen = visible_assessments(person).filter(person__in=reports).order_by("-created_at")
    by_person: dict[int, list[Assessment]] = {}
    for assessment in seen.select_related("assessor"):
        by_person.setdefault(assessment.person_id, []).append(assessment)
    return [{"person": r, "assessments": by_person.get(r.pk, [])} for r in reports]


@login_required
@require_POST
def start_assessment(request: HttpRequest, person_id: int | None = None) -> HttpResponse:
    me = signed_in(request)
    person = access_assessable_person(me, person_id) if person_id else me
    assessment = actions.do_start_assessment(person=person, assessor=me)
    return redirect("assessment_edit", assessment_id=assessment.pk)


# ---- the wizard ---------------------------------------------------------------------------


def _rating_forms(assessment: Assessment, data: Any = None) -> list[RatingForm]:
    saved = assessment.ratings_by_key()
    forms = []
    for competency in assessment.spec.competencies():
        rating = saved.get(competency.key)
        initial = (
            {
                "score": rating.score,
                "evidence": rating.evidence,
                "evidence_links": rating.evidence_links,
                "is_strength": rating.is_strength,
                "is_weakness": rating.is_weakness,
                "is_interest": rating.is_interest,
            }
            if rating
            else {}
        )
        forms.append(RatingForm(data, competency=competency, spec=assessment.spec, initial=initial))
    return forms


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id, for_change=True)
    if not assessment.is_draft:
        messages.info(request, "This assessment is finished; start a new one to rate again.")
        return redirect("assessment_detail", assessment_id=assessment.pk)
    data = request.POST if request.method == "POST" else None
    forms = _rating_forms(assessment, data)
    summary = SummaryForm(data, initial={"summary": assessment.summary})
    if request.method == "POST" and _save_all(request, assessment, me, forms, summary):
        return _after_save(request, assessment, me)
    context = {
        "assessment": assessment,
        "forms": forms,
        "summary_form": summary,
        "tips": tips_for("assessment"),
    }
    return render(request, "skills/assessment_edit.html", context)


def _save_all(
    request: HttpRequest,
    assessment: Assessment,
    me: User,
    forms: list[RatingForm],
    summary: SummaryForm,
) -> bool:
    """Save every competency at once, or nothing when any of them is refused."""
    if not all([form.is_valid() for form in forms]) or not summary.is_valid():
        _refused(request, forms)
        return False
    try:
        with transaction.atomic():
            # No version check against the page: its own autosaves bump the version while
            # it is open, and only the assessor ever writes to the draft.
            actions.do_update_assessment(
                assessment=assessment, actor=me, summary=summary.cleaned_data["summary"]
            )
            for form in forms:
                _save_rating(assessment, me, form)
    except _RatingRefused:
        _refused(request, forms)
        return False
    return True


def _refused(request: HttpRequest, forms: list[RatingForm]) -> None:
    names = ", ".join(form.competency.name for form in forms if form.errors)
    where = f" ({names})" if names else ""
    messages.error(
        request, f"Nothing was saved from this page: correct the answers marked below{where}."
    )


class _RatingRefused(Exception):
    pass


def _save_rating(assessment: Assessment, me: User, form: RatingForm) -> None:
    if not form.has_changed() and not form.initial:
        return
    try:
        actions.do_rate_competency(
            assessment=assessment, actor=me, competency_key=form.competency.key, **form.rating()
        )
    except ValidationError as error:
        attach_errors(form, error)
        raise _RatingRefused from error


def _after_save(request: HttpRequest, assessment: Assessment, me: User) -> HttpResponse:
    if "finish" not in request.POST:
        messages.success(request, "Saved. Come back any time to carry on where you left off.")
        return redirect("assessment_edit", assessment_id=assessment.pk)
    try:
        actions.do_complete_assessment(assessment=assessment, actor=me)
    except ValidationError as error:
        messages.warning(request, f"Your ratings are saved. {' '.join(error.messages)}")
        return redirect("assessment_edit", assessment_id=assessment.pk)
    messages.success(request, "Assessment finished. Here is where you stand.")
    return redirect("assessment_detail", assessment_id=assessment.pk)


@login_required
@require_POST
def rate_competency(request: HtmxHttpRequest, assessment_id: int, key: str) -> HttpResponse:
    """htmx: save one competency as the person goes (the wizard's autosave)."""
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id, for_change=True)
    competency = assessment.spec.competency(key)
    if competency is None:
        raise Http404("No such competency")
    form = RatingForm(request.POST, competency=competency, spec=assessment.spec)
    saved = False
    if form.is_valid():
        try:
            actions.do_rate_competency(
                assessment=assessment, actor=me, competency_key=key, **form.rating()
            )
            saved = True
        except ValidationError as error:
            attach_errors(form, error)
    context = {"form": form, "saved": saved, "at": timezone.localtime()}
    status = 200 if saved else 422
    return render(request, "skills/_rating_status.html", context, status=status)


# ---- one assessment, comparisons ----------------------------------------------------------


@login_required
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id)
    person = assessment.person
    spec = assessment.spec
    rows = competency_rows(
        spec,
        now=assessment,
        before=None,
        level=assessment.level,
        target_level=assessment.target_level,
    )
    ratings = assessment.ratings_by_key()
    context = {
        "assessment": assessment,
        "person": person,
        "rows": rows,
        "details": [(c, ratings.get(c.key)) for c in spec.competencies()],
        "is_mine": assessment.assessor_id == me.pk,
        "radar": radar_data(spec, rows, now_label=label_for(assessment, me), before_label=""),
        "others": visible_assessments(me)
        .filter(person=person)
        .exclude(pk=assessment.pk)
        .completed()
        .select_related("assessor"),
    }
    return render(request, "skills/assessment_detail.html", context)


@login_required
def compare_assessments(request: HttpRequest) -> HttpResponse:
    """Any two assessments the viewer may see, of the same person, side by side."""
    me = signed_in(request)
    try:
        first = access_assessment(me, int(request.GET.get("a", "")))
        second = access_assessment(me, int(request.GET.get("b", "")))
    except ValueError:
        raise Http404("Choose two assessments") from None
    if first.person_id != second.person_id:
        messages.error(request, "Compare two assessments of the same person.")
        return redirect("skills_home")
    newer, older = sorted((first, second), key=lambda a: a.created_at, reverse=True)
    spec = newer.spec
    rows = competency_rows(
        spec, now=newer, before=older, level=newer.level, target_level=newer.target_level
    )
    context = {
        "newer": newer,
        "older": older,
        "rows": rows,
        "newer_label": label_for(newer, me),
        "older_label": label_for(older, me),
        "radar": radar_data(
            spec, rows, now_label=label_for(newer, me), before_label=label_for(older, me)
        ),
    }
    return render(request, "skills/compare.html", context)


@login_required
@require_POST
def finish_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id, for_change=True)
    try:
        actions.do_complete_assessment(assessment=assessment, actor=me)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessment_edit", assessment_id=assessment.pk)
    return redirect("assessment_detail", assessment_id=assessment.pk)


@login_required
@require_POST
def share_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id, for_change=True)
    share = request.POST.get("share") != "no"
    try:
        actions.do_share_assessment(assessment=assessment, actor=me, shared=share)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        whom = "your manager" if assessment.kind == AssessmentKind.SELF else assessment.person.name
        messages.success(
            request, f"Shared with {whom}." if share else f"{whom.capitalize()} no longer sees it."
        )
    return redirect("assessment_detail", assessment_id=assessment.pk)


@login_required
@require_POST
def delete_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    me = signed_in(request)
    assessment = access_assessment(me, assessment_id, for_change=True)
    actions.do_delete_assessment(assessment=assessment, actor=me)
    messages.success(request, "Assessment deleted.")
    return redirect("skills_home")

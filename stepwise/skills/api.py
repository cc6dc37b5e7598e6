"""API operations for competency frameworks, assessments and priorities.

Frameworks are read-only here (an admin imports them in the app). Assessments are fetched
through ``stepwise.access``: an assessment you may not see, or may see but not change, is a
404. Self-assessments stay private until shared with the manager; a manager's assessment of a
report reaches the report once shared. Changes go through ``stepwise.skills.actions``; a stale
``version`` is a 409 and a refused value a 422 with the messages per field. Lists are
paginated like every list of the API (``?page=2&page_size=50``, ``{"items": [...],
"count": N}``).
"""

from typing import Any

from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from stepwise.access.people import signed_in as caller
from stepwise.access.skills import access_assessable_person, access_assessment, visible_assessments
from stepwise.lib.api import CHANGE, LIST, PAGES, READ, Pages, no_content
from stepwise.people.idempotency import idempotent
from stepwise.skills import actions
from stepwise.skills.models import Assessment, Framework, FrameworkVersion
from stepwise.skills.schemas import (
    AssessmentFiltersIn,
    AssessmentOut,
    AssessmentPatchIn,
    AssessmentSummaryOut,
    CompleteAssessmentIn,
    FrameworkOut,
    FrameworkVersionOut,
    PriorityChoiceIn,
    PriorityChoiceOut,
    PriorityOut,
    RatedOut,
    RatingIn,
    ShareAssessmentIn,
    StartAssessmentIn,
    framework_version_out,
    rating_out,
)
from stepwise.skills.standing import priorities_for

router = Router(tags=["skills"])

# ---- frameworks ----------------------------------------------------------------------------


@router.get(
    "/frameworks",
    response={200: list[FrameworkOut], **LIST},
    summary="Competency frameworks",
    description="Every imported framework, the active one marked. Paginated.",
)
@paginate(Pages, **PAGES)
def list_frameworks(request: HttpRequest) -> QuerySet[Framework]:
    return Framework.objects.annotate(latest_number=Max("versions__number")).order_by(
        "-is_active", "name", "pk"
    )


@router.get(
    "/frameworks/{key}",
    response={200: FrameworkVersionOut, **READ},
    summary="One framework: its levels, areas, competencies and expectations",
    description="The latest version, or an older one with `?version=N`.",
)
def get_framework(request: HttpRequest, key: str, version: int | None = None) -> dict[str, Any]:
    versions = FrameworkVersion.objects.select_related("framework").filter(framework__key=key)
    latest = versions.order_by("-number").first()
    wanted = latest if version is None else versions.filter(number=version).first()
    if latest is None or wanted is None:
        raise Http404("No such framework version")
    return framework_version_out(wanted, is_latest=wanted.pk == latest.pk)


# ---- assessments ---------------------------------------------------------------------------


def _assessment(
    request: HttpRequest, assessment_id: int, *, for_change: bool = False
) -> Assessment:
    return access_assessment(caller(request), assessment_id, for_change=for_change)


def _fresh(assessment: Assessment) -> Assessment:
    """The assessment re-read with its ratings, after an action changed it."""
    return (
        Assessment.objects.with_ratings()
        .select_related("framework_version__framework")
        .get(pk=assessment.pk)
    )


@router.get(
    "/assessments",
    response={200: list[AssessmentSummaryOut], **LIST},
    summary="Assessments you can see",
    description=(
        "The ones you made (drafts too), the ones about you that your manager shared with you, "
        "and your reports' self-assessments they shared with you; newest first. Filter by "
        "`person` (an id) and `kind` (`self`, `manager`). Paginated."
    ),
)
@paginate(Pages, **PAGES)
def list_assessments(
    request: HttpRequest,
    filters: AssessmentFiltersIn = Query(...),  # noqa: B008 (Ninja's way)
) -> QuerySet[Assessment]:
    assessments = visible_assessments(caller(request))
    if filters.person is not None:
        assessments = assessments.filter(person_id=filters.person)
    if filters.kind is not None:
        assessments = assessments.filter(kind=filters.kind)
    return (
        assessments.with_ratings()
        .select_related("framework_version__framework")
        .order_by("-created_at", "-pk")
    )


@router.post(
    "/assessments",
    response={201: AssessmentOut, **READ},
    summary="Start an assessment (or resume your unfinished one)",
    description=(
        "Assess yourself (the default) or, as their manager, one of your direct reports "
        "(`person`). If you left one unfinished it is returned instead; a new one starts from "
        "your last finished one and uses the active framework's latest version."
    ),
)
@idempotent
def start_assessment(request: HttpRequest, payload: StartAssessmentIn) -> Status[Assessment]:
    assessor = caller(request)
    person = access_assessable_person(assessor, payload.person or assessor.pk)
    assessment = actions.do_start_assessment(person=person, assessor=assessor)
    return Status(201, _fresh(assessment))


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **READ},
    summary="One assessment with its ratings",
)
def get_assessment(request: HttpRequest, assessment_id: int) -> Assessment:
    return _assessment(request, assessment_id)


@router.patch(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **CHANGE},
    summary="Change an unfinished assessment's summary",
    description=(
        "Send `version` (the one you read): if the assessment changed since, the answer is 409 "
        "and nothing is saved. Only the person who made it changes it, before finishing it."
    ),
)
def update_assessment(
    request: HttpRequest, assessment_id: int, payload: AssessmentPatchIn
) -> Assessment:
    person = caller(request)
    assessment = actions.do_update_assessment(
        assessment=_assessment(request, assessment_id, for_change=True),
        actor=person,
        summary=payload.summary,
        expected_version=payload.version,
    )
    return _fresh(assessment)


@router.put(
    "/assessments/{assessment_id}/ratings/{competency_key}",
    response={200: RatedOut, **CHANGE},
    summary="Rate one competency",
    description=(
        "Replaces the competency's rating: the score (0 to the number of levels, or null), "
        "the evidence and its links, and the strength, weakness and interest marks. An "
        "unknown competency, a score out of range or a link that is not http(s) is a 422."
    ),
)
def rate_competency(
    request: HttpRequest, assessment_id: int, competency_key: str, payload: RatingIn
) -> dict[str, Any]:
    person = caller(request)
    assessment = _assessment(request, assessment_id, for_change=True)
    rating = actions.do_rate_competency(
        assessment=assessment,
        actor=person,
        competency_key=competency_key,
        score=payload.score,
        evidence=payload.evidence,
        evidence_links="\n".join(link.strip() for link in payload.evidence_links),
        is_strength=payload.is_strength,
        is_weakness=payload.is_weakness,
        is_interest=payload.is_interest,
        expected_version=payload.version,
    )
    version = Assessment.objects.values_list("version", flat=True).get(pk=assessment.pk)
    return {
        **rating_out(assessment.spec, rating),
        "assessment_id": assessment.pk,
        "assessment_version": version,
    }


@router.post(
    "/assessments/{assessment_id}/complete",
    response={200: AssessmentOut, **CHANGE},
    summary="Finish an assessment",
    description=(
        "Every competency needs a score first; otherwise the 422 names the ones left. A "
        "finished assessment is kept as it was on that day."
    ),
)
def complete_assessment(
    request: HttpRequest, assessment_id: int, payload: CompleteAssessmentIn | None = None
) -> Assessment:
    assessment = actions.do_complete_assessment(
        assessment=_assessment(request, assessment_id, for_change=True),
        actor=caller(request),
        expected_version=payload.version if payload else None,
    )
    return _fresh(assessment)


@router.post(
    "/assessments/{assessment_id}/share",
    response={200: AssessmentOut, **READ},
    summary="Share a finished assessment, or take it back",
    description=(
        "A self-assessment is shared with your manager; your assessment of a report is "
        "shared with them. Only finished assessments can be shared."
    ),
)
def share_assessment(
    request: HttpRequest, assessment_id: int, payload: ShareAssessmentIn
) -> Assessment:
    assessment = actions.do_share_assessment(
        assessment=_assessment(request, assessment_id, for_change=True),
        actor=caller(request),
        shared=payload.shared,
    )
    return _fresh(assessment)


@router.delete(
    "/assessments/{assessment_id}",
    response={204: None, **READ},
    summary="Delete an assessment",
    description="Only the person who made it. An admin can bring it back.",
)
def delete_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    actions.do_delete_assessment(
        assessment=_assessment(request, assessment_id, for_change=True), actor=caller(request)
    )
    return no_content()


# ---- priorities ----------------------------------------------------------------------------


@router.get(
    "/priorities",
    response={200: list[PriorityOut], **LIST},
    summary="What to work on next",
    description=(
        "Every competency of your latest finished self-assessment, most worth working on "
        "first: pinned ones at the top, dismissed ones at the bottom, the rest by the gap to "
        "your target level and what you marked as interests, weaknesses and strengths. Each "
        "says why in one sentence. Empty until you finish a self-assessment. Paginated."
    ),
)
@paginate(Pages, **PAGES)
def list_priorities(request: HttpRequest) -> list[dict[str, Any]]:
    _, ranked = priorities_for(caller(request))
    return [
        {
            "rank": rank,
            "competency_key": p.competency_key,
            "competency_name": p.competency_name,
            "area_name": p.area_name,
            "score": p.score,
            "expected_now": p.expected_now,
            "expected_target": p.expected_target,
            "gap": p.gap,
            "weight": p.weight,
            "reason": p.reason,
            "state": p.state,
            "is_interest": p.is_interest,
        }
        for rank, p in enumerate(ranked, start=1)
    ]


@router.put(
    "/priorities/{competency_key}",
    response={200: PriorityChoiceOut, **LIST},
    summary="Pin or dismiss a priority",
    description=(
        "`pinned` keeps a competency at the top of your priorities, `dismissed` moves it to "
        "the bottom, null puts it back where the ranking puts it. An unknown competency is a "
        "422."
    ),
)
def choose_priority(
    request: HttpRequest, competency_key: str, payload: PriorityChoiceIn
) -> dict[str, Any]:
    actions.do_choose_priority(
        person=caller(request), competency_key=competency_key, state=payload.state
    )
    return {"competency_key": competency_key, "state": payload.state}

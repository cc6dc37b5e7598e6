"""The one write path for frameworks, assessments and priority choices.

Each action runs in one transaction and validates before it writes; a refused change raises
``ValidationError`` (or ``FrameworkFileError`` for a framework file) and changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from stepwise.access.people import can_restore_for_others
from stepwise.access.skills import latest_self_assessment
from stepwise.lib.errors import StaleEdit
from stepwise.lib.links import clean_links
from stepwise.people.models import User
from stepwise.skills.framework_file import FrameworkSpec, default_framework_path, parse_framework
from stepwise.skills.models import (
    Assessment,
    AssessmentEvent,
    AssessmentKind,
    Framework,
    FrameworkVersion,
    PriorityChoice,
    Rating,
)

MAX_EVIDENCE_CHARS = 5_000
MAX_LINKS = 20


# ---- frameworks ---------------------------------------------------------------------------


@transaction.atomic
def do_import_framework(
    *,
    text: str,
    fmt: str | None = None,
    source_name: str = "",
    actor: User | None,
    activate: bool = False,
) -> FrameworkVersion:
    """Store a framework file as a new version (or a new framework). Raises
    ``FrameworkFileError`` naming every problem; nothing is stored then.

    Importing the same text as the latest version stores nothing new."""
    spec = parse_framework(text, fmt=fmt)
    framework, created = Framework.objects.select_for_update().get_or_create(
        key=spec.key, defaults={"name": spec.name}
    )
    version = _new_version(framework, spec, source_name=source_name, actor=actor)
    if created or framework.name != spec.name:
        framework.name = spec.name
        framework.save(update_fields=["name"])
    if activate or not Framework.objects.filter(is_active=True).exists():
        _activate(framework)
    return version


def _new_version(
    framework: Framework, spec: FrameworkSpec, *, source_name: str, actor: User | None
) -> FrameworkVersion:
    data = spec.to_data()
    latest = framework.versions.order_by("-number").first()
    if latest is not None and latest.data == data:
        return latest
    number = (framework.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    return FrameworkVersion.objects.create(
        framework=framework,
        number=number,
        data=data,
        source_name=source_name[:200],
        imported_by=actor,
    )


@transaction.atomic
def do_activate_framework(*, framework: Framework) -> Framework:
    _activate(framework)
    return framework


def _activate(framework: Framework) -> None:
    Framework.objects.filter(is_active=True).exclude(pk=framework.pk).update(is_active=False)
    if not framework.is_active:
        framework.is_active = True
        framework.save(update_fields=["is_active"])


def do_install_default_framework() -> FrameworkVersion:
    """The shipped framework as the latest version of its key; a new version only when the
    file changed. It becomes the active framework when none is active."""
    path = default_framework_path()
    return do_import_framework(
        text=path.read_text(encoding="utf-8"), fmt="yaml", source_name=path.name, actor=None
    )


# ---- assessments --------------------------------------------------------------------------


@transaction.atomic
def do_start_assessment(*, person: User, assessor: User) -> Assessment:
    """A new assessment of ``person`` by ``assessor`` (themselves or their manager), or the
    draft they left unfinished. It starts from the assessor's last finished one."""
    if assessor.pk != person.pk and person.manager_id != assessor.pk:
        raise ValidationError("Only the person and their manager can assess them.")
    kind = AssessmentKind.SELF if assessor.pk == person.pk else AssessmentKind.MANAGER
    drafts = Assessment.objects.drafts().filter(person=person, assessor=assessor)
    draft = drafts.first()
    if draft is not None:
        return draft
    version = FrameworkVersion.objects.active()
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                person=person,
                assessor=assessor,
                kind=kind,
                framework_version=version,
                level=person.level,
                target_level=person.target_level,
            )
    except IntegrityError:  # someone started the same draft a moment ago
        return drafts.get()
    _carry_forward(assessment)
    _record(assessment, assessor, AssessmentEvent.Kind.STARTED, version=version.number)
    return assessment


def _record(assessment: Assessment, actor: User, kind: str, **detail: object) -> None:
    AssessmentEvent.objects.create(assessment=assessment, actor=actor, kind=kind, detail=detail)


def _carry_forward(assessment: Assessment) -> None:
    """Start from the assessor's previous finished assessment on the same framework."""
    previous = (
        Assessment.objects.completed()
        .filter(person=assessment.person, assessor=assessment.assessor)
        .filter(framework_version__framework=assessment.framework_version.framework)
        .order_by("-completed_at")
        .first()
    )
    if previous is None:
        return
    keys = {c.key for c in assessment.spec.competencies()}
    top = len(assessment.spec.levels)
    Rating.objects.bulk_create(
        Rating(
            assessment=assessment,
            competency_key=old.competency_key,
            score=min(old.score, top) if old.score is not None else None,
            evidence=old.evidence,
            evidence_links=old.evidence_links,
            is_strength=old.is_strength,
            is_weakness=old.is_weakness,
            is_interest=old.is_interest,
        )
        for old in previous.ratings.all()
        if old.competency_key in keys
    )


@transaction.atomic
def do_rate_competency(
    *,
    assessment: Assessment,
    actor: User,
    competency_key: str,
    score: int | None,
    evidence: str = "",
    evidence_links: str = "",
    is_strength: bool = False,
    is_weakness: bool = False,
    is_interest: bool = False,
    expected_version: int | None = None,
) -> Rating:
    assessment = _locked(assessment, actor, expected_version, draft_only=True)
    _validate_rating(assessment, competency_key, score, is_strength, is_weakness)
    links = clean_links(evidence_links, most=MAX_LINKS)
    if len(evidence) > MAX_EVIDENCE_CHARS:
        raise ValidationError({"evidence": f"Keep evidence under {MAX_EVIDENCE_CHARS} characters."})
    rating, _ = Rating.objects.update_or_create(
        assessment=assessment,
        competency_key=competency_key,
        defaults={
            "score": score,
            "evidence": evidence.strip(),
            "evidence_links": "\n".join(links),
            "is_strength": is_strength,
            "is_weakness": is_weakness,
            "is_interest": is_interest,
        },
    )
    _bump(assessment)
    _record(assessment, actor, AssessmentEvent.Kind.RATED, competency=competency_key, score=score)
    return rating


def _locked(
    assessment: Assessment,
    actor: User,
    expected_version: int | None,
    *,
    draft_only: bool = False,
) -> Assessment:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.assessor_id != actor.pk or assessment.deleted_at is not None:
        raise ValidationError("Only the person who made this assessment can change it.")
    if expected_version is not None and expected_version != assessment.version:
        raise StaleEdit("assessment")
    if draft_only and assessment.completed_at is not None:
        raise ValidationError(
            "This assessment is finished and kept as it was on that day; start a new one "
            "to record where you stand now."
        )
    return assessment


def _bump(assessment: Assessment, *fields: str) -> None:
    assessment.version += 1
    assessment.save(update_fields=["version", "updated_at", *fields])


def _validate_rating(
    assessment: Assessment, key: str, score: int | None, strength: bool, weakness: bool
) -> None:
    spec = assessment.spec
    if spec.competency(key) is None:
        raise ValidationError({"competency": f"“{key}” is not a competency of {spec.name}."})
    top = len(spec.levels)
    if score is not None and not 0 <= score <= top:
        raise ValidationError({"score": f"Rate from 0 to {top}."})
    if strength and weakness:
        raise ValidationError(
            {"is_weakness": "Mark a competency as a strength or a weakness, not both."}
        )


@transaction.atomic
def do_update_assessment(
    *, assessment: Assessment, actor: User, summary: str, expected_version: int | None = None
) -> Assessment:
    assessment = _locked(assessment, actor, expected_version, draft_only=True)
    if len(summary) > MAX_EVIDENCE_CHARS:
        raise ValidationError(
            {"summary": f"Keep the summary under {MAX_EVIDENCE_CHARS} characters."}
        )
    if assessment.summary != summary.strip():
        assessment.summary = summary.strip()
        _bump(assessment, "summary")
        _record(assessment, actor, AssessmentEvent.Kind.NOTES)
    return assessment


@transaction.atomic
def do_complete_assessment(
    *, assessment: Assessment, actor: User, expected_version: int | None = None
) -> Assessment:
    """Finish an assessment: every competency needs a rating first."""
    assessment = _locked(assessment, actor, expected_version)
    scores = assessment.scores()
    missing = [c.name for c in assessment.spec.competencies() if c.key not in scores]
    if missing:
        raise ValidationError(
            f"Rate every competency before finishing: {len(missing)} left ({', '.join(missing)})."
        )
    if assessment.completed_at is None:
        assessment.completed_at = timezone.now()
        _bump(assessment, "completed_at")
        _record(assessment, actor, AssessmentEvent.Kind.COMPLETED)
    return assessment


@transaction.atomic
def do_share_assessment(*, assessment: Assessment, actor: User, shared: bool = True) -> Assessment:
    """Self-assessments are shared with the manager, managers' with the person."""
    assessment = _locked(assessment, actor, None)
    if shared and assessment.completed_at is None:
        raise ValidationError("Finish the assessment before you share it.")
    if assessment.is_shared != shared:
        assessment.shared_at = timezone.now() if shared else None
        _bump(assessment, "shared_at")
        kind = AssessmentEvent.Kind.SHARED if shared else AssessmentEvent.Kind.UNSHARED
        _record(assessment, actor, kind)
    return assessment


@transaction.atomic
def do_delete_assessment(*, assessment: Assessment, actor: User) -> Assessment:
    """Soft delete: the ratings stay in the database and an admin can bring them back."""
    assessment = _locked(assessment, actor, None)
    assessment.deleted_at = timezone.now()
    _bump(assessment, "deleted_at")
    _record(assessment, actor, AssessmentEvent.Kind.DELETED)
    return assessment


@transaction.atomic
def do_restore_assessment(*, assessment: Assessment, actor: User) -> Assessment:
    """An admin brings a deleted assessment back, ratings and all, without reading it."""
    if not can_restore_for_others(actor):
        raise PermissionDenied("Only an admin brings back a deleted assessment.")
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.deleted_at is None:
        return assessment
    if (
        assessment.completed_at is None
        and Assessment.objects.drafts()
        .filter(person=assessment.person_id, assessor=assessment.assessor_id)
        .exists()
    ):
        raise ValidationError(
            "A newer unfinished assessment by the same person exists; bringing this draft "
            "back would make two. Ask them to finish or delete the newer one first."
        )
    assessment.deleted_at = None
    _bump(assessment, "deleted_at")
    _record(assessment, actor, AssessmentEvent.Kind.RESTORED)
    return assessment


# ---- priorities and the guide ------------------------------------------------------------


@transaction.atomic
def do_choose_priority(*, person: User, competency_key: str, state: str | None) -> None:
    """Pin or dismiss a suggested priority; ``None`` puts it back where the ranking puts it.
    Choosing counts as looking over one's priorities (the guide moves on)."""
    if state is not None and state not in PriorityChoice.State.values:
        raise ValidationError({"state": "Choose pinned, dismissed or nothing."})
    if competency_key not in _priority_keys(person):
        raise ValidationError({"competency": f"“{competency_key}” is not a competency."})
    if state is None:
        PriorityChoice.objects.filter(person=person, competency_key=competency_key).delete()
    else:
        PriorityChoice.objects.update_or_create(
            person=person, competency_key=competency_key, defaults={"state": state}
        )
    do_mark_priorities_reviewed(person=person)


def _priority_keys(person: User) -> set[str]:
    """Competencies of the framework the person's priorities are ranked on."""
    latest = latest_self_assessment(person)
    spec = latest.spec if latest else FrameworkVersion.objects.active().spec
    return {c.key for c in spec.competencies()}


def do_mark_priorities_reviewed(*, person: User) -> None:
    person.priorities_reviewed_at = timezone.now()
    person.save(update_fields=["priorities_reviewed_at"])


def do_set_guide_hidden(*, person: User, hidden: bool) -> None:
    """Put the getting-started guide away (or bring it back to the dashboard)."""
    person.guide_dismissed_at = timezone.now() if hidden else None
    person.save(update_fields=["guide_dismissed_at"])

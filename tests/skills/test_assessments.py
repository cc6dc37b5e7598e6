"""Assessments through the actions and the access gate: who rates, who sees, what is kept."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from stepwise.access.skills import access_assessment, visible_assessments
from stepwise.lib.errors import StaleEdit
from stepwise.people.models import User
from stepwise.skills.actions import (
    do_complete_assessment,
    do_delete_assessment,
    do_import_framework,
    do_rate_competency,
    do_share_assessment,
    do_start_assessment,
    do_update_assessment,
)
from stepwise.skills.framework_file import default_framework_path
from stepwise.skills.models import Assessment, AssessmentKind, Rating

pytestmark = pytest.mark.django_db


def test_a_started_assessment_is_resumed_not_duplicated(alice: User) -> None:
    first = do_start_assessment(person=alice, assessor=alice)
    again = do_start_assessment(person=alice, assessor=alice)
    assert first.pk == again.pk
    assert first.kind == AssessmentKind.SELF
    assert first.level == "associate_pm" and first.target_level == "pm"


def test_only_the_person_and_their_manager_may_assess(alice: User, bob: User, dan: User) -> None:
    assert do_start_assessment(person=alice, assessor=bob).kind == AssessmentKind.MANAGER
    with pytest.raises(ValidationError):
        do_start_assessment(person=alice, assessor=dan)


def test_finishing_needs_every_competency_and_names_the_missing_ones(alice: User) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    do_rate_competency(assessment=assessment, actor=alice, competency_key="data", score=1)
    with pytest.raises(ValidationError, match="12 left") as refused:
        do_complete_assessment(assessment=assessment, actor=alice)
    assert "Execution and delivery" in str(refused.value)
    assessment.refresh_from_db()
    assert assessment.completed_at is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"competency_key": "astrology", "score": 1}, "competency"),
        ({"competency_key": "data", "score": 6}, "score"),
        ({"competency_key": "data", "score": 1, "evidence_links": "not a link"}, "evidence_links"),
        (
            {"competency_key": "data", "score": 1, "is_strength": True, "is_weakness": True},
            "is_weakness",
        ),
    ],
)
def test_bad_ratings_are_refused_and_change_nothing(
    alice: User, changes: dict[str, object], field: str
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    with pytest.raises(ValidationError) as refused:
        do_rate_competency(assessment=assessment, actor=alice, **changes)  # type: ignore[arg-type]
    assert field in refused.value.message_dict
    assert not Rating.objects.filter(assessment=assessment).exists()


def test_a_finished_assessment_is_kept_as_it_was(
    alice: User, assess: Callable[..., Assessment]
) -> None:
    assessment = assess(alice, default=2)
    with pytest.raises(ValidationError, match="finished"):
        do_rate_competency(assessment=assessment, actor=alice, competency_key="data", score=0)
    assert assessment.ratings.get(competency_key="data").score == 2


def test_a_new_assessment_starts_from_the_last_finished_one(
    alice: User, assess: Callable[..., Assessment]
) -> None:
    old = assess(alice, default=2, interests=("data",))
    new = do_start_assessment(person=alice, assessor=alice)
    assert new.pk != old.pk and new.is_draft
    assert new.scores() == old.scores()
    assert new.ratings.get(competency_key="data").is_interest


def test_a_stale_edit_is_refused(alice: User) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    shown = assessment.version
    do_update_assessment(assessment=assessment, actor=alice, summary="first")
    with pytest.raises(StaleEdit):
        do_update_assessment(
            assessment=assessment, actor=alice, summary="second", expected_version=shown
        )
    assessment.refresh_from_db()
    assert assessment.summary == "first"


def test_self_assessment_is_private_until_shared_with_the_manager(
    alice: User, bob: User, dan: User, eve: User, admin: User, assess: Callable[..., Assessment]
) -> None:
    assessment = assess(alice)
    for outsider in (bob, dan, eve, admin):
        with pytest.raises(Http404):
            access_assessment(outsider, assessment.pk)
    do_share_assessment(assessment=assessment, actor=alice)
    assert access_assessment(bob, assessment.pk) == assessment
    for outsider in (dan, eve, admin):
        assert not visible_assessments(outsider).filter(pk=assessment.pk).exists()
    with pytest.raises(Http404):
        access_assessment(bob, assessment.pk, for_change=True)


def test_manager_assessment_reaches_the_person_only_once_shared(
    alice: User, bob: User, assess: Callable[..., Assessment]
) -> None:
    assessment = assess(alice, assessor=bob, default=2)
    with pytest.raises(Http404):
        access_assessment(alice, assessment.pk)
    do_share_assessment(assessment=assessment, actor=bob)
    assert access_assessment(alice, assessment.pk).assessor == bob


def test_a_draft_cannot_be_shared_and_only_its_maker_changes_it(alice: User, bob: User) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    with pytest.raises(ValidationError, match="Finish"):
        do_share_assessment(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError):
        do_rate_competency(assessment=assessment, actor=bob, competency_key="data", score=1)


def test_deleting_hides_the_assessment_but_keeps_its_ratings(
    alice: User, assess: Callable[..., Assessment]
) -> None:
    assessment = assess(alice)
    do_delete_assessment(assessment=assessment, actor=alice)
    assert not visible_assessments(alice).filter(pk=assessment.pk).exists()
    assert Rating.objects.filter(assessment=assessment).count() == 13


def test_an_imported_version_leaves_past_assessments_on_their_own_version(
    alice: User, admin: User, assess: Callable[..., Assessment]
) -> None:
    past = assess(alice)
    data = past.framework_version.data
    changed = {**data, "name": "Product management, 2027 edition"}
    version = do_import_framework(text=json.dumps(changed), fmt="json", actor=admin)
    assert version.number == past.framework_version.number + 1
    past.refresh_from_db()
    assert past.framework_version.spec.name == data["name"]
    fresh = do_start_assessment(person=alice, assessor=alice)
    assert fresh.framework_version == version


def test_importing_the_same_text_again_adds_no_version(admin: User) -> None:
    text = default_framework_path().read_text()
    first = do_import_framework(text=text, fmt="yaml", actor=admin)
    again = do_import_framework(text=text, fmt="yaml", actor=admin)
    assert first.pk == again.pk

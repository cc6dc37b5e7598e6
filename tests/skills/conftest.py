"""Assessment fixtures: ratings made through the actions, on the shipped framework."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from stepwise.people.models import User
from stepwise.skills.actions import (
    do_complete_assessment,
    do_rate_competency,
    do_start_assessment,
)
from stepwise.skills.models import Assessment, FrameworkVersion


@pytest.fixture
def competency_keys(db: None) -> list[str]:
    return [c.key for c in FrameworkVersion.objects.active().spec.competencies()]


@pytest.fixture
def assess(db: None) -> Callable[..., Assessment]:
    """Rate every competency (``default`` unless ``scores`` says otherwise) and finish."""

    def make(
        person: User,
        *,
        assessor: User | None = None,
        scores: Mapping[str, int] | None = None,
        default: int = 1,
        interests: tuple[str, ...] = (),
        finish: bool = True,
    ) -> Assessment:
        assessor = assessor or person
        assessment = do_start_assessment(person=person, assessor=assessor)
        for competency in assessment.spec.competencies():
            do_rate_competency(
                assessment=assessment,
                actor=assessor,
                competency_key=competency.key,
                score=(scores or {}).get(competency.key, default),
                is_interest=competency.key in interests,
            )
        if finish:
            do_complete_assessment(assessment=assessment, actor=assessor)
        assessment.refresh_from_db()
        return assessment

    return make

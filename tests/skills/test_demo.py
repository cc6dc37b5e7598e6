"""The demo's assessments: two self-assessments and a shared manager's view, loaded once."""

from __future__ import annotations

import pytest

from stepwise.access.skills import access_assessment, visible_assessments
from stepwise.people.demo import load_demo
from stepwise.people.models import User
from stepwise.skills.demo import load_demo_assessments
from stepwise.skills.models import Assessment, AssessmentKind


@pytest.mark.django_db
def test_demo_assessments_load_once_and_are_shared_both_ways() -> None:
    load_demo()
    load_demo_assessments()
    load_demo_assessments()
    alice = User.objects.get(username="alice")
    bob = User.objects.get(username="bob")
    mine = Assessment.objects.filter(person=alice)
    assert mine.filter(kind=AssessmentKind.SELF).count() == 2
    assert mine.filter(kind=AssessmentKind.MANAGER).count() == 1
    earlier, latest = mine.filter(kind=AssessmentKind.SELF).order_by("created_at")
    assert (latest.created_at - earlier.created_at).days > 100
    assert latest.scores()["delivery"] > earlier.scores()["delivery"]
    assert access_assessment(bob, latest.pk) == latest
    assert not visible_assessments(bob).filter(pk=earlier.pk).exists()
    assert visible_assessments(alice).filter(kind=AssessmentKind.MANAGER).count() == 1

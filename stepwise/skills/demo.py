"""Demo assessments: Alice rated herself twice and shared the latest with Bob, who shared his
own assessment of her. Loading twice adds nothing."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from stepwise.people.models import User
from stepwise.skills import actions
from stepwise.skills.models import Assessment

# (earlier self, latest self, Bob's view) per competency, on the 0-5 scale of the levels
ALICE = {
    "delivery": (1, 2, 2),
    "prioritisation": (1, 1, 2),
    "technical-fluency": (0, 1, 1),
    "user-research": (1, 2, 2),
    "market-research": (0, 1, 1),
    "data": (1, 1, 1),
    "product-sense": (1, 1, 2),
    "vision": (0, 1, 1),
    "business": (0, 0, 1),
    "communication": (1, 2, 1),
    "stakeholders": (1, 1, 1),
    "collaboration": (2, 2, 2),
    "leadership": (0, 1, 1),
}
INTERESTS = ("market-research", "data")
EVIDENCE = {
    "collaboration": "Pairs with the checkout tech lead on every refinement; the team asked me "
    "to run the design-review ritual.",
    "user-research": "Ran 6 onboarding interviews in October and shared the clips with the team.",
    "technical-fluency": "Still lost in architecture discussions about the payment service.",
}


@transaction.atomic
def load_demo_assessments() -> None:
    alice = User.objects.filter(username="alice").first()
    bob = User.objects.filter(username="bob").first()
    if alice is None or bob is None or Assessment.objects.filter(person=alice).exists():
        return
    earlier = _assess(alice, alice, column=0)
    _backdate(earlier, days=120)
    latest = _assess(alice, alice, column=1)
    actions.do_share_assessment(assessment=latest, actor=alice)
    _backdate(latest, days=6)
    if alice.manager_id == bob.pk:
        managers = _assess(alice, bob, column=2)
        actions.do_share_assessment(assessment=managers, actor=bob)
        _backdate(managers, days=3)


def _assess(person: User, assessor: User, *, column: int) -> Assessment:
    assessment = actions.do_start_assessment(person=person, assessor=assessor)
    for key, scores in ALICE.items():
        actions.do_rate_competency(
            assessment=assessment,
            actor=assessor,
            competency_key=key,
            score=scores[column],
            evidence=EVIDENCE.get(key, "") if assessor == person else "",
            is_strength=key == "collaboration",
            is_weakness=key == "technical-fluency",
            is_interest=key in INTERESTS and assessor == person,
        )
    return actions.do_complete_assessment(assessment=assessment, actor=assessor)


def _backdate(assessment: Assessment, *, days: int) -> None:
    moment = timezone.now() - timedelta(days=days)
    same = Assessment.objects.filter(pk=assessment.pk)
    same.update(created_at=moment, completed_at=moment)
    same.filter(shared_at__isnull=False).update(shared_at=moment)

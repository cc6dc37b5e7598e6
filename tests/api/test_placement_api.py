"""Manager and team through the API: asked for, confirmed by the other side, never taken."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stepwise.access.goals import visible_goals
from stepwise.access.skills import assessable_people
from stepwise.people.models import AuditEvent, PlacementRequest, Team, User
from tests.api.conftest import ApiResponse
from tests.people.test_placement import placement_of, team_goal_of

pytestmark = pytest.mark.django_db(transaction=True)

As = Callable[..., ApiResponse]


@pytest.fixture
def as_person(api: Callable[..., ApiResponse], token_for: Callable[[User], str]) -> Callable:
    def for_person(person: User) -> As:
        token = token_for(person)
        return lambda method, path, **kwargs: api(method, path, token=token, **kwargs)

    return for_person


def test_outsider_joins_a_team_through_the_api_only_once_the_lead_confirms(
    alice: User, eve: User, bob: User, checkout: Team, as_person: Callable[[User], As]
) -> None:
    checkout.lead = bob
    checkout.save(update_fields=["lead"])
    goal = team_goal_of(alice)
    as_eve, as_bob = as_person(eve), as_person(bob)
    assert checkout.pk in [team["id"] for team in as_eve("GET", "/api/v1/teams").body["items"]]
    asked = as_eve("POST", "/api/v1/me/team-request", payload={"team": checkout.pk})
    assert asked.status == 202 and asked.body["state"] == "pending"
    assert as_eve("GET", f"/api/v1/goals/{goal.pk}").status == 404
    assert [r["id"] for r in as_eve("GET", "/api/v1/me/placement-requests").body["items"]] == [
        asked.body["id"]
    ]
    waiting = as_bob("GET", "/api/v1/placement-requests").body["items"]
    assert [(w["person_username"], w["team_name"]) for w in waiting] == [("eve", "Checkout")]
    done = as_bob(
        "POST", f"/api/v1/placement-requests/{asked.body['id']}/answer", payload={"confirm": True}
    )
    assert done.status == 200 and done.body["state"] == "confirmed"
    assert as_eve("GET", f"/api/v1/goals/{goal.pk}").status == 200
    eve.refresh_from_db()
    assert visible_goals(eve).filter(pk=goal.pk).exists()


def test_naming_a_manager_through_the_api_reveals_nothing_and_changes_nothing(
    make_person: Callable[..., User], bob: User, as_person: Callable[[User], As]
) -> None:
    mallory = make_person("mallory")
    as_mallory = as_person(mallory)
    real = as_mallory("POST", "/api/v1/me/manager-request", payload={"manager": "Bob"})
    made_up = as_mallory("POST", "/api/v1/me/manager-request", payload={"manager": "no-such"})
    assert real.status == made_up.status == 202
    assert set(real.body) == set(made_up.body)
    assert "manager" not in real.body and "manager_id" not in real.body
    assert as_mallory("GET", "/api/v1/me").body["manager_id"] is None
    assert mallory not in assessable_people(bob)


def test_only_the_addressed_manager_may_answer_and_a_decline_needs_a_reason(
    eve: User,
    bob: User,
    carol: User,
    alice: User,
    as_person: Callable[[User], As],
) -> None:
    asked = as_person(eve)("POST", "/api/v1/me/manager-request", payload={"manager": "bob"})
    url = f"/api/v1/placement-requests/{asked.body['id']}/answer"
    for outsider in (alice, carol, eve):
        answered = as_person(outsider)("POST", url, payload={"confirm": True})
        assert answered.status == 404 and answered.body == {"detail": "Not Found"}
        assert as_person(outsider)("GET", "/api/v1/placement-requests").body["items"] == []
    as_bob = as_person(bob)
    refused = as_bob("POST", url, payload={"confirm": False})
    assert refused.status == 422 and "reason" in refused.body["fields"]
    declined = as_bob("POST", url, payload={"confirm": False, "reason": "Not my team"})
    assert declined.status == 200 and declined.body["reason"] == "Not my team"
    assert placement_of(eve)[1] == carol.pk
    assert AuditEvent.objects.filter(kind="placement_declined", actor=bob).exists()


def test_withdraw_leave_and_the_old_doors_stay_shut(
    alice: User, eve: User, checkout: Team, as_person: Callable[[User], As]
) -> None:
    as_eve = as_person(eve)
    asked = as_eve("POST", "/api/v1/me/team-request", payload={"team": checkout.pk})
    assert (
        as_person(alice)("DELETE", f"/api/v1/me/placement-requests/{asked.body['id']}").status
        == 404
    )
    assert as_eve("DELETE", f"/api/v1/me/placement-requests/{asked.body['id']}").status == 204
    assert PlacementRequest.objects.get().state == "cancelled"
    assert as_eve("POST", "/api/v1/me/team-request", payload={"team": eve.team_id}).status == 404
    assert as_eve("POST", "/api/v1/me/team-request", payload={"team": 999999}).status == 404
    assert as_eve("PATCH", "/api/v1/me", payload={"team_id": checkout.pk}).status == 405
    assert as_eve("DELETE", "/api/v1/me/team").status == 204
    assert as_eve("DELETE", "/api/v1/me/manager").status == 204
    assert placement_of(eve) == (None, None)
    assert AuditEvent.objects.filter(kind="placement_left", actor=eve).count() == 2

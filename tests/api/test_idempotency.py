"""Idempotency-Key on every API create, over real HTTP: a retry creates nothing twice."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Model
from django.utils import timezone

from stepwise.goals import actions
from stepwise.goals.models import CheckIn, Goal, GoalStatus, Step
from stepwise.people.models import RememberedRequest, User
from stepwise.skills.models import Assessment
from tests.api.conftest import ApiResponse, call

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]
Tokens = Callable[[User], str]
TODAY = timezone.localdate()
GOAL = {
    "title": "Run 12 customer interviews by the end of the quarter",
    "metric_kind": "number",
    "baseline": 0,
    "target": 12,
    "start_date": (TODAY - timedelta(days=5)).isoformat(),
    "due_date": (TODAY + timedelta(days=60)).isoformat(),
}


def goal_of(owner: User) -> Goal:
    return actions.do_create_goal(
        owner=owner,
        title="Run 10 customer interviews",
        baseline=Decimal(0),
        target=Decimal(10),
        start_date=TODAY - timedelta(days=10),
        due_date=TODAY + timedelta(days=20),
        status=GoalStatus.ACTIVE,
    )


def keyed(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


@pytest.fixture
def as_alice(api: Api, alice: User, token_for: Tokens) -> Callable[..., ApiResponse]:
    token = token_for(alice)
    return lambda method, path, **kwargs: api(method, path, token=token, **kwargs)


def test_a_retried_goal_create_makes_one_goal_and_gets_the_first_answer_again(
    as_alice: Any,
) -> None:
    key = str(uuid.uuid4())
    first = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed(key))
    again = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed(key))
    assert first.status == again.status == 201
    assert again.body == first.body
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert Goal.objects.count() == 1


CREATES: list[tuple[str, str, dict[str, Any], type[Model]]] = [
    ("goal", "/api/v1/goals", GOAL, Goal),
    ("step", "/api/v1/goals/{goal}/steps", {"title": "Book five interviews"}, Step),
    ("check-in", "/api/v1/goals/{goal}/checkins", {"value": 3, "confidence": 4}, CheckIn),
    ("assessment", "/api/v1/assessments", {}, Assessment),
]


@pytest.mark.parametrize(
    ("thing", "path", "payload", "model"), CREATES, ids=[c[0] for c in CREATES]
)
def test_every_create_operation_creates_once_per_key(
    as_alice: Any, alice: User, thing: str, path: str, payload: dict[str, Any], model: type[Model]
) -> None:
    path = path.format(goal=goal_of(alice).pk)
    before = model._default_manager.count()
    answers = [as_alice("POST", path, payload=payload, headers=keyed("retry-1")) for _ in range(3)]
    assert [a.status for a in answers] == [201, 201, 201], answers[0].body
    assert answers[1].body == answers[2].body == answers[0].body
    assert model._default_manager.count() == before + 1
    fresh = as_alice("POST", path, payload=payload, headers=keyed("retry-2"))
    assert fresh.status == 201 and "Idempotent-Replayed" not in fresh.headers


def test_the_same_key_with_another_body_is_refused_and_creates_nothing(as_alice: Any) -> None:
    as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("k1"))
    other = as_alice("POST", "/api/v1/goals", payload={**GOAL, "target": 20}, headers=keyed("k1"))
    assert other.status == 422
    assert "already used for another request" in other.body["detail"]
    assert Goal.objects.count() == 1
    assert Goal.objects.get().target == 12


def test_spacing_and_key_order_do_not_make_another_body(as_alice: Any) -> None:
    as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("k1"))
    reordered = (
        "{\n  "
        + ",\n  ".join(
            f'"{name}": {value!r}'.replace("'", '"') for name, value in reversed(GOAL.items())
        )
        + "\n}"
    )
    again = as_alice("POST", "/api/v1/goals", raw=reordered.encode(), headers=keyed("k1"))
    assert again.status == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert Goal.objects.count() == 1


def test_bobs_request_with_alices_key_is_his_own_and_does_not_see_her_answer(
    as_alice: Any, api: Api, bob: User, token_for: Tokens
) -> None:
    hers = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("shared-key"))
    bobs_token = token_for(bob)
    same_body = api(
        "POST", "/api/v1/goals", token=bobs_token, payload=GOAL, headers=keyed("shared-key")
    )
    assert same_body.status == 201
    assert "Idempotent-Replayed" not in same_body.headers
    assert same_body.body["id"] != hers.body["id"]
    assert same_body.body["owner"]["id"] == bob.pk
    other_body = api(
        "POST",
        "/api/v1/goals",
        token=bobs_token,
        payload={**GOAL, "title": "Write 4 product briefs by the end of the quarter"},
        headers=keyed("shared-key"),
    )
    assert other_body.status == 422  # his own key, reused; nothing of alice's in the answer
    assert "Run 12" not in str(other_body.body)
    assert Goal.objects.filter(owner=bob).count() == 1


def test_an_outsider_gets_404_with_a_key_and_nothing_is_remembered(
    api: Api, alice: User, eve: User, token_for: Tokens
) -> None:
    goal = goal_of(alice)
    token = token_for(eve)
    for _ in range(2):
        refused = api(
            "POST",
            f"/api/v1/goals/{goal.pk}/checkins",
            token=token,
            payload={"value": 9, "confidence": 5},
            headers=keyed("probe"),
        )
        assert refused.status == 404
    assert not CheckIn.objects.exists()
    assert not RememberedRequest.objects.exists()


def test_a_refused_create_is_not_remembered_so_the_corrected_one_may_reuse_the_key(
    as_alice: Any,
) -> None:
    blank = as_alice(
        "POST",
        "/api/v1/goals",
        payload={**GOAL, "due_date": (TODAY - timedelta(days=30)).isoformat()},
        headers=keyed("k1"),
    )
    assert blank.status == 422
    corrected = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("k1"))
    assert corrected.status == 201
    assert "Idempotent-Replayed" not in corrected.headers
    assert Goal.objects.count() == 1


def test_keys_are_forgotten_after_24_hours(as_alice: Any) -> None:
    as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("k1"))
    RememberedRequest.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))
    later = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed("k1"))
    assert later.status == 201
    assert "Idempotent-Replayed" not in later.headers
    assert Goal.objects.count() == 2
    assert RememberedRequest.objects.count() == 1  # the old one was cleared by this write


@pytest.mark.parametrize("key", ["", "x" * 256, "two words"])
def test_a_malformed_key_is_refused_with_a_message(as_alice: Any, key: str) -> None:
    response = as_alice("POST", "/api/v1/goals", payload=GOAL, headers=keyed(key))
    assert response.status == 422
    assert "Idempotency-Key must be 1 to 255 visible ASCII characters" in response.body["detail"]
    assert not Goal.objects.exists()


def test_without_a_key_each_create_is_new(as_alice: Any) -> None:
    as_alice("POST", "/api/v1/goals", payload=GOAL)
    as_alice("POST", "/api/v1/goals", payload=GOAL)
    assert Goal.objects.count() == 2
    assert not RememberedRequest.objects.exists()


def test_copies_of_one_request_sent_at_once_create_one_check_in(
    live_server: Any, alice: User, token_for: Tokens
) -> None:
    goal = goal_of(alice)
    token = token_for(alice)
    copies = 4
    start = threading.Barrier(copies)
    answers: list[ApiResponse] = []

    def send() -> None:
        start.wait()
        answers.append(
            call(
                live_server.url,
                "POST",
                f"/api/v1/goals/{goal.pk}/checkins",
                token=token,
                payload={"value": 4, "confidence": 3, "note": "sent at once"},
                headers=keyed("same-moment"),
            )
        )

    threads = [threading.Thread(target=send) for _ in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [a.status for a in answers] == [201] * copies, [a.body for a in answers]
    assert CheckIn.objects.filter(goal=goal).count() == 1
    assert len({a.body["id"] for a in answers}) == 1
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == copies - 1


def test_the_openapi_document_offers_the_key_on_every_create(api: Api) -> None:
    paths = api("GET", "/api/v1/openapi.json").body["paths"]
    for _, path, _, _ in CREATES:
        operation = paths[path.replace("{goal}", "{goal_id}")]["post"]
        headers = [p for p in operation["parameters"] if p["in"] == "header"]
        assert [h["name"] for h in headers] == ["Idempotency-Key"]
        assert "Idempotent-Replayed" in operation["responses"]["201"]["headers"]

"""POST /api/v1/smart/check over real HTTP: the SMART.md shape, context, JSON errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stepwise.people.models import User
from tests.api.conftest import ApiResponse

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]
CRITERIA = {"specific", "measurable", "achievable", "relevant", "time_bound"}


def test_check_returns_the_stable_shape(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    response = api(
        "POST",
        "/api/v1/smart/check",
        token=token_for(alice),
        payload={
            "text": "Publish a competitor teardown of 5 rivals by end of Q1 for the team",
            "context": {"today": "2026-11-22"},
        },
    )
    assert response.status == 200
    body = response.body
    assert set(body) == {"text", "criteria", "score", "rewrite"}
    assert set(body["criteria"]) == CRITERIA
    for name, verdict in body["criteria"].items():
        assert {"passed", "reason", "suggestion"} <= set(verdict)
        assert verdict["suggestion"] is None or not verdict["passed"], name
    assert body["criteria"]["time_bound"]["deadline"] == "2027-03-31"
    assert body["score"] == sum(v["passed"] for v in body["criteria"].values())


def test_context_can_make_a_goal_time_bound_and_relevant(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    text = "Run 6 customer interviews"
    bare = api("POST", "/api/v1/smart/check", token=token_for(alice), payload={"text": text}).body
    assert not bare["criteria"]["time_bound"]["passed"]
    with_context = api(
        "POST",
        "/api/v1/smart/check",
        token=token_for(alice),
        payload={
            "text": text,
            "context": {
                "today": "2026-11-22",
                "due_date": "2027-02-01",
                "linked_competencies": ["customer-insight"],
                "competency_gap": True,
            },
        },
    ).body
    assert with_context["criteria"]["time_bound"]["passed"]
    assert with_context["criteria"]["time_bound"]["deadline"] == "2027-02-01"
    assert with_context["criteria"]["relevant"]["passed"]


@pytest.mark.parametrize(
    "payload",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "x" * 2001},
        {},
        {"text": 42},
        {"text": "Ship it", "context": {"fiscal_year_start_month": 13}},
        {"text": "Ship it", "context": {"today": "not a date"}},
    ],
)
def test_bad_input_is_a_json_422(api: Api, alice: User, token_for, payload: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    response = api("POST", "/api/v1/smart/check", token=token_for(alice), payload=payload)
    assert response.status == 422
    assert response.body["detail"]


def test_malformed_json_is_a_json_4xx(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    response = api("POST", "/api/v1/smart/check", token=token_for(alice), raw=b'{"text": ')
    assert 400 <= response.status < 500
    assert response.body["detail"]


def test_check_needs_credentials(api: Api) -> None:
    assert api("POST", "/api/v1/smart/check", payload={"text": "Ship it"}).status == 401


def test_openapi_documents_the_check_and_its_errors(api: Api) -> None:
    operation = api("GET", "/api/v1/openapi.json").body["paths"]["/api/v1/smart/check"]["post"]
    assert {"200", "401", "422"} <= set(operation["responses"])

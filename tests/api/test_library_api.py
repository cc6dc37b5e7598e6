"""The goal library over real HTTP: search, one template, and the errors each answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from stepwise.goals.library.catalogue import load_library, template_by_key
from stepwise.people.models import User
from tests.api.conftest import ApiResponse

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]
Tokens = Callable[[User], str]
TEARDOWNS = "competitor-teardowns"


@pytest.fixture
def as_alice(api: Api, alice: User, token_for: Tokens) -> Callable[..., ApiResponse]:
    token = token_for(alice)
    return lambda path: api("GET", path, token=token)


def test_search_ranks_the_best_match_first_resolved_for_the_caller(
    as_alice: Any, alice: User
) -> None:
    response = as_alice("/api/v1/library?q=research%20competitors")
    assert response.status == 200, response.body
    body = response.body
    assert body["count"] >= 1 and body["suggestions"] == []
    first = body["items"][0]
    assert first["key"] == TEARDOWNS
    assert "{manager}" in first["title"] or "{team}" in first["title"]
    assert "Bob" in first["resolved_title"] and "Checkout" in first["resolved_title"]
    assert "market-research" in first["competencies"] and "pm" in first["levels"]
    assert first["metric"] == {"kind": "number", "unit": "teardowns", "baseline": 0, "target": 3}
    assert first["score"] > 0
    template = template_by_key(TEARDOWNS)
    assert template is not None
    assert first["weeks"] == template.weeks
    assert first["due_date"] == (alice.today() + timedelta(weeks=template.weeks)).isoformat()
    assert len(first["steps"]) == len(template.steps)
    assert "Bob" in first["steps"][0]["resolved_title"]
    assert first["keywords"] == list(template.keywords)
    assert set(first) >= {"why", "category", "hours_per_week"}


def test_search_is_paginated_by_limit_and_offset(as_alice: Any) -> None:
    total = len(load_library())
    first = as_alice("/api/v1/library?limit=5").body
    second = as_alice("/api/v1/library?limit=5&offset=5").body
    assert first["count"] == second["count"] == total
    assert len(first["items"]) == len(second["items"]) == 5
    assert not {i["key"] for i in first["items"]} & {i["key"] for i in second["items"]}
    past_the_end = as_alice(f"/api/v1/library?offset={total}").body
    assert past_the_end["items"] == [] and past_the_end["count"] == total


def test_filters_and_typo_suggestions(as_alice: Any) -> None:
    data = as_alice("/api/v1/library?competency=data&level=senior_pm&limit=100").body
    assert data["items"]
    assert all("data" in i["competencies"] and "senior_pm" in i["levels"] for i in data["items"])
    typo = as_alice("/api/v1/library?q=stakehodler").body
    assert typo["suggestions"] == ["stakeholder"]
    assert typo["items"]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("competency=juggling", "competency"),
        ("level=intern", "level"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_filters_are_a_422_that_says_why(as_alice: Any, query: str, word: str) -> None:
    response = as_alice(f"/api/v1/library?{query}")
    assert response.status == 422, response.body
    assert word in str(response.body["detail"])


def test_unknown_filter_names_the_values_that_exist(as_alice: Any) -> None:
    detail = as_alice("/api/v1/library?competency=juggling").body["detail"]
    assert "'juggling'" in detail and "market-research" in detail


def test_one_template_and_a_json_404(as_alice: Any) -> None:
    one = as_alice(f"/api/v1/library/{TEARDOWNS}")
    assert one.status == 200
    assert one.body["key"] == TEARDOWNS and one.body["score"] is None
    assert "Bob" in one.body["resolved_title"]
    missing = as_alice("/api/v1/library/no-such-goal")
    assert missing.status == 404
    assert missing.headers["Content-Type"].startswith("application/json")
    assert "no-such-goal" in missing.body["detail"]


def test_each_person_reads_the_library_with_their_own_names(
    api: Api, eve: User, token_for: Tokens
) -> None:
    body = api("GET", f"/api/v1/library/{TEARDOWNS}", token=token_for(eve)).body
    assert "Carol" in body["resolved_title"] and "Discovery" in body["resolved_title"]


@pytest.mark.parametrize("path", ["/api/v1/library", f"/api/v1/library/{TEARDOWNS}"])
def test_without_a_token_it_is_a_401(api: Api, path: str) -> None:
    response = api("GET", path)
    assert response.status == 401
    assert "detail" in response.body
    assert api("GET", path, token="sw_not-a-token").status == 401


def test_openapi_declares_the_errors_each_library_operation_answers(api: Api) -> None:
    paths = api("GET", "/api/v1/openapi.json").body["paths"]
    expected = {
        "/api/v1/library": {"200", "401", "422"},
        "/api/v1/library/{key}": {"200", "401", "404", "422"},
    }
    for path, codes in expected.items():
        operation = paths[path]["get"]
        assert set(operation["responses"]) == codes, path
        assert operation["tags"] == ["goal library"]
    parameters = {p["name"] for p in paths["/api/v1/library"]["get"]["parameters"]}
    assert parameters == {"q", "competency", "level", "limit", "offset"}

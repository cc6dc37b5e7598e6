"""Evidence links through the API: web links (http or https) only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from stepwise.goals.models import Goal, Visibility
from stepwise.people.models import User
from tests.api.conftest import ApiResponse
from tests.conftest import active_goal
from tests.goals.test_evidence_links import HOSTILE, still_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(alice: User) -> Goal:
    return active_goal(alice, title="Run 10 customer interviews", visibility=Visibility.MANAGER)


@pytest.mark.parametrize("link", HOSTILE)
def test_completing_a_goal_through_the_api_refuses_a_link_that_is_not_http(
    link: str, goal: Goal, alice: User, api: Any, token_for: Callable[[User], str]
) -> None:
    response: ApiResponse = api(
        "POST",
        f"/api/v1/goals/{goal.pk}/complete",
        token=token_for(alice),
        payload={"outcome": "Ran them all", "evidence_links": [link]},
    )
    assert response.status == 422, response.body
    assert "web link" in str(response.body["detail"])
    assert still_open(goal)

"""Values no one can plan with (year 1, lone surrogates, ids beyond the database) are refused
at every door with a message, and a stored one no longer takes pages down."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from stepwise.goals import actions
from stepwise.goals.models import CheckIn, Goal, GoalEvent, Step
from stepwise.goals.progress import CheckInPoint, GoalFacts, MetricKind, assess
from stepwise.people.models import User
from tests.goals.conftest import day

HUGE_IDS = [2**63, 10**30, 99999999999999999999]


def api_client(person: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


def post_json(client: Client, path: str, body: Any, *, raw: str | None = None) -> Any:
    data = raw if raw is not None else json.dumps(body)
    return client.post(path, data=data, content_type="application/json")


def counts() -> tuple[int, int, int, int]:
    return (
        Goal.objects.count(),
        Step.objects.count(),
        CheckIn.objects.count(),
        GoalEvent.objects.count(),
    )


# ---- dates ---------------------------------------------------------------------------------


def test_a_checkin_stored_in_year_one_no_longer_takes_pages_down(
    alice: User, bob: User, shared_goal: Goal, client_for: Callable[[User], Client]
) -> None:
    """Written before the check existed (or by hand in the database): the goal page, the API
    list and the dashboard still answer for everyone who can see the goal."""
    CheckIn.objects.create(
        goal=shared_goal, author=alice, value=Decimal(1), confidence=3, on=date(1, 1, 1)
    )
    CheckIn.objects.create(
        goal=shared_goal, author=alice, value=Decimal(2), confidence=3, on=date(9999, 12, 31)
    )
    for person in (alice, bob):
        client = client_for(person)
        client.raise_request_exception = False
        for path in (f"/goals/{shared_goal.pk}/", "/api/v1/goals", "/"):
            assert client.get(path).status_code == 200, (person, path)


@pytest.mark.parametrize("on", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_a_checkin_outside_the_planning_window_is_refused_by_page_and_api(
    alice: User, shared_goal: Goal, on: str
) -> None:
    client = api_client(alice)
    before = counts()
    page = client.post(
        f"/goals/{shared_goal.pk}/checkins/", {"value": "3", "confidence": "3", "on": on}
    )
    assert page.status_code == 422
    assert "Pick a date between 2000 and 2100" in page.content.decode()
    answer = post_json(
        client, f"/api/v1/goals/{shared_goal.pk}/checkins", {"value": 3, "confidence": 3, "on": on}
    )
    assert answer.status_code == 422, answer.content
    assert counts() == before


def test_a_checkin_before_the_goal_starts_is_refused(alice: User, shared_goal: Goal) -> None:
    before_start = (shared_goal.start_date - timedelta(days=1)).isoformat()
    answer = post_json(
        api_client(alice),
        f"/api/v1/goals/{shared_goal.pk}/checkins",
        {"value": 3, "confidence": 3, "on": before_start},
    )
    assert answer.status_code == 422
    assert answer.json()["fields"] == {"on": ["A check-in cannot be dated before the goal starts."]}
    assert not shared_goal.checkins.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"due_date": "9999-12-31"}, "due_date"),
        ({"start_date": "2101-01-01"}, "start_date"),
    ],
)
def test_goal_dates_outside_the_window_are_refused_by_the_api(
    alice: User, fields: dict[str, str], field: str
) -> None:
    answer = post_json(api_client(alice), "/api/v1/goals", {"title": "Run 5 interviews", **fields})
    assert answer.status_code == 422
    assert field in json.dumps(answer.json()["detail"])
    assert not Goal.objects.exists()


def test_the_edit_page_refuses_a_start_in_year_one_and_keeps_the_goal(
    alice: User, shared_goal: Goal
) -> None:
    client = api_client(alice)
    page = client.get(f"/goals/{shared_goal.pk}/edit/")
    form = {
        name: value
        for name, value in page.context["form"].initial.items()
        if value is not None and not isinstance(value, bool)
    }
    answer = client.post(f"/goals/{shared_goal.pk}/edit/", {**form, "start_date": "0001-01-01"})
    assert answer.status_code in (200, 422)
    assert "Pick a date between 2000 and 2100" in answer.content.decode()
    shared_goal.refresh_from_db()
    assert shared_goal.start_date == day(-30)


def test_a_step_cannot_be_done_or_due_outside_the_window(alice: User, shared_goal: Goal) -> None:
    step = actions.do_add_step(goal=shared_goal, actor=alice, title="Book interviews")
    client = api_client(alice)
    done = post_json(client, f"/api/v1/steps/{step.pk}/done", {"done_on": "0001-01-01"})
    assert done.status_code == 422
    with pytest.raises(actions.ValidationError):
        actions.do_add_step(goal=shared_goal, actor=alice, title="Later", due_date=date(9999, 1, 1))
    step.refresh_from_db()
    assert step.done_on is None and shared_goal.steps.count() == 1


@settings(max_examples=200, deadline=None, database=None)
@given(
    start=st.dates(),
    points=st.lists(st.tuples(st.dates(), st.integers(-10, 200)), max_size=4),
    today=st.dates(),
)
def test_progress_maths_answers_for_any_calendar_date(
    start: date, points: list[tuple[date, int]], today: date
) -> None:
    facts = GoalFacts(
        kind=MetricKind.NUMBER,
        start=start,
        due=None,
        baseline=0.0,
        target=100.0,
        current=None,
        steps=(),
        checkins=tuple(
            CheckInPoint(on=on, value=float(value), confidence=3)
            for on, value in sorted(points, reverse=True)
        ),
        completed=False,
    )
    assess(facts, today)


# ---- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["lone \ud800 surrogate", "nul \x00 byte"])
def test_actions_refuse_text_the_database_cannot_store(
    alice: User, shared_goal: Goal, text: str
) -> None:
    """The guard for what the CLI passes (a command line can carry invalid bytes)."""
    before = counts()
    with pytest.raises(actions.ValidationError) as refused:
        actions.do_record_checkin(
            goal=shared_goal, author=alice, value=Decimal(2), confidence=3, note=text
        )
    assert "note" in refused.value.message_dict
    with pytest.raises(actions.ValidationError):
        actions.do_update_goal(goal=shared_goal, actor=alice, why=text)
    with pytest.raises(actions.ValidationError):
        actions.do_drop_goal(goal=shared_goal, actor=alice, reason=text)
    assert counts() == before


@pytest.mark.parametrize("body", ['"interview customers"', "[1, 2]", "42", "null", "true"])
def test_a_body_that_is_not_a_json_object_is_422_and_makes_no_goal(alice: User, body: str) -> None:
    answer = post_json(api_client(alice), "/api/v1/goals", None, raw=body)
    assert answer.status_code == 422, answer.content
    assert not Goal.objects.exists()


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_a_blank_title_is_refused_by_the_api_as_on_the_web(alice: User, title: str) -> None:
    client = api_client(alice)
    assert post_json(client, "/api/v1/goals", {"title": title}).status_code == 422
    goal = actions.do_create_goal(owner=alice, title="Run 5 interviews")
    patch = client.patch(
        f"/api/v1/goals/{goal.pk}",
        data=json.dumps({"version": goal.version, "title": title}),
        content_type="application/json",
    )
    assert patch.status_code == 422
    goal.refresh_from_db()
    assert goal.title == "Run 5 interviews" and Goal.objects.count() == 1


def test_malformed_json_is_a_400_the_document_promises(alice: User) -> None:
    client = api_client(alice)
    answer = post_json(client, "/api/v1/goals", None, raw='{"title": ')
    assert answer.status_code == 400
    assert "detail" in answer.json()
    document = client.get("/api/v1/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if "requestBody" in operation:
                assert "400" in operation["responses"], (method, path)


def test_the_document_states_the_decimal_places_of_amounts(alice: User) -> None:
    document = api_client(alice).get("/api/v1/openapi.json").json()
    goal_in = document["components"]["schemas"]["GoalIn"]["properties"]
    target = next(part for part in goal_in["target"]["anyOf"] if part.get("type") == "number")
    assert target["multipleOf"] == 0.01
    assert goal_in["weekly_effort_hours"]["multipleOf"] == 0.1


# ---- numbers and ids -----------------------------------------------------------------------


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_ids_beyond_the_database_are_404_at_every_path(
    alice: User, shared_goal: Goal, huge: int
) -> None:
    client = api_client(alice)
    for path in (
        f"/goals/{huge}/",
        f"/goals/{huge}/edit/",
        f"/goals/steps/{huge}/edit/",
        f"/api/v1/goals/{huge}",
        f"/api/v1/goals/{huge}/steps",
        f"/api/v1/steps/{huge}/done",
        f"/api/v1/checkins/{huge}",
    ):
        answer = post_json(client, path, {}) if path.endswith("done") else client.get(path)
        assert answer.status_code in (404, 405), path


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_a_step_waiting_for_an_id_beyond_the_database_is_refused(
    alice: User, shared_goal: Goal, huge: int
) -> None:
    client = api_client(alice)
    actions.do_add_step(goal=shared_goal, actor=alice, title="Book interviews")
    before = counts()
    answer = post_json(
        client, f"/api/v1/goals/{shared_goal.pk}/steps", {"title": "Run", "depends_on": [huge]}
    )
    assert answer.status_code == 422
    page = client.post(
        f"/goals/{shared_goal.pk}/steps/",
        {"title": "Run", "effort_hours": "1", "depends_on": [str(huge)]},
    )
    assert page.status_code in (200, 422)
    assert "Select a valid choice" in page.content.decode()
    assert counts() == before


@pytest.mark.parametrize("query", [f"page={2**63}", f"page_size={10**30}", f"owner={10**30}"])
def test_huge_numbers_in_a_query_string_are_422(alice: User, query: str) -> None:
    assert api_client(alice).get(f"/api/v1/goals?{query}").status_code == 422

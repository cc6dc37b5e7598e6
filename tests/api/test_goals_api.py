"""Goals, steps and check-ins over real HTTP: every operation, its errors, and its outsiders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from stepwise.goals import actions
from stepwise.goals.models import CheckIn, Goal, GoalEvent, GoalStatus, Step, Visibility
from stepwise.people.models import User
from tests.api.conftest import ApiResponse

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]
Tokens = Callable[[User], str]
TODAY = timezone.localdate()


def make_goal(owner: User, **fields: Any) -> Goal:
    """An active goal from 0 to 10, started ten days ago and due in twenty."""
    values: dict[str, Any] = {
        "title": "Run 10 customer interviews",
        "baseline": Decimal(0),
        "target": Decimal(10),
        "start_date": TODAY - timedelta(days=10),
        "due_date": TODAY + timedelta(days=20),
        "status": GoalStatus.ACTIVE,
        **fields,
    }
    return actions.do_create_goal(owner=owner, **values)


@pytest.fixture
def as_alice(api: Api, alice: User, token_for: Tokens) -> Callable[..., ApiResponse]:
    token = token_for(alice)
    return lambda method, path, **kwargs: api(method, path, token=token, **kwargs)


def field_errors(response: ApiResponse) -> dict[str, str]:
    """422 bodies as {field: message}, from either the schema's list or an action's fields."""
    assert response.status == 422, response.body
    detail = response.body["detail"]
    if isinstance(detail, list):
        return {str(error["loc"][-1]): error["msg"] for error in detail}
    return {name: " ".join(messages) for name, messages in response.body["fields"].items()}


# ---- goals: create, read, change ----------------------------------------------------------


def test_create_a_goal_and_read_it_back_with_its_standing(as_alice: Any, alice: User) -> None:
    start, due = TODAY - timedelta(days=10), TODAY + timedelta(days=10)
    created = as_alice(
        "POST",
        "/api/v1/goals",
        payload={
            "title": "Run 12 customer interviews",
            "why": "to ground the roadmap in evidence",
            "category": "skill",
            "metric_kind": "number",
            "metric_unit": "interviews",
            "baseline": 0,
            "target": 12,
            "start_date": start.isoformat(),
            "due_date": due.isoformat(),
            "weekly_effort_hours": 2.5,
            "visibility": "team",
            "status": "active",
        },
    )
    assert created.status == 201, created.body
    goal = Goal.objects.get(pk=created.body["id"])
    assert goal.owner == alice and goal.status == GoalStatus.ACTIVE
    assert goal.current == Decimal(0) and goal.target == Decimal(12)
    assert goal.events.get().kind == GoalEvent.Kind.CREATED

    body = as_alice("GET", f"/api/v1/goals/{goal.pk}").body
    assert body["title"] == "Run 12 customer interviews"
    assert body["owner"] == {"id": alice.pk, "username": "alice", "name": alice.name}
    assert body["target"] == 12 and body["weekly_effort_hours"] == 2.5
    assert body["start_date"] == start.isoformat() and body["due_date"] == due.isoformat()
    assert body["version"] == 1 and body["can_change"] is True
    standing = body["standing"]
    assert standing["status"] == "behind"
    assert standing["progress"] == 0 and standing["expected"] == 50
    assert "behind plan" in standing["reason"]
    assert standing["forecast"] is None
    assert body["steps"] == {"total": 0, "done": 0}
    assert body["checkins"]["total"] == 0 and body["checkins"]["latest_on"] is None


def test_a_new_goal_is_a_draft_unless_asked_otherwise(as_alice: Any) -> None:
    created = as_alice("POST", "/api/v1/goals", payload={"title": "Learn SQL window functions"})
    assert created.status == 201
    assert created.body["status"] == "draft"
    assert created.body["start_date"] == TODAY.isoformat()
    refused = as_alice(
        "POST", "/api/v1/goals", payload={"title": "Ship pricing", "status": "completed"}
    )
    assert "status" in field_errors(refused)


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"description": "no title"}, "title", "Field required"),
        ({"title": ""}, "title", "at least 1 character"),
        (
            {"title": "Ship it", "start_date": "2026-05-01", "due_date": "2026-04-01"},
            "due_date",
            "cannot come before the start date",
        ),
        ({"title": "Ship it", "category": "hobby"}, "category", "Input should be"),
        ({"title": "Ship it", "weekly_effort_hours": 50}, "weekly_effort_hours", "less than"),
        ({"title": "Ship it", "status": "active"}, "target", "needs a target"),
        (
            {"title": "Ship it", "metric_kind": "percentage", "target": 120},
            "target",
            "between 0 and 100",
        ),
    ],
)
def test_bad_goal_input_is_422_with_a_message_on_the_field(
    as_alice: Any, payload: dict[str, Any], field: str, message: str
) -> None:
    response = as_alice("POST", "/api/v1/goals", payload=payload)
    errors = field_errors(response)
    assert message in errors[field], errors
    assert not Goal.objects.exists()


def test_patch_changes_only_what_is_sent_and_keeps_the_history(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice, why="to learn what buyers need")
    response = as_alice(
        "PATCH",
        f"/api/v1/goals/{goal.pk}",
        payload={
            "version": 1,
            "title": "Run 15 customer interviews",
            "target": 15,
            "reason": "more",
        },
    )
    assert response.status == 200, response.body
    assert response.body["version"] == 2 and response.body["target"] == 15
    goal.refresh_from_db()
    assert goal.title == "Run 15 customer interviews"
    assert goal.why == "to learn what buyers need"
    event = goal.events.filter(kind=GoalEvent.Kind.CHANGED).get()
    assert event.changes["target"] == ["10", "15"] and event.reason == "more"
    cleared = as_alice(
        "PATCH", f"/api/v1/goals/{goal.pk}", payload={"version": 2, "due_date": None}
    )
    assert cleared.status == 200 and cleared.body["due_date"] is None


def test_a_stale_patch_is_409_and_changes_nothing(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    actions.do_update_goal(goal=goal, actor=alice, expected_version=1, title="Newer title")
    response = as_alice(
        "PATCH", f"/api/v1/goals/{goal.pk}", payload={"version": 1, "title": "Older edit"}
    )
    assert response.status == 409
    assert "changed elsewhere" in response.body["detail"]
    goal.refresh_from_db()
    assert goal.title == "Newer title" and goal.version == 2
    assert goal.events.filter(kind=GoalEvent.Kind.CHANGED).count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "No version"}, "version"),
        ({"version": 1, "title": None}, "title"),
        ({"version": 1, "priority": 9}, "priority"),
        ({"version": 1, "start_date": "2026-05-01", "due_date": "2026-04-01"}, "due_date"),
    ],
)
def test_bad_patches_are_422_and_change_nothing(
    as_alice: Any, alice: User, payload: dict[str, Any], field: str
) -> None:
    goal = make_goal(alice)
    assert field in field_errors(as_alice("PATCH", f"/api/v1/goals/{goal.pk}", payload=payload))
    goal.refresh_from_db()
    assert goal.version == 1 and goal.title == "Run 10 customer interviews"


def test_complete_a_goal_with_outcome_and_evidence(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    refused = as_alice("POST", f"/api/v1/goals/{goal.pk}/complete", payload={"outcome": ""})
    assert "outcome" in field_errors(refused)
    response = as_alice(
        "POST",
        f"/api/v1/goals/{goal.pk}/complete",
        payload={
            "outcome": "Ran 11 interviews; two changed the Q3 roadmap",
            "evidence": "Synthesis doc",
            "evidence_links": ["https://example.com/synthesis", "https://example.com/notes"],
            "version": 1,
        },
    )
    assert response.status == 200, response.body
    body = response.body
    assert body["status"] == "completed" and body["closed_on"] == TODAY.isoformat()
    assert body["evidence_links"] == ["https://example.com/synthesis", "https://example.com/notes"]
    assert body["standing"]["status"] == "done"
    goal.refresh_from_db()
    assert goal.outcome.startswith("Ran 11") and goal.status == GoalStatus.COMPLETED


def test_drop_a_goal_needs_a_reason(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    assert "reason" in field_errors(
        as_alice("POST", f"/api/v1/goals/{goal.pk}/drop", payload={"reason": ""})
    )
    response = as_alice(
        "POST", f"/api/v1/goals/{goal.pk}/drop", payload={"reason": "Team reorganised"}
    )
    assert response.status == 200
    goal.refresh_from_db()
    assert goal.status == GoalStatus.DROPPED and goal.drop_reason == "Team reorganised"


def test_status_moves_activate_pause_and_refuse_the_impossible(as_alice: Any, alice: User) -> None:
    draft = actions.do_create_goal(owner=alice, title="Mentor a new PM", metric_kind="yes_no")
    path = f"/api/v1/goals/{draft.pk}/status"
    refused = as_alice("POST", path, payload={"status": "paused"})
    assert "cannot become paused" in field_errors(refused)["status"]
    assert as_alice("POST", path, payload={"status": "active"}).body["status"] == "active"
    paused = as_alice("POST", path, payload={"status": "paused", "reason": "Parental leave"})
    assert paused.status == 200 and paused.body["status"] == "paused"
    assert "status" in field_errors(as_alice("POST", path, payload={"status": "completed"}))
    stale = as_alice("POST", path, payload={"status": "active", "version": 1})
    assert stale.status == 409
    draft.refresh_from_db()
    assert draft.status == GoalStatus.PAUSED


def test_delete_moves_to_the_trash_and_restore_brings_it_back(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    deleted = as_alice("DELETE", f"/api/v1/goals/{goal.pk}")
    assert deleted.status == 204 and deleted.body == b""
    assert as_alice("GET", f"/api/v1/goals/{goal.pk}").status == 404
    assert as_alice("GET", "/api/v1/goals").body["count"] == 0
    trash = as_alice("GET", "/api/v1/goals/trash").body
    assert trash["count"] == 1
    assert trash["items"][0]["id"] == goal.pk and trash["items"][0]["can_restore"] is True
    restored = as_alice("POST", f"/api/v1/goals/{goal.pk}/restore")
    assert restored.status == 200 and restored.body["id"] == goal.pk
    assert as_alice("GET", f"/api/v1/goals/{goal.pk}").status == 200
    assert as_alice("GET", "/api/v1/goals/trash").body["count"] == 0
    assert as_alice("POST", f"/api/v1/goals/{goal.pk}/restore").status == 404
    kinds = list(goal.events.values_list("kind", flat=True))
    assert GoalEvent.Kind.TRASHED in kinds and GoalEvent.Kind.RESTORED in kinds


def test_a_goal_in_the_trash_too_long_cannot_be_restored(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    Goal.objects.filter(pk=goal.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    response = as_alice("POST", f"/api/v1/goals/{goal.pk}/restore")
    assert response.status == 422
    assert "30 days" in response.body["detail"]


# ---- steps ---------------------------------------------------------------------------------


def test_steps_add_list_change_complete_reopen_and_delete(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice, metric_kind="steps", baseline=None, target=None)
    path = f"/api/v1/goals/{goal.pk}/steps"
    first = as_alice("POST", path, payload={"title": "Write the interview guide"})
    assert first.status == 201, first.body
    second = as_alice(
        "POST",
        path,
        payload={
            "title": "Book five interviews",
            "due_date": (TODAY + timedelta(days=5)).isoformat(),
            "effort_hours": 3,
            "depends_on": [first.body["id"]],
        },
    )
    assert second.status == 201
    assert second.body["depends_on"] == [first.body["id"]] and second.body["position"] == 2
    listed = as_alice("GET", path).body
    assert listed["count"] == 2
    assert [s["title"] for s in listed["items"]] == [
        "Write the interview guide",
        "Book five interviews",
    ]

    step_path = f"/api/v1/steps/{first.body['id']}"
    changed = as_alice("PATCH", step_path, payload={"version": 1, "title": "Write the guide"})
    assert changed.status == 200 and changed.body["version"] == 2
    stale = as_alice("PATCH", step_path, payload={"version": 1, "title": "Lost edit"})
    assert stale.status == 409
    assert Step.objects.get(pk=first.body["id"]).title == "Write the guide"

    done = as_alice("POST", f"{step_path}/done", payload={"evidence": "Guide v1"})
    assert done.status == 200 and done.body["done_on"] == TODAY.isoformat()
    future = (TODAY + timedelta(days=1)).isoformat()
    assert "done_on" in field_errors(
        as_alice("POST", f"{step_path}/done", payload={"done_on": future})
    )
    assert as_alice("GET", f"/api/v1/goals/{goal.pk}").body["steps"] == {"total": 2, "done": 1}
    reopened = as_alice("POST", f"{step_path}/reopen", payload={"reason": "Needs a rewrite"})
    assert reopened.status == 200 and reopened.body["done_on"] is None

    assert as_alice("DELETE", step_path).status == 204
    assert as_alice("GET", path).body["count"] == 1
    assert as_alice("PATCH", step_path, payload={"version": 4, "title": "Gone"}).status == 404
    assert Step.objects.get(pk=second.body["id"]).depends_on.count() == 0


def test_a_step_can_only_wait_on_steps_of_its_own_goal(as_alice: Any, alice: User) -> None:
    goal, other = make_goal(alice), make_goal(alice, title="Another goal")
    elsewhere = actions.do_add_step(goal=other, actor=alice, title="Elsewhere")
    response = as_alice(
        "POST",
        f"/api/v1/goals/{goal.pk}/steps",
        payload={"title": "Waits on another goal", "depends_on": [elsewhere.pk]},
    )
    assert "depends_on" in field_errors(response)
    assert not goal.steps.exists()
    first = actions.do_add_step(goal=goal, actor=alice, title="First")
    second = actions.do_add_step(goal=goal, actor=alice, title="Second", depends_on=[first])
    circle = as_alice(
        "PATCH", f"/api/v1/steps/{first.pk}", payload={"version": 1, "depends_on": [second.pk]}
    )
    assert "circle" in field_errors(circle)["depends_on"]


# ---- check-ins -----------------------------------------------------------------------------


def test_check_in_moves_the_goal_and_lists_newest_first(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    path = f"/api/v1/goals/{goal.pk}/checkins"
    earlier = (TODAY - timedelta(days=3)).isoformat()
    first = as_alice("POST", path, payload={"value": 2, "confidence": 4, "on": earlier})
    assert first.status == 201, first.body
    second = as_alice(
        "POST",
        path,
        payload={"value": 5.5, "confidence": 3, "note": "Five done", "blockers": "Recruiting"},
    )
    assert second.status == 201
    assert second.body["value"] == 5.5 and second.body["author"]["username"] == "alice"
    goal.refresh_from_db()
    assert goal.current == Decimal("5.5")
    listed = as_alice("GET", path).body
    assert listed["count"] == 2
    assert [c["on"] for c in listed["items"]] == [TODAY.isoformat(), earlier]
    body = as_alice("GET", f"/api/v1/goals/{goal.pk}").body
    assert body["current"] == 5.5 and body["standing"]["progress"] == 55
    assert body["checkins"] == {
        "total": 2,
        "latest_on": TODAY.isoformat(),
        "latest_value": 5.5,
        "latest_confidence": 3,
    }


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"value": 4, "confidence": 7}, "confidence"),
        ({"value": 4, "confidence": 0}, "confidence"),
        ({"confidence": 3}, "value"),
        ({"value": "lots", "confidence": 3}, "value"),
        ({"value": 4, "confidence": 3, "on": "2999-01-01"}, "on"),
    ],
)
def test_bad_check_ins_are_422_and_record_nothing(
    as_alice: Any, alice: User, payload: dict[str, Any], field: str
) -> None:
    goal = make_goal(alice)
    response = as_alice("POST", f"/api/v1/goals/{goal.pk}/checkins", payload=payload)
    assert field in field_errors(response)
    assert not CheckIn.objects.exists()


def test_correct_a_check_in_with_reason_and_version(as_alice: Any, alice: User) -> None:
    goal = make_goal(alice)
    checkin = actions.do_record_checkin(goal=goal, author=alice, value=Decimal(4), confidence=3)
    path = f"/api/v1/checkins/{checkin.pk}"
    assert "reason" in field_errors(as_alice("PATCH", path, payload={"version": 1, "value": 3}))
    assert "version" in field_errors(as_alice("PATCH", path, payload={"reason": "x", "value": 3}))
    corrected = as_alice(
        "PATCH", path, payload={"version": 1, "value": 3, "reason": "Counted one twice"}
    )
    assert corrected.status == 200, corrected.body
    assert corrected.body["value"] == 3 and corrected.body["version"] == 2
    goal.refresh_from_db()
    assert goal.current == Decimal(3)
    event = goal.events.get(kind=GoalEvent.Kind.CHECKIN_CORRECTED)
    assert event.changes["value"] == ["4", "3"] and event.reason == "Counted one twice"
    stale = as_alice("PATCH", path, payload={"version": 1, "value": 9, "reason": "Again"})
    assert stale.status == 409
    checkin.refresh_from_db()
    assert checkin.value == Decimal(3)


# ---- lists ---------------------------------------------------------------------------------


def test_goal_list_is_paginated_and_filtered_by_status(as_alice: Any, alice: User) -> None:
    for number in range(23):
        make_goal(alice, title=f"Goal {number:02d}")
    actions.do_create_goal(owner=alice, title="A draft")
    first = as_alice("GET", "/api/v1/goals").body
    assert first["count"] == 24 and len(first["items"]) == 20
    second = as_alice("GET", "/api/v1/goals?page=2").body
    assert len(second["items"]) == 4
    seen = {g["id"] for g in first["items"]} | {g["id"] for g in second["items"]}
    assert len(seen) == 24
    small = as_alice("GET", "/api/v1/goals?page_size=5&page=3").body
    assert len(small["items"]) == 5
    drafts = as_alice("GET", "/api/v1/goals?status=draft").body
    assert drafts["count"] == 1 and drafts["items"][0]["title"] == "A draft"
    assert as_alice("GET", "/api/v1/goals?status=active").body["count"] == 23
    assert as_alice("GET", "/api/v1/goals?status=paused").body["count"] == 0
    assert "status" in field_errors(as_alice("GET", "/api/v1/goals?status=finished"))
    assert "owner" in field_errors(as_alice("GET", "/api/v1/goals?owner=somebody"))
    assert "page" in field_errors(as_alice("GET", "/api/v1/goals?page=0"))


def test_owner_filter_separates_mine_from_my_reports(
    api: Api, token_for: Tokens, alice: User, bob: User
) -> None:
    shared = make_goal(alice, title="Alice's shared goal")
    own = make_goal(bob, title="Bob's own goal")
    token = token_for(bob)
    everything = api("GET", "/api/v1/goals", token=token).body
    assert {g["id"] for g in everything["items"]} == {shared.pk, own.pk}
    mine = api("GET", "/api/v1/goals?owner=me", token=token).body
    assert [g["id"] for g in mine["items"]] == [own.pk]
    hers = api("GET", f"/api/v1/goals?owner={alice.pk}", token=token).body
    assert [g["id"] for g in hers["items"]] == [shared.pk]
    assert hers["items"][0]["can_change"] is False


def test_lists_take_a_fixed_number_of_queries(
    alice: User, token_for: Tokens, django_assert_max_num_queries: Any
) -> None:
    for number in range(12):
        goal = make_goal(alice, title=f"Goal {number}")
        step = actions.do_add_step(goal=goal, actor=alice, title="Step")
        actions.do_add_step(goal=goal, actor=alice, title="Next", depends_on=[step])
        actions.do_record_checkin(goal=goal, author=alice, value=Decimal(2), confidence=4)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    for path in (
        "/api/v1/goals",
        f"/api/v1/goals/{goal.pk}/steps",
        f"/api/v1/goals/{goal.pk}/checkins",
        "/api/v1/goals/trash",
    ):
        with django_assert_max_num_queries(8):
            assert client.get(path).status_code == 200


# ---- outsiders at every door ---------------------------------------------------------------

CHANGES = [
    ("PATCH", "/api/v1/goals/{goal}", {"version": 1, "title": "Hijacked"}),
    ("POST", "/api/v1/goals/{goal}/complete", {"outcome": "Not mine to say"}),
    ("POST", "/api/v1/goals/{goal}/drop", {"reason": "Not mine to say"}),
    ("POST", "/api/v1/goals/{goal}/status", {"status": "paused"}),
    ("DELETE", "/api/v1/goals/{goal}", None),
    ("POST", "/api/v1/goals/{goal}/restore", None),
    ("POST", "/api/v1/goals/{goal}/steps", {"title": "Sneaky step"}),
    ("POST", "/api/v1/goals/{goal}/checkins", {"value": 9, "confidence": 5}),
    ("PATCH", "/api/v1/steps/{step}", {"version": 1, "title": "Hijacked"}),
    ("POST", "/api/v1/steps/{step}/done", {}),
    ("POST", "/api/v1/steps/{step}/reopen", {}),
    ("DELETE", "/api/v1/steps/{step}", None),
    ("PATCH", "/api/v1/checkins/{checkin}", {"version": 1, "value": 9, "reason": "Hijack"}),
]
READS = ["/api/v1/goals/{goal}", "/api/v1/goals/{goal}/steps", "/api/v1/goals/{goal}/checkins"]


@pytest.fixture
def shared_goal(alice: User) -> tuple[Goal, Step, CheckIn]:
    """alice's active goal shared with her manager, with a step and a check-in."""
    goal = make_goal(alice, title="Shared with my manager", visibility=Visibility.MANAGER)
    step = actions.do_add_step(goal=goal, actor=alice, title="A step")
    checkin = actions.do_record_checkin(goal=goal, author=alice, value=Decimal(3), confidence=4)
    return Goal.objects.get(pk=goal.pk), step, checkin


def _paths(template: str, shared: tuple[Goal, Step, CheckIn]) -> str:
    goal, step, checkin = shared
    return template.format(goal=goal.pk, step=step.pk, checkin=checkin.pk)


def _unchanged(shared: tuple[Goal, Step, CheckIn]) -> None:
    goal, step, checkin = shared
    fresh = Goal.objects.get(pk=goal.pk)
    assert (fresh.title, fresh.status, fresh.version, fresh.deleted_at) == (
        goal.title,
        goal.status,
        goal.version,
        None,
    )
    assert Step.objects.alive().get(pk=step.pk).version == step.version
    assert fresh.steps.count() == 1 and fresh.checkins.count() == 1
    assert CheckIn.objects.get(pk=checkin.pk).value == checkin.value


def test_without_a_token_every_goal_door_is_401(
    api: Api, shared_goal: tuple[Goal, Step, CheckIn]
) -> None:
    for path in [*READS, "/api/v1/goals", "/api/v1/goals/trash"]:
        assert api("GET", _paths(path, shared_goal)).status == 401, path
    for method, path, payload in CHANGES:
        assert api(method, _paths(path, shared_goal), payload=payload).status == 401, path
    _unchanged(shared_goal)


def test_eve_from_another_team_gets_404_at_every_door(
    api: Api, token_for: Tokens, eve: User, shared_goal: tuple[Goal, Step, CheckIn]
) -> None:
    token = token_for(eve)
    for path in READS:
        response = api("GET", _paths(path, shared_goal), token=token)
        assert response.status == 404, path
        assert "detail" in response.body
    for method, path, payload in CHANGES:
        response = api(method, _paths(path, shared_goal), token=token, payload=payload)
        assert response.status == 404, (method, path)
    assert api("GET", "/api/v1/goals", token=token).body["count"] == 0
    _unchanged(shared_goal)


def test_manager_reads_a_shared_goal_but_gets_404_changing_it(
    api: Api, token_for: Tokens, bob: User, shared_goal: tuple[Goal, Step, CheckIn]
) -> None:
    token = token_for(bob)
    for path in READS:
        assert api("GET", _paths(path, shared_goal), token=token).status == 200, path
    body = api("GET", _paths("/api/v1/goals/{goal}", shared_goal), token=token).body
    assert body["can_change"] is False and body["title"] == "Shared with my manager"
    for method, path, payload in CHANGES:
        response = api(method, _paths(path, shared_goal), token=token, payload=payload)
        assert response.status == 404, (method, path, response.body)
    _unchanged(shared_goal)


def test_teammate_sees_team_goals_but_not_manager_only_ones(
    api: Api, token_for: Tokens, alice: User, dan: User, shared_goal: tuple[Goal, Step, CheckIn]
) -> None:
    team_goal = make_goal(alice, title="For the team", visibility=Visibility.TEAM)
    token = token_for(dan)
    for path in READS:
        assert api("GET", _paths(path, shared_goal), token=token).status == 404, path
    assert api("GET", f"/api/v1/goals/{team_goal.pk}", token=token).status == 200
    listed = api("GET", "/api/v1/goals", token=token).body
    assert [g["id"] for g in listed["items"]] == [team_goal.pk]
    patch = {"version": 1, "title": "Hijacked"}
    response = api("PATCH", f"/api/v1/goals/{team_goal.pk}", token=token, payload=patch)
    assert response.status == 404


def test_nobody_sees_anothers_drafts_or_trash(
    api: Api, token_for: Tokens, alice: User, bob: User, dan: User
) -> None:
    draft = actions.do_create_goal(owner=alice, title="Half an idea", visibility="organisation")
    trashed = make_goal(alice, title="Thrown away", visibility=Visibility.ORGANISATION)
    actions.do_trash_goal(goal=trashed, actor=alice)
    for person in (bob, dan):
        token = token_for(person)
        assert api("GET", f"/api/v1/goals/{draft.pk}", token=token).status == 404
        assert api("GET", f"/api/v1/goals/{trashed.pk}", token=token).status == 404
        assert api("GET", "/api/v1/goals", token=token).body["count"] == 0
        assert api("GET", "/api/v1/goals/trash", token=token).body["count"] == 0
        assert api("POST", f"/api/v1/goals/{trashed.pk}/restore", token=token).status == 404
    assert Goal.objects.in_trash().get().pk == trashed.pk


def test_unknown_or_malformed_ids_are_json_errors_not_pages(as_alice: Any) -> None:
    for method, path in [
        ("GET", "/api/v1/goals/999999"),
        ("GET", "/api/v1/goals/99999999999999999999999"),
        ("POST", "/api/v1/steps/999999/done"),
        ("PATCH", "/api/v1/checkins/999999"),
    ]:
        payload = {"version": 1, "reason": "typo"} if method in ("POST", "PATCH") else None
        response = as_alice(method, path, payload=payload)
        assert response.status == 404, path
        assert "detail" in response.body
    malformed = as_alice("GET", "/api/v1/goals/abc")
    assert malformed.status == 422
    assert malformed.body["detail"][0]["loc"] == ["path", "goal_id"]


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("GET", "/api/v1/goals?owner=99999999999999999999999", None),
        ("GET", "/api/v1/goals?page=99999999999999999999", None),
        ("GET", "/api/v1/goals/trash?page=99999999999999999999", None),
        ("POST", "/api/v1/goals", {"title": "Null\x00byte"}),
        ("POST", "/api/v1/goals", {"title": "Huge", "baseline": 1e300}),
    ],
)
def test_absurd_input_is_a_422_not_a_server_error(
    as_alice: Any, method: str, path: str, payload: Any
) -> None:
    response = as_alice(method, path, payload=payload)
    assert response.status == 422, response.body
    assert not Goal.objects.exists()


def test_absurd_ids_are_404_at_every_door(as_alice: Any, alice: User) -> None:
    huge = "9" * 25
    for method, template, payload in CHANGES:
        path = template.format(goal=huge, step=huge, checkin=huge)
        assert as_alice(method, path, payload=payload).status == 404, (method, path)
    for template in READS:
        assert as_alice("GET", template.format(goal=huge)).status == 404


def test_openapi_declares_the_errors_each_goal_operation_answers(api: Api) -> None:
    paths = api("GET", "/api/v1/openapi.json").body["paths"]
    expected = {
        ("get", "/api/v1/goals"): {"200", "401", "422"},
        ("post", "/api/v1/goals"): {"201", "400", "401", "422"},
        ("get", "/api/v1/goals/{goal_id}"): {"200", "401", "404", "422"},
        ("patch", "/api/v1/goals/{goal_id}"): {"200", "400", "401", "404", "409", "422"},
        ("delete", "/api/v1/goals/{goal_id}"): {"204", "401", "404", "422"},
        ("post", "/api/v1/goals/{goal_id}/restore"): {"200", "401", "404", "422"},
        ("post", "/api/v1/goals/{goal_id}/checkins"): {"201", "400", "401", "404", "422"},
        ("patch", "/api/v1/checkins/{checkin_id}"): {"200", "400", "401", "404", "409", "422"},
        ("patch", "/api/v1/steps/{step_id}"): {"200", "400", "401", "404", "409", "422"},
    }
    for (method, path), codes in expected.items():
        assert set(paths[path][method]["responses"]) == codes, (method, path)
        assert paths[path][method]["tags"] == ["goals"]
    listed = paths["/api/v1/goals"]["get"]
    assert {p["name"] for p in listed["parameters"]} == {"status", "owner", "page", "page_size"}

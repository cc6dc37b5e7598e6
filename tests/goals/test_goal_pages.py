"""Goals through the web pages: builder, goal page, edits, closing, trash; who sees what."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.goals.models import Goal, GoalEvent, GoalMentor, GoalStatus
from stepwise.people.models import User
from tests.goals.conftest import day

pytestmark = pytest.mark.django_db

Clients = Callable[[User], Client]


def builder_data(**changes: str) -> dict[str, str]:
    data = {
        "title": "Interview 8 customers about onboarding",
        "why": "we can fix the drop-off",
        "category": "skill",
        "metric_kind": "number",
        "metric_unit": "interviews",
        "baseline": "0",
        "target": "8",
        "start_date": day(0).isoformat(),
        "due_date": day(90).isoformat(),
        "weekly_effort_hours": "2",
        "priority": "2",
        "visibility": "manager",
    }
    data.update(changes)
    return data


def test_builder_saves_a_vague_goal_as_a_draft_and_names_what_fails(
    alice: User, client_for: Clients
) -> None:
    client = client_for(alice)
    data = builder_data(title="get better at research", why="", target="", due_date="")
    response = client.post(reverse("goal_new"), data, follow=True)
    goal = Goal.objects.get(owner=alice)
    assert goal.status == GoalStatus.DRAFT
    page = response.content.decode()
    assert "saved as a draft" in page
    assert "Still to sharpen:" in page and "Measurable" in page and "Time-bound" in page


def test_builder_starts_a_sharp_goal_and_records_its_creation(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).post(reverse("goal_new"), {**builder_data(), "activate": "1"})
    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == reverse("goal_detail", args=[goal.pk])
    assert goal.status == GoalStatus.ACTIVE
    assert goal.current == 0
    assert goal.events.get().kind == GoalEvent.Kind.CREATED


def test_builder_refuses_bad_input_and_saves_nothing(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    for bad in (
        builder_data(title=""),
        builder_data(due_date=day(-400).isoformat()),
        builder_data(weekly_effort_hours="-3"),
        {**builder_data(target=""), "activate": "1"},
        builder_data(metric_kind="percentage", target="140"),
    ):
        response = client.post(reverse("goal_new"), bad)
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
    assert not Goal.objects.exists()


def test_live_check_turns_a_deadline_in_words_into_the_due_date(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).post(
        reverse("goal_builder_check"),
        {"title": "Run 6 customer interviews by end of Q3 2027", "due_date": ""},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert 'id="id_due_date"' in html and 'hx-swap-oob="true"' in html
    assert 'value="2027-09-30"' in html


def test_goal_page_shows_standing_chart_steps_checkins_and_history(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    client.post(
        reverse("step_add", args=[shared_goal.pk]),
        {
            "title": "Write the interview script",
            "due_date": day(5).isoformat(),
            "effort_hours": "2",
        },
    )
    client.post(
        reverse("checkin_add", args=[shared_goal.pk]),
        {"value": "3", "confidence": "2", "note": "three done", "blockers": "no budget"},
    )
    page = client.get(reverse("goal_detail", args=[shared_goal.pk])).content.decode()
    assert "Write the interview script" in page
    assert "37%" in page  # 3 of 8 interviews
    assert 'id="burnup-data"' in page and "The numbers behind the chart" in page
    assert "no budget" in page
    assert "added a step" in page and "checked in" in page
    assert "confidence 2/5" in page


def test_a_stale_edit_is_refused_and_the_newer_change_survives(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    url = reverse("goal_edit", args=[shared_goal.pk])
    first = {**builder_data(title="First tab's title"), "version": str(shared_goal.version)}
    second = {**builder_data(title="Second tab's title"), "version": str(shared_goal.version)}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert response.status_code == 200
    assert "changed elsewhere after you opened it" in response.content.decode()
    shared_goal.refresh_from_db()
    assert shared_goal.title == "First tab's title"


def test_edits_are_kept_in_history_with_old_and_new_values_and_the_reason(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client_for(alice).post(
        reverse("goal_edit", args=[shared_goal.pk]),
        {**builder_data(target="10"), "version": str(shared_goal.version), "reason": "more reach"},
    )
    event = shared_goal.events.get(kind=GoalEvent.Kind.CHANGED)
    assert event.changes["target"] == ["8", "10"]
    assert event.reason == "more reach"
    assert event.actor == alice


def test_completing_needs_an_outcome_and_keeps_the_evidence(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    url = reverse("goal_complete", args=[shared_goal.pk])
    refused = client.post(url, {"outcome": " ", "version": shared_goal.version})
    assert refused.status_code == 200
    bad_link = client.post(url, {"outcome": "Done", "evidence_links": "not a link"})
    assert "is not a web link" in bad_link.content.decode()
    shared_goal.refresh_from_db()
    assert shared_goal.status == GoalStatus.ACTIVE
    client.post(
        url,
        {
            "outcome": "Interviewed 9 customers",
            "evidence": "notes in the wiki",
            "evidence_links": "https://wiki.example/interviews",
        },
    )
    shared_goal.refresh_from_db()
    assert shared_goal.status == GoalStatus.COMPLETED
    assert shared_goal.outcome == "Interviewed 9 customers"
    assert shared_goal.evidence_link_list() == ["https://wiki.example/interviews"]


def test_dropping_needs_a_reason(alice: User, shared_goal: Goal, client_for: Clients) -> None:
    client = client_for(alice)
    url = reverse("goal_drop", args=[shared_goal.pk])
    client.post(url, {"reason": ""})
    shared_goal.refresh_from_db()
    assert shared_goal.status == GoalStatus.ACTIVE
    client.post(url, {"reason": "The team was reorganised"})
    shared_goal.refresh_from_db()
    assert shared_goal.status == GoalStatus.DROPPED
    assert shared_goal.drop_reason == "The team was reorganised"


def test_trash_and_restore_bring_back_everything(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    client.post(reverse("checkin_add", args=[shared_goal.pk]), {"value": "2", "confidence": "4"})
    client.post(reverse("goal_trash_one", args=[shared_goal.pk]))
    assert client.get(reverse("goal_detail", args=[shared_goal.pk])).status_code == 404
    assert "Shared with my manager" in client.get(reverse("goal_trash")).content.decode()
    client.post(reverse("goal_restore", args=[shared_goal.pk]))
    page = client.get(reverse("goal_detail", args=[shared_goal.pk])).content.decode()
    assert "moved the goal to the trash" in page and "restored the goal" in page
    assert shared_goal.checkins.count() == 1


def test_only_the_owner_can_restore_from_their_trash(
    alice: User, bob: User, shared_goal: Goal, client_for: Clients
) -> None:
    client_for(alice).post(reverse("goal_trash_one", args=[shared_goal.pk]))
    assert client_for(bob).post(reverse("goal_restore", args=[shared_goal.pk])).status_code == 404
    assert (
        "Shared with my manager" not in client_for(bob).get(reverse("goal_trash")).content.decode()
    )


def test_step_dependencies_refuse_a_circle(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    add = reverse("step_add", args=[shared_goal.pk])
    client.post(add, {"title": "Draft script", "effort_hours": "1"})
    first = shared_goal.steps.get()
    client.post(add, {"title": "Run interviews", "effort_hours": "4", "depends_on": [first.pk]})
    second = shared_goal.steps.get(title="Run interviews")
    response = client.post(
        reverse("step_edit", args=[first.pk]),
        {
            "title": "Draft script",
            "effort_hours": "1",
            "depends_on": [second.pk],
            "version": first.version,
        },
    )
    assert "would make a circle" in response.content.decode()
    assert list(first.depends_on.all()) == []


def test_a_correction_keeps_the_original_check_in_in_history(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    client.post(reverse("checkin_add", args=[shared_goal.pk]), {"value": "5", "confidence": "4"})
    checkin = shared_goal.checkins.get()
    url = reverse("checkin_correct", args=[checkin.pk])
    no_reason = client.post(url, {"value": "3", "confidence": "4", "version": checkin.version})
    assert no_reason.status_code == 200
    client.post(
        url, {"value": "3", "confidence": "4", "reason": "typo", "version": checkin.version}
    )
    event = shared_goal.events.get(kind=GoalEvent.Kind.CHECKIN_CORRECTED)
    assert event.changes["value"] == ["5", "3"]
    assert event.reason == "typo"
    shared_goal.refresh_from_db()
    assert shared_goal.current == 3


def test_check_in_refuses_future_dates_and_bad_confidence(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    url = reverse("checkin_add", args=[shared_goal.pk])
    assert client.post(url, {"value": "2", "confidence": "9"}).status_code == 422
    assert (
        client.post(url, {"value": "2", "confidence": "3", "on": day(3).isoformat()}).status_code
        == 422
    )
    assert not shared_goal.checkins.exists()


# ---- who sees what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal_fixture", "persona", "sees"),
    [
        ("shared_goal", "bob", True),
        ("shared_goal", "dan", False),
        ("shared_goal", "eve", False),
        ("shared_goal", "admin", False),
        ("private_goal", "bob", False),
        ("private_goal", "dan", False),
        ("team_goal", "dan", True),
        ("team_goal", "bob", True),
        ("team_goal", "eve", False),
        ("draft_goal", "bob", False),
        ("draft_goal", "eve", False),
    ],
)
def test_goal_page_visibility(
    request: pytest.FixtureRequest, client_for: Clients, goal_fixture: str, persona: str, sees: bool
) -> None:
    goal = request.getfixturevalue(goal_fixture)
    viewer = request.getfixturevalue(persona)
    response = client_for(viewer).get(reverse("goal_detail", args=[goal.pk]))
    assert response.status_code == (200 if sees else 404)


def test_a_mentor_sees_only_the_goal_they_are_invited_to(
    carol: User, shared_goal: Goal, private_goal: Goal, client_for: Clients
) -> None:
    GoalMentor.objects.create(goal=shared_goal, mentor=carol)
    client = client_for(carol)
    assert client.get(reverse("goal_detail", args=[shared_goal.pk])).status_code == 200
    assert client.get(reverse("goal_detail", args=[private_goal.pk])).status_code == 404


@pytest.mark.parametrize(
    "door",
    ["goal_edit", "goal_complete", "goal_drop"],
)
def test_the_manager_sees_but_cannot_change(
    bob: User, shared_goal: Goal, client_for: Clients, door: str
) -> None:
    client = client_for(bob)
    assert client.get(reverse(door, args=[shared_goal.pk])).status_code == 404
    assert (
        client.post(
            reverse(door, args=[shared_goal.pk]), {"reason": "x", "outcome": "x"}
        ).status_code
        == 404
    )
    shared_goal.refresh_from_db()
    assert shared_goal.status == GoalStatus.ACTIVE


def test_outsiders_cannot_touch_steps_or_check_ins(
    alice: User, eve: User, bob: User, shared_goal: Goal, client_for: Clients
) -> None:
    client_for(alice).post(
        reverse("step_add", args=[shared_goal.pk]), {"title": "S", "effort_hours": "1"}
    )
    client_for(alice).post(
        reverse("checkin_add", args=[shared_goal.pk]), {"value": "1", "confidence": "3"}
    )
    step, checkin = shared_goal.steps.get(), shared_goal.checkins.get()
    for person in (eve, bob):
        client = client_for(person)
        assert client.post(reverse("step_done", args=[step.pk])).status_code == 404
        assert client.post(reverse("step_delete", args=[step.pk])).status_code == 404
        assert (
            client.post(
                reverse("checkin_add", args=[shared_goal.pk]), {"value": "8", "confidence": "5"}
            ).status_code
            == 404
        )
        assert client.get(reverse("checkin_correct", args=[checkin.pk])).status_code == 404
        assert client.post(reverse("goal_trash_one", args=[shared_goal.pk])).status_code == 404
    step.refresh_from_db()
    assert step.done_on is None and step.deleted_at is None
    assert shared_goal.checkins.count() == 1


# ---- dashboard -----------------------------------------------------------------------------


def test_dashboard_orders_goals_by_what_needs_attention_and_lists_what_to_do(
    alice: User, make_goal: Callable[..., Goal], client_for: Clients
) -> None:
    calm = make_goal(alice, title="Calm goal", start_date=day(-1), due_date=day(200))
    make_goal(alice, title="Late goal", start_date=day(-100), due_date=day(-2))
    client = client_for(alice)
    client.post(reverse("checkin_add", args=[calm.pk]), {"value": "1", "confidence": "4"})
    client.post(reverse("step_add", args=[calm.pk]), {"title": "Overdue step", "effort_hours": "1"})
    step = calm.steps.get()
    step.due_date = day(-1)
    step.save()
    page = client.get(reverse("dashboard")).content.decode()
    assert page.index("Late goal") < page.index("Calm goal")
    assert "First check-in on “Late goal”" in page
    assert "Step “Overdue step” of “Calm goal” was due" in page
    assert "Overdue" in page


def test_quick_check_in_from_the_dashboard_returns_to_it(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    response = client_for(alice).post(
        reverse("checkin_add", args=[shared_goal.pk]),
        {"value": "4", "confidence": "4", "next": reverse("dashboard")},
    )
    assert response["Location"] == reverse("dashboard")
    assert shared_goal.checkins.get().value == 4
    evil = client_for(alice).post(
        reverse("checkin_add", args=[shared_goal.pk]),
        {"value": "5", "confidence": "4", "next": "https://evil.example/"},
    )
    assert evil["Location"] == reverse("goal_detail", args=[shared_goal.pk])


def test_a_step_is_done_with_a_date_and_evidence(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    client.post(
        reverse("step_add", args=[shared_goal.pk]), {"title": "Script", "effort_hours": "1"}
    )
    step = shared_goal.steps.get()
    assert (
        "Mark it done, with evidence"
        in client.get(reverse("step_edit", args=[step.pk])).content.decode()
    )
    future = client.post(reverse("step_done", args=[step.pk]), {"done_on": day(2).isoformat()})
    assert future.status_code == 302
    step.refresh_from_db()
    assert step.done_on is None  # a future date is refused with a message
    client.post(
        reverse("step_done", args=[step.pk]),
        {"done_on": day(-1).isoformat(), "evidence": "https://wiki.example/script"},
    )
    step.refresh_from_db()
    assert step.done_on == day(-1)
    assert step.evidence == "https://wiki.example/script"
    assert shared_goal.events.filter(kind=GoalEvent.Kind.STEP_DONE).exists()

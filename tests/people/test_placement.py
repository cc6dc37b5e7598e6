"""Nobody grants themselves access: manager and team are set by an admin, or asked for and
confirmed by the manager (or the team's lead) before they change anything."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.access.goals import visible_goals
from stepwise.access.people import visible_people
from stepwise.access.skills import assessable_people
from stepwise.goals.models import Goal, Visibility
from stepwise.people import actions
from stepwise.people.models import AuditEvent, PlacementRequest, Team, User
from tests.conftest import PASSWORD, active_goal

pytestmark = pytest.mark.django_db

Kind = AuditEvent.Kind


def team_goal_of(owner: User) -> Goal:
    return active_goal(owner, title="Cut checkout drop-off by a third", visibility=Visibility.TEAM)


def same_page(html: str, typed: str) -> str:
    """The page without what the person typed and the per-response tokens."""
    html = re.sub(r"[A-Za-z0-9]{64}", "", html.replace(typed, "X"))
    html = re.sub(r"/requests/\d+/", "/requests/N/", html)
    return re.sub(r'nonce="[^"]*"', "", html)


def placement_of(person: User) -> tuple[int | None, int | None]:
    person.refresh_from_db()
    return person.team_id, person.manager_id


def waiting_page(client: Client) -> str:
    response = client.get(reverse("placement_requests"))
    assert response.status_code == 200
    return response.content.decode()


def answer(client: Client, placement: PlacementRequest, verdict: str, reason: str = "") -> Any:
    return client.post(
        reverse("placement_request_answer", args=[placement.pk]),
        {"answer": verdict, "reason": reason},
    )


@pytest.fixture
def led_checkout(checkout: Team, bob: User) -> Team:
    checkout.lead = bob
    checkout.save(update_fields=["lead"])
    return checkout


# ---- the two holes of issue 9 ------------------------------------------------------------


def test_outsider_cannot_join_team_without_the_lead_confirming(
    alice: User, eve: User, led_checkout: Team, bob: User, client_for: Callable[[User], Client]
) -> None:
    goal = team_goal_of(alice)
    as_eve = client_for(eve)
    # The old way in: the profile form no longer takes a team (or a manager).
    as_eve.post(
        reverse("profile"),
        {
            "display_name": "Eve",
            "email": eve.email,
            "role_track": eve.role_track,
            "timezone": "UTC",
            "weekly_growth_hours": "3",
            "team": led_checkout.pk,
            "manager": bob.pk,
        },
    )
    assert placement_of(eve) == (eve.team_id, eve.manager_id)
    assert eve.team != led_checkout
    # The new way: ask, and wait.
    response = as_eve.post(reverse("team_request"), {"team": led_checkout.pk})
    assert response.status_code == 302
    assert as_eve.get(reverse("goal_detail", args=[goal.pk])).status_code == 404
    assert not visible_goals(eve).filter(pk=goal.pk).exists()
    placement = PlacementRequest.objects.get(person=eve)
    assert "Eve" in waiting_page(client_for(bob))
    assert answer(client_for(bob), placement, "confirm").status_code == 302
    assert placement_of(eve)[0] == led_checkout.pk
    assert as_eve.get(reverse("goal_detail", args=[goal.pk])).status_code == 200


def test_sign_up_naming_bob_is_not_his_report_until_he_confirms(
    alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    newcomer = Client()
    signed_up = newcomer.post(
        reverse("signup"),
        {
            "username": "mallory",
            "display_name": "Mallory",
            "email": "mallory@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signed_up.status_code == 302
    mallory = User.objects.get(username="mallory")
    actions.do_confirm_sign_up(person=mallory)  # she follows the link mailed to her (decision 0008)
    newcomer.force_login(mallory)
    newcomer.post(  # the old way in: naming a manager on the profile form
        reverse("profile"),
        {
            "display_name": "Mallory",
            "email": "mallory@example.com",
            "role_track": mallory.role_track,
            "timezone": "UTC",
            "weekly_growth_hours": "3",
            "manager": bob.pk,
        },
    )
    newcomer.post(reverse("manager_request"), {"manager": "BOB"})
    assert mallory.pk not in assessable_people(bob).values_list("pk", flat=True)
    assert mallory.pk not in visible_people(bob).values_list("pk", flat=True)
    as_bob = client_for(bob)
    assert "Mallory" not in as_bob.get(reverse("dashboard")).content.decode()
    assert "Assess Mallory" not in as_bob.get(reverse("skills_home")).content.decode()
    assert as_bob.post(reverse("assessment_start_for", args=[mallory.pk])).status_code == 404
    placement = PlacementRequest.objects.get(person=mallory)
    assert placement.manager == bob
    answer(as_bob, placement, "confirm")
    assert mallory.pk in assessable_people(bob).values_list("pk", flat=True)
    assert "Mallory" in as_bob.get(reverse("dashboard")).content.decode()


# ---- asking -------------------------------------------------------------------------------


def test_asking_for_a_manager_answers_the_same_whether_or_not_the_account_exists(
    make_person: Callable[..., User], bob: User, client_for: Callable[[User], Client]
) -> None:
    newcomer = client_for(make_person("nia"))
    pages = []
    for name in ("bob@example.com", "nobody-by-that-name"):
        response = newcomer.post(reverse("manager_request"), {"manager": name}, follow=True)
        pages.append(response.content.decode())
        assert actions.REQUEST_SENT in pages[-1]
    assert same_page(pages[0], "bob@example.com") == same_page(pages[1], "nobody-by-that-name")
    placement = PlacementRequest.objects.pending().get(person__username="nia")
    assert placement.manager is None and placement.asked_for == "nobody-by-that-name"
    asked_bob = PlacementRequest.objects.get(person__username="nia", asked_for="bob@example.com")
    assert asked_bob.state == PlacementRequest.State.CANCELLED  # replaced by the newer request


def test_the_profile_lists_no_accounts_to_pick_a_manager_from(
    make_person: Callable[..., User],
    alice: User,
    carol: User,
    eve: User,
    client_for: Callable[[User], Client],
) -> None:
    page = client_for(make_person("nia")).get(reverse("profile")).content.decode()
    for other in ("alice", "Alice", "Carol", "Eve", "Bob"):
        assert other not in page
    assert "Checkout" in page and "Discovery" in page  # team names are not private


def test_a_pending_request_changes_nothing_and_shows_on_the_profile(
    eve: User, led_checkout: Team, bob: User, client_for: Callable[[User], Client]
) -> None:
    as_eve = client_for(eve)
    before = User.objects.filter(pk=eve.pk).values().get()
    seen_before = set(visible_people(eve).values_list("pk", flat=True))
    as_eve.post(reverse("team_request"), {"team": led_checkout.pk})
    as_eve.post(reverse("manager_request"), {"manager": "bob"})
    assert User.objects.filter(pk=eve.pk).values().get() == before
    assert set(visible_people(eve).values_list("pk", flat=True)) == seen_before
    assert set(visible_people(bob).values_list("pk", flat=True)) == {
        p.pk for p in User.objects.filter(team=led_checkout)
    } | {p.pk for p in User.objects.filter(manager=bob)}
    page = as_eve.get(reverse("profile")).content.decode()
    assert "You asked to join Checkout." in page
    assert "You asked “bob” to be your manager." in page


def test_bad_requests_explain_and_record_nothing(
    alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    as_alice = client_for(alice)
    for name, message in (("", "This field is required"), ("alice", "your own manager")):
        response = as_alice.post(reverse("manager_request"), {"manager": name})
        assert response.status_code == 400
        assert message in response.content.decode()
    response = as_alice.post(reverse("manager_request"), {"manager": "bob"})
    assert "already your manager" in response.content.decode()
    response = as_alice.post(reverse("team_request"), {"team": alice.team_id})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not PlacementRequest.objects.exists()
    assert not AuditEvent.objects.filter(kind=Kind.PLACEMENT_REQUESTED).exists()


# ---- answering ----------------------------------------------------------------------------


def test_only_the_addressed_manager_or_an_admin_may_answer(
    eve: User,
    alice: User,
    dan: User,
    carol: User,
    bob: User,
    admin: User,
    client_for: Callable[[User], Client],
) -> None:
    placement = actions.do_request_manager(person=eve, asked_for="bob")
    for outsider in (alice, dan, carol, eve):
        assert answer(client_for(outsider), placement, "confirm").status_code == 404
        assert "Nothing is waiting for you" in waiting_page(client_for(outsider))
    assert placement_of(eve)[1] == carol.pk
    assert PlacementRequest.objects.get(pk=placement.pk).is_pending
    assert answer(client_for(admin), placement, "confirm").status_code == 302
    assert placement_of(eve)[1] == bob.pk


def test_only_the_team_lead_answers_and_an_admin_when_there_is_no_lead(
    eve: User,
    alice: User,
    checkout: Team,
    bob: User,
    admin: User,
    client_for: Callable[[User], Client],
) -> None:
    placement = actions.do_request_team(person=eve, team=checkout)
    assert answer(client_for(bob), placement, "confirm").status_code == 404  # not the lead yet
    assert "Eve" in waiting_page(client_for(admin))
    checkout.lead = bob
    checkout.save(update_fields=["lead"])
    assert "Eve" not in waiting_page(client_for(admin))
    assert "Eve" in waiting_page(client_for(bob))
    assert answer(client_for(alice), placement, "confirm").status_code == 404
    assert answer(client_for(bob), placement, "confirm").status_code == 302
    assert placement_of(eve)[0] == checkout.pk


def test_declining_needs_a_reason_which_the_person_then_reads(
    eve: User, bob: User, carol: User, client_for: Callable[[User], Client]
) -> None:
    placement = actions.do_request_manager(person=eve, asked_for="bob@example.com")
    as_bob = client_for(bob)
    refused = answer(as_bob, placement, "decline")
    assert refused.status_code == 400
    assert "Say in a line why" in refused.content.decode()
    assert PlacementRequest.objects.get(pk=placement.pk).is_pending
    assert answer(as_bob, placement, "decline", "I manage Checkout only").status_code == 302
    placement.refresh_from_db()
    assert placement.state == PlacementRequest.State.DECLINED
    assert placement.reason == "I manage Checkout only"
    assert placement_of(eve)[1] == carol.pk
    assert "I manage Checkout only" in client_for(eve).get(reverse("profile")).content.decode()
    assert answer(as_bob, placement, "confirm").status_code == 404  # answered once


def test_a_request_that_would_make_a_circle_is_refused_when_confirmed(
    alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    placement = actions.do_request_manager(person=bob, asked_for="alice")
    response = answer(client_for(alice), placement, "confirm")
    assert response.status_code == 400
    assert "cannot report to their report" in response.content.decode()
    assert placement_of(bob)[1] is None


def test_the_dashboard_points_to_requests_waiting(
    eve: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    assert "waiting for your answer" not in client_for(bob).get("/").content.decode()
    actions.do_request_manager(person=eve, asked_for="bob")
    page = client_for(bob).get("/").content.decode()
    assert "1 request waiting for your answer" in page
    assert reverse("placement_requests") in page


# ---- withdrawing and leaving --------------------------------------------------------------


def test_the_person_withdraws_their_request_and_nobody_else_can(
    eve: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    placement = actions.do_request_manager(person=eve, asked_for="bob")
    url = reverse("placement_request_cancel", args=[placement.pk])
    assert client_for(bob).post(url).status_code == 404
    assert client_for(eve).post(url).status_code == 302
    assert PlacementRequest.objects.get(pk=placement.pk).state == "cancelled"
    assert "Eve" not in waiting_page(client_for(bob))
    assert client_for(eve).post(url).status_code == 404


def test_leaving_a_team_and_a_manager_needs_no_one_and_is_recorded(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    as_alice = client_for(alice)
    as_alice.post(reverse("team_leave"))
    as_alice.post(reverse("manager_remove"))
    assert placement_of(alice) == (None, None)
    details = [e.detail for e in AuditEvent.objects.filter(kind=Kind.PLACEMENT_LEFT)]
    assert {"team": "Checkout"} in details and {"manager": "bob"} in details


# ---- the audit log ------------------------------------------------------------------------


def test_request_answer_and_withdrawal_are_in_the_audit_log(
    eve: User, dan: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    client_for(eve).post(reverse("manager_request"), {"manager": "bob"})
    placement = PlacementRequest.objects.get(person=eve)
    answer(client_for(bob), placement, "confirm")
    second = actions.do_request_manager(person=dan, asked_for="eve")
    client_for(dan).post(reverse("placement_request_cancel", args=[second.pk]))
    third = actions.do_request_team(person=dan, team=Team.objects.create(name="Growth"))
    actions.do_answer_placement_request(
        placement=third,
        answered_by=User.objects.create(username="root", is_superuser=True),
        confirm=False,
        reason="Growth is full",
    )
    events = {
        (e.kind, e.actor.username if e.actor else "", e.subject.username if e.subject else "")
        for e in AuditEvent.objects.filter(kind__startswith="placement_")
    }
    assert events >= {
        (Kind.PLACEMENT_REQUESTED, "eve", "eve"),
        (Kind.PLACEMENT_CONFIRMED, "bob", "eve"),
        (Kind.PLACEMENT_REQUESTED, "dan", "dan"),
        (Kind.PLACEMENT_CANCELLED, "dan", "dan"),
        (Kind.PLACEMENT_DECLINED, "root", "dan"),
    }
    declined = AuditEvent.objects.get(kind=Kind.PLACEMENT_DECLINED)
    assert declined.detail["reason"] == "Growth is full"
    assert declined.detail["about"] == "team"


# ---- admins place people directly --------------------------------------------------------


def test_admin_placement_page_sets_team_and_manager_and_records_it(
    eve: User, bob: User, checkout: Team, admin: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(admin).post(
        reverse("person_place", args=[eve.pk]), {"team": checkout.pk, "manager": bob.pk}
    )
    assert response.status_code == 302
    assert placement_of(eve) == (checkout.pk, bob.pk)
    event = AuditEvent.objects.get(kind=Kind.PLACEMENT_SET)
    assert event.actor == admin and event.subject == eve
    assert event.detail["team"] == "Checkout" and event.detail["manager"] == "bob"


def test_django_admin_sets_placement_and_team_lead_through_the_audited_actions(
    eve: User, bob: User, checkout: Team, admin: User, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    form = as_admin.get(f"/admin/people/user/{eve.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        team=checkout.pk,
        manager=bob.pk,
        date_joined_0=eve.date_joined.date().isoformat(),
        date_joined_1="12:00:00",
        last_login_0="",
        last_login_1="",
        target_date="",
    )
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = as_admin.post(f"/admin/people/user/{eve.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert placement_of(eve) == (checkout.pk, bob.pk)
    assert AuditEvent.objects.filter(kind=Kind.PLACEMENT_SET, subject=eve, actor=admin).exists()
    response = as_admin.post(
        f"/admin/people/team/{checkout.pk}/change/",
        {"name": "Checkout", "description": "", "lead": bob.pk},
    )
    assert response.status_code == 302
    checkout.refresh_from_db()
    assert checkout.lead == bob
    assert AuditEvent.objects.get(kind=Kind.TEAM_LEAD_SET).detail["lead"] == "bob"


# ---- an admin grants nobody access to themselves ------------------------------------------


def admin_change_form(client: Client, person: User, **changes: Any) -> dict[str, Any]:
    """What the Django admin's change page of ``person`` sends, with ``changes``."""
    form = client.get(f"/admin/people/user/{person.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    for name in ("groups", "user_permissions", "date_joined", "last_login"):
        data.pop(name, None)
    data.update(
        date_joined_0=person.date_joined.date().isoformat(),
        date_joined_1="12:00:00",
        last_login_0="",
        last_login_1="",
        target_date="",
        manager=person.manager_id or "",
        team=person.team_id or "",
    )
    data.update(changes)
    return data


def test_admin_cannot_make_themselves_someones_manager_on_the_organisation_page(
    alice: User, bob: User, admin: User, client_for: Callable[[User], Client]
) -> None:
    goal = active_goal(alice, title="Negotiate a raise", visibility=Visibility.MANAGER)
    as_admin = client_for(admin)
    response = as_admin.post(
        reverse("person_place", args=[alice.pk]), {"team": alice.team_id, "manager": admin.pk}
    )
    assert response.status_code == 200
    assert "another admin" in response.content.decode()
    assert placement_of(alice) == (alice.team_id, bob.pk)
    assert not visible_goals(admin).filter(pk=goal.pk).exists()
    assert not AuditEvent.objects.filter(kind=Kind.PLACEMENT_SET).exists()


def test_admin_cannot_put_themselves_or_someone_into_their_own_team(
    eve: User, checkout: Team, admin: User, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    joined = as_admin.post(reverse("person_place", args=[admin.pk]), {"team": checkout.pk})
    assert joined.status_code == 200
    assert placement_of(admin) == (None, None)
    admin.team = checkout
    admin.save(update_fields=["team"])
    moved = as_admin.post(reverse("person_place", args=[eve.pk]), {"team": checkout.pk})
    assert moved.status_code == 200
    assert "your own team" in moved.content.decode()
    assert placement_of(eve)[0] != checkout.pk
    assert not AuditEvent.objects.filter(kind=Kind.PLACEMENT_SET).exists()


def test_another_admin_may_place_an_admin_and_an_admin_may_leave(
    alice: User, checkout: Team, admin: User, make_person: Any, client_for: Callable[[User], Client]
) -> None:
    second = make_person("second-admin", is_staff=True, is_superuser=True)
    as_second = client_for(second)
    response = as_second.post(
        reverse("person_place", args=[alice.pk]), {"team": checkout.pk, "manager": admin.pk}
    )
    assert response.status_code == 302
    assert placement_of(alice) == (checkout.pk, admin.pk)
    assert as_second.post(reverse("person_place", args=[admin.pk]), {"team": checkout.pk})
    assert placement_of(admin)[0] == checkout.pk
    left = client_for(admin).post(reverse("person_place", args=[admin.pk]), {"team": ""})
    assert left.status_code == 302  # taking access away needs nobody's consent
    assert placement_of(admin)[0] is None


def test_admin_becomes_a_manager_when_the_person_asks_and_they_confirm(
    alice: User, admin: User, client_for: Callable[[User], Client]
) -> None:
    client_for(alice).post(reverse("manager_request"), {"manager": "admin"})
    placement = PlacementRequest.objects.get(person=alice)
    assert answer(client_for(admin), placement, "confirm").status_code == 302
    assert placement_of(alice)[1] == admin.pk


def test_django_admin_refuses_an_admin_making_themselves_manager_or_joining_a_team(
    alice: User, bob: User, discovery: Team, admin: User, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    url = f"/admin/people/user/{alice.pk}/change/"
    response = as_admin.post(url, admin_change_form(as_admin, alice, manager=admin.pk))
    assert response.status_code == 200
    assert "another admin" in response.content.decode()
    own = f"/admin/people/user/{admin.pk}/change/"
    joined = as_admin.post(own, admin_change_form(as_admin, admin, team=discovery.pk))
    assert joined.status_code == 200
    assert placement_of(alice) == (alice.team_id, bob.pk)
    assert placement_of(admin) == (None, None)
    assert not AuditEvent.objects.filter(kind=Kind.PLACEMENT_SET).exists()

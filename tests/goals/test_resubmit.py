"""Create forms are safe to send twice: the builder, check-ins (goal page and dashboard) and
add step save once per drawing of the form, and the second sending says "Already saved"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.goals.models import CheckIn, Goal, Step
from stepwise.people.models import RememberedRequest, User
from tests.goals.conftest import day
from tests.goals.test_goal_pages import builder_data

pytestmark = pytest.mark.django_db

Clients = Callable[[User], Client]
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def tokens_on(client: Client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200
    return TOKEN.findall(page.content.decode())


def test_the_builder_sent_twice_makes_one_goal_and_the_second_says_already_saved(
    alice: User, client_for: Clients
) -> None:
    client = client_for(alice)
    [token] = tokens_on(client, reverse("goal_new"))
    data = {**builder_data(), "form_token": token}
    first = client.post(reverse("goal_new"), data)
    again = client.post(reverse("goal_new"), data, follow=True)
    goal = Goal.objects.get(owner=alice)
    assert first["Location"] == reverse("goal_detail", args=[goal.pk])
    assert again.redirect_chain == [(first["Location"], 302)]
    assert "Already saved" in again.content.decode()


def test_each_drawing_of_a_form_has_its_own_token(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    assert tokens_on(client, reverse("goal_new")) != tokens_on(client, reverse("goal_new"))


def test_a_check_in_sent_twice_from_the_goal_page_is_saved_once(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    page = reverse("goal_detail", args=[shared_goal.pk])
    tokens = tokens_on(client, page)
    assert len(tokens) == 2  # add step and check in
    data = {"value": "3", "confidence": "4", "note": "Booked three", "form_token": tokens[1]}
    for _ in range(2):
        response = client.post(reverse("checkin_add", args=[shared_goal.pk]), data)
        assert response["Location"] == page
    assert CheckIn.objects.filter(goal=shared_goal).count() == 1


def test_a_quick_check_in_sent_twice_from_the_dashboard_is_saved_once_and_returns_there(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    [token] = tokens_on(client, reverse("dashboard"))
    data = {"value": "4", "confidence": "3", "next": reverse("dashboard"), "form_token": token}
    url = reverse("checkin_add", args=[shared_goal.pk])
    client.post(url, data)
    again = client.post(url, data, follow=True)
    assert again.redirect_chain == [(reverse("dashboard"), 302)]
    assert "Already saved" in again.content.decode()
    assert shared_goal.checkins.get().value == 4


def test_a_step_sent_twice_is_added_once(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    token = tokens_on(client, reverse("goal_detail", args=[shared_goal.pk]))[0]
    data = {"title": "Book five interviews", "effort_hours": "1", "form_token": token}
    for _ in range(2):
        response = client.post(reverse("step_add", args=[shared_goal.pk]), data)
        assert response["Location"].endswith("#steps")
    assert Step.objects.filter(goal=shared_goal).count() == 1


def test_a_form_sent_again_with_other_values_keeps_them_and_saves_them_when_sent_once_more(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    url = reverse("checkin_add", args=[shared_goal.pk])
    token = tokens_on(client, reverse("goal_detail", args=[shared_goal.pk]))[1]
    client.post(url, {"value": "3", "confidence": "4", "form_token": token})
    changed = {"value": "5", "confidence": "2", "note": "Two more booked", "form_token": token}
    refused = client.post(url, changed)
    page = refused.content.decode()
    assert refused.status_code == 422
    assert "You sent this form before with other values" in page
    assert "Two more booked" in page  # nothing the person wrote is lost
    assert CheckIn.objects.filter(goal=shared_goal).count() == 1
    [fresh] = [t for t in TOKEN.findall(page) if t != token][-1:]
    client.post(url, {**changed, "form_token": fresh})
    assert sorted(shared_goal.checkins.values_list("value", flat=True)) == [3, 5]


def test_a_refused_form_can_be_corrected_and_sent_with_the_same_token(
    alice: User, shared_goal: Goal, client_for: Clients
) -> None:
    client = client_for(alice)
    url = reverse("checkin_add", args=[shared_goal.pk])
    token = tokens_on(client, reverse("goal_detail", args=[shared_goal.pk]))[1]
    bad = client.post(
        url, {"value": "3", "confidence": "4", "on": day(5).isoformat(), "form_token": token}
    )
    assert bad.status_code == 422
    good = client.post(url, {"value": "3", "confidence": "4", "form_token": token})
    assert good.status_code == 302
    assert CheckIn.objects.filter(goal=shared_goal).count() == 1


def test_bob_sending_alices_form_token_gets_his_own_goal_not_hers(
    alice: User, bob: User, client_for: Clients
) -> None:
    alices = client_for(alice)
    [token] = tokens_on(alices, reverse("goal_new"))
    data = {**builder_data(), "form_token": token}
    hers = alices.post(reverse("goal_new"), data)
    his = client_for(bob).post(reverse("goal_new"), data, follow=True)
    bobs_goal = Goal.objects.get(owner=bob)
    assert his.redirect_chain == [(reverse("goal_detail", args=[bobs_goal.pk]), 302)]
    assert hers["Location"] != his.redirect_chain[0][0]
    assert "Already saved" not in his.content.decode()


def test_an_outsider_sending_a_check_in_with_a_token_gets_404_and_nothing_is_kept(
    shared_goal: Goal, eve: User, client_for: Clients
) -> None:
    data = {"value": "9", "confidence": "5", "form_token": "probe-token"}
    for _ in range(2):
        response = client_for(eve).post(reverse("checkin_add", args=[shared_goal.pk]), data)
        assert response.status_code == 404
    assert not CheckIn.objects.filter(goal=shared_goal).exists()
    assert not RememberedRequest.objects.exists()

"""The pages that gather several apps (stepwise.home) through HTTP: the priorities page with
library suggestions, the getting-started guide on the dashboard, its own page and the
profile."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import User
from stepwise.skills.models import Assessment

pytestmark = pytest.mark.django_db


def test_priorities_rank_with_reasons_and_suggest_library_goals(
    alice: User, client_for: Callable[[User], Client], assess: Callable[..., Assessment]
) -> None:
    assess(alice, default=2, scores={"market-research": 0}, interests=("market-research",))
    page = client_for(alice).get(reverse("priorities")).content.decode()
    first = page.index('id="priority-')
    assert page[first:].startswith('id="priority-market-research"')
    assert "One level below your current level of Associate PM" in page
    assert "Goals to start from" in page
    assert page.count('href="/goals/library/') >= 2
    assert "{" not in page.split("Goals to start from")[1].split("</ul>")[0]


def test_priorities_without_an_assessment_point_to_it(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).get(reverse("priorities")).content.decode()
    assert "Your priorities come from your self-assessment" in page


def test_the_guide_leads_from_profile_to_a_first_goal_and_can_be_skipped(
    make_person: Callable[..., User], client_for: Callable[[User], Client]
) -> None:
    newcomer = make_person("nia", display_name="Nia")
    client = client_for(newcomer)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Getting started" in dashboard and "0 of 4 done" in dashboard
    newcomer.level, newcomer.target_level = "associate_pm", "pm"
    newcomer.save()
    start = client.get(reverse("getting_started")).content.decode()
    assert "1 of 4 done" in start and "Start a self-assessment" in start
    assert "Why SMART" in start or "SMART" in start
    client.post(reverse("guide_dismiss"))
    assert "Getting started" not in client.get(reverse("dashboard")).content.decode()


def test_profile_points_to_the_guides_next_step_until_the_guide_is_hidden(
    make_person: Callable[..., User], client_for: Callable[[User], Client]
) -> None:
    newcomer = make_person("nia", display_name="Nia", level="associate_pm", target_level="pm")
    client = client_for(newcomer)
    profile = client.get(reverse("profile")).content.decode()
    assert "Next on your way in" in profile and "Start a self-assessment" in profile
    assert "1 of 4 done" in profile
    client.post(reverse("guide_dismiss"))
    assert "Next on your way in" not in client.get(reverse("profile")).content.decode()


def test_outsider_gets_sent_to_sign_in_from_every_home_page(client: Client) -> None:
    for name in ("dashboard", "priorities", "getting_started"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith("/login/"), name
    assert client.post(reverse("guide_dismiss")).status_code == 302

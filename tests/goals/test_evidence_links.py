"""Evidence links are web links (http or https) at every door, and a page never turns a
stored link of another kind into something to click."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stepwise.goals.actions import do_complete_goal
from stepwise.goals.models import Goal, GoalStatus, Visibility
from stepwise.people.models import User
from stepwise.skills.actions import do_rate_competency, do_start_assessment
from stepwise.skills.models import Rating
from tests.conftest import active_goal

pytestmark = pytest.mark.django_db

HOSTILE = [  # each is refused wherever a link is stored
    "javascript:alert(6)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://files.example/report",
]


@pytest.fixture
def goal(alice: User) -> Goal:
    return active_goal(alice, title="Run 10 customer interviews", visibility=Visibility.MANAGER)


def still_open(goal: Goal) -> bool:
    goal.refresh_from_db()
    return goal.status == GoalStatus.ACTIVE and goal.evidence_links == ""


@pytest.mark.parametrize("link", HOSTILE)
def test_completing_a_goal_on_its_page_refuses_a_link_that_is_not_http(
    link: str, goal: Goal, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).post(
        reverse("goal_complete", args=[goal.pk]),
        {"outcome": "Ran them all", "evidence_links": f"https://ok.example/a\n{link}"},
    )
    assert response.status_code == 200
    assert "web link" in response.content.decode()
    assert still_open(goal)


@pytest.mark.parametrize("link", HOSTILE)
def test_the_action_refuses_a_link_that_is_not_http_whoever_calls_it(
    link: str, goal: Goal, alice: User
) -> None:
    with pytest.raises(ValidationError) as refused:
        do_complete_goal(goal=goal, actor=alice, outcome="Done", evidence_links=link)
    assert "evidence_links" in refused.value.message_dict
    with pytest.raises(ValidationError):
        do_rate_competency(
            assessment=do_start_assessment(person=alice, assessor=alice),
            actor=alice,
            competency_key="data",
            score=2,
            evidence_links=link,
        )
    assert still_open(goal)
    assert not Rating.objects.filter(evidence_links__contains=link.strip()).exists()


def test_web_links_are_kept_and_shown_as_links(
    goal: Goal, alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    do_complete_goal(
        goal=goal,
        actor=alice,
        outcome="Ran them all",
        evidence_links="https://wiki.example/interviews\nhttp://intranet.example/notes",
    )
    page = client_for(bob).get(reverse("goal_detail", args=[goal.pk])).content.decode()
    assert 'href="https://wiki.example/interviews"' in page
    assert 'href="http://intranet.example/notes"' in page


def test_a_stored_link_of_another_kind_is_shown_as_text_not_a_link(
    goal: Goal, alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    do_complete_goal(goal=goal, actor=alice, outcome="Ran them all")
    Goal.objects.filter(pk=goal.pk).update(evidence_links="javascript:alert(6)")  # old data
    page = client_for(bob).get(reverse("goal_detail", args=[goal.pk])).content.decode()
    assert 'href="javascript' not in page.lower()
    assert "javascript:alert(6)" in page  # nothing she wrote is lost


def test_a_stored_rating_link_of_another_kind_is_shown_as_text_not_a_link(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    do_rate_competency(assessment=assessment, actor=alice, competency_key="data", score=2)
    Rating.objects.filter(assessment=assessment).update(evidence_links="javascript:alert(7)")
    page = client_for(alice).get(reverse("assessment_detail", args=[assessment.pk]))
    assert page.status_code == 200
    assert 'href="javascript' not in page.content.decode().lower()
    assert "javascript:alert(7)" in page.content.decode()

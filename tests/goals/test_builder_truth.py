"""The builder's SMART check tells the truth: it judges what the person typed, in the goal
owner's context, the same way the goal page does; and a save either fully happens or shows
a form error with nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.goals import checking
from stepwise.goals.models import Goal, GoalEvent, GoalStatus
from stepwise.people.models import User
from tests.goals.conftest import day
from tests.goals.test_goal_pages import builder_data

pytestmark = pytest.mark.django_db

Clients = Callable[[User], Client]
MakeGoal = Callable[..., Goal]


def live_check(client: Client, url: str | None = None, **changes: str) -> str:
    response = client.post(
        url or reverse("goal_builder_check"), builder_data(**changes), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    return response.content.decode()


def achievable_row(html: str) -> str:
    return html.split("<strong>Achievable</strong>")[1].split("</li>")[0]


# ---- a. the live check uses what is typed, and never counts the edited goal twice ---------


def test_live_check_judges_the_hours_typed_in_the_form(alice: User, client_for: Clients) -> None:
    alice.weekly_growth_hours = Decimal(5)
    alice.save()
    client = client_for(alice)
    within = achievable_row(live_check(client, weekly_effort_hours="4"))
    beyond = achievable_row(live_check(client, weekly_effort_hours="9"))
    assert "verdict__reason" in within and "4 h a week fits" in within
    assert "9 h a week for this goal" in beyond and "capacity of 5 h" in beyond


def test_live_check_with_no_weekly_effort_does_not_blame_this_goal_for_the_others(
    alice: User, client_for: Clients, make_goal: MakeGoal
) -> None:
    alice.weekly_growth_hours = Decimal(5)
    alice.save()
    make_goal(alice, weekly_effort_hours=Decimal(8))
    page = live_check(client_for(alice), weekly_effort_hours="0")
    row = achievable_row(page)
    assert "8 h of your 5 h" in row
    assert "Lower this goal" not in page


def test_live_check_on_the_edit_page_does_not_count_the_goal_being_edited(
    alice: User, client_for: Clients, make_goal: MakeGoal
) -> None:
    alice.weekly_growth_hours = Decimal(5)
    alice.save()
    goal = make_goal(alice, weekly_effort_hours=Decimal(4))
    url = reverse("goal_edit_check", args=[goal.pk])
    row = achievable_row(live_check(client_for(alice), url, weekly_effort_hours="3"))
    assert "3 h a week fits your capacity of 5 h" in row  # not 4 + 3 = 7

    page = client_for(alice).get(reverse("goal_edit", args=[goal.pk])).content.decode()
    assert "4 h a week fits your capacity of 5 h" in achievable_row(page)  # not 4 + 4 = 8


def test_live_check_counts_the_owners_other_active_goals(
    alice: User, client_for: Clients, make_goal: MakeGoal
) -> None:
    alice.weekly_growth_hours = Decimal(5)
    alice.save()
    make_goal(alice, title="Another active goal", weekly_effort_hours=Decimal(3))
    row = achievable_row(live_check(client_for(alice), weekly_effort_hours="3"))
    assert "3 h a week for this goal and 3 h for the other active goals make 6 h" in row


def test_edit_page_check_is_only_for_the_goals_owner(
    alice: User, bob: User, client_for: Clients, shared_goal: Goal
) -> None:
    url = reverse("goal_edit_check", args=[shared_goal.pk])
    response = client_for(bob).post(url, builder_data(), HTTP_HX_REQUEST="true")
    assert response.status_code == 404


def test_live_check_reads_words_in_time_from_the_typed_start_date(
    alice: User, client_for: Clients
) -> None:
    html = live_check(
        client_for(alice),
        title="Run 6 customer interviews within 6 weeks",
        start_date="2031-03-01",
        due_date="",
    )
    assert 'value="2031-04-12"' in html  # six weeks after the start, not after today


# ---- b. a goal is judged in its owner's context, whoever looks at it ----------------------


def test_goal_page_judges_the_goal_against_its_owners_capacity_not_the_viewers(
    alice: User, bob: User, client_for: Clients, make_goal: MakeGoal
) -> None:
    alice.weekly_growth_hours = Decimal(10)
    alice.save()
    bob.weekly_growth_hours = Decimal(1)
    bob.save()
    make_goal(bob, title="Bob's own heavy goal", weekly_effort_hours=Decimal(8))
    goal = make_goal(alice, weekly_effort_hours=Decimal(4))
    for viewer, whose in ((alice, "your"), (bob, "Alice's")):
        page = client_for(viewer).get(reverse("goal_detail", args=[goal.pk])).content.decode()
        row = achievable_row(page).replace("&#x27;", "'")
        assert f"4 h a week fits {whose} capacity of 10 h" in row, viewer.username


def test_goal_context_is_the_owners_for_a_saved_and_an_unsaved_goal(
    alice: User, make_goal: MakeGoal
) -> None:
    alice.weekly_growth_hours = Decimal(6)
    alice.timezone = "Pacific/Kiritimati"
    alice.save()
    saved = make_goal(alice, weekly_effort_hours=Decimal(2))
    make_goal(alice, title="Other", weekly_effort_hours=Decimal(1))
    unsaved = Goal(owner=alice, title="Draft words", weekly_effort_hours=Decimal(3))
    for goal, own in ((saved, 2.0), (unsaved, 3.0)):
        context = checking.goal_context(goal, viewer=alice)
        assert context.weekly_capacity_hours == 6.0
        assert context.effort_hours_per_week == own
        others = 1.0 if goal is saved else 3.0  # both saved goals are others to a new one
        assert context.other_active_goals_effort_hours_per_week == others
        assert context.level == alice.level


# ---- c. the goal's due date is its deadline; the why never sets one -----------------------


def test_the_due_date_is_the_deadline_over_a_date_in_the_title(
    alice: User, make_goal: MakeGoal
) -> None:
    goal = make_goal(
        alice, title="Run 6 customer interviews by end of Q3 2031", due_date=day(40), why=""
    )
    analysis = checking.judge_goal(goal, viewer=alice)
    assert analysis.time_bound.passed
    assert analysis.deadline == day(40)


def test_a_date_in_the_why_never_sets_the_deadline(alice: User, make_goal: MakeGoal) -> None:
    goal = make_goal(
        alice,
        title="Run 6 customer interviews about onboarding",
        why="so that we are ready for the launch in Q4 2031",
        due_date=day(40),
    )
    assert checking.judge_goal(goal, viewer=alice).deadline == day(40)
    undated = make_goal(
        alice,
        title="Run 6 customer interviews about onboarding",
        why="we are ready for the launch in Q4 2031",
        due_date=None,
        status=GoalStatus.DRAFT,
    )
    analysis = checking.judge_goal(undated, viewer=alice)
    assert analysis.deadline is None
    assert not analysis.time_bound.passed
    assert analysis.relevant.passed  # the why still says why it matters


def test_live_check_proposes_the_titles_deadline_not_the_whys(
    alice: User, client_for: Clients
) -> None:
    html = live_check(
        client_for(alice),
        title="Run 6 customer interviews by end of Q1 2031",
        why="so that we are ready by the end of Q3 2031",
        due_date="",
    )
    assert 'value="2031-03-31"' in html and "2031-09-30" not in html


# ---- f. Target: the label says when it is needed, the error what to do ---------------------


def test_builder_labels_target_as_needed_to_start_not_optional(
    alice: User, client_for: Clients
) -> None:
    page = client_for(alice).get(reverse("goal_new")).content.decode()
    label = page.split('for="id_target"')[1].split("</label>")[0]
    assert "needed to start" in label and "optional" not in label
    assert "Needed to start a goal measured by a number" in page


def test_starting_a_numeric_goal_without_target_says_what_to_do(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).post(
        reverse("goal_new"), {**builder_data(target=""), "activate": "1"}
    )
    error = response.content.decode().split('id="id_target_error"')[1].split("</ul>")[0]
    assert "enter the number you aim to reach" in error and "draft" in error
    assert not Goal.objects.exists()
    draft = client_for(alice).post(reverse("goal_new"), builder_data(target=""))
    assert draft.status_code == 302 and Goal.objects.get().status == GoalStatus.DRAFT


# ---- g. no text makes the builder answer 500 after saving ----------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"why": "we can fix the drop-off for every new customer. " * 60},  # ~2,900 characters
        {"title": "Interview 8 customers 🚀🚀", "why": "✨" * 2500},
        {"title": "Interview 8 customers", "why": "!!!???"},
        {"title": "Interview 8 customers by Q3 " + "x" * 150},
    ],
)
@pytest.mark.parametrize("activate", ["", "1"])
def test_builder_saves_once_and_answers_with_the_goal_page(
    alice: User, client_for: Clients, changes: dict[str, str], activate: str
) -> None:
    response = client_for(alice).post(
        reverse("goal_new"), {**builder_data(**changes), "activate": activate}
    )
    assert response.status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == reverse("goal_detail", args=[goal.pk])
    assert goal.events.get().kind == GoalEvent.Kind.CREATED
    page = client_for(alice).get(response["Location"])
    assert page.status_code == 200 and "Achievable" in page.content.decode()


@pytest.mark.parametrize(
    "title", ["!!!???", "🚀🚀🚀", "12345", "   ", "...", "— — —", "2027", "%$#@!"]
)
def test_a_title_without_words_is_a_clear_form_error_and_nothing_is_saved(
    alice: User, client_for: Clients, title: str
) -> None:
    response = client_for(alice).post(
        reverse("goal_new"),
        {**builder_data(title=title, why="so that customers stay"), "activate": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_title_error"')[1].split("</ul>")[0]
    assert "in words" in error or "required" in error
    assert not Goal.objects.exists() and not GoalEvent.objects.exists()


def test_every_door_refuses_a_title_without_words(alice: User) -> None:
    from django.core.exceptions import ValidationError

    from stepwise.goals.actions import do_create_goal

    with pytest.raises(ValidationError, match="in words"):
        do_create_goal(owner=alice, title="?!?!", start_date=day(0))
    assert not Goal.objects.exists()


def test_a_failure_after_the_save_leaves_nothing_saved(
    alice: User, client_for: Clients, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepwise.goals import views

    def broken(goal: Goal, **_: Any) -> Any:
        raise RuntimeError("the checker broke after the save")

    monkeypatch.setattr(views, "judge_goal_or_none", broken)
    client = client_for(alice)
    client.raise_request_exception = False
    response = client.post(reverse("goal_new"), {**builder_data(), "activate": "1"})
    assert response.status_code == 500
    assert not Goal.objects.exists() and not GoalEvent.objects.exists()


# ---- e. the target in words is proposed as the deadline in words is -----------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Raise NPS from 30 to 45 by end of Q2 2031", {"target": "45", "baseline": "30"}),
        ("Raise CSAT to 4/5 by March 2031", {"target": "4", "metric_unit": "out of 5"}),
        ("Run 8 interviews by end of Q1 2031", {"target": "8", "metric_unit": "interviews"}),
        ("Cut churn from 5% to 3.5% in H1 2031", {"target": "3.5", "baseline": "5"}),
    ],
)
def test_live_check_proposes_the_target_and_baseline_named_in_the_title(
    alice: User, client_for: Clients, title: str, expected: dict[str, str]
) -> None:
    html = live_check(
        client_for(alice), title=title, target="", baseline="", metric_unit="", due_date=""
    )
    for name, value in expected.items():
        field = (
            html.split(f'id="id_{name}"')[0].rsplit("<input", 1)[1]
            + html.split(f'id="id_{name}"')[1].split(">")[0]
        )
        assert f'value="{value}"' in field and 'hx-swap-oob="true"' in field, (name, field)
    assert "from your words" in html.split('id="target-filled"')[1]


def test_live_check_leaves_a_typed_target_alone(alice: User, client_for: Clients) -> None:
    html = live_check(
        client_for(alice), title="Raise NPS from 30 to 45 by end of Q2 2031", target="50"
    )
    assert 'id="id_target"' not in html and 'id="target-filled"' not in html

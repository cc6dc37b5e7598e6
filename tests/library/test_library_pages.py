"""The goal library's pages: search, filters, one template, and adopting it in the builder."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stepwise.goals.library.catalogue import load_library, template_by_key
from stepwise.goals.library.vocabulary import LEVEL_NAMES
from stepwise.goals.models import Goal, GoalEvent, GoalStatus
from stepwise.people.models import Level, User

pytestmark = pytest.mark.django_db

Clients = Callable[[User], Client]
LIBRARY = "/goals/library/"
TEARDOWNS = "competitor-teardowns"


def cards(response: Any) -> list[Any]:
    assert response.status_code == 200
    return list(response.context["cards"])


def keys(response: Any) -> list[str]:
    return [card.key for card in cards(response)]


def adopted_form_data(client: Client, key: str, **changes: Any) -> dict[str, Any]:
    """What the builder, opened from the library, would post unchanged (plus ``changes``)."""
    response = client.get(f"/goals/new/?template={key}")
    assert response.status_code == 200
    form = response.context["form"]
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        data[name] = value.isoformat() if isinstance(value, date) else value
    data["add_steps"] = "on"
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# ---- search ------------------------------------------------------------------------------


def test_search_finds_competitor_research_resolved_for_the_person(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).get(LIBRARY, {"q": "research competitors", "level": ""})
    found = keys(response)
    assert found[0] == TEARDOWNS
    first = cards(response)[0]
    assert "Checkout" in first.goal.title and "Bob" in first.goal.title
    html = response.content.decode()
    assert f'href="/goals/new/?template={TEARDOWNS}"' in html
    assert "Market and competitor research" in html  # the competency's name, not its key
    assert f"{len(found)} goal" in html


def test_first_visit_shows_the_persons_level_and_lets_them_clear_it(
    alice: User, client_for: Clients
) -> None:
    client = client_for(alice)
    first = client.get(LIBRARY)
    assert first.context["level_defaulted"] is True
    assert "your level" in first.content.decode()
    assert all(card.template.fits_level(Level.ASSOCIATE_PM) for card in cards(first))
    every = client.get(LIBRARY, {"level": ""})
    assert every.context["level_defaulted"] is False
    assert every.context["count"] == len(load_library())
    assert "your level" not in every.content.decode()


def test_someone_without_a_level_sees_every_level(
    make_person: Callable[..., User], client_for: Clients
) -> None:
    newcomer = make_person("newcomer")
    response = client_for(newcomer).get(LIBRARY)
    assert response.context["level_defaulted"] is False
    assert response.context["count"] == len(load_library())


def test_competency_and_level_filters_narrow_the_results(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    by_competency = cards(client.get(LIBRARY, {"competency": "data", "level": ""}))
    assert by_competency
    assert all(card.template.has_competency("data") for card in by_competency)
    both = cards(client.get(LIBRARY, {"competency": "data", "level": "senior_pm"}))
    assert both
    assert all(
        c.template.has_competency("data") and c.template.fits_level("senior_pm") for c in both
    )
    assert len(both) < len(by_competency) + len(load_library())


def test_a_misspelt_query_still_finds_goals_and_offers_the_correction(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).get(LIBRARY, {"q": "stakehodler", "level": ""})
    assert cards(response)
    assert response.context["did_you_mean"] == "stakeholder"
    assert "Did you mean" in response.content.decode()


def test_a_query_that_matches_nothing_says_what_to_do_next(
    alice: User, client_for: Clients
) -> None:
    response = client_for(alice).get(LIBRARY, {"q": "qqqq zzzz xxxx", "level": ""})
    assert cards(response) == []
    html = response.content.decode()
    assert "Nothing in the library matches" in html
    assert "Write your own goal" in html


def test_an_unknown_competency_is_explained_on_the_field(alice: User, client_for: Clients) -> None:
    response = client_for(alice).get(LIBRARY, {"competency": "juggling", "level": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["competency"]
    assert response.context["count"] == len(load_library())  # the bad filter is left out


def test_htmx_gets_only_the_results(alice: User, client_for: Clients) -> None:
    response = client_for(alice).get(
        LIBRARY, {"q": "interviews", "level": ""}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="library-results"')
    assert "<html" not in html and "site-header" not in html


def test_the_pages_have_no_inline_scripts_or_styles(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    for url in (LIBRARY, f"{LIBRARY}{TEARDOWNS}/", f"/goals/new/?template={TEARDOWNS}"):
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, (url, tag)


def test_library_is_in_the_navigation(alice: User, client_for: Clients) -> None:
    html = client_for(alice).get(LIBRARY).content.decode()
    assert f'<a href="{LIBRARY}" aria-current="page">Library</a>' in html


def test_the_library_page_runs_the_same_queries_for_one_result_or_all(
    alice: User, client_for: Clients, django_assert_max_num_queries: Any
) -> None:
    client = client_for(alice)
    client.get(LIBRARY)  # first visit creates per-process caches and settings rows

    def queries(params: dict[str, str]) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIBRARY, params)
        return len(captured), len(cards(response))

    few_queries, few = queries({"q": "teardowns", "level": ""})
    many_queries, many = queries({"level": ""})
    assert few < many and many > 20
    assert few_queries == many_queries
    with django_assert_max_num_queries(8):
        client.get(LIBRARY, {"level": ""})


def test_level_names_match_the_profile_levels() -> None:
    assert {key: str(label) for key, label in Level.choices} == LEVEL_NAMES


# ---- one template ------------------------------------------------------------------------


def test_a_template_page_shows_the_plan_for_the_person(alice: User, client_for: Clients) -> None:
    template = template_by_key(TEARDOWNS)
    assert template is not None
    response = client_for(alice).get(f"{LIBRARY}{TEARDOWNS}/")
    assert response.status_code == 200
    html = response.content.decode()
    card = response.context["card"]
    assert "Bob" in card.goal.title
    assert len(card.goal.steps) == len(template.steps)
    for step in card.goal.steps:
        assert step.title.replace("'", "&#x27;") in html
    assert template.keywords[0] in html
    assert "Market and competitor research" in html
    assert f'href="/goals/new/?template={TEARDOWNS}"' in html


def test_the_library_reads_for_each_person(eve: User, client_for: Clients) -> None:
    card = client_for(eve).get(f"{LIBRARY}{TEARDOWNS}/").context["card"]
    assert "Carol" in card.goal.title and "Discovery" in card.goal.title
    assert "Bob" not in card.goal.title


def test_an_unknown_template_is_not_found(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    assert client.get(f"{LIBRARY}no-such-goal/").status_code == 404
    assert client.get("/goals/new/?template=no-such-goal").status_code == 404


@pytest.mark.parametrize(
    "url", [LIBRARY, f"{LIBRARY}{TEARDOWNS}/", f"/goals/new/?template={TEARDOWNS}"]
)
def test_anonymous_visitors_are_sent_to_sign_in(url: str, client: Client, db: None) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


# ---- adopting ----------------------------------------------------------------------------


def test_use_this_goal_fills_in_the_builder_for_the_person(
    alice: User, client_for: Clients
) -> None:
    template = template_by_key(TEARDOWNS)
    assert template is not None
    response = client_for(alice).get(f"/goals/new/?template={TEARDOWNS}")
    assert response.status_code == 200
    initial = response.context["form"].initial
    today = alice.today()
    assert "Bob" in initial["title"] and "Checkout" in initial["title"]
    assert initial["start_date"] == today
    assert initial["due_date"] == today + timedelta(weeks=template.weeks)
    assert initial["template_key"] == TEARDOWNS
    assert initial["priority"] == 2 and initial["visibility"] == "manager"
    html = response.content.decode()
    assert "Adopted from the library:" in html
    assert "change anything to make it yours" in html
    assert f'value="{TEARDOWNS}"' in html
    assert f"Add the {len(template.steps)} suggested steps" in html
    assert 'id="id_add_steps" checked' in html


def test_saving_an_adopted_goal_keeps_its_template_and_adds_the_steps(
    alice: User, client_for: Clients
) -> None:
    template = template_by_key(TEARDOWNS)
    assert template is not None
    client = client_for(alice)
    data = adopted_form_data(client, TEARDOWNS, activate="1", title="My own teardowns by March")
    response = client.post("/goals/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    goal = Goal.objects.get(owner=alice)
    assert goal.template_key == TEARDOWNS
    assert goal.title == "My own teardowns by March"
    assert goal.status == GoalStatus.ACTIVE
    steps = list(goal.steps.alive().order_by("position"))
    assert len(steps) == len(template.steps)
    assert "Bob" in steps[0].title
    assert all(goal.start_date <= s.due_date <= goal.due_date for s in steps if s.due_date)
    assert steps[-1].due_date == goal.due_date
    kinds = list(goal.events.values_list("kind", flat=True))
    assert kinds.count(GoalEvent.Kind.STEP_ADDED) == len(template.steps)


def test_unticking_the_suggested_steps_saves_the_goal_alone(
    alice: User, client_for: Clients
) -> None:
    client = client_for(alice)
    data = adopted_form_data(client, TEARDOWNS)
    del data["add_steps"]
    assert client.post("/goals/new/", data).status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert goal.template_key == TEARDOWNS
    assert goal.steps.count() == 0


def test_a_goal_of_ones_own_has_no_template(alice: User, client_for: Clients) -> None:
    client = client_for(alice)
    data = adopted_form_data(client, TEARDOWNS, template_key="", add_steps="on")
    assert client.post("/goals/new/", data).status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert goal.template_key == ""
    assert goal.steps.count() == 0


def test_bad_input_on_an_adopted_goal_keeps_the_notice_and_saves_nothing(
    alice: User, client_for: Clients
) -> None:
    client = client_for(alice)
    data = adopted_form_data(client, TEARDOWNS, title="")
    response = client.post("/goals/new/", data)
    assert response.status_code == 200
    assert "Adopted from the library:" in response.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()

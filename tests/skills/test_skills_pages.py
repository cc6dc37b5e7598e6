"""The skills pages through HTTP: the wizard, the radar, comparisons, choosing priorities, the
framework. (The priorities page and the guide are home's: tests/home/.)"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stepwise.people.models import User
from stepwise.skills.actions import do_share_assessment, do_start_assessment
from stepwise.skills.framework_file import default_framework_path
from stepwise.skills.models import Assessment, FrameworkVersion, PriorityChoice, Rating

pytestmark = pytest.mark.django_db


def wizard_post(keys: list[str], score: int = 1, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {f"{key}-score": str(score) for key in keys}
    data.update(extra)
    return data


def test_newcomer_is_invited_to_rate_themselves(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).get(reverse("skills_home")).content.decode()
    assert "No finished self-assessment yet" in page
    assert "Start your self-assessment" in page
    assert "radar-data" not in page


def test_the_wizard_shows_every_competency_with_each_level_expectation(
    alice: User, client_for: Callable[[User], Client], competency_keys: list[str]
) -> None:
    client = client_for(alice)
    response = client.post(reverse("assessment_start"))
    assessment = Assessment.objects.get(person=alice)
    assert response.url == reverse("assessment_edit", args=[assessment.pk])  # type: ignore[attr-defined]
    page = client.get(response.url).content.decode()  # type: ignore[attr-defined]
    assert page.count("data-wizard-step") == len(competency_keys) + 1  # + the overall notes
    spec = assessment.spec
    delivery = spec.competency("delivery")
    assert delivery is not None
    assert html.escape(delivery.expectations["senior_pm"][:40]) in page


def test_saving_and_finishing_the_wizard_records_every_rating(
    alice: User, client_for: Callable[[User], Client], competency_keys: list[str]
) -> None:
    client = client_for(alice)
    assessment = do_start_assessment(person=alice, assessor=alice)
    data = wizard_post(
        competency_keys,
        score=1,
        finish="1",
        **{
            "data-evidence": "Built the checkout funnel dashboard",
            "data-evidence_links": "https://example.com/funnel",
            "data-is_interest": "on",
        },
    )
    response = client.post(reverse("assessment_edit", args=[assessment.pk]), data)
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert not assessment.is_draft
    data_rating = assessment.ratings.get(competency_key="data")
    assert data_rating.is_interest and data_rating.links() == ["https://example.com/funnel"]
    page = client.get(reverse("skills_home")).content.decode()
    radar = json.loads(page.split('id="radar-data" type="application/json">')[1].split("<")[0])
    assert len(radar["labels"]) == len(competency_keys)
    kinds = [d["kind"] for d in radar["datasets"]]
    assert kinds == ["now", "expected_now", "expected_target"]
    assert radar["datasets"][2]["values"][0] == 2  # alice aims for PM, the second level
    assert "Gap to target" in page  # the table that is the chart's text alternative


def test_a_bad_link_saves_nothing_and_says_why(
    alice: User, client_for: Callable[[User], Client], competency_keys: list[str]
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    data = wizard_post(competency_keys, **{"data-evidence_links": "javascript:alert(1)"})
    response = client_for(alice).post(reverse("assessment_edit", args=[assessment.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a web link" in page
    assert "correct the answers marked below (Data and metrics)" in page
    assert not Rating.objects.filter(assessment=assessment).exists()


def test_finishing_with_gaps_keeps_the_ratings_and_names_what_is_left(
    alice: User, client_for: Callable[[User], Client], competency_keys: list[str]
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    data = wizard_post(competency_keys[:3], finish="1")
    client = client_for(alice)
    response = client.post(reverse("assessment_edit", args=[assessment.pk]), data, follow=True)
    assert "10 left" in response.content.decode()
    assert assessment.ratings.count() == 3
    assessment.refresh_from_db()
    assert assessment.is_draft


def test_autosave_rates_one_competency(alice: User, client_for: Callable[[User], Client]) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    url = reverse("assessment_rate", args=[assessment.pk, "vision"])
    client = client_for(alice)
    saved = client.post(url, {"vision-score": "2"}, headers={"HX-Request": "true"})
    assert saved.status_code == 200 and "Saved at" in saved.content.decode()
    refused = client.post(url, {"vision-score": "9"}, headers={"HX-Request": "true"})
    assert refused.status_code == 422 and "Not saved" in refused.content.decode()
    assert assessment.ratings.get(competency_key="vision").score == 2


def test_nobody_else_opens_or_autosaves_a_draft(
    alice: User, bob: User, eve: User, client_for: Callable[[User], Client]
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    for outsider in (bob, eve):
        client = client_for(outsider)
        assert client.get(reverse("assessment_edit", args=[assessment.pk])).status_code == 404
        assert client.get(reverse("assessment_detail", args=[assessment.pk])).status_code == 404
        url = reverse("assessment_rate", args=[assessment.pk, "vision"])
        assert client.post(url, {"vision-score": "2"}).status_code == 404
    assert not assessment.ratings.exists()


def test_self_and_manager_side_by_side_once_shared(
    alice: User,
    bob: User,
    client_for: Callable[[User], Client],
    assess: Callable[..., Assessment],
) -> None:
    own = assess(alice, default=1)
    managers = assess(alice, assessor=bob, default=2)
    client = client_for(alice)
    compare = reverse("assessment_compare") + f"?a={own.pk}&b={managers.pk}"
    assert client.get(compare).status_code == 404  # not shared yet
    do_share_assessment(assessment=managers, actor=bob)
    home = client.get(reverse("skills_home")).content.decode()
    assert "From your manager" in home
    page = client.get(compare).content.decode()
    assert "Self and manager side by side" in page
    assert page.count('<span class="badge badge--ok">+1</span>') == 13


def test_manager_assesses_a_report_from_the_skills_page(
    alice: User, bob: User, dan: User, eve: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(bob).get(reverse("skills_home")).content.decode()
    assert "Assess Alice" in page and "Assess Dan" in page
    response = client_for(bob).post(reverse("assessment_start_for", args=[alice.pk]))
    assert response.status_code == 302
    assert Assessment.objects.get(person=alice).assessor == bob
    assert client_for(eve).post(reverse("assessment_start_for", args=[alice.pk])).status_code == 404


def test_pin_and_dismiss_move_priorities(
    alice: User, client_for: Callable[[User], Client], assess: Callable[..., Assessment]
) -> None:
    assess(alice, default=1, scores={"data": 0})
    client = client_for(alice)
    client.post(reverse("priority_choose", args=["leadership"]), {"state": "pinned"})
    client.post(reverse("priority_choose", args=["data"]), {"state": "dismissed"})
    page = client.get(reverse("priorities")).content.decode()
    assert page[page.index('id="priority-') :].startswith('id="priority-leadership"')
    assert "Set aside for now (1)" in page
    assert set(PriorityChoice.objects.values_list("competency_key", "state")) == {
        ("leadership", "pinned"),
        ("data", "dismissed"),
    }
    bad = client.post(reverse("priority_choose", args=["astrology"]), {"state": "pinned"})
    assert bad.status_code == 302
    assert PriorityChoice.objects.count() == 2


def test_framework_page_and_download(alice: User, client_for: Callable[[User], Client]) -> None:
    client = client_for(alice)
    page = client.get(reverse("framework")).content.decode()
    assert "Market and competitor research" in page and "Director of Product" in page
    download = client.get(reverse("framework_download"))
    assert download["Content-Type"].startswith("application/yaml")
    assert b"key: stepwise-pm" in download.content


def test_admin_imports_a_framework_and_sees_every_problem_of_a_bad_one(
    admin: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(admin)
    before = FrameworkVersion.objects.count()
    broken = "key: Bad Key\nname: ''\nlevels: []\nareas: []\n"
    page = client.post(reverse("frameworks"), {"text": broken}).content.decode()
    assert "Nothing was imported" in page and "line 1" in page
    assert FrameworkVersion.objects.count() == before
    text = default_framework_path().read_text().replace("key: stepwise-pm", "key: team-pm", 1)
    upload = SimpleUploadedFile("team.yaml", text.encode())
    response = client.post(reverse("frameworks"), {"file": upload, "activate": "on"})
    assert response.status_code == 302
    assert FrameworkVersion.objects.count() == before + 1
    assert client_for(alice).get(reverse("frameworks")).status_code == 404


def test_skills_home_runs_the_same_queries_however_many_assessments(
    alice: User,
    client_for: Callable[[User], Client],
    assess: Callable[..., Assessment],
    django_assert_max_num_queries: Any,
) -> None:
    assess(alice)
    assess(alice)
    client = client_for(alice)
    client.get(reverse("skills_home"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        client.get(reverse("skills_home"))
    for _ in range(4):
        assess(alice)
    with django_assert_max_num_queries(len(two.captured_queries)):
        client.get(reverse("skills_home"))


def test_the_organisation_page_leads_admins_to_the_frameworks(
    admin: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(admin).get(reverse("organisation")).content.decode()
    assert reverse("frameworks") in page


def test_a_growth_path_goal_opens_the_builder_with_its_words(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    from stepwise.skills.guide import growth_path

    path = growth_path("apm-to-pm")
    assert path is not None
    client = client_for(alice)
    page = client.get(reverse("growth_path", args=["apm-to-pm"])).content.decode()
    goal = path.stages[0].goals[0]
    assert html.escape(goal) in page
    link = page.split("Make it my goal")[0].rsplit('href="', 1)[1].split('"')[0]
    builder = client.get(html.unescape(link)).content.decode()
    assert f'value="{html.escape(goal)}"' in builder
    assert client.get(reverse("growth_path", args=["nowhere"])).status_code == 404


def test_a_fresh_draft_assessment_page_shows_dashes_for_unrated_competencies(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    assessment = do_start_assessment(person=alice, assessor=alice)
    page = client_for(alice).get(f"/skills/assessments/{assessment.pk}/")
    assert page.status_code == 200
    assert "—" in page.content.decode()

"""An assessment's page renders at every stage for every person: a draft with no rating yet,
a person without a level or a target level, and a draft started through the API."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client

from stepwise.people.models import User
from stepwise.skills.framework_file import level_at
from stepwise.skills.models import Assessment, FrameworkVersion
from stepwise.skills.templatetags import skills as skills_tags

LADDER = ("Associate PM", "PM", "Senior PM", "Principal PM", "Director")


@pytest.mark.parametrize("persona", ["alice", "bob", "carol", "dan", "eve"])
def test_a_draft_started_through_the_api_opens_on_its_page(
    persona: str, db: None, request: pytest.FixtureRequest, client_for: Callable[[User], Client]
) -> None:
    person: User = request.getfixturevalue(persona)
    client = client_for(person)
    started = client.post(
        "/api/v1/assessments", data=json.dumps({}), content_type="application/json"
    )
    assert started.status_code == 201, started.content
    page = client.get(f"/skills/assessments/{started.json()['id']}/")
    assert page.status_code == 200
    assert "Not rated yet" in page.content.decode() or "—" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["alice", "bob", "carol", "dan", "eve"])
def test_a_demo_persons_draft_opens_on_its_page(persona: str) -> None:
    from stepwise.goals.demo import load_demo_goals
    from stepwise.people.demo import load_demo
    from stepwise.skills.demo import load_demo_assessments

    load_demo()
    load_demo_goals()
    load_demo_assessments()
    client = Client()
    client.force_login(User.objects.get(username=persona))
    started = client.post(
        "/api/v1/assessments", data=json.dumps({}), content_type="application/json"
    )
    assert started.status_code == 201, started.content
    page = client.get(f"/skills/assessments/{started.json()['id']}/")
    assert page.status_code == 200


def test_a_person_without_a_level_sees_their_draft_and_their_priorities(
    make_person: Callable[..., User],
    client_for: Callable[[User], Client],
    assess: Callable[..., Assessment],
) -> None:
    newcomer = make_person("newcomer")  # no level, no target level, no manager
    client = client_for(newcomer)
    started = client.post(
        "/api/v1/assessments", data=json.dumps({}), content_type="application/json"
    )
    draft = started.json()["id"]
    key = FrameworkVersion.objects.active().spec.competencies()[0].key
    rated = client.put(
        f"/api/v1/assessments/{draft}/ratings/{key}",
        data=json.dumps({"score": 2}),
        content_type="application/json",
    )
    assert rated.status_code == 200, rated.content
    assert rated.json()["level_name"]
    for path in (f"/skills/assessments/{draft}/", "/skills/", "/skills/priorities/"):
        assert client.get(path).status_code == 200, path
    Assessment.objects.filter(pk=draft).delete()
    finished = assess(newcomer, default=2)
    assert client.get(f"/skills/assessments/{finished.pk}/").status_code == 200
    priorities = client.get("/skills/priorities/").content.decode()
    assert "Set your current and target level" in priorities


@pytest.mark.parametrize("position", [None, 0, -1, 6, 99, "", "2", True, 2.0])
def test_no_level_is_named_for_a_missing_or_odd_position(position: object) -> None:
    assert level_at(LADDER, position) is None
    assert skills_tags.level_name(LADDER, position) in {"—", "Not yet", str(position)}


def test_a_score_is_named_by_the_level_it_meets() -> None:
    assert level_at(LADDER, 2) == "PM"
    assert skills_tags.level_name(LADDER, 2) == "PM (2)"
    assert skills_tags.level_name(LADDER, 0) == "Not yet"
    assert skills_tags.level_name(LADDER, None) == "—"
    assert skills_tags.level_name("", 3) == "3"  # a template without levels still renders

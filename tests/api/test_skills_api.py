"""Frameworks, assessments and priorities over real HTTP: the flows, the errors, the outsiders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from stepwise.people.models import User
from stepwise.skills import actions
from stepwise.skills.framework_file import COMPETENCY_KEYS
from stepwise.skills.models import Assessment, PriorityChoice, Rating
from tests.api.conftest import ApiResponse

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]
Tokens = Callable[[User], str]
As = Callable[..., ApiResponse]

# The default framework: five levels, thirteen competencies in four areas (decision 0005).
KEYS = list(COMPETENCY_KEYS)


@pytest.fixture
def as_person(api: Api, token_for: Tokens) -> Callable[[User], As]:
    def for_person(person: User) -> As:
        token = token_for(person)
        return lambda method, path, **kwargs: api(method, path, token=token, **kwargs)

    return for_person


def field_errors(response: ApiResponse) -> dict[str, str]:
    """422 bodies as {field: message}, from either the schema's list or an action's fields."""
    assert response.status == 422, response.body
    detail = response.body["detail"]
    if isinstance(detail, list):
        return {str(error["loc"][-1]): error["msg"] for error in detail}
    return {name: " ".join(messages) for name, messages in response.body["fields"].items()}


def finished(person: User, assessor: User, scores: dict[str, int], **marks: Any) -> Assessment:
    """A finished assessment: every competency at 2 unless ``scores`` says otherwise."""
    assessment = actions.do_start_assessment(person=person, assessor=assessor)
    for key in KEYS:
        actions.do_rate_competency(
            assessment=assessment,
            actor=assessor,
            competency_key=key,
            score=scores.get(key, 2),
            **marks.get(key, {}),
        )
    return actions.do_complete_assessment(assessment=assessment, actor=assessor)


# ---- frameworks ----------------------------------------------------------------------------


def test_frameworks_list_the_active_one_with_its_latest_version(
    as_person: Callable[[User], As], alice: User
) -> None:
    response = as_person(alice)("GET", "/api/v1/frameworks")
    assert response.status == 200, response.body
    assert response.body["count"] == 1
    assert response.body["items"] == [
        {"key": "stepwise-pm", "name": "Product management", "is_active": True, "latest_version": 1}
    ]


def test_a_framework_reads_with_levels_areas_and_expectations(
    as_person: Callable[[User], As], alice: User
) -> None:
    as_alice = as_person(alice)
    body = as_alice("GET", "/api/v1/frameworks/stepwise-pm").body
    assert body["version"] == 1 and body["is_latest"] is True and body["is_active"] is True
    assert [level["key"] for level in body["levels"]] == [
        "associate_pm",
        "pm",
        "senior_pm",
        "principal_pm",
        "director",
    ]
    assert body["levels"][1] == {
        "key": "pm",
        "name": "Product Manager",
        "summary": body["levels"][1]["summary"],
        "position": 2,
    }
    assert [area["key"] for area in body["areas"]] == [
        "execution",
        "insight",
        "strategy",
        "influence",
    ]
    competencies = [c for area in body["areas"] for c in area["competencies"]]
    assert [c["key"] for c in competencies] == KEYS
    delivery = competencies[0]
    assert delivery["name"] == "Execution and delivery"
    assert list(delivery["expectations"]) == [level["key"] for level in body["levels"]]
    assert "rollout plan" in delivery["expectations"]["pm"]


def test_an_older_framework_version_stays_readable(
    as_person: Callable[[User], As], alice: User
) -> None:
    as_alice = as_person(alice)
    old = as_alice("GET", "/api/v1/frameworks/stepwise-pm").body
    text = old_text = _framework_text(old)
    text = text.replace('"name": "Execution and delivery"', '"name": "Delivery"')
    assert text != old_text
    actions.do_import_framework(text=text, fmt="json", actor=None)
    latest = as_alice("GET", "/api/v1/frameworks/stepwise-pm").body
    assert latest["version"] == 2 and latest["areas"][0]["competencies"][0]["name"] == "Delivery"
    first = as_alice("GET", "/api/v1/frameworks/stepwise-pm?version=1").body
    assert first["version"] == 1 and first["is_latest"] is False
    assert first["areas"][0]["competencies"][0]["name"] == "Execution and delivery"
    assert as_alice("GET", "/api/v1/frameworks").body["items"][0]["latest_version"] == 2


def _framework_text(body: dict[str, Any]) -> str:
    import json

    data = {
        "key": body["key"],
        "name": body["name"],
        "description": body["description"],
        "levels": [{k: lv[k] for k in ("key", "name", "summary")} for lv in body["levels"]],
        "areas": body["areas"],
    }
    return json.dumps(data, ensure_ascii=False)


def test_an_unknown_framework_or_version_is_a_json_404(
    as_person: Callable[[User], As], alice: User
) -> None:
    as_alice = as_person(alice)
    for path in ("/api/v1/frameworks/nope", "/api/v1/frameworks/stepwise-pm?version=7"):
        response = as_alice("GET", path)
        assert response.status == 404, path
        assert "detail" in response.body


# ---- the whole flow ------------------------------------------------------------------------


def test_self_assessment_from_start_to_shared_with_the_manager(
    as_person: Callable[[User], As], alice: User, bob: User
) -> None:
    as_alice, as_bob = as_person(alice), as_person(bob)
    started = as_alice("POST", "/api/v1/assessments", payload={})
    assert started.status == 201, started.body
    body = started.body
    assessment_id = body["id"]
    assert body["kind"] == "self"
    assert body["person"]["username"] == "alice" and body["assessor"]["username"] == "alice"
    assert body["framework"] == {"key": "stepwise-pm", "name": "Product management", "version": 1}
    assert body["level"] == "associate_pm" and body["level_position"] == 1
    assert body["target_level"] == "pm" and body["target_position"] == 2
    assert body["ratings"] == [] and body["unrated"] == KEYS
    assert body["is_finished"] is False and body["completed_at"] is None
    assert (body["rated"], body["competencies"]) == (0, 13)

    again = as_alice("POST", "/api/v1/assessments", payload={})
    assert again.status == 201 and again.body["id"] == assessment_id

    version = body["version"]
    for score, key in enumerate(KEYS):
        rated = as_alice(
            "PUT",
            f"/api/v1/assessments/{assessment_id}/ratings/{key}",
            payload={
                "score": score % 6,
                "evidence": f"Evidence for {key}",
                "evidence_links": ["https://example.com/doc"] if key == "data" else [],
                "is_interest": key == "vision",
                "version": version,
            },
        )
        assert rated.status == 200, (key, rated.body)
        assert rated.body["competency_key"] == key and rated.body["score"] == score % 6
        assert rated.body["assessment_version"] == version + 1
        version = rated.body["assessment_version"]
    data = next(r for r in Rating.objects.filter(competency_key="data"))
    assert data.links() == ["https://example.com/doc"]

    assert as_bob("GET", f"/api/v1/assessments/{assessment_id}").status == 404

    patched = as_alice(
        "PATCH",
        f"/api/v1/assessments/{assessment_id}",
        payload={"version": version, "summary": "A strong year for research."},
    )
    assert patched.status == 200, patched.body
    assert patched.body["summary"] == "A strong year for research."

    completed = as_alice("POST", f"/api/v1/assessments/{assessment_id}/complete")
    assert completed.status == 200, completed.body
    assert completed.body["is_finished"] is True and completed.body["completed_at"]
    assert completed.body["unrated"] == []
    assert as_bob("GET", f"/api/v1/assessments/{assessment_id}").status == 404

    shared = as_alice(
        "POST", f"/api/v1/assessments/{assessment_id}/share", payload={"shared": True}
    )
    assert shared.status == 200, shared.body
    assert shared.body["is_shared"] is True and shared.body["shared_at"]

    seen = as_bob("GET", f"/api/v1/assessments/{assessment_id}")
    assert seen.status == 200, seen.body
    ratings = {r["competency_key"]: r for r in seen.body["ratings"]}
    assert [r["competency_key"] for r in seen.body["ratings"]] == KEYS
    assert ratings["prioritisation"]["score"] == 1
    assert ratings["prioritisation"]["level_name"] == "Associate PM"
    assert ratings["delivery"]["level_name"] == ""
    assert ratings["data"]["evidence_links"] == ["https://example.com/doc"]
    assert ratings["vision"]["is_interest"] is True
    listed = as_bob("GET", f"/api/v1/assessments?person={alice.pk}").body
    assert [item["id"] for item in listed["items"]] == [assessment_id]

    unshared = as_alice(
        "POST", f"/api/v1/assessments/{assessment_id}/share", payload={"shared": False}
    )
    assert unshared.status == 200 and unshared.body["is_shared"] is False
    assert as_bob("GET", f"/api/v1/assessments/{assessment_id}").status == 404


def test_a_manager_assesses_a_report_who_sees_it_only_once_shared(
    as_person: Callable[[User], As], alice: User, bob: User
) -> None:
    as_alice, as_bob = as_person(alice), as_person(bob)
    started = as_bob("POST", "/api/v1/assessments", payload={"person": alice.pk})
    assert started.status == 201, started.body
    assessment_id = started.body["id"]
    assert started.body["kind"] == "manager"
    assert started.body["person"]["id"] == alice.pk and started.body["assessor"]["id"] == bob.pk
    for key in KEYS:
        path = f"/api/v1/assessments/{assessment_id}/ratings/{key}"
        assert as_bob("PUT", path, payload={"score": 2}).status == 200
    assert as_bob("POST", f"/api/v1/assessments/{assessment_id}/complete", payload={}).status == 200
    assert as_alice("GET", f"/api/v1/assessments/{assessment_id}").status == 404
    assert as_alice("GET", "/api/v1/assessments").body["count"] == 0

    share = as_bob("POST", f"/api/v1/assessments/{assessment_id}/share", payload={"shared": True})
    assert share.status == 200, share.body
    seen = as_alice("GET", f"/api/v1/assessments/{assessment_id}")
    assert seen.status == 200 and seen.body["kind"] == "manager"
    assert as_alice("GET", "/api/v1/assessments?kind=manager").body["count"] == 1
    # Seeing it is not changing it.
    path = f"/api/v1/assessments/{assessment_id}"
    assert as_alice("PATCH", path, payload={"version": 1, "summary": "x"}).status == 404
    assert as_alice("POST", f"{path}/share", payload={"shared": False}).status == 404
    assert as_alice("DELETE", path).status == 404
    assert Assessment.objects.alive().filter(pk=assessment_id).exists()


def test_nobody_else_can_be_assessed(
    as_person: Callable[[User], As], alice: User, dan: User, eve: User, admin: User
) -> None:
    for assessor, person in ((alice, dan), (eve, alice), (admin, alice), (dan, alice)):
        response = as_person(assessor)("POST", "/api/v1/assessments", payload={"person": person.pk})
        assert response.status == 404, (assessor, person)
    assert not Assessment.objects.exists()


def test_the_list_is_newest_first_and_paginated(
    as_person: Callable[[User], As], alice: User, bob: User
) -> None:
    older = finished(alice, alice, {})
    newer = actions.do_start_assessment(person=alice, assessor=alice)
    report = actions.do_start_assessment(person=alice, assessor=bob)
    as_alice = as_person(alice)
    body = as_alice("GET", "/api/v1/assessments").body
    assert [item["id"] for item in body["items"]] == [newer.pk, older.pk]
    assert body["items"][0]["rated"] == 13  # carried forward from the finished one
    assert body["items"][1]["is_finished"] is True
    page = as_alice("GET", "/api/v1/assessments?page=2&page_size=1").body
    assert page["count"] == 2 and [item["id"] for item in page["items"]] == [older.pk]
    assert as_alice("GET", "/api/v1/assessments?page=0").status == 422
    assert report.pk not in [item["id"] for item in body["items"]]


def test_lists_take_a_fixed_number_of_queries(
    alice: User, bob: User, dan: User, token_for: Tokens, django_assert_max_num_queries: Any
) -> None:
    for person in (dan, alice):
        shared = finished(person, person, {})
        actions.do_share_assessment(assessment=shared, actor=person)
        actions.do_start_assessment(person=person, assessor=bob)
        actions.do_start_assessment(person=person, assessor=person)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(bob)}")
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/assessments")
    assert response.status_code == 200 and response.json()["count"] == 4
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    for path in ("/api/v1/frameworks", "/api/v1/priorities", f"/api/v1/assessments/{shared.pk}"):
        with django_assert_max_num_queries(8):
            assert client.get(path).status_code == 200, path


# ---- outsiders and errors ------------------------------------------------------------------


def _doors(assessment_id: int) -> list[tuple[str, str, Any]]:
    path = f"/api/v1/assessments/{assessment_id}"
    return [
        ("GET", path, None),
        ("PATCH", path, {"version": 1, "summary": "mine now"}),
        ("PUT", f"{path}/ratings/delivery", {"score": 1}),
        ("POST", f"{path}/complete", {}),
        ("POST", f"{path}/share", {"shared": True}),
        ("DELETE", path, None),
    ]


def test_outsiders_get_404_at_every_door(
    as_person: Callable[[User], As], alice: User, eve: User, admin: User, dan: User, bob: User
) -> None:
    assessment = finished(alice, alice, {})
    actions.do_share_assessment(assessment=assessment, actor=alice)
    for outsider in (eve, admin, dan):
        call = as_person(outsider)
        for method, path, payload in _doors(assessment.pk):
            response = call(method, path, payload=payload)
            assert response.status == 404, (outsider, method, path, response.body)
            assert "detail" in response.body
        listed = call("GET", f"/api/v1/assessments?person={alice.pk}").body
        assert listed["count"] == 0
    as_bob = as_person(bob)
    assert as_bob("GET", f"/api/v1/assessments/{assessment.pk}").status == 200
    for method, path, payload in _doors(assessment.pk)[1:]:
        assert as_bob(method, path, payload=payload).status == 404, (method, path)
    assessment.refresh_from_db()
    assert assessment.deleted_at is None and assessment.summary == ""


def test_a_missing_assessment_is_a_json_404(as_person: Callable[[User], As], alice: User) -> None:
    response = as_person(alice)("GET", "/api/v1/assessments/999999")
    assert response.status == 404 and "detail" in response.body


def test_without_a_token_everything_is_401(api: Api, alice: User) -> None:
    assessment = actions.do_start_assessment(person=alice, assessor=alice)
    doors = [
        ("GET", "/api/v1/frameworks", None),
        ("GET", "/api/v1/frameworks/stepwise-pm", None),
        ("GET", "/api/v1/assessments", None),
        ("POST", "/api/v1/assessments", {}),
        ("GET", "/api/v1/priorities", None),
        ("PUT", "/api/v1/priorities/delivery", {"state": "pinned"}),
        *_doors(assessment.pk),
    ]
    for method, path, payload in doors:
        response = api(method, path, payload=payload)
        assert response.status == 401, (method, path)
        assert response.body == {"detail": "Unauthorized"}


def test_a_stale_patch_is_409_and_changes_nothing(
    as_person: Callable[[User], As], alice: User
) -> None:
    assessment = actions.do_start_assessment(person=alice, assessor=alice)
    as_alice = as_person(alice)
    path = f"/api/v1/assessments/{assessment.pk}"
    first = as_alice("PATCH", path, payload={"version": 1, "summary": "First"})
    assert first.status == 200 and first.body["version"] == 2
    stale = as_alice("PATCH", path, payload={"version": 1, "summary": "Second"})
    assert stale.status == 409, stale.body
    assert isinstance(stale.body["detail"], str)
    rating = as_alice("PUT", f"{path}/ratings/delivery", payload={"score": 1, "version": 1})
    assert rating.status == 409
    assessment.refresh_from_db()
    assert assessment.summary == "First" and assessment.version == 2
    assert not assessment.ratings.exists()


@pytest.mark.parametrize(
    ("key", "payload", "field", "message"),
    [
        ("delivery", {"score": 6}, "score", "Rate from 0 to 5"),
        ("delivery", {"score": -1}, "score", "Rate from 0 to 5"),
        ("delivery", {"score": "high"}, "score", "valid integer"),
        ("delivery", {}, "score", "Field required"),
        ("juggling", {"score": 2}, "competency", "is not a competency"),
        (
            "delivery",
            {"score": 2, "evidence_links": ["javascript:alert(1)"]},
            "evidence_links",
            "is not a web link",
        ),
        (
            "delivery",
            {"score": 2, "is_strength": True, "is_weakness": True},
            "is_weakness",
            "not both",
        ),
    ],
)
def test_a_bad_rating_is_422_and_stores_nothing(
    as_person: Callable[[User], As],
    alice: User,
    key: str,
    payload: dict[str, Any],
    field: str,
    message: str,
) -> None:
    assessment = actions.do_start_assessment(person=alice, assessor=alice)
    response = as_person(alice)(
        "PUT", f"/api/v1/assessments/{assessment.pk}/ratings/{key}", payload=payload
    )
    errors = field_errors(response)
    assert message in errors[field], errors
    assert not Rating.objects.exists()


def test_finishing_too_early_is_422_naming_what_is_left(
    as_person: Callable[[User], As], alice: User
) -> None:
    assessment = actions.do_start_assessment(person=alice, assessor=alice)
    as_alice = as_person(alice)
    for key in KEYS[:-2]:
        actions.do_rate_competency(assessment=assessment, actor=alice, competency_key=key, score=2)
    response = as_alice("POST", f"/api/v1/assessments/{assessment.pk}/complete", payload={})
    assert response.status == 422, response.body
    assert "2 left" in response.body["detail"]
    assert "Working with engineering and design" in response.body["detail"]
    assert "Leadership and influence" in response.body["detail"]
    body = as_alice("GET", f"/api/v1/assessments/{assessment.pk}").body
    assert body["unrated"] == ["collaboration", "leadership"] and body["is_finished"] is False


def test_a_draft_cannot_be_shared_and_a_finished_one_cannot_be_changed(
    as_person: Callable[[User], As], alice: User
) -> None:
    as_alice = as_person(alice)
    draft = actions.do_start_assessment(person=alice, assessor=alice)
    refused = as_alice("POST", f"/api/v1/assessments/{draft.pk}/share", payload={"shared": True})
    assert refused.status == 422 and "Finish the assessment" in refused.body["detail"]
    for key in KEYS:
        actions.do_rate_competency(assessment=draft, actor=alice, competency_key=key, score=1)
    actions.do_complete_assessment(assessment=draft, actor=alice)
    path = f"/api/v1/assessments/{draft.pk}"
    late = as_alice("PUT", f"{path}/ratings/delivery", payload={"score": 3})
    assert late.status == 422 and "finished" in late.body["detail"]
    assert Rating.objects.get(competency_key="delivery").score == 1


def test_delete_is_a_soft_delete(as_person: Callable[[User], As], alice: User) -> None:
    assessment = actions.do_start_assessment(person=alice, assessor=alice)
    as_alice = as_person(alice)
    response = as_alice("DELETE", f"/api/v1/assessments/{assessment.pk}")
    assert response.status == 204 and response.body == b""
    assessment.refresh_from_db()
    assert assessment.deleted_at is not None
    assert as_alice("GET", f"/api/v1/assessments/{assessment.pk}").status == 404
    assert as_alice("DELETE", f"/api/v1/assessments/{assessment.pk}").status == 404
    assert as_alice("GET", "/api/v1/assessments").body["count"] == 0


# ---- priorities ----------------------------------------------------------------------------


def test_priorities_are_empty_until_a_self_assessment_is_finished(
    as_person: Callable[[User], As], alice: User
) -> None:
    actions.do_start_assessment(person=alice, assessor=alice)
    body = as_person(alice)("GET", "/api/v1/priorities").body
    assert body == {"items": [], "count": 0}


def test_priorities_rank_the_biggest_gaps_first(
    as_person: Callable[[User], As], alice: User
) -> None:
    # alice is an Associate PM (position 1) aiming for PM (position 2).
    finished(alice, alice, {"delivery": 0, "data": 1, "vision": 1, "leadership": 3})
    response = as_person(alice)("GET", "/api/v1/priorities?page_size=100")
    assert response.status == 200, response.body
    items = response.body["items"]
    assert response.body["count"] == 13 and [p["rank"] for p in items] == list(range(1, 14))
    assert [p["competency_key"] for p in items[:3]] == ["delivery", "data", "vision"]
    assert items[-1]["competency_key"] == "leadership"
    gaps = [p["gap"] for p in items]
    assert gaps == sorted(gaps, reverse=True)
    top = items[0]
    assert top["competency_name"] == "Execution and delivery"
    assert top["area_name"] == "Product execution"
    assert (top["score"], top["expected_now"], top["expected_target"], top["gap"]) == (0, 1, 2, 2)
    assert top["weight"] > items[1]["weight"] > items[3]["weight"]
    assert "below your current level" in top["reason"]
    assert "short of the Product Manager expectation" in items[1]["reason"]
    assert top["state"] is None


def test_interest_lifts_a_priority_and_strength_lowers_it(
    as_person: Callable[[User], As], alice: User
) -> None:
    finished(
        alice,
        alice,
        {"data": 1, "vision": 1},
        vision={"is_interest": True},
        data={"is_strength": True},
    )
    items = as_person(alice)("GET", "/api/v1/priorities").body["items"]
    assert items[0]["competency_key"] == "vision" and items[0]["is_interest"] is True
    assert "you marked it as an interest" in items[0]["reason"]
    assert items[1]["competency_key"] == "data"


def test_pinning_moves_a_priority_to_the_top_and_dismissing_to_the_bottom(
    as_person: Callable[[User], As], alice: User
) -> None:
    finished(alice, alice, {"delivery": 0, "data": 1})
    as_alice = as_person(alice)
    pinned = as_alice("PUT", "/api/v1/priorities/leadership", payload={"state": "pinned"})
    assert pinned.status == 200, pinned.body
    assert pinned.body == {"competency_key": "leadership", "state": "pinned"}
    dismissed = as_alice("PUT", "/api/v1/priorities/delivery", payload={"state": "dismissed"})
    assert dismissed.status == 200
    items = as_alice("GET", "/api/v1/priorities?page_size=100").body["items"]
    assert items[0]["competency_key"] == "leadership" and items[0]["state"] == "pinned"
    assert items[1]["competency_key"] == "data"
    assert items[-1]["competency_key"] == "delivery" and items[-1]["state"] == "dismissed"

    cleared = as_alice("PUT", "/api/v1/priorities/leadership", payload={"state": None})
    assert cleared.status == 200 and cleared.body["state"] is None
    assert not PriorityChoice.objects.filter(competency_key="leadership").exists()
    items = as_alice("GET", "/api/v1/priorities?page_size=100").body["items"]
    assert items[0]["competency_key"] == "data"


def test_bad_priority_choices_are_422(as_person: Callable[[User], As], alice: User) -> None:
    as_alice = as_person(alice)
    assert "state" in field_errors(
        as_alice("PUT", "/api/v1/priorities/delivery", payload={"state": "starred"})
    )
    assert "competency" in field_errors(
        as_alice("PUT", "/api/v1/priorities/juggling", payload={"state": "pinned"})
    )
    assert not PriorityChoice.objects.exists()


def test_priorities_are_each_persons_own(
    as_person: Callable[[User], As], alice: User, bob: User
) -> None:
    shared = finished(alice, alice, {"delivery": 0})
    actions.do_share_assessment(assessment=shared, actor=alice)
    as_person(alice)("PUT", "/api/v1/priorities/vision", payload={"state": "pinned"})
    assert as_person(bob)("GET", "/api/v1/priorities").body == {"items": [], "count": 0}


# ---- the OpenAPI document ------------------------------------------------------------------


def test_openapi_declares_the_errors_each_skills_operation_answers(api: Api) -> None:
    paths = api("GET", "/api/v1/openapi.json").body["paths"]
    one = "/api/v1/assessments/{assessment_id}"
    expected = {
        ("get", "/api/v1/frameworks"): {"200", "401", "422"},
        ("get", "/api/v1/frameworks/{key}"): {"200", "401", "404", "422"},
        ("get", "/api/v1/assessments"): {"200", "401", "422"},
        ("post", "/api/v1/assessments"): {"201", "400", "401", "404", "422"},
        ("get", one): {"200", "401", "404", "422"},
        ("patch", one): {"200", "400", "401", "404", "409", "422"},
        ("delete", one): {"204", "401", "404", "422"},
        ("put", one + "/ratings/{competency_key}"): {"200", "400", "401", "404", "409", "422"},
        ("post", one + "/complete"): {"200", "400", "401", "404", "409", "422"},
        ("post", one + "/share"): {"200", "400", "401", "404", "422"},
        ("get", "/api/v1/priorities"): {"200", "401", "422"},
        ("put", "/api/v1/priorities/{competency_key}"): {"200", "400", "401", "422"},
    }
    for (method, path), codes in expected.items():
        assert set(paths[path][method]["responses"]) == codes, (method, path)
        assert paths[path][method]["tags"] == ["skills"]
    listed = paths["/api/v1/assessments"]["get"]
    names = {parameter["name"] for parameter in listed["parameters"]}
    assert {"person", "kind", "page", "page_size"} <= names

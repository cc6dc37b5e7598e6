"""What every answer carries: no caching of private pages, a Permissions-Policy, HEAD like GET."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.actions import do_create_api_token
from stepwise.people.models import User

pytestmark = pytest.mark.django_db

STYLESHEET = "/static/stepwise/css/app.css"


def not_stored(response: object) -> bool:
    cache_control = response.get("Cache-Control", "")  # type: ignore[attr-defined]
    return "no-store" in cache_control and "private" in cache_control


def test_signed_in_pages_are_never_stored(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    for name in ("dashboard", "profile", "goal_list", "skills_home", "library"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert not_stored(response), name


def test_api_answers_are_never_stored_signed_in_or_not(alice: User) -> None:
    token = do_create_api_token(owner=alice, name="tests")[1]
    with_token = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert with_token.status_code == 200
    assert not_stored(with_token)
    refused = Client().get("/api/v1/me")
    assert refused.status_code == 401
    assert not_stored(refused)


def test_public_pages_and_static_files_keep_their_caching() -> None:
    health = Client().get("/healthz")
    assert health.status_code == 200
    assert "no-store" not in health.get("Cache-Control", "")
    stylesheet = Client().get(STYLESHEET)
    assert stylesheet.status_code == 200
    assert "no-store" not in stylesheet.get("Cache-Control", "")


def test_every_answer_denies_browser_features_the_app_never_uses(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    answers = [
        Client().get(reverse("login")),
        client_for(alice).get(reverse("dashboard")),
        Client().get("/api/v1/me"),
        Client().get(STYLESHEET),
    ]
    for response in answers:
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy


@pytest.mark.parametrize(
    "path",
    ["/", "/profile/", "/goals/", "/goals/check/", "/goals/library/", "/skills/", "/api/v1/me"],
)
def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(
    path: str, alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert int(head["Content-Length"]) > 0


def test_head_answers_public_pages_and_the_health_check() -> None:
    for path in ("/login/", "/healthz", "/api/v1/openapi.json"):
        head = Client().head(path)
        assert head.status_code == 200, path
        assert head.content == b""


def test_head_is_refused_where_get_is(alice: User, client_for: Callable[[User], Client]) -> None:
    client = client_for(alice)
    assert client.get("/api/v1/smart/check").status_code == 405
    assert client.head("/api/v1/smart/check").status_code == 405
    assert client.head("/api/v1/goals/999999").status_code == 404

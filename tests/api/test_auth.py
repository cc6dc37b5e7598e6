"""API authentication: personal access tokens and sessions; JSON errors everywhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from stepwise.people.actions import do_revoke_api_token
from stepwise.people.models import ApiToken, User
from tests.api.conftest import ApiResponse

pytestmark = pytest.mark.django_db(transaction=True)

Api = Callable[..., ApiResponse]


def test_without_credentials_the_api_answers_401_in_json(api: Api) -> None:
    response = api("GET", "/api/v1/me")
    assert response.status == 401
    assert response.body == {"detail": "Unauthorized"}


def test_a_junk_session_cookie_without_a_token_is_a_401_not_a_csrf_failure() -> None:
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "not-a-session-at-all"
    for method in ("get", "post"):
        response = getattr(client, method)("/api/v1/goals", content_type="application/json")
        assert response.status_code == 401, method
        assert response.json() == {"detail": "Unauthorized"}


def test_a_real_session_without_the_csrf_token_is_still_refused(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/api/v1/goals", {"title": "Ship it"}, content_type="application/json")
    assert response.status_code == 403
    assert not alice.goals.exists()


def test_a_token_identifies_its_owner(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    response = api("GET", "/api/v1/me", token=token_for(alice))
    assert response.status == 200
    assert response.body["username"] == "alice"
    assert response.body["level"] == "associate_pm"
    assert response.body["manager_id"] == alice.manager_id
    assert ApiToken.objects.get(user=alice).last_used_at is not None


def test_a_revoked_or_made_up_token_is_refused(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    secret = token_for(alice)
    do_revoke_api_token(token=ApiToken.objects.get(user=alice))
    assert api("GET", "/api/v1/me", token=secret).status == 401
    assert api("GET", "/api/v1/me", token="sw_" + "x" * 43).status == 401
    assert api("GET", "/api/v1/me", token="not-even-a-token").status == 401


def test_a_deactivated_persons_token_stops_working(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    secret = token_for(alice)
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert api("GET", "/api/v1/me", token=secret).status == 401


def test_unknown_api_paths_are_json_404s(api: Api, alice: User, token_for) -> None:  # type: ignore[no-untyped-def]
    response = api("GET", "/api/v1/no-such-thing", token=token_for(alice))
    assert response.status == 404
    assert "detail" in response.body


def test_openapi_document_and_docs_page_are_served_locally(api: Api) -> None:
    document = api("GET", "/api/v1/openapi.json")
    assert document.status == 200
    assert document.body["info"]["title"] == "Stepwise API"
    assert "/api/v1/me" in document.body["paths"]
    docs = api("GET", "/api/v1/docs")
    assert docs.status == 200
    html = docs.body.decode()
    assert "/static/ninja/swagger-ui-bundle" in html
    assert "cdn" not in html.lower()


def test_an_expired_token_is_refused_with_401_saying_when_it_expired(
    api: Api, alice: User, token_for: Callable[[User], str]
) -> None:
    secret = token_for(alice)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api("GET", "/api/v1/me", token=secret)
    assert response.status == 401
    assert "expired on" in response.body["detail"]
    assert ApiToken.objects.get().last_used_at is None


def test_a_token_records_when_it_was_last_used_at_most_once_a_minute(
    api: Api, alice: User, token_for: Callable[[User], str]
) -> None:
    secret = token_for(alice)
    assert api("GET", "/api/v1/me", token=secret).status == 200
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    assert api("GET", "/api/v1/me", token=secret).status == 200
    assert ApiToken.objects.get().last_used_at == first  # no write on every request
    ApiToken.objects.update(last_used_at=first - timedelta(minutes=2))
    assert api("GET", "/api/v1/me", token=secret).status == 200
    assert ApiToken.objects.get().last_used_at > first

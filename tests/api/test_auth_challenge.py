"""Every 401 of the API says how to authenticate: ``WWW-Authenticate: Bearer realm=...``."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from stepwise.people.models import ApiToken, User
from tests.api.conftest import ApiResponse

CHALLENGE = 'Bearer realm="stepwise"'


def operations(client: Client) -> list[tuple[str, str]]:
    document = client.get("/api/v1/openapi.json").json()
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "1", path))
        for path, operations in document["paths"].items()
        for method in operations
    ]


@pytest.mark.django_db
def test_every_operation_refused_for_want_of_credentials_carries_the_bearer_challenge(
    client: Client,
) -> None:
    refused = 0
    for method, path in operations(client):
        answer = client.generic(method, path, b"{}", content_type="application/json")
        if answer.status_code == 401:
            refused += 1
            assert answer["WWW-Authenticate"] == CHALLENGE, (method, path)
            assert "detail" in answer.json()
    assert refused >= 20


@pytest.mark.django_db(transaction=True)
def test_a_bad_or_expired_token_is_a_401_with_the_challenge(
    api: Callable[..., ApiResponse], alice: User, token_for: Callable[[User], str]
) -> None:
    secret = token_for(alice)
    ApiToken.objects.filter(user=alice).update(expires_at=timezone.now() - timedelta(days=1))
    for token in (secret, "sw_" + "x" * 43, "not-even-a-token"):
        answer = api("GET", "/api/v1/me", token=token)
        assert answer.status == 401, token
        assert answer.headers["WWW-Authenticate"] == CHALLENGE


@pytest.mark.django_db
def test_a_signed_in_answer_carries_no_challenge(
    client_for: Callable[[User], Client], alice: User
) -> None:
    answer = client_for(alice).get("/api/v1/me")
    assert answer.status_code == 200
    assert "WWW-Authenticate" not in answer

"""The API tokens page: create (secret shown once), list, revoke; only one's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import ApiToken, AuditEvent, User
from stepwise.people.tokens import hash_token


@pytest.mark.django_db
def test_created_token_is_shown_once_and_only_its_hash_is_kept(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    page = client.post(reverse("api_tokens"), {"name": "laptop CLI"}).content.decode()
    token = ApiToken.objects.get(user=alice)
    secret = page.split('<code class="secret">')[1].split("</code>")[0]
    assert secret.startswith("sw_")
    assert token.key_hash == hash_token(secret)
    assert secret not in ApiToken.objects.values_list("key_hash", flat=True)
    again = client.get(reverse("api_tokens")).content.decode()
    assert "laptop CLI" in again
    assert secret not in again
    assert AuditEvent.objects.filter(kind="token_created", actor=alice).exists()


@pytest.mark.django_db
def test_token_needs_a_name(alice: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alice).post(reverse("api_tokens"), {"name": "  "})
    assert "This field is required" in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_owner_revokes_but_others_get_404(
    alice: User, eve: User, client_for: Callable[[User], Client]
) -> None:
    client_for(alice).post(reverse("api_tokens"), {"name": "script"})
    token = ApiToken.objects.get(user=alice)
    url = reverse("api_token_revoke", args=[token.pk])
    assert client_for(eve).post(url).status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked
    assert client_for(alice).post(url).status_code == 302
    token.refresh_from_db()
    assert token.is_revoked

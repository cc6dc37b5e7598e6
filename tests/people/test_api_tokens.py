"""The API tokens page: create (secret shown once), list, revoke; only one's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stepwise.people.models import ApiToken, AuditEvent, User
from stepwise.people.tokens import hash_token


@pytest.mark.django_db
def test_created_token_is_shown_once_and_only_its_hash_is_kept(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    page = client.post(
        reverse("api_tokens"), {"name": "laptop CLI", "lifetime": "90"}, follow=True
    ).content.decode()
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
    client_for(alice).post(reverse("api_tokens"), {"name": "script", "lifetime": "90"})
    token = ApiToken.objects.get(user=alice)
    url = reverse("api_token_revoke", args=[token.pk])
    assert client_for(eve).post(url).status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked
    assert client_for(alice).post(url).status_code == 302
    token.refresh_from_db()
    assert token.is_revoked


def _secret_in(page: str) -> str:
    return page.split('<code class="secret">')[1].split("</code>")[0] if "secret" in page else ""


@pytest.mark.django_db
def test_reloading_the_page_after_creating_a_token_mints_nothing_and_hides_the_secret(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    created = client.post(reverse("api_tokens"), {"name": "laptop CLI", "lifetime": "90"})
    assert created.status_code == 302
    assert created["Location"] == reverse("api_tokens")
    first = client.get(reverse("api_tokens")).content.decode()
    second = client.get(reverse("api_tokens")).content.decode()
    assert ApiToken.objects.filter(user=alice).count() == 1
    secret = _secret_in(first)
    assert secret.startswith("sw_")
    assert (first + second).count(secret) == 1
    assert ApiToken.objects.get(user=alice).key_hash == hash_token(secret)


@pytest.mark.django_db
def test_a_token_works_ninety_days_unless_its_creator_picks_another_lifetime(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    assert 'value="90" selected' in client.get(reverse("api_tokens")).content.decode()
    for name, lifetime in (("default", None), ("short", "30"), ("year", "365"), ("ci", "never")):
        client.post(
            reverse("api_tokens"), {"name": name, **({"lifetime": lifetime} if lifetime else {})}
        )
    expiries = dict(ApiToken.objects.values_list("name", "expires_at"))
    assert set(expiries) == {"short", "year", "ci"}  # a form without a lifetime is refused
    now = timezone.now()
    assert abs(expiries["short"] - (now + timedelta(days=30))) < timedelta(minutes=1)
    assert abs(expiries["year"] - (now + timedelta(days=365))) < timedelta(minutes=1)
    assert expiries["ci"] is None


@pytest.mark.django_db
def test_an_unknown_lifetime_is_refused_with_a_message(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).post(reverse("api_tokens"), {"name": "x", "lifetime": "7"})
    assert "Select a valid choice" in page.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_an_expired_token_is_shown_as_expired_and_no_longer_offered_for_revoking(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    client.post(reverse("api_tokens"), {"name": "old script", "lifetime": "30"})
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(days=2))
    page = client.get(reverse("api_tokens")).content.decode()
    assert '<span class="badge badge--warn">expired</span>' in page
    assert "Revoke" not in page


@pytest.mark.django_db
def test_sending_the_token_form_twice_makes_one_token(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    page = client.get(reverse("api_tokens")).content.decode()
    form_token = re.search(r'name="form_token" value="([^"]+)"', page)
    assert form_token, "the create form carries a one-time token"
    data = {"name": "dup", "lifetime": "90", "form_token": form_token[1]}
    first = client.post(reverse("api_tokens"), data, follow=True).content.decode()
    again = client.post(reverse("api_tokens"), data, follow=True).content.decode()
    assert ApiToken.objects.filter(user=alice, name="dup").count() == 1
    assert AuditEvent.objects.filter(kind="token_created", actor=alice).count() == 1
    assert _secret_in(first).startswith("sw_")
    assert "Already saved" in again
    assert 'class="secret"' not in again  # the secret is shown once, not on the replay
    fresh = re.search(r'name="form_token" value="([^"]+)"', again)
    assert fresh and fresh[1] != form_token[1]
    client.post(reverse("api_tokens"), {**data, "form_token": fresh[1]})
    assert ApiToken.objects.filter(user=alice, name="dup").count() == 2  # a new form, a new one

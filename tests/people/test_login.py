"""Signing in and out: audited, throttled per account and per address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stepwise.people.models import AuditEvent, User
from tests.conftest import PASSWORD


def sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_login_and_logout_are_recorded(alice: User) -> None:
    client = Client()
    response = sign_in(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    login = AuditEvent.objects.get(kind="login")
    assert login.actor == alice
    assert login.ip_address == "10.0.0.1"
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert AuditEvent.objects.filter(kind="logout", actor=alice).exists()
    assert client.get(reverse("dashboard")).status_code == 302  # signed out for real


@pytest.mark.django_db
def test_sign_in_name_is_case_insensitive(alice: User) -> None:
    assert sign_in(Client(), "Alice", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failed_login_is_recorded_and_says_so(alice: User) -> None:
    response = sign_in(Client(), "alice", "wrong")
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    failed = AuditEvent.objects.get(kind="login_failed")
    assert failed.username == "alice"
    assert failed.actor is None


@pytest.mark.django_db
def test_an_address_is_locked_out_of_an_account_after_failures_even_with_the_right_password(
    alice: User,
) -> None:
    for attempt in range(5):
        sign_in(Client(), "alice", f"wrong-{attempt}", address="10.0.1.1")
    response = sign_in(Client(), "alice", PASSWORD, address="10.0.1.1")
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in response.client.session
    assert AuditEvent.objects.filter(kind="login_blocked").count() == 1
    # Other people are not affected.
    assert sign_in(Client(), "bob", PASSWORD, address="10.0.1.1").status_code == 302


@pytest.mark.django_db
def test_an_attackers_failures_from_one_address_do_not_stop_bob_signing_in_from_another(
    bob: User,
) -> None:
    for attempt in range(12):
        sign_in(Client(), "bob", f"guess-{attempt}", address="203.0.113.66")
    assert sign_in(Client(), "bob", PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_failures_from_an_address_keep_it_locked_even_after_bob_signs_in_elsewhere(
    bob: User,
) -> None:
    for attempt in range(5):
        sign_in(Client(), "bob", f"guess-{attempt}", address="203.0.113.66")
    assert sign_in(Client(), "bob", PASSWORD, address="198.51.100.7").status_code == 302
    assert sign_in(Client(), "bob", PASSWORD, address="203.0.113.66").status_code == 429


@pytest.mark.django_db
def test_failures_from_many_addresses_lock_the_account_except_where_it_signed_in_before(
    bob: User,
) -> None:
    home = "198.51.100.7"
    assert sign_in(Client(), "bob", PASSWORD, address=home).status_code == 302
    for machine in range(5):  # a botnet, each machine staying under the one-address limit
        for attempt in range(4):
            sign_in(Client(), "bob", f"guess-{attempt}", address=f"203.0.113.{machine}")
    stranger = sign_in(Client(), "bob", PASSWORD, address="192.0.2.200")
    assert stranger.status_code == 429
    assert "only from a place it was signed in from before" in stranger.content.decode()
    assert "_auth_user_id" not in stranger.client.session
    assert sign_in(Client(), "bob", PASSWORD, address=home).status_code == 302


@pytest.mark.django_db
def test_an_address_signed_in_from_long_ago_is_not_trusted_during_an_attack(bob: User) -> None:
    home = "198.51.100.7"
    sign_in(Client(), "bob", PASSWORD, address=home)
    AuditEvent.objects.filter(kind="login").update(at=timezone.now() - timedelta(days=31))
    for machine in range(5):
        for attempt in range(4):
            sign_in(Client(), "bob", f"guess-{attempt}", address=f"203.0.113.{machine}")
    assert sign_in(Client(), "bob", PASSWORD, address=home).status_code == 429


@pytest.mark.django_db
def test_lock_lifts_when_the_failures_age_out(alice: User) -> None:
    for attempt in range(5):
        sign_in(Client(), "alice", f"wrong-{attempt}")
    AuditEvent.objects.filter(kind="login_failed").update(at=timezone.now() - timedelta(minutes=16))
    assert sign_in(Client(), "alice", PASSWORD, address="10.0.9.9").status_code == 302


@pytest.mark.django_db
def test_lock_minutes_count_down(alice: User) -> None:
    for attempt in range(5):
        sign_in(Client(), "alice", f"wrong-{attempt}")
    AuditEvent.objects.filter(kind="login_failed").update(
        at=timezone.now() - timedelta(minutes=11, seconds=30)
    )
    response = sign_in(Client(), "alice", PASSWORD)
    assert "Try again in 4 minutes" in response.content.decode()


@pytest.mark.django_db
def test_address_is_locked_after_many_failures_across_accounts(alice: User, bob: User) -> None:
    for attempt in range(20):
        sign_in(Client(), f"guess{attempt}", "wrong", address="10.6.6.6")
    response = sign_in(Client(), "alice", PASSWORD, address="10.6.6.6")
    assert response.status_code == 429
    assert sign_in(Client(), "alice", PASSWORD, address="10.7.7.7").status_code == 302


@pytest.mark.django_db
def test_next_parameter_is_followed_only_within_the_site(alice: User) -> None:
    inside = Client().post(
        reverse("login") + "?next=/profile/", {"username": "alice", "password": PASSWORD}
    )
    assert inside["Location"] == "/profile/"
    outside = Client().post(
        reverse("login") + "?next=https://evil.example/",
        {"username": "alice", "password": PASSWORD},
    )
    assert outside["Location"] == reverse("dashboard")


@pytest.mark.django_db
def test_pages_need_a_signed_in_person() -> None:
    for name in ("dashboard", "profile", "password_change", "organisation"):
        response = Client().get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_client_address_behind_a_trusted_proxy_comes_from_x_forwarded_for(
    alice: User, settings: object
) -> None:
    settings.PROXY_COUNT = 1  # type: ignore[attr-defined]
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]  # type: ignore[attr-defined]
    Client().post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
    )
    assert AuditEvent.objects.get(kind="login").ip_address == "203.0.113.9"


@pytest.mark.django_db
def test_x_forwarded_for_from_outside_the_trusted_proxies_is_ignored(
    alice: User, settings: object
) -> None:
    settings.PROXY_COUNT = 1  # type: ignore[attr-defined]
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]  # type: ignore[attr-defined]
    Client().post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert AuditEvent.objects.get(kind="login").ip_address == "198.51.100.7"


@pytest.mark.django_db
def test_x_forwarded_for_is_ignored_without_a_trusted_proxy(alice: User) -> None:
    Client().post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert AuditEvent.objects.get(kind="login").ip_address == "10.0.0.254"

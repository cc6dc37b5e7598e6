"""Signing up: the first account runs the installation; the admin may close sign-up."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, Organisation, User

GOOD = {
    "display_name": "Priya Shah",
    "username": "priya",
    "email": "priya@example.com",
    "password1": "a-long-and-unusual-phrase",
    "password2": "a-long-and-unusual-phrase",
}


@pytest.mark.django_db
def test_first_account_becomes_the_admin_and_lands_on_the_profile() -> None:
    client = Client()
    response = client.post(reverse("signup"), GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("profile")
    priya = User.objects.get(username="priya")
    assert priya.is_admin and priya.is_staff
    assert AuditEvent.objects.filter(kind="signup", actor=priya).exists()
    assert client.get(reverse("dashboard")).status_code == 200


@pytest.mark.django_db
def test_later_accounts_are_not_admins(admin: User) -> None:
    response = Client().post(reverse("signup"), GOOD)
    assert response.status_code == 302
    assert not User.objects.get(username="priya").is_admin


@pytest.mark.django_db
def test_sign_up_refused_when_the_admin_closed_it(admin: User) -> None:
    organisation = Organisation.current()
    organisation.allow_self_signup = False
    organisation.save()
    client = Client()
    assert client.get(reverse("signup")).status_code == 403
    response = client.post(reverse("signup"), GOOD)
    assert response.status_code == 403
    assert b"Sign-up is closed" in response.content
    assert not User.objects.filter(username="priya").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"password1": "password123", "password2": "password123"}, "too common"),
        ({"password1": "priyashah99", "password2": "priyashah99"}, "too similar"),
        ({"password2": "something-else-entirely"}, "didn"),
        ({"email": "not-an-email"}, "valid email"),
        ({"username": "has spaces!"}, "valid username"),
    ],
)
def test_bad_sign_up_explains_and_creates_nothing(change: dict[str, str], message: str) -> None:
    response = Client().post(reverse("signup"), {**GOOD, **change})
    assert response.status_code == 200
    assert message in response.content.decode().replace("’", "'")
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_sign_in_names_and_emails_are_unique_ignoring_case(alice: User) -> None:
    taken_name = Client().post(reverse("signup"), {**GOOD, "username": "ALICE"})
    assert "taken" in taken_name.content.decode()
    taken_email = Client().post(reverse("signup"), {**GOOD, "email": "Alice@Example.com"})
    assert "already uses" in taken_email.content.decode()
    assert User.objects.count() == 2  # alice and her manager bob, nobody new

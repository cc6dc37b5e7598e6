"""Signing up: the first account runs the installation; the admin may close sign-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, Organisation, User
from tests.conftest import PASSWORD

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


@pytest.fixture
def sign_up_mail(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> Callable[..., tuple[HttpResponse, list[EmailMessage]]]:
    """Post the sign-up form; the answer and the e-mails sent once its transaction commits."""

    def post(client: Client | None = None, **change: str) -> tuple[HttpResponse, list[Any]]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = (client or Client()).post(reverse("signup"), {**GOOD, **change})
        return response, list(mail.outbox)

    return post


def link_in(message: EmailMessage) -> str:
    found = re.search(r"http://testserver(/signup/confirm/\S+/)", str(message.body))
    assert found, message.body
    return found[1]


@pytest.mark.django_db
def test_a_later_account_opens_once_its_owner_confirms_the_address(
    admin: User, sign_up_mail: Any
) -> None:
    response, sent = sign_up_mail()
    assert response.status_code == 302
    assert response["Location"] == reverse("signup_sent")
    priya = User.objects.get(username="priya")
    assert not priya.is_active
    assert [m.to for m in sent] == [["priya@example.com"]]
    client = Client()
    assert not client.login(username="priya", password=GOOD["password1"])
    link = link_in(sent[0])
    assert client.get(link).status_code == 200  # a button, so mail scanners confirm nothing
    assert not User.objects.get(username="priya").is_active
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("dashboard")
    assert User.objects.get(username="priya").is_active
    assert client.get(reverse("dashboard")).status_code == 200
    assert Client().get(link).status_code == 400  # works once


@pytest.mark.django_db
def test_an_address_in_use_gets_the_same_answer_and_its_owner_an_email(
    alice: User, sign_up_mail: Any
) -> None:
    fresh, _ = sign_up_mail()
    in_use, sent = sign_up_mail(username="someone-new", email="Alice@Example.com")
    assert (in_use.status_code, in_use["Location"]) == (fresh.status_code, fresh["Location"])
    assert not User.objects.filter(username="someone-new").exists()
    assert [m.to for m in sent] == [["alice@example.com"]]
    assert "Someone tried" in sent[0].subject
    assert "alice" in str(sent[0].body) and "/password/reset/" in str(sent[0].body)
    assert AuditEvent.objects.filter(kind="signup_address_in_use", subject=alice).exists()


@pytest.mark.django_db
def test_a_sign_up_with_an_address_in_use_is_logged_as_that_not_as_signed_up(
    alice: User, sign_up_mail: Any
) -> None:
    sign_up_mail(username="fresh2", email="alice@example.com")
    event = AuditEvent.objects.get(subject=alice)
    assert event.kind == AuditEvent.Kind.SIGNUP_ADDRESS_IN_USE
    assert event.get_kind_display() == "Sign-up with an address in use"
    assert event.actor is None and event.username == "fresh2"
    assert event.detail.get("account_created") is False
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGNUP).exists()
    assert "Signed up" not in str(event)


@pytest.mark.django_db
def test_signing_up_again_with_an_unconfirmed_address_sends_its_link_again(
    admin: User, sign_up_mail: Any
) -> None:
    sign_up_mail()
    _, sent = sign_up_mail(username="priya-again")
    assert [m.to for m in sent] == [["priya@example.com"]]
    assert Client().post(link_in(sent[0])).status_code == 302
    assert User.objects.get(username="priya").is_active
    assert not User.objects.filter(username="priya-again").exists()


@pytest.mark.django_db
def test_a_made_up_or_foreign_confirmation_link_opens_nothing(admin: User) -> None:
    admin.is_active = False
    admin.save(update_fields=["is_active"])
    made_up = reverse("signup_confirm", args=["MQ", "abc-123"])
    assert Client().post(made_up).status_code == 400
    assert not User.objects.get(pk=admin.pk).is_active


@pytest.mark.django_db
def test_a_taken_sign_in_name_is_refused_and_counts_against_the_address(
    alice: User, settings: Any
) -> None:
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 3
    prober = Client(REMOTE_ADDR="203.0.113.9")
    for name in ("ALICE", "bob", "alice"):
        response = prober.post(reverse("signup"), {**GOOD, "username": name})
        assert response.status_code == 200
        assert "taken" in response.content.decode()
    locked = prober.post(reverse("signup"), GOOD)
    assert locked.status_code == 429
    assert "Try again in" in locked.content.decode()
    assert not User.objects.filter(username="priya").exists()
    # Probing names locks the prober's address, not the people whose names it tried.
    elsewhere = Client(REMOTE_ADDR="198.51.100.7").post(
        reverse("login"), {"username": "alice", "password": PASSWORD}
    )
    assert elsewhere.status_code == 302

"""Passwords: changed by their owner, reset by email, hashed with Argon2."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, User
from tests.conftest import PASSWORD

NEW = "a-brand-new-passphrase"


def test_argon2_is_the_first_hasher_in_the_real_settings() -> None:
    from stepwise import settings as real

    assert real.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_PASSWORD_VALIDATORS  # validators are on


@pytest.mark.django_db
def test_password_reset_by_email_lets_the_person_in_with_a_new_password(alice: User) -> None:
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "ALICE@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    link = re.search(r"http://testserver(/password/reset/\S+/)", message.body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    assert b"Choose a new password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert done.status_code == 302
    assert Client().login(username="alice", password=NEW)
    assert not Client().login(username="alice", password=PASSWORD)
    assert AuditEvent.objects.filter(kind="password_reset_requested").exists()


@pytest.mark.django_db
def test_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(alice: User) -> None:
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.django_db
def test_used_reset_link_no_longer_works(alice: User) -> None:
    client = Client()
    client.post(reverse("password_reset"), {"email": "alice@example.com"})
    path = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    page = client.get(path, follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    again = Client().get(path, follow=True)
    assert b"This link no longer works" in again.content


@pytest.mark.django_db
def test_change_password_keeps_the_person_signed_in(alice: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(alice)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    assert AuditEvent.objects.filter(kind="password_changed", actor=alice).exists()


@pytest.mark.django_db
def test_change_password_with_wrong_old_password_changes_nothing(alice: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(alice).post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "incorrectly" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)

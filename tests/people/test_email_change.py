"""Changing one's e-mail address: it changes only when the person follows the link sent to
the new address, and the profile never tells whether an address has an account (decision
0008)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, User
from tests.people.test_profile import profile_data

pytestmark = pytest.mark.django_db

Kind = AuditEvent.Kind


@pytest.fixture
def change_email(
    alice: User,
    client_for: Callable[[User], Client],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> Callable[..., tuple[str, list[Any]]]:
    """Alice sends her profile with a new address; the page she lands on and the mail sent."""

    def send(address: str, client: Client | None = None, **changes: str) -> tuple[str, list[Any]]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = (client or client_for(alice)).post(
                reverse("profile"), profile_data(alice, email=address, **changes), follow=True
            )
        assert response.status_code == 200
        return response.content.decode(), list(mail.outbox)

    return send


def link_in(message: Any) -> str:
    found = re.search(r"http://testserver(/profile/email/confirm/\S+/)", str(message.body))
    assert found, message.body
    return found[1]


def email_of(person: User) -> str:
    person.refresh_from_db()
    return person.email


def test_a_new_address_changes_only_once_its_owner_confirms_it(
    alice: User, change_email: Any
) -> None:
    page, sent = change_email("alice.new@example.com")
    assert "alice.new@example.com" in page and "link" in page
    assert email_of(alice) == "alice@example.com"
    assert [m.to for m in sent] == [["alice.new@example.com"]]
    link = link_in(sent[0])
    visitor = Client()
    shown = visitor.get(link)
    assert shown.status_code == 200  # a button, so mail scanners opening links confirm nothing
    assert "alice.new@example.com" in shown.content.decode()
    assert email_of(alice) == "alice@example.com"
    assert visitor.post(link).status_code == 302
    assert email_of(alice) == "alice.new@example.com"
    assert AuditEvent.objects.filter(kind=Kind.EMAIL_CHANGE_REQUESTED, actor=alice).exists()
    changed = AuditEvent.objects.get(kind=Kind.PROFILE_CHANGED, subject=alice)
    assert changed.detail["fields"] == ["email"]
    assert Client().post(link).status_code == 400  # works once


def test_an_address_in_use_gets_the_same_answer_and_its_owner_an_email(
    alice: User, bob: User, change_email: Any
) -> None:
    fresh_page, _ = change_email("nobody-has-this@example.com")
    in_use_page, sent = change_email("BOB@example.com")

    def answer(page: str, address: str) -> str:
        page = page.replace(address, "ADDRESS")
        page = re.sub(r'value="[^"]*"', "", page)  # form fields and one-time tokens
        page = re.sub(r"[A-Za-z0-9]{64}", "", page)  # the CSRF token
        return re.sub(r'nonce="[^"]*"', "", page)

    assert answer(in_use_page, "BOB@example.com") == answer(
        fresh_page, "nobody-has-this@example.com"
    )
    assert "Another account" not in in_use_page and "already" not in in_use_page
    assert [m.to for m in sent] == [["bob@example.com"]]
    assert "/profile/email/confirm/" not in str(sent[0].body)
    assert email_of(alice) == "alice@example.com" and email_of(bob) == "bob@example.com"


def test_other_profile_changes_save_at_once_beside_a_new_address(
    alice: User, change_email: Any
) -> None:
    change_email("alice.new@example.com", display_name="Alice M.")
    alice.refresh_from_db()
    assert alice.display_name == "Alice M." and alice.email == "alice@example.com"


def test_a_link_is_refused_when_tampered_expired_or_the_address_was_taken_since(
    alice: User, make_person: Any, change_email: Any, settings: Any
) -> None:
    _, sent = change_email("alice.new@example.com")
    link = link_in(sent[0])
    tampered = link.replace("/confirm/", "/confirm/x")
    assert Client().post(tampered).status_code == 400
    make_person("mallory", email="Alice.New@example.com")
    assert Client().post(link).status_code == 400
    assert email_of(alice) == "alice@example.com"
    settings.PASSWORD_RESET_TIMEOUT = -1
    _, sent = change_email("alice.other@example.com")
    assert Client().post(link_in(sent[0])).status_code == 400
    assert email_of(alice) == "alice@example.com"


def test_the_same_address_again_changes_and_sends_nothing(alice: User, change_email: Any) -> None:
    _, sent = change_email("ALICE@example.com")
    assert sent == []
    assert not AuditEvent.objects.filter(kind=Kind.EMAIL_CHANGE_REQUESTED).exists()

"""The "Check a goal" page: full page without JavaScript, partials for htmx."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import User

SHARP = "Interview 8 customers about onboarding by 31 March 2027 so that we can fix the drop-off"
VAGUE = "get better at market research"


@pytest.mark.django_db
def test_the_page_needs_a_signed_in_person() -> None:
    response = Client().get(reverse("check_goal"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_without_javascript_the_form_posts_and_the_page_shows_the_verdicts(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).post(reverse("check_goal"), {"text": SHARP}).content.decode()
    assert "<html" in page
    assert "SMART score: 5 of 5" in page
    assert "Wednesday 31 March 2027" in page
    assert "A version that passes more" not in page


@pytest.mark.django_db
def test_a_vague_goal_gets_suggestions_and_a_rewrite_with_placeholders(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).post(reverse("check_goal"), {"text": VAGUE}).content.decode()
    assert "SMART score: 1 of 5" in page
    assert page.count("verdict--fail") == 4
    assert "A version that passes more" in page
    assert "[" in page.split("rewrite__text")[1].split("</p>")[0]


@pytest.mark.django_db
def test_htmx_typing_gets_only_the_verdicts(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).post(
        reverse("check_goal"), {"text": VAGUE}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert html.strip().startswith('<section id="verdicts"')
    assert "SMART score: 1 of 5" in html


@pytest.mark.django_db
def test_using_the_rewrite_replaces_the_text_and_checks_it(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    first = client.post(reverse("check_goal"), {"text": VAGUE}).context["analysis"]
    response = client.post(
        reverse("check_goal"), {"text": first.rewrite, "adopt": "1"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.strip().startswith('<div id="checker"')
    assert "<textarea" in html
    assert response.context["analysis"].score > first.score


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "This field is required"),
        ("   ", "This field is required"),
        ("?!...", ""),
        ("x" * 2001, "2000"),
    ],
)
def test_bad_text_gets_a_clear_message_not_an_error(
    alice: User, client_for: Callable[[User], Client], text: str, message: str
) -> None:
    response = client_for(alice).post(reverse("check_goal"), {"text": text}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "notice--warning" in html
    assert message in html

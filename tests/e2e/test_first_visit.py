"""A newcomer in a real browser: signs up, reaches the dashboard, signs out and back in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "my-growth-journey-2027"


def test_sign_up_then_sign_in_and_see_the_dashboard(live_server: object, page: Page) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    console_errors: list[str] = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )

    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/login/"))
    page.get_by_role("link", name="Create an account").click()

    page.get_by_label("Your name").fill("Priya Shah")
    page.get_by_label("Sign-in name").fill("priya")
    page.get_by_label("Email address").fill("priya@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    page.get_by_label("Current level").select_option(label="Associate PM")
    page.get_by_label("Level you are working towards").select_option(label="Product Manager")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Profile saved")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priya Shah")
    expect(page.get_by_text("Associate PM")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login/"))
    page.get_by_label("Sign-in name").fill("priya")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priya Shah")
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(245, 246, 250)"
    assert console_errors == []  # no CSP violations, no missing assets


def test_wrong_password_shows_a_clear_message(live_server: object, page: Page) -> None:
    page.goto(f"{live_server.url}/login/")  # type: ignore[attr-defined]
    page.get_by_label("Sign-in name").fill("nobody")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("correct username and password")

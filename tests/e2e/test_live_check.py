"""In a real browser: verdicts update as the person types; the rewrite is one click away."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stepwise.people.models import User
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Sign-in name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_verdicts_update_while_typing_and_the_rewrite_is_one_click_away(
    live_server: object, page: Page, alice: User
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    sign_in(page, base, "alice")
    page.get_by_role("link", name="Check a goal").click()
    box = page.get_by_label("Your goal, in your own words")
    box.press_sequentially("get better at market research", delay=10)
    verdicts = page.locator("#verdicts")
    expect(verdicts).to_contain_text("SMART score: 1 of 5")  # no submit pressed
    expect(verdicts).to_contain_text("Specific")
    page.get_by_role("button", name="Use this version").click()
    expect(page.get_by_label("Your goal, in your own words")).to_have_value(
        __import__("re").compile(r"\[")
    )
    expect(page.locator("#verdicts")).not_to_contain_text("SMART score: 1 of 5")

    box = page.get_by_label("Your goal, in your own words")
    box.fill("")
    box.press_sequentially(
        "Interview 8 customers by 31 March 2027 so that we can fix onboarding", delay=5
    )
    expect(page.locator("#verdicts")).to_contain_text("SMART score: 5 of 5")
    expect(page.locator("#verdicts")).to_contain_text("31 March 2027")

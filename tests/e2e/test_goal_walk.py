"""The core loop in a real browser: write a goal with live SMART help, plan steps, check in,
watch the status and chart change, read the history, trash and restore."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from stepwise.people.models import User
from tests.e2e.test_live_check import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_write_plan_check_in_and_restore_a_goal(
    live_server: object, page: Page, alice: User
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    sign_in(page, base, "alice")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    page.get_by_role("link", name="Write your first goal").click()

    page.get_by_label("What will you do or reach?").press_sequentially(
        "Interview 8 customers about onboarding by end of Q3 2027", delay=5
    )
    live = page.locator("#live")
    expect(live).to_contain_text("SMART check:")
    expect(page.get_by_label("Due by")).to_have_value("2027-09-30")  # words became the date
    page.get_by_label("Why does it matter?").fill("we can fix the biggest drop-off")
    page.get_by_label("Unit").fill("interviews")
    page.get_by_label("Where you are now").fill("0")
    page.get_by_label("Target").fill("8")
    page.get_by_role("button", name="Save and start").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Interview 8 customers about onboarding by end of Q3 2027"
    )
    expect(page.get_by_role("status")).to_contain_text("is active")

    # A goal without steps opens its "Add a step" form.
    page.get_by_label("Step", exact=True).fill("Write the interview script")
    page.get_by_label("Effort (hours)").fill("2")
    page.get_by_role("button", name="Add step").click()
    expect(page.locator("#steps")).to_contain_text("Write the interview script")
    page.get_by_role("button", name="Mark done Write the interview script").click()
    expect(page.locator("#steps")).to_contain_text("done")

    for value, confidence in (("2", "4"), ("5", "2")):
        page.get_by_label("Where it stands now").fill(value)
        page.locator(f"input[name=confidence][value='{confidence}']").check()
        page.get_by_role("button", name="Save check-in").click()
        expect(page.get_by_role("status")).to_contain_text("Check-in saved")
    expect(page.locator(".standing__number")).to_contain_text("62%")
    expect(page.locator("#burnup-chart")).to_be_visible()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    expect(page.locator(".history")).to_contain_text("checked in")

    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text("is in the trash")
    page.get_by_role("link", name=re.compile("Trash")).click()
    page.get_by_role("button", name=re.compile("Restore")).click()
    expect(page.get_by_role("status")).to_contain_text("is back")
    expect(page.locator(".history")).to_contain_text("restored the goal from the trash")
    assert errors == []

"""In a real browser: the builder proposes the target in the words, judges the hours typed
against the person's capacity, and saves once."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from stepwise.goals.models import Goal, GoalStatus
from stepwise.people.models import User
from tests.e2e.test_live_check import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_builder_proposes_the_target_judges_typed_hours_and_saves_once(
    live_server: object, page: Page, alice: User
) -> None:
    alice.weekly_growth_hours = Decimal(5)
    alice.save()
    base = live_server.url  # type: ignore[attr-defined]
    sign_in(page, base, "alice")
    page.goto(f"{base}/goals/new/")
    page.get_by_label("What will you do or reach?").press_sequentially(
        "Raise NPS from 30 to 45 by end of Q2", delay=5
    )
    expect(page.locator("#id_target")).to_have_value("45")
    expect(page.locator("#id_baseline")).to_have_value("30")
    expect(page.locator("#target-filled")).to_contain_text("from your words")
    expect(page.locator("#id_due_date")).to_have_value(re.compile(r"^\d{4}-06-30$"))
    page.get_by_label("Why does it matter?").fill("more customers recommend us to their peers")

    live = page.locator("#live")
    hours = page.get_by_label("Hours a week")
    hours.fill("")
    hours.press_sequentially("9", delay=5)
    achievable = live.locator("li", has_text="Achievable")
    expect(achievable).to_contain_text("9 h a week for this goal")
    expect(achievable).to_contain_text("capacity of 5 h")
    expect(achievable).to_contain_text("does not pass yet")

    page.get_by_role("button", name="Save and start").click()
    expect(page.locator("h1")).to_contain_text("Raise NPS from 30 to 45")
    goal = Goal.objects.get(owner=alice)
    assert (goal.target, goal.baseline, goal.weekly_effort_hours) == (45, 30, 9)
    assert goal.status == GoalStatus.ACTIVE

"""A newcomer in a real browser: sign-up, self-assessment, radar, priorities, a first goal
adopted from the library. And the wizard on a phone: one competency per screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from stepwise.goals.models import Goal
from stepwise.people.models import User
from stepwise.skills.models import Assessment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "my-growth-journey-2027"


def sign_up(page: Page, base: str) -> None:
    page.goto(f"{base}/signup/")
    page.get_by_label("Your name").fill("Priya Shah")
    page.get_by_label("Sign-in name").fill("priya")
    page.get_by_label("Email address").fill("priya@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def rate_everything(page: Page) -> int:
    """Rate each competency at the first level; one 'interest' on market research."""
    steps = page.locator("fieldset[data-wizard-step]")
    count = steps.count()
    for i in range(count):
        steps.nth(i).get_by_role("radio", name=re.compile(r"^Associate PM")).check()
    market = page.locator("#competency-market-research")
    market.get_by_role("radio", name=re.compile(r"^Not yet")).check()
    market.get_by_label("I want to grow here").check()
    market.get_by_role("textbox", name="Evidence").fill(
        "Read two analyst reports on checkout tools"
    )
    return count


def test_newcomer_goes_from_sign_up_to_a_first_goal_from_the_library(
    live_server: object, page: Page
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    sign_up(page, base)

    # 1. profile
    page.get_by_label("Current level").select_option(label="Associate PM")
    page.get_by_label("Level you are working towards").select_option(label="Product Manager")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Next on your way in")).to_contain_text("1 of 4 done")
    page.goto(f"{base}/")
    guide = page.get_by_role("region", name="Getting started")
    expect(guide).to_contain_text("1 of 4 done")

    # 2. self-assessment: all on one page on a desktop, saved as we go
    guide.get_by_role("link", name="Start a self-assessment").click()
    page.get_by_role("button", name="Start your self-assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your self-assessment")
    assert rate_everything(page) == 13
    expect(page.locator("#competency-market-research .rating-status")).to_contain_text("Saved")
    page.get_by_role("button", name="Finish assessment").click()
    expect(page.get_by_role("status")).to_contain_text("Assessment finished")
    expect(page.locator("#radar-chart")).to_be_visible()
    expect(page.locator("#radar-table")).to_contain_text("Market and competitor research")
    page.wait_for_function("() => window.Chart && Chart.getChart('radar-chart')")
    assert page.evaluate("Chart.getChart('radar-chart').data.datasets.length") == 3

    # 3. priorities: market research first, with its reason and suggested goals
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Priorities").click()
    first = page.locator(".priority").first
    expect(first).to_contain_text("Market and competitor research")
    expect(first).to_contain_text("you marked it as an interest")
    page.get_by_role("button", name="These are my priorities: find a first goal").click()

    # 4. the library: search, adopt, save
    expect(page).to_have_url(re.compile(r"/goals/library/"))
    search = page.get_by_role("searchbox")
    search.fill("research competitors")
    search.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("research competitors")
    first_result = page.locator(".library-card").first
    expect(first_result).to_contain_text(re.compile("competitor", re.IGNORECASE))
    first_result.get_by_role("link", name=re.compile("Use this goal")).click()
    expect(page.get_by_text("Adopted from the library")).to_be_visible()
    title = page.get_by_label("What will you do or reach?").input_value()
    assert "{" not in title and title
    page.get_by_role("button", name="Save and start").click()
    expect(page.get_by_role("status")).to_contain_text("passes all five SMART criteria")

    priya = User.objects.get(username="priya")
    goal = Goal.objects.get(owner=priya)
    assert goal.template_key and goal.steps.count() >= 2
    assert Assessment.objects.get(person=priya).rated_count() == 13
    page.goto(f"{base}/skills/start/")
    expect(page.get_by_text("4 of 4 done")).to_be_visible()
    assert errors == [], errors


def test_the_wizard_shows_one_competency_per_screen_on_a_phone(
    live_server: object, browser: Browser, django_user_model: type[User]
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    person = django_user_model.objects.create_user(
        "sam", "sam@example.com", PASSWORD, level="pm", target_level="senior_pm"
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/login/")
    page.get_by_label("Sign-in name").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base}/skills/")
    page.get_by_role("button", name="Start your self-assessment").click()

    visible = page.locator("[data-wizard-step]:visible")
    expect(visible).to_have_count(1)
    legend = page.locator("[data-wizard-step]:visible legend").first
    expect(legend).to_contain_text("1 of 13")
    visible.get_by_role("radio", name=re.compile(r"^Product Manager")).check()
    expect(visible.locator(".rating-status")).to_contain_text("Saved")
    page.get_by_role("button", name="Next").click()
    expect(legend).to_contain_text("2 of 13 Roadmap and prioritisation")
    page.get_by_role("button", name="Back").click()
    expect(legend).to_contain_text("1 of 13")
    assert Assessment.objects.get(person=person).scores() == {"delivery": 2}
    # save and resume later: the next visit opens at the first competency not rated yet
    page.goto(f"{base}/skills/")
    page.get_by_role("link", name="Continue your self-assessment").click()
    expect(legend).to_contain_text("2 of 13")
    context.close()

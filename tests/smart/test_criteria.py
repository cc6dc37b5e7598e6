"""One test per criterion and rule of SMART.md, on goals written for these tests."""

from __future__ import annotations

import pytest

from stepwise.smart import Analysis, Context, analyze
from tests.smart.conftest import TODAY


def check(text: str) -> Analysis:
    return analyze(text, Context(today=TODAY))


# --- specific -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Write a PRD for the bulk invite flow",
        "Run five usability sessions on the new dashboard",
        "Reduce checkout abandonment from 70% to 60%",
        "Lower churn for annual plans",  # a named metric with a direction
        "Increase trial-to-paid conversion",
        "Ship the dark mode toggle to all workspaces",
        "Present the pricing experiment results to the leadership team",
        "Pass the AWS Cloud Practitioner exam",
        "Learn Tableau",  # a narrow, named tool
        "Learn to write SQL joins",
        "Interview 8 admins about permissions",
        "Shadow a customer support shift",
        "Have monthly coffee chats with the data team",
        "Become a group product manager",  # a named end state (not achievable)
        "Use the RICE framework to rank the Q1 backlog",
        "Find a mentor in the product org by March",
        "Become an expert in pricing strategy within 2 weeks",  # named, if not achievable
        "Improve onboarding completion by 15%",
        "- weekly demo to sales",
        "* 3 customer calls per week",
    ],
)
def test_specific_passes_with_a_concrete_action_or_named_end_state(text: str) -> None:
    verdict = check(text).specific
    assert verdict.passed, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Improve my stakeholder management",
        "Get better at storytelling",
        "Grow as a leader",
        "Enhance my product sense",
        "Support the design team more",
        "Promote a culture of ownership",
        "Foster better collaboration across squads",
        "Understand our pricing model better",
        "Learn about machine learning",
        "Learn how our billing works",
        "Explore new discovery techniques",
        "Make the release process smoother",
        "Be more proactive in meetings",
        "Become a better listener",
        "Work on my public speaking",
        "Take more initiative",
        "Build stronger relationships with sales",
        "Establish trust with the data team",
        "Ship something impressive",
        "- data skills",
        "Network more",
    ],
)
def test_specific_fails_for_a_vague_verb_over_a_broad_area(text: str) -> None:
    analysis = check(text)
    assert not analysis.specific.passed, analysis.specific.reason
    assert analysis.specific.suggestion


def test_a_vague_verb_with_a_method_becomes_specific() -> None:
    assert check("Improve my writing by publishing a weekly product memo").specific.passed


# --- measurable ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Run 4 discovery interviews",
        "Raise NPS from 32 to 40",
        "Cut support response time by 20%",
        "Grow ARR to $2M",
        "Double weekly signups",
        "Hold a demo every sprint",
        "Publish a teardown of our top competitor",
        "Ship the CSV export",
        "Present the Q3 results to the exec team",
        "Pass the PSM I certification",
        "Finish the Coursera course on product analytics",
        "Write a one-page strategy memo",
        "Get promoted to senior PM",  # a completion event, even if not achievable
        "Interview between 5 and 8 users",
        "Never miss a weekly update",  # a countable standard
        "Organise a lunch-and-learn on accessibility",
        "Run a design sprint with the growth squad",
        "Document our API rate limits in the developer portal",
        "Set up Amplitude tracking for the signup flow",
        "Get the new pricing page live",
        "Demo the new flow to sales",
    ],
)
def test_measurable_passes_with_a_number_frequency_or_completion(text: str) -> None:
    verdict = check(text).measurable
    assert verdict.passed, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Build strong relationships with the dev team",
        "Understand our customers better",
        "Make the docs welcoming",
        "Improve retention",
        "Learn Figma",
        "Talk to customers regularly",
        "Write clearer specs",
        "Drive adoption of the mobile app",
        "Talk to customers by 31 March 2027",  # the numbers are a date
        "Be seen as a strategic thinker",
    ],
)
def test_measurable_fails_when_nothing_can_be_checked(text: str) -> None:
    analysis = check(text)
    assert not analysis.measurable.passed, analysis.measurable.reason
    assert analysis.measurable.suggestion


# --- achievable ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Get promoted this year",
        "Earn a promotion to senior PM by Q3",
        "Get a 15% raise",
        "Receive a bonus this quarter",
        "Be selected for the leadership program",
        "Get hired at a top tech company",
        "Land a product manager job by March",
        "Win the innovation award this year",
        "Get the VP to approve my roadmap",
        "Become VP of Product in 3 months",
        "Learn everything about Kubernetes",
        "Never miss a deadline",
        "Always answer support tickets within an hour",
        "Ship with zero defects",
        "Reach 100% customer satisfaction",
        "Know every competitor inside and out",
        "Read 200 books this month",
        "Interview 2,000 customers by Friday",
        "Grow signups from 1,000 to 50,000 this quarter",
        "Rewrite the entire platform myself in one sprint",
        "Become fluent in Japanese in 3 weeks",
        "Triple revenue this month",
        "Sign 30 enterprise customers this week",
        "Hire 40 engineers this month",
        "Learn Spanish, German and Italian this year",
        "Build a new mobile app by tomorrow",
        "Get my essay published in a major magazine",
        "Be assigned to the payments squad",
        "Get an exceeds-expectations rating",
        "Win the internal hackathon",
        "Answer every single support ticket within an hour",
        "Double our MRR in two weeks",
        "Switch careers into product management by June",
    ],
)
def test_achievable_fails_for_others_decisions_absolutes_and_unrealistic_scale(text: str) -> None:
    analysis = check(text)
    assert not analysis.achievable.passed, analysis.achievable.reason
    assert analysis.achievable.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Write my promotion case with 5 examples of impact",
        "Ask my manager for a raise before the budget cycle",
        "Apply to 10 senior PM roles by June",
        "Submit a talk to the product conference",
        "Read 12 books this year",
        "Interview 6 customers in the next 4 weeks",
        "Roll out the new editor to 100% of EU users",
        "Run a retro after every release",
        "Grow weekly active teams from 300 to 360 this quarter",
        "Ship the billing migration in Q2",
        "Double signups this year",
        "Ship 3 features this quarter",
        "Hire 2 designers by Q2",
        "Publish the API docs by Friday",
        "Reduce churn from 5% to 1% this quarter",
    ],
)
def test_achievable_passes_for_goals_in_the_persons_hands(text: str) -> None:
    verdict = check(text).achievable
    assert verdict.passed, verdict.reason


# --- relevant -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Learn SQL so that I can answer my own product questions",
        "Read 6 books to prepare for a senior PM role",
        "Take a negotiation course because vendor deals are part of my job",
        "Run 5 interviews with churned customers",
        "Write a PRD for the team",
        "Reduce onboarding time for new admins",
        "Present the roadmap to stakeholders",
        "Grow MRR by 5%",
        "Get promoted to group PM",  # a career step
        "Pair with an engineer on our API",
        "Be more customer-focused",
    ],
)
def test_relevant_passes_with_a_purpose_or_a_tie_to_the_work(text: str) -> None:
    verdict = check(text).relevant
    assert verdict.passed, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Read 10 books by June",
        "Get better at coding",
        "Never stop learning",
        "Run a marathon in April",
        "Learn Spanish",
        "Get a certification in project management",
        "Improve my public speaking",
        "Learn about design thinking",
        "Watch 5 talks on negotiation",
        "Ask for feedback before my next review",  # a time phrase is not a tie
    ],
)
def test_relevant_fails_for_a_generic_personal_activity(text: str) -> None:
    analysis = check(text)
    assert not analysis.relevant.passed, analysis.relevant.reason
    assert analysis.relevant.suggestion


# --- time-bound ---------------------------------------------------------------------------


def test_time_bound_fails_without_a_deadline_and_suggests_a_real_date() -> None:
    analysis = check("Learn SQL someday")
    assert not analysis.time_bound.passed
    assert analysis.time_bound.suggestion
    assert "2027" in analysis.time_bound.suggestion


def test_time_bound_reason_quotes_the_words_and_gives_the_date() -> None:
    verdict = check("Ship the export by end of Q1").time_bound
    assert verdict.passed
    assert '"by end of Q1"' in verdict.reason
    assert "2027-03-31" in verdict.reason

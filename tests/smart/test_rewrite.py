"""The rewrite is built from the goal's own words, marks what to fill in, and passes more."""

from __future__ import annotations

import re

import pytest

from stepwise.smart import Context, analyze
from tests.smart.conftest import TODAY

PLACEHOLDER = re.compile(r"\[[^\[\]]+\]")

GOALS = [
    "Improve communication skills",
    "Get better at market research",
    "Read 10 books",
    "Get promoted this year",
    "Learn everything about Kubernetes",
    "Never miss a sprint deadline",
    "Become VP of Product in 3 months",
    "Read 300 books this month",
    "Build strong relationships with the dev team",
    "Make the docs welcoming",
    "Ship something cool",
    "- stakeholder comms",
    "Sleep more",
    "Understand our customers better",
    "Learn SQL",
    "Increase monthly referral traffic by 50%",
    "Eventually lead a product launch",
    "Zero bugs in the checkout, ever",
    "Get the CEO to approve my pricing proposal by the end of the month",
    "Rewrite our entire backend myself in two weeks",
    "Win the innovation award",
    "Always be the smartest person in the room",
    "Talk to customers regularly",
    "Write clearer PRDs in H1",
    "Mejorar la comunicación",
    "🚀🚀 ship 🚀",
]


@pytest.mark.parametrize("text", GOALS)
def test_rewrite_passes_more_criteria_than_the_original(text: str) -> None:
    context = Context(today=TODAY)
    original = analyze(text, context)
    assert original.score < 5
    rewritten = analyze(original.rewrite, context)
    assert rewritten.score > original.score, (original.rewrite, rewritten.to_dict())


@pytest.mark.parametrize("text", GOALS[:20])
def test_rewrite_keeps_the_goals_own_words_and_marks_placeholders(text: str) -> None:
    rewrite = analyze(text, Context(today=TODAY)).rewrite
    assert PLACEHOLDER.search(rewrite) or analyze(rewrite, Context(today=TODAY)).score == 5
    own = [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in {"never", "always"}]
    assert any(word in rewrite for word in own), rewrite


def test_rewrite_adds_a_date_a_number_and_a_purpose_where_missing() -> None:
    rewrite = analyze("Read 10 books", Context(today=TODAY)).rewrite
    assert rewrite.startswith("Read 10 books")
    assert "[date]" in rewrite
    assert "[why it matters]" in rewrite


def test_rewrite_of_others_decision_aims_at_what_the_person_controls() -> None:
    analysis = analyze("Get promoted this year", Context(today=TODAY))
    assert "promoted" not in analysis.rewrite.lower().split("[")[0]
    assert analyze(analysis.rewrite, Context(today=TODAY)).achievable.passed


def test_rewrite_of_unrealistic_scale_asks_for_a_realistic_number_and_date() -> None:
    rewrite = analyze("Read 300 books this month", Context(today=TODAY)).rewrite
    assert "[realistic number]" in rewrite and "[realistic date]" in rewrite

"""Every template in the library, resolved for several people, passes all five SMART criteria.

The checker runs in text-only mode (only today's date as context), on the same words the
app checks for an adopted goal (`ResolvedGoal.smart_text`). A template that fails is fixed
in its YAML file, never by changing the checker. The library also covers every competency
and level, and the topics PRODUCT.md asks for junior PMs.
"""

from __future__ import annotations

from datetime import date

import pytest

from stepwise.goals.library.catalogue import (
    COMPETENCY_KEYS,
    LEVEL_KEYS,
    GoalTemplate,
    load_library,
)
from stepwise.goals.library.placeholders import PlaceholderValues, resolve_template
from stepwise.smart import CRITERIA, Context, analyze

LIBRARY = load_library()
JUNIOR_LEVELS = frozenset({"associate_pm", "pm"})

PEOPLE = {
    "named-manager-and-team": PlaceholderValues(
        today=date(2026, 11, 22), me="Alice Park", manager="Bob Stone", team="Checkout"
    ),
    "no-manager-no-team": PlaceholderValues(today=date(2027, 6, 30), me="Sam Lee"),
    "levels": PlaceholderValues(
        today=date(2027, 1, 31),
        me="Priya Nair",
        manager="Dana Okafor",
        team="Growth",
        level="Associate PM",
        target_level="Product Manager",
    ),
}

# Junior topics (PRODUCT.md and the brief): a template covers one when a word below occurs
# in its key or keywords.
JUNIOR_TOPICS: dict[str, tuple[str, ...]] = {
    "competitor and market research": ("competitor", "competitive", "market"),
    "working with engineering": ("engineering", "engineers", "developers"),
    "working with design": ("design", "designer"),
    "the product end to end as a user": ("end to end", "end-to-end", "dogfood"),
    "business purpose and direction": ("business model", "business purpose", "strategy"),
    "prioritised task and issue list": ("backlog", "issue list", "open issues", "task list"),
    "status updates to management": ("status update", "status report"),
    "technology vocabulary": ("glossary", "vocabulary", "jargon"),
    "how testing works": ("testing", "test cases", "regression"),
    "planning a small project": ("project plan", "estimates", "dependencies"),
    "stakeholder relationships": ("stakeholder",),
    "product-sense questions": ("product sense", "product-sense"),
    "user research": ("user research", "customer interviews", "usability"),
    "data and metrics": ("sql", "dashboard", "metrics"),
    "communication and presenting": ("presentation", "presenting", "public speaking"),
}


def _cases() -> list[tuple[GoalTemplate, str]]:
    return [(template, person) for template in LIBRARY for person in PEOPLE]


@pytest.mark.parametrize(
    ("template", "person"), _cases(), ids=[f"{t.key}-{p}" for t, p in _cases()]
)
def test_every_template_resolves_to_a_smart_goal(template: GoalTemplate, person: str) -> None:
    values = PEOPLE[person]
    resolved = resolve_template(template, values)
    text = resolved.smart_text()
    analysis = analyze(text, Context(today=values.today))
    failures = [
        f"{template.key}: {name} failed: {analysis.criteria[name].reason} | {text}"
        for name in CRITERIA
        if not analysis.criteria[name].passed
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("template", LIBRARY, ids=[t.key for t in LIBRARY])
def test_every_template_is_complete(template: GoalTemplate) -> None:
    resolved = resolve_template(template, PEOPLE["named-manager-and-team"])
    assert "{" not in resolved.title + resolved.why + resolved.description, template.key
    assert resolved.steps[-1].due_date <= resolved.due_date
    assert template.keywords, f"{template.key}: add keywords people would search with"
    if template.metric_kind in ("number", "percentage"):
        assert template.target is not None, f"{template.key}: a number metric needs a target"


def test_the_library_is_big_enough() -> None:
    assert len(LIBRARY) >= 80, f"only {len(LIBRARY)} templates"


@pytest.mark.parametrize("competency", COMPETENCY_KEYS)
def test_every_competency_has_templates(competency: str) -> None:
    assert any(competency in t.competencies for t in LIBRARY), competency


@pytest.mark.parametrize("level", LEVEL_KEYS)
def test_every_level_has_templates(level: str) -> None:
    assert any(level in t.levels for t in LIBRARY), level


def _covers(template: GoalTemplate, words: tuple[str, ...]) -> bool:
    haystack = " ".join((template.key.replace("-", " "), *template.keywords)).lower()
    return any(word in haystack or word in template.key for word in words)


@pytest.mark.parametrize("topic", JUNIOR_TOPICS)
def test_every_junior_topic_has_a_template(topic: str) -> None:
    junior = [t for t in LIBRARY if JUNIOR_LEVELS & set(t.levels)]
    matches = [t.key for t in junior if _covers(t, JUNIOR_TOPICS[topic])]
    assert matches, f"no junior template about {topic}"


def test_junior_templates_are_plenty() -> None:
    junior = [t for t in LIBRARY if JUNIOR_LEVELS & set(t.levels)]
    assert len(junior) >= 50

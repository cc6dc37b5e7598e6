"""Over every labelled goal (tests/data) and the tester's goals: a rewrite passes the checker
itself, drops the vague verb and the vague comparison the Specific check flagged, names one
deadline at most, and reads as a sentence; a goal that passes gets no rewrite at all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stepwise.smart import Context, analyze
from stepwise.smart.analyzer import _read
from tests.smart.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"
TEXTS = [
    json.loads(line)["text"]
    for path in sorted(DATA.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
CONTEXT = Context(today=TODAY)
# Goals a tester wrote in the builder whose rewrites kept a vague comparison or two deadlines.
TESTERS_GOALS = [
    "Get better at SQL",
    "Be more strategic",
    "Become more confident in meetings",
    "Understand our competitors better",
    "Be a better listener",
    "Be a more effective leader so that my team trusts my calls",
    "Ship the pricing page by yesterday",
    "Ship the pricing page by then so that buyers compare plans",
    "Eventually lead a product launch",
    "Someday learn SQL",
    "Publish the onboarding guide soon",
    "Run customer interviews ASAP",
    "Launch the referral programme at some point in the future",
    "Become a senior PM by last year",
]
ALL_GOALS = TEXTS + TESTERS_GOALS
COMPARISON = re.compile(r"\b(?:more|less|better|worse)\s+\w+", re.IGNORECASE)
# Time words the checker does not read as a deadline but a reader would.
VAGUE_TIME = re.compile(
    r"\b(?:by|before|until)\s+(?:yesterday|then|last\s+\w+)\b|\b(?:eventually|someday|soon"
    r"|asap|at\s+some\s+point|in\s+the\s+future)\b",
    re.IGNORECASE,
)


def flagged_verb(text: str) -> str | None:
    """The verb the Specific check calls vague ("The vague verb …"), if it does."""
    analysis = analyze(text, CONTEXT)
    lead = _read(analysis.text, CONTEXT).lead
    if analysis.specific.passed or lead is None or lead.kind == "concrete":
        return None
    assert f'"{lead.verb}"' in analysis.specific.reason
    return lead.verb


def test_the_labelled_goals_are_all_here() -> None:
    assert len(TEXTS) == 522


@pytest.mark.parametrize("text", TEXTS)
def test_a_rewrite_passes_every_criterion_and_a_passing_goal_gets_none(text: str) -> None:
    analysis = analyze(text, CONTEXT)
    if analysis.score == 5:
        assert analysis.rewrite is None
        assert all(v.to_dict()["suggestion"] is None for v in analysis.criteria.values())
        return
    assert analysis.rewrite
    rewritten = analyze(analysis.rewrite, CONTEXT)
    failing = [name for name, v in rewritten.criteria.items() if not v.passed]
    assert not failing, (analysis.rewrite, failing)


@pytest.mark.parametrize("text", [t for t in ALL_GOALS if flagged_verb(t)])
def test_a_rewrite_never_keeps_the_vague_verb_it_flagged(text: str) -> None:
    verb = flagged_verb(text)
    assert verb is not None
    rewrite = analyze(text, CONTEXT).rewrite or ""
    assert not re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", rewrite, re.IGNORECASE), rewrite


def test_improve_gets_a_concrete_action_in_place_of_the_vague_verb() -> None:
    rewrite = analyze("Improve communication skills.", CONTEXT).rewrite
    assert rewrite is not None
    assert rewrite.startswith("[Concrete action] on communication skills")
    assert "Improve" not in rewrite and "improve" not in rewrite


def flagged_comparisons(text: str) -> list[str]:
    """The vague comparisons ("better at", "more strategic") in what the Specific check
    flagged: its weak verb and the words it acts on."""
    if flagged_verb(text) is None:
        return []
    lead = _read(text, CONTEXT).lead
    assert lead is not None
    return COMPARISON.findall(f"{lead.verb} {lead.obj}")


@pytest.mark.parametrize("text", [t for t in ALL_GOALS if flagged_comparisons(t)])
def test_a_rewrite_never_keeps_a_vague_comparison_it_flagged(text: str) -> None:
    rewrite = analyze(text, CONTEXT).rewrite or ""
    for comparison in flagged_comparisons(text):
        assert comparison.lower() not in rewrite.lower(), rewrite
    assert analyze(rewrite, CONTEXT).specific.passed, rewrite


def test_the_testers_comparisons_are_among_those_checked() -> None:
    checked = {c.lower() for t in ALL_GOALS for c in flagged_comparisons(t)}
    assert {"better at", "more strategic", "more confident"} <= checked


@pytest.mark.parametrize("text", ALL_GOALS)
def test_no_rewrite_names_two_deadlines(text: str) -> None:
    rewrite = analyze(text, CONTEXT).rewrite
    if rewrite is None or "date]" not in rewrite:
        return  # the goal's own deadline stands
    times = [t.phrase for t in _read(rewrite, CONTEXT).times if not t.is_cadence]
    assert len(times) == 1, (rewrite, times)
    assert not VAGUE_TIME.search(rewrite), rewrite


@pytest.mark.parametrize("text", ALL_GOALS)
def test_a_rewrite_opens_with_a_capital_letter(text: str) -> None:
    rewrite = analyze(text, CONTEXT).rewrite
    first = (rewrite or "").lstrip("[")[:1]
    assert first.isupper() or not first.isalpha(), rewrite


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Get better at SQL", "[Concrete action] on SQL"),
        ("Be more strategic", "[Concrete action] that shows I am strategic"),
        ("Be a better listener", "[Concrete action] that shows I am a good listener"),
        ("Ship the pricing page by yesterday", "Ship the pricing page, by [date]."),
        ("Eventually lead a product launch", "Lead a product launch, by [date]."),
    ],
)
def test_the_testers_goals_read_as_plain_sentences(text: str, expected: str) -> None:
    rewrite = analyze(text, CONTEXT).rewrite or ""
    assert rewrite.startswith(expected), rewrite


def test_the_specific_suggestion_drops_the_comparison_too() -> None:
    suggestion = analyze("Understand our competitors better", CONTEXT).specific.suggestion or ""
    assert '"Run [number] … on our competitors"' in suggestion
    assert "better" not in suggestion
    strategic = analyze("Be more strategic", CONTEXT).specific.suggestion or ""
    assert "on strategic" not in strategic and "more strategic" not in strategic

"""Over every labelled goal (tests/data): a rewrite passes the checker itself and drops the
vague verb the Specific check flagged; a goal that passes gets no rewrite at all."""

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


@pytest.mark.parametrize("text", [t for t in TEXTS if flagged_verb(t)])
def test_a_rewrite_never_keeps_the_vague_verb_it_flagged(text: str) -> None:
    verb = flagged_verb(text)
    assert verb is not None
    rewrite = analyze(text, CONTEXT).rewrite or ""
    assert not re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", rewrite, re.IGNORECASE), rewrite


def test_improve_gets_a_concrete_action_in_place_of_the_vague_verb() -> None:
    rewrite = analyze("Improve communication skills.", CONTEXT).rewrite
    assert rewrite is not None
    assert rewrite.startswith("[concrete action] on communication skills")
    assert "Improve" not in rewrite and "improve" not in rewrite

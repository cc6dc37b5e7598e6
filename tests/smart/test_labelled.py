"""The checker meets its targets on the labelled development set (tests/data)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from stepwise.smart import CRITERIA, Context, analyze

DEV = Path(__file__).resolve().parents[1] / "data" / "smart_goals_dev.jsonl"
TARGETS = {
    "specific": 0.90,
    "measurable": 0.90,
    "achievable": 0.85,
    "relevant": 0.85,
    "time_bound": 0.90,
}


def f1(pairs: list[tuple[bool, bool]]) -> float:
    """F1 with "passed" as the positive class; pairs are (expected, predicted)."""
    tp = sum(1 for e, p in pairs if e and p)
    fp = sum(1 for e, p in pairs if p and not e)
    fn = sum(1 for e, p in pairs if e and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_dev_part_meets_the_f1_targets() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    context = Context(today=date(2026, 11, 22))
    pairs: dict[str, list[tuple[bool, bool]]] = {name: [] for name in CRITERIA}
    for row in rows:
        analysis = analyze(row["text"], context)
        for name, verdict in analysis.criteria.items():
            pairs[name].append((bool(row[name]), verdict.passed))
    scores = {name: round(f1(found), 3) for name, found in pairs.items()}
    assert all(scores[name] >= TARGETS[name] for name in CRITERIA), scores

"""Measure the SMART checker against the hand-labelled goal statements.

Prints, for each part (dev, test) and each criterion, accuracy, precision, recall and F1
with "passed" as the positive class. Tune on dev only; test is for reporting.

    python scripts/evaluate_smart.py                       # both parts, today = 2026-11-22
    python scripts/evaluate_smart.py --show-errors dev     # list misclassified dev goals
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stepwise.smart import CRITERIA, Context, analyze  # noqa: E402

DATA = ROOT / "tests" / "data"
PARTS = ("dev", "test")
TARGETS = {
    "specific": 0.90,
    "measurable": 0.90,
    "achievable": 0.85,
    "relevant": 0.85,
    "time_bound": 0.90,
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        if predicted and expected:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.tp + self.fn
        return self.tp / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Error:
    text: str
    criterion: str
    expected: bool
    reason: str


def load(part: str) -> list[dict[str, object]]:
    path = DATA / f"smart_goals_{part}.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(rows: list[dict[str, object]], today: date) -> tuple[dict[str, Counts], list[Error]]:
    counts = {name: Counts() for name in CRITERIA}
    errors: list[Error] = []
    context = Context(today=today)
    for row in rows:
        analysis = analyze(str(row["text"]), context)
        for name, verdict in analysis.criteria.items():
            expected = bool(row[name])
            counts[name].add(expected, verdict.passed)
            if expected != verdict.passed:
                errors.append(Error(str(row["text"]), name, expected, verdict.reason))
    return counts, errors


def table(part: str, counts: dict[str, Counts]) -> str:
    lines = [
        f"{part} ({next(iter(counts.values())).total} goals)",
        f"  {'criterion':<12} {'accuracy':>9} {'precision':>10} {'recall':>8} {'F1':>7}"
        f" {'target':>7}",
    ]
    for name, c in counts.items():
        mark = "ok" if c.f1 >= TARGETS[name] else "LOW"
        lines.append(
            f"  {name:<12} {c.accuracy:>9.3f} {c.precision:>10.3f} {c.recall:>8.3f}"
            f" {c.f1:>7.3f} {TARGETS[name]:>5.2f} {mark}"
        )
    return "\n".join(lines)


def show_errors(errors: list[Error]) -> str:
    lines = [f"{len(errors)} misclassified verdicts:"]
    for error in sorted(errors, key=lambda e: (e.criterion, e.text)):
        expected = "pass" if error.expected else "fail"
        lines.append(f"  [{error.criterion} should {expected}] {error.text}")
        lines.append(f"      checker: {error.reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 22))
    parser.add_argument("--part", choices=PARTS, action="append", help="parts to measure")
    parser.add_argument("--show-errors", choices=("dev",), help="list misclassified goals")
    args = parser.parse_args(argv)
    parts = args.part or [p for p in PARTS if (DATA / f"smart_goals_{p}.jsonl").exists()]
    for part in parts:
        counts, errors = evaluate(load(part), args.today)
        print(table(part, counts))
        print()
        if args.show_errors == part:
            print(show_errors(errors))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

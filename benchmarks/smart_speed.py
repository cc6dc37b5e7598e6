"""How many goals the SMART checker analyses per second, text-only, in one process.

Runs the labelled goal texts (tests/data/smart_goals_*.jsonl) through `analyze()` and
`Analysis.to_dict()` in rounds until about 10,000 analyses are done, and prints the rate of
the whole run, of the median round and of the best round (the best round is the least
disturbed by other work on the machine). Target: 2,000 analyses per second.

    python benchmarks/smart_speed.py                # about 10,000 analyses
    python benchmarks/smart_speed.py --check        # exit 1 when the best round is too slow
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stepwise.smart import Context, analyze  # noqa: E402

TARGET = 2000
FALLBACK_TEXTS = (
    "Publish the Q3 roadmap to the company wiki by Friday.",
    "Improve communication skills.",
    "Reduce billing-related support tickets by 25% in Q3 so the support team has more time.",
    "Read 12 books a year.",
    "Get promoted this year.",
    "Run 6 customer interviews in the next 4 weeks to shape the invoicing roadmap.",
    "Learn everything about Kubernetes.",
    "Send a weekly status update to my manager.",
)


def load_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("smart_goals_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts or list(FALLBACK_TEXTS)


def run_round(texts: list[str], count: int, context: Context) -> float:
    """Analyses per second over `count` analyses."""
    started = time.perf_counter()
    for index in range(count):
        analyze(texts[index % len(texts)], context).to_dict()
    return count / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyses", type=int, default=10_000, help="total analyses")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--check", action="store_true", help=f"fail below {TARGET}/s")
    args = parser.parse_args(argv)
    texts = load_texts()
    context = Context(today=date(2026, 11, 22))
    run_round(texts, min(len(texts), 200), context)  # warm up
    per_round = max(1, args.analyses // args.rounds)
    started = time.perf_counter()
    rates = [run_round(texts, per_round, context) for _ in range(args.rounds)]
    overall = per_round * args.rounds / (time.perf_counter() - started)
    print(f"{per_round * args.rounds:,} text-only analyses of {len(texts)} distinct goals")
    print(f"  overall: {overall:,.0f} analyses/s")
    print(f"  median round: {statistics.median(rates):,.0f} analyses/s")
    print(f"  best round: {max(rates):,.0f} analyses/s (target {TARGET:,}/s)")
    if args.check and max(rates) < TARGET:
        print("  below target")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How fast the goal library's search answers, on a generated library of 5,000 templates.

Generates varied templates (fixed seed: the same library every run) from word lists combined
at random, so that the vocabulary is realistic (several thousand distinct words, a few very
common, most rare), builds a `LibraryIndex` over them (the build time is reported), then runs
realistic queries (1-4 words: exact words, typos, synonyms, some with a competency or level
filter, some empty with a filter) and prints the latency of `search()` per kind of query.
Target: p95 under 50 ms for all queries together; exit 1 when it is missed.

    python benchmarks/library_search.py                     # 5,000 templates, 3,000 queries
    python benchmarks/library_search.py --templates 500 --queries 2000
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stepwise.goals.library.catalogue import GoalTemplate, StepTemplate  # noqa: E402
from stepwise.goals.library.search import SYNONYM_GROUPS, LibraryIndex  # noqa: E402

TARGET_P95_MS = 50.0
SEED = 20261122

COMPETENCY_NAMES = {
    "delivery": "Execution and delivery",
    "prioritisation": "Prioritisation",
    "technical-fluency": "Technical fluency",
    "user-research": "User research",
    "market-research": "Market and competitor research",
    "data": "Data and analytics",
    "product-sense": "Product sense",
    "vision": "Vision and strategy",
    "business": "Business acumen",
    "communication": "Communication",
    "stakeholders": "Stakeholder management",
    "collaboration": "Collaboration",
    "leadership": "Leadership",
}
LEVELS = ("associate_pm", "pm", "senior_pm", "principal_pm", "director")


def word_list(text: str) -> list[str]:
    return text.split()


VERBS = word_list("""
write run map agree publish ship launch measure interview present review prioritise plan
draft test analyse build define align share document estimate reduce increase improve lead
mentor coach facilitate negotiate validate prototype research survey benchmark audit track
report simplify migrate automate onboard retire sunset scope pitch demo organise schedule
""")
NOUNS = word_list("""
roadmap backlog release feature customer user interview survey metric dashboard kpi okr
experiment hypothesis prototype design designer engineer developer stakeholder sponsor
executive team squad tribe competitor market segment persona journey funnel conversion
retention churn activation onboarding pricing plan tier invoice billing checkout payment
search catalogue inventory order delivery shipment warehouse partner vendor contract budget
forecast revenue margin cost risk dependency milestone deadline sprint estimate ticket bug
incident outage postmortem regression quality accessibility performance latency uptime
security privacy compliance audit policy process workflow template checklist playbook
strategy vision mission principle goal objective outcome impact insight finding analysis
teardown benchmark landscape opportunity problem solution requirement specification story
epic theme initiative programme portfolio platform api integration migration architecture
database pipeline analytics experimentation instrumentation event cohort segment trial
newsletter webinar blog launch announcement changelog documentation training workshop
retrospective standup demo review offsite meeting agenda minutes decision tradeoff
stakeholders leadership culture hiring interviewing feedback career promotion growth skill
""")
ADJECTIVES = word_list("""
quarterly weekly monthly annual new existing mobile web internal external enterprise
self-serve premium free paid global regional local critical major minor qualitative
quantitative competitive strategic tactical technical commercial operational customer-facing
cross-functional shared clear concise measurable realistic ambitious
""")
FILLERS = word_list("the a of with for to and by on in at from into our my their")
SUFFIXES = ("", "", "", "s", "ing", "ed", "er", "ers", "ation", "al", "ly", "ment", "ness")
SYLLABLES = word_list("""
ka lo mi ne ra su ti vo zen tra plex sol gri fan dor bel cor vex lum nor qui sta pol mar
den fi ga ho ju ke li mo nu pa re se to vu wa xi yo za bri cro dra fla glo pri tro ste
""")


def build_vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Real words, derived forms and made-up product names, with Zipf-like weights."""
    words = dict.fromkeys(VERBS + NOUNS + ADJECTIVES)
    for root in NOUNS + VERBS:
        for suffix in rng.sample(SUFFIXES, 4):
            words[root + suffix] = None
    while len(words) < 6_000:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        words[name] = None
    vocabulary = list(words)
    head, tail = vocabulary[:400], vocabulary[400:]
    rng.shuffle(tail)
    vocabulary = head + tail
    weights = [1.0 / (rank + 10) ** 1.05 for rank in range(len(vocabulary))]
    return vocabulary, weights


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary, self.weights = build_vocabulary(self.rng)

    def words(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        picked = self.rng.choices(self.vocabulary, self.weights, k=count)
        out = [self.rng.choice(VERBS).capitalize()]
        for word in picked:
            if self.rng.random() < 0.3:
                out.append(self.rng.choice(FILLERS))
            out.append(word)
        return " ".join(out)

    def template(self, number: int) -> GoalTemplate:
        rng = self.rng
        first = rng.randrange(len(LEVELS))
        steps = tuple(
            StepTemplate(title=self.words(4, 10), week=week, hours=Decimal(1))
            for week in range(1, rng.randint(2, 6) + 1)
        )
        return GoalTemplate(
            key=f"template-{number:05d}",
            title=self.words(10, 25) + " {due}",
            why="so that " + self.words(8, 15).lower(),
            description=self.words(0, 30) if rng.random() < 0.6 else "",
            competencies=tuple(rng.sample(list(COMPETENCY_NAMES), rng.randint(1, 2))),
            levels=LEVELS[first : first + rng.randint(1, 3)],
            category="skill",
            metric_kind="number",
            metric_unit="items",
            baseline=Decimal(0),
            target=Decimal(rng.randint(1, 10)),
            weeks=rng.randint(2, 26),
            hours_per_week=Decimal(rng.randint(1, 5)),
            steps=steps,
            keywords=tuple(self.words(0, 2).lower() for _ in range(rng.randint(2, 5))),
        )


def misspell(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word) - 1)
    edit = rng.choice(("swap", "drop", "double", "replace"))
    if edit == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "double":
        return word[:at] + word[at] + word[at:]
    return word[:at] + rng.choice("aeiourstnl") + word[at + 1 :]


class Queries:
    """Realistic queries: (kind, text, competency, level)."""

    def __init__(self, generator: Generator) -> None:
        self.gen = generator
        self.rng = random.Random(SEED + 1)
        self.synonyms = [entry for group in SYNONYM_GROUPS for entry in group]

    def common_words(self, count: int) -> list[str]:
        words = self.rng.choices(self.gen.vocabulary, self.gen.weights, k=count)
        return [w for w in words if w.isalpha()] or ["roadmap"]

    def exact(self) -> str:
        return " ".join(self.common_words(self.rng.randint(1, 4)))

    def typo(self) -> str:
        words = self.common_words(self.rng.randint(1, 3))
        long = [i for i, w in enumerate(words) if len(w) >= 5] or [0]
        at = self.rng.choice(long)
        if len(words[at]) >= 5:
            words[at] = misspell(self.rng, words[at])
        return " ".join(words)

    def synonym(self) -> str:
        extra = self.common_words(self.rng.randint(0, 2))
        return " ".join([self.rng.choice(self.synonyms), *extra])

    def make(self, count: int) -> list[tuple[str, str, str | None, str | None]]:
        kinds: list[tuple[str, Callable[[], str], float]] = [
            ("exact", self.exact, 0.45),
            ("typo", self.typo, 0.25),
            ("synonym", self.synonym, 0.2),
            ("empty+filter", lambda: "", 0.1),
        ]
        out = []
        for _ in range(count):
            kind, make, _ = self.rng.choices(kinds, [k[2] for k in kinds])[0]
            competency, level = None, None
            if kind == "empty+filter" or self.rng.random() < 0.3:
                competency = self.rng.choice([None, *COMPETENCY_NAMES])
                level = self.rng.choice(LEVELS) if competency is None else None
            out.append((kind, make(), competency, level))
        return out


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def row(name: str, timings: list[float]) -> str:
    values = sorted(timings)
    p50, p95, p99 = (percentile(values, f) for f in (0.5, 0.95, 0.99))
    return (
        f"  {name:<14} {len(values):>6} {p50:>8.2f} {p95:>8.2f} {p99:>8.2f} "
        f"{values[-1]:>8.2f} {statistics.fmean(values):>8.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=3_000, help="at least 2,000 is sensible")
    parser.add_argument("--limit", type=int, default=20, help="hits asked for per search")
    args = parser.parse_args(argv)

    generator = Generator(SEED)
    templates = [generator.template(number) for number in range(args.templates)]
    started = time.perf_counter()
    index = LibraryIndex(templates, competency_names=COMPETENCY_NAMES)
    build = time.perf_counter() - started
    queries = Queries(generator).make(args.queries)
    for _, text, competency, level in queries[:50]:  # warm up
        index.search(text, competency=competency, level=level, limit=args.limit)

    by_kind: dict[str, list[float]] = {}
    hits = 0
    for kind, text, competency, level in queries:
        started = time.perf_counter()
        found = index.search(text, competency=competency, level=level, limit=args.limit)
        by_kind.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        hits += bool(found)
    everything = [t for timings in by_kind.values() for t in timings]
    p95 = percentile(sorted(everything), 0.95)
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"{len(templates):,} generated templates, {len(generator.vocabulary):,} words "
        f"to draw from; index built in {build:.2f} s (peak RSS {memory:.0f} MB)"
    )
    print(f"{len(queries):,} searches (limit {args.limit}), {hits:,} with hits; ms per search:")
    print(f"  {'queries':<14} {'count':>6} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'mean':>8}")
    for kind, timings in sorted(by_kind.items()):
        print(row(kind, timings))
    print(row("all", everything))
    verdict = "PASS" if p95 < TARGET_P95_MS else "FAIL"
    print(f"  {verdict}: p95 {p95:.2f} ms (target < {TARGET_P95_MS:.0f} ms)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""What to work on next: a ranked list from the gap to the target level and the person's
interests, each with a one-sentence reason. Plain values in, plain values out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stepwise.skills.framework_file import CompetencySpec, FrameworkSpec

BELOW_CURRENT_WEIGHT = 2.0
INTEREST_WEIGHT = 1.5
WEAKNESS_WEIGHT = 0.75
STRENGTH_WEIGHT = -0.75
UNRATED_WEIGHT = 0.5
WORDS = {1: "One level", 2: "Two levels", 3: "Three levels", 4: "Four levels"}


@dataclass(frozen=True)
class RatingFacts:
    score: int | None
    is_strength: bool = False
    is_weakness: bool = False
    is_interest: bool = False


@dataclass(frozen=True)
class Priority:
    competency_key: str
    competency_name: str
    area_name: str
    score: int | None
    expected_now: int | None
    expected_target: int | None
    weight: float
    reason: str
    state: str | None
    is_interest: bool

    @property
    def gap(self) -> int:
        if self.score is None or self.expected_target is None:
            return 0
        return max(self.expected_target - self.score, 0)


@dataclass(frozen=True)
class Standing:
    """Where the person is and wants to be, as positions in the framework's levels."""

    spec: FrameworkSpec
    now: int | None
    target: int | None

    def level_name(self, position: int | None) -> str:
        return self.spec.level_name(position)


def rank_priorities(
    *,
    spec: FrameworkSpec,
    ratings: Mapping[str, RatingFacts],
    level: str | None,
    target_level: str | None,
    choices: Mapping[str, str] | None = None,
) -> list[Priority]:
    """Every competency, most worth working on first: pinned ones at the top, dismissed
    ones at the bottom, the rest by weight (ties by the framework's order)."""
    now = spec.level_position(level) if level else None
    target = spec.level_position(target_level) if target_level else None
    standing = Standing(spec=spec, now=now, target=target or now)
    choices = choices or {}
    items = [
        _priority(competency, ratings.get(competency.key), standing, choices.get(competency.key))
        for competency in spec.competencies()
    ]
    order = {c.key: i for i, c in enumerate(spec.competencies())}
    return sorted(items, key=lambda p: (_band(p), -p.weight, order[p.competency_key]))


def _band(priority: Priority) -> int:
    return {"pinned": 0, "dismissed": 2}.get(priority.state or "", 1)


def _priority(
    competency: CompetencySpec, facts: RatingFacts | None, standing: Standing, state: str | None
) -> Priority:
    facts = facts or RatingFacts(score=None)
    return Priority(
        competency_key=competency.key,
        competency_name=competency.name,
        area_name=_area_name(standing.spec, competency),
        score=facts.score,
        expected_now=standing.now,
        expected_target=standing.target,
        weight=_weight(facts, standing),
        reason=_reason(facts, standing),
        state=state,
        is_interest=facts.is_interest,
    )


def _area_name(spec: FrameworkSpec, competency: CompetencySpec) -> str:
    return next((a.name for a in spec.areas if a.key == competency.area_key), "")


def _weight(facts: RatingFacts, standing: Standing) -> float:
    weight = 0.0
    if facts.score is None:
        weight += UNRATED_WEIGHT
    else:
        if standing.now is not None:
            weight += BELOW_CURRENT_WEIGHT * max(standing.now - facts.score, 0)
        if standing.target is not None:
            weight += max(standing.target - facts.score, 0)
    weight += INTEREST_WEIGHT * facts.is_interest
    weight += WEAKNESS_WEIGHT * facts.is_weakness
    weight += STRENGTH_WEIGHT * facts.is_strength
    return round(weight, 2)


def _reason(facts: RatingFacts, standing: Standing) -> str:
    """One sentence: the gap first, then what the person said about it."""
    gap = _gap_clause(facts.score, standing)
    notes = _notes(facts)
    if not notes:
        return gap + "."
    return f"{gap}, and {_join(notes)}."


def _gap_clause(score: int | None, standing: Standing) -> str:
    if score is None:
        return "Not rated yet: rate it to see how far it is from your target"
    now, target = standing.now, standing.target
    if now is not None and score < now:
        return (
            f"{_levels(now - score)} below your current level of {standing.level_name(now)}"
            f" ({_rated_at(score, standing)})"
        )
    if target is not None and score < target:
        return f"{_levels(target - score)} short of the {standing.level_name(target)} expectation"
    if target is None:
        return "Set your current and target level in your profile to measure the gap"
    return f"Already at the {standing.level_name(target)} expectation"


def _rated_at(score: int, standing: Standing) -> str:
    name = standing.level_name(score)
    return f"you rated yourself at {name} level" if name else "you rated it below the first level"


def _levels(count: int) -> str:
    return WORDS.get(count, f"{count} levels")


def _notes(facts: RatingFacts) -> list[str]:
    notes = []
    if facts.is_interest:
        notes.append("you marked it as an interest")
    if facts.is_weakness:
        notes.append("you named it a weakness")
    if facts.is_strength:
        notes.append("it is one of your strengths, so it ranks lower")
    return notes


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]

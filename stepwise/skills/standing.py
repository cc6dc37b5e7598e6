"""What the skills pages show: radar data and its table, side-by-side comparisons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stepwise.access.skills import latest_self_assessment
from stepwise.people.models import User
from stepwise.skills.framework_file import FrameworkSpec
from stepwise.skills.models import Assessment, AssessmentKind
from stepwise.skills.priorities import Priority, RatingFacts, rank_priorities


@dataclass(frozen=True)
class CompetencyRow:
    key: str
    name: str
    area: str
    now: int | None
    before: int | None
    expected_now: int | None
    expected_target: int | None

    @property
    def change(self) -> int | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before

    @property
    def gap(self) -> int | None:
        if self.now is None or self.expected_target is None:
            return None
        return self.expected_target - self.now


def rating_facts(assessment: Assessment | None) -> dict[str, RatingFacts]:
    if assessment is None:
        return {}
    return {
        r.competency_key: RatingFacts(
            score=r.score,
            is_strength=r.is_strength,
            is_weakness=r.is_weakness,
            is_interest=r.is_interest,
        )
        for r in assessment.ratings.all()
    }


def competency_rows(
    spec: FrameworkSpec,
    *,
    now: Assessment | None,
    before: Assessment | None,
    level: str,
    target_level: str,
) -> list[CompetencyRow]:
    """One row per competency of ``spec``: the two ratings and the two expectations."""
    now_scores = now.scores() if now else {}
    before_scores = before.scores() if before else {}
    expected_now = spec.level_position(level) if level else None
    expected_target = spec.level_position(target_level) if target_level else None
    areas = {a.key: a.name for a in spec.areas}
    return [
        CompetencyRow(
            key=c.key,
            name=c.name,
            area=areas.get(c.area_key, ""),
            now=now_scores.get(c.key),
            before=before_scores.get(c.key),
            expected_now=expected_now,
            expected_target=expected_target,
        )
        for c in spec.competencies()
    ]


def radar_data(
    spec: FrameworkSpec,
    rows: list[CompetencyRow],
    *,
    now_label: str,
    before_label: str,
) -> dict[str, Any]:
    """The JSON the radar chart script reads (static/stepwise/js/charts.js)."""
    levels = [level.name for level in spec.levels]
    datasets: list[dict[str, Any]] = [
        {"kind": "now", "label": now_label, "values": [r.now for r in rows]},
    ]
    if any(r.before is not None for r in rows):
        datasets.append(
            {"kind": "before", "label": before_label, "values": [r.before for r in rows]}
        )
    for kind, attr in (("expected_now", "expected_now"), ("expected_target", "expected_target")):
        position = getattr(rows[0], attr) if rows else None
        if position:
            datasets.append(
                {
                    "kind": kind,
                    "label": f"{levels[position - 1]} expectation",
                    "values": [position for _ in rows],
                }
            )
    highest = max((v for d in datasets for v in d["values"] if v is not None), default=0)
    return {
        "labels": [r.name for r in rows],
        "levels": levels,
        "datasets": datasets,
        "scale_max": min(len(levels), highest + 1),  # room above the outermost line, no more
    }


def label_for(assessment: Assessment, viewer: User) -> str:
    who = "You" if assessment.assessor_id == viewer.pk else assessment.assessor.name
    kind = "self" if assessment.kind == AssessmentKind.SELF else "manager"
    day = assessment.created_at
    return f"{who} ({kind}), {day.day} {day:%b %Y}"


def priorities_for(person: User) -> tuple[Assessment | None, list[Priority]]:
    """The person's ranked priorities from their latest finished self-assessment."""
    assessment = latest_self_assessment(person)
    if assessment is None:
        return None, []
    choices = dict(person.priority_choices.values_list("competency_key", "state"))
    ranked = rank_priorities(
        spec=assessment.spec,
        ratings=rating_facts(assessment),
        level=person.level or assessment.level,
        target_level=person.target_level or assessment.target_level,
        choices=choices,
    )
    return assessment, ranked

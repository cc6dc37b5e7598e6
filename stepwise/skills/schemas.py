"""API shapes for frameworks, assessments and priorities (see ``stepwise/skills/api.py``).

A rating is a whole number from 0 to the number of levels of the assessment's framework
version: *k* means "consistently does what the framework expects at level *k*", 0 "not yet at
the first level" (decision 0005). Level positions count from 1, lowest first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from stepwise.lib.api import PersonRefOut
from stepwise.lib.api_types import Count, Flag, Id, Input, Text, Version
from stepwise.skills.framework_file import FrameworkSpec
from stepwise.skills.models import Assessment, AssessmentKind, Framework, FrameworkVersion, Rating

# ---- frameworks ----------------------------------------------------------------------------


class FrameworkOut(Schema):
    key: str
    name: str
    is_active: bool = Field(..., description="New assessments use the active framework.")
    latest_version: int | None = Field(..., description="The newest imported version's number.")

    @staticmethod
    def resolve_latest_version(obj: Framework) -> int | None:
        return getattr(obj, "latest_number", None)


class LevelOut(Schema):
    key: str
    name: str
    summary: str
    position: int = Field(..., description="1 for the lowest level; a rating of k meets it.")


class CompetencyOut(Schema):
    key: str
    name: str
    summary: str
    expectations: dict[str, str] = Field(
        ..., description="Level key -> what someone at that level consistently does."
    )


class AreaOut(Schema):
    key: str
    name: str
    competencies: list[CompetencyOut]


class FrameworkVersionOut(Schema):
    """One version of a framework, as it was imported. Versions never change."""

    key: str
    name: str
    description: str
    version: int
    is_active: bool
    is_latest: bool
    imported_at: datetime
    levels: list[LevelOut]
    areas: list[AreaOut]


def framework_version_out(version: FrameworkVersion, *, is_latest: bool) -> dict[str, Any]:
    spec = version.spec
    return {
        "key": version.framework.key,
        "name": spec.name,
        "description": spec.description,
        "version": version.number,
        "is_active": version.framework.is_active,
        "is_latest": is_latest,
        "imported_at": version.imported_at,
        "levels": [
            {"key": lv.key, "name": lv.name, "summary": lv.summary, "position": position}
            for position, lv in enumerate(spec.levels, start=1)
        ],
        "areas": [
            {
                "key": area.key,
                "name": area.name,
                "competencies": [
                    {
                        "key": c.key,
                        "name": c.name,
                        "summary": c.summary,
                        "expectations": dict(c.expectations),
                    }
                    for c in area.competencies
                ],
            }
            for area in spec.areas
        ],
    }


# ---- assessments ---------------------------------------------------------------------------


class AssessmentFiltersIn(Input):
    person: Id | None = Field(None, description="Only assessments about this person.")
    kind: AssessmentKind | None = Field(None, description="`self` or `manager`.")


class StartAssessmentIn(Input):
    person: Id | None = Field(
        None,
        description="Whom to assess: yourself (the default) or one of your direct reports.",
    )


class AssessmentPatchIn(Input):
    version: Version = Field(..., description="The assessment's version you last read.")
    summary: Text = Field(..., description="Your overall reflection, up to 5,000 characters.")


class RatingIn(Input):
    """The whole rating of one competency: what you leave out is cleared."""

    score: Count | None = Field(
        ...,
        description="0 (not yet at the first level) to the number of levels; null: not rated.",
    )
    evidence: Text = Field("", description="What you did that shows it, up to 5,000 characters.")
    evidence_links: list[Text] = Field(
        default_factory=list, max_length=20, description="Web links (http or https)."
    )
    is_strength: Flag = False
    is_weakness: Flag = False
    is_interest: Flag = Field(False, description="You want to grow in it.")
    version: Version | None = Field(None, description="If given, refused (409) when stale.")


class CompleteAssessmentIn(Input):
    version: Version | None = Field(None, description="If given, refused (409) when stale.")


class ShareAssessmentIn(Input):
    shared: Flag = Field(
        ...,
        description=(
            "true shares a finished self-assessment with your manager (or your assessment of a "
            "report with them); false takes it back."
        ),
    )


class FrameworkRefOut(Schema):
    key: str
    name: str
    version: int


class RatingOut(Schema):
    competency_key: str
    competency_name: str
    area_key: str
    score: int | None
    level_name: str = Field(..., description="The level the score meets; empty for 0 or null.")
    evidence: str
    evidence_links: list[str]
    is_strength: bool
    is_weakness: bool
    is_interest: bool
    updated_at: datetime


class RatedOut(RatingOut):
    """A rating just saved, with the assessment's new version for the next change."""

    assessment_id: int
    assessment_version: int


def rating_out(spec: FrameworkSpec, rating: Rating) -> dict[str, Any]:
    competency = spec.competency(rating.competency_key)
    return {
        "competency_key": rating.competency_key,
        "competency_name": competency.name if competency else rating.competency_key,
        "area_key": competency.area_key if competency else "",
        "score": rating.score,
        "level_name": spec.level_name(rating.score),
        "evidence": rating.evidence,
        "evidence_links": rating.links(),
        "is_strength": rating.is_strength,
        "is_weakness": rating.is_weakness,
        "is_interest": rating.is_interest,
        "updated_at": rating.updated_at,
    }


def _competency_count(version: FrameworkVersion) -> int:
    """From the stored data, without parsing it again (cheap in lists)."""
    return sum(len(area.get("competencies", [])) for area in version.data.get("areas", []))


class AssessmentSummaryOut(Schema):
    id: int
    kind: str = Field(..., description="`self` or `manager`.")
    person: PersonRefOut
    assessor: PersonRefOut
    framework: FrameworkRefOut
    level: str = Field(..., description="The person's level when the assessment started.")
    target_level: str
    summary: str
    rated: int = Field(..., description="Competencies with a score.")
    competencies: int = Field(..., description="Competencies in the framework version.")
    is_finished: bool
    is_shared: bool
    created_at: datetime
    completed_at: datetime | None
    shared_at: datetime | None
    updated_at: datetime
    version: int

    @staticmethod
    def resolve_framework(obj: Assessment) -> dict[str, Any]:
        version = obj.framework_version
        return {
            "key": version.framework.key,
            "name": version.data.get("name", version.framework.name),
            "version": version.number,
        }

    @staticmethod
    def resolve_rated(obj: Assessment) -> int:
        return obj.rated_count()

    @staticmethod
    def resolve_competencies(obj: Assessment) -> int:
        return _competency_count(obj.framework_version)

    @staticmethod
    def resolve_is_finished(obj: Assessment) -> bool:
        return not obj.is_draft


class AssessmentOut(AssessmentSummaryOut):
    """One assessment with its ratings in the framework's order."""

    level_position: int | None = Field(..., description="The level's position in the framework.")
    target_position: int | None
    ratings: list[RatingOut]
    unrated: list[str] = Field(..., description="Keys of the competencies without a score yet.")

    @staticmethod
    def resolve_level_position(obj: Assessment) -> int | None:
        return obj.spec.level_position(obj.level) if obj.level else None

    @staticmethod
    def resolve_target_position(obj: Assessment) -> int | None:
        return obj.spec.level_position(obj.target_level) if obj.target_level else None

    @staticmethod
    def resolve_ratings(obj: Assessment) -> list[dict[str, Any]]:
        spec = obj.spec
        by_key = obj.ratings_by_key()
        order = [c.key for c in spec.competencies() if c.key in by_key]
        order += sorted(set(by_key) - set(order))
        return [rating_out(spec, by_key[key]) for key in order]

    @staticmethod
    def resolve_unrated(obj: Assessment) -> list[str]:
        scores = obj.scores()
        return [c.key for c in obj.spec.competencies() if c.key not in scores]


# ---- priorities ----------------------------------------------------------------------------


class PriorityOut(Schema):
    rank: int = Field(..., description="1 is the most worth working on.")
    competency_key: str
    competency_name: str
    area_name: str
    score: int | None
    expected_now: int | None = Field(..., description="Your current level's position.")
    expected_target: int | None = Field(..., description="Your target level's position.")
    gap: int = Field(..., description="Target position minus the score; 0 when at or above.")
    weight: float
    reason: str
    state: Literal["pinned", "dismissed"] | None
    is_interest: bool


class PriorityChoiceIn(Input):
    state: Literal["pinned", "dismissed"] | None = Field(
        ...,
        description=(
            "`pinned` keeps it at the top, `dismissed` sets it aside, null puts it back where "
            "the ranking puts it."
        ),
    )


class PriorityChoiceOut(Schema):
    competency_key: str
    state: Literal["pinned", "dismissed"] | None

"""Competency frameworks (versioned), assessments with their ratings, and priority choices."""

from __future__ import annotations

import json

from django.conf import settings
from django.db import models

from stepwise.skills.framework_file import FrameworkSpec, parse_framework


class Framework(models.Model):
    """A competency framework; what it says lives in its versions."""

    key = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120)
    is_active = models.BooleanField(
        default=False, help_text="New assessments use the active framework."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=models.Q(is_active=True),
                name="framework_one_active",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def latest_version(self) -> FrameworkVersion:
        return self.versions.order_by("-number").first() or FrameworkVersion(framework=self)


class FrameworkVersionQuerySet(models.QuerySet["FrameworkVersion"]):
    def active(self) -> FrameworkVersion:
        """The latest version of the active framework. The shipped framework is installed
        after every migrate; should none be active (an emptied database), it is installed
        now."""
        framework = Framework.objects.filter(is_active=True).first()
        if framework is None:
            from stepwise.skills.actions import do_install_default_framework

            return do_install_default_framework()
        return framework.latest_version()


class FrameworkVersion(models.Model):
    """One imported text of a framework. Never changed: assessments point at it."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField(help_text="The framework in its file shape, as validated.")
    source_name = models.CharField(max_length=200, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = FrameworkVersionQuerySet.as_manager()

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="framework_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.framework.name}, version {self.number}"

    @property
    def spec(self) -> FrameworkSpec:
        """The validated framework; parsed once per process (a version never changes)."""
        if self.pk is None:
            return parse_framework(json.dumps(self.data), fmt="json")
        spec = _SPECS.get(self.pk)
        if spec is None:
            spec = _SPECS[self.pk] = parse_framework(json.dumps(self.data), fmt="json")
        return spec


_SPECS: dict[int, FrameworkSpec] = {}


class AssessmentKind(models.TextChoices):
    SELF = "self", "Self-assessment"
    MANAGER = "manager", "Manager's assessment"


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def alive(self) -> AssessmentQuerySet:
        return self.filter(deleted_at__isnull=True)

    def completed(self) -> AssessmentQuerySet:
        return self.alive().filter(completed_at__isnull=False)

    def drafts(self) -> AssessmentQuerySet:
        return self.alive().filter(completed_at__isnull=True)

    def with_ratings(self) -> AssessmentQuerySet:
        return self.select_related(
            "person", "assessor", "framework_version__framework"
        ).prefetch_related("ratings")


class Assessment(models.Model):
    """A person's standing against a framework version, rated by themselves or their manager."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments_made"
    )
    kind = models.CharField(max_length=12, choices=AssessmentKind.choices)
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    level = models.CharField(max_length=50, blank=True, help_text="The level at the time.")
    target_level = models.CharField(max_length=50, blank=True)
    summary = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    shared_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Self: shared with the manager. Manager's: shared with the person.",
    )
    version = models.PositiveIntegerField(default=1)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["person", "deleted_at", "kind"], name="assessment_person_kind"),
            models.Index(fields=["assessor", "deleted_at"], name="assessment_assessor"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "assessor"],
                condition=models.Q(completed_at__isnull=True, deleted_at__isnull=True),
                name="assessment_one_draft",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.person} ({self.created_at:%Y-%m-%d})"

    @property
    def is_draft(self) -> bool:
        return self.completed_at is None

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def spec(self) -> FrameworkSpec:
        return self.framework_version.spec

    def ratings_by_key(self) -> dict[str, Rating]:
        return {rating.competency_key: rating for rating in self.ratings.all()}

    def scores(self) -> dict[str, int]:
        """Rated competencies only: competency key -> score."""
        return {
            rating.competency_key: rating.score
            for rating in self.ratings.all()
            if rating.score is not None
        }

    def rated_count(self) -> int:
        return len(self.scores())

    def made_by_person(self) -> bool:
        return self.kind == AssessmentKind.SELF


class AssessmentEvent(models.Model):
    """One change to an assessment: who, when, what. Ratings of a finished assessment never
    change, so with these events its whole story is kept."""

    class Kind(models.TextChoices):
        STARTED = "started", "Started"
        RATED = "rated", "Rated a competency"
        NOTES = "notes", "Changed the notes"
        COMPLETED = "completed", "Finished"
        SHARED = "shared", "Shared"
        UNSHARED = "unshared", "Stopped sharing"
        DELETED = "deleted", "Deleted"
        RESTORED = "restored", "Restored"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"


class Rating(models.Model):
    """Where the person stands on one competency, with the evidence for it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    competency_key = models.CharField(max_length=50)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="0 = not yet at the first level; k = meets level k."
    )
    evidence = models.TextField(blank=True)
    evidence_links = models.TextField(blank=True, help_text="One link per line.")
    is_strength = models.BooleanField(default=False)
    is_weakness = models.BooleanField(default=False)
    is_interest = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assessment", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency_key"], name="rating_one_per_competency"
            ),
            models.CheckConstraint(condition=models.Q(score__lte=10), name="rating_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competency_key}: {self.score}"

    def links(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class PriorityChoice(models.Model):
    """A person's own say on a suggested priority: keep it at the top, or set it aside."""

    class State(models.TextChoices):
        PINNED = "pinned", "Pinned"
        DISMISSED = "dismissed", "Dismissed"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="priority_choices"
    )
    competency_key = models.CharField(max_length=50)
    state = models.CharField(max_length=12, choices=State.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "competency_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "competency_key"], name="priority_choice_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.competency_key} {self.state}"

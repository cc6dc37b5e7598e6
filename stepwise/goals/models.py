"""Goals, their steps and check-ins, who mentors them, and the history of every change."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from stepwise.smart.text import join_why

TRASH_DAYS = 30
WORDLESS_TITLE = (
    "Say what you will do in words, e.g. “Run 6 customer interviews by the end of Q1”: "
    "a title of only numbers, punctuation or symbols cannot be checked."
)


def title_has_words(title: str) -> bool:
    """True when a goal's title has at least one letter: digits, punctuation and emoji
    alone say nothing anyone could do."""
    return any(char.isalpha() for char in title)


class Visibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    MANAGER = "manager", "Me and my manager"
    TEAM = "team", "My team"
    ORGANISATION = "organisation", "Everyone in the organisation"


class GoalStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    COMPLETED = "completed", "Completed"
    DROPPED = "dropped", "Dropped"


class Category(models.TextChoices):
    SKILL = "skill", "Skill"
    DELIVERY = "delivery", "Delivery"
    RELATIONSHIP = "relationship", "Relationship"
    VISIBILITY = "visibility", "Visibility"
    CAREER_MOVE = "career_move", "Career move"
    LEARNING = "learning", "Learning"


class MetricKind(models.TextChoices):
    NUMBER = "number", "A number"
    PERCENTAGE = "percentage", "A percentage"
    YES_NO = "yes_no", "Done or not done"
    STEPS = "steps", "Steps completed"


class Priority(models.IntegerChoices):
    HIGH = 1, "High"
    MEDIUM = 2, "Medium"
    LOW = 3, "Low"


class GoalQuerySet(models.QuerySet["Goal"]):
    def alive(self) -> GoalQuerySet:
        """Not in the trash."""
        return self.filter(deleted_at__isnull=True)

    def in_trash(self) -> GoalQuerySet:
        return self.filter(deleted_at__isnull=False)

    def open(self) -> GoalQuerySet:
        """Goals still being worked on: draft, active or paused."""
        return self.alive().filter(
            status__in=[GoalStatus.DRAFT, GoalStatus.ACTIVE, GoalStatus.PAUSED]
        )

    def active(self) -> GoalQuerySet:
        return self.alive().filter(status=GoalStatus.ACTIVE)

    def with_rows(self) -> GoalQuerySet:
        """With owner, live steps and live check-ins, in a fixed number of queries."""
        return self.select_related("owner").prefetch_related(*_live_rows())


def _live_rows() -> tuple[models.Prefetch, models.Prefetch]:
    return (
        models.Prefetch(
            "steps",
            queryset=Step.objects.alive().prefetch_related("depends_on"),
            to_attr="live_steps",
        ),
        models.Prefetch(
            "checkins",
            queryset=CheckIn.objects.filter(deleted_at__isnull=True).order_by("-on", "-pk"),
            to_attr="live_checkins",
        ),
    )


class Goal(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    why = models.TextField("why it matters", blank=True)
    category = models.CharField(max_length=20, choices=Category.choices, default=Category.SKILL)
    metric_kind = models.CharField(
        max_length=12, choices=MetricKind.choices, default=MetricKind.NUMBER
    )
    metric_unit = models.CharField(max_length=40, blank=True)
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    current = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    start_date = models.DateField(default=date.today)
    due_date = models.DateField(null=True, blank=True)
    weekly_effort_hours = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        default=Decimal(1),
        validators=[MinValueValidator(0), MaxValueValidator(40)],
    )
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.MEDIUM)
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.MANAGER
    )
    status = models.CharField(max_length=12, choices=GoalStatus.choices, default=GoalStatus.DRAFT)
    outcome = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    evidence_links = models.TextField(blank=True, help_text="One link per line.")
    drop_reason = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    last_checkin_on = models.DateField(null=True, blank=True, editable=False)
    last_confidence = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    template_key = models.CharField(
        max_length=80, blank=True, help_text="The library template the goal was adopted from."
    )
    version = models.PositiveIntegerField(default=1)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "due_date", "pk"]
        indexes = [
            models.Index(fields=["owner", "deleted_at", "status"], name="goal_owner_alive_status"),
            models.Index(fields=["visibility", "deleted_at"], name="goal_visibility_alive"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_date__isnull=True)
                | models.Q(due_date__gte=models.F("start_date")),
                name="goal_due_not_before_start",
                violation_error_code="due_before_start",
                violation_error_message="The due date cannot come before the start date.",
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_effort_hours__gte=0, weekly_effort_hours__lte=40),
                name="goal_effort_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (GoalStatus.DRAFT, GoalStatus.ACTIVE, GoalStatus.PAUSED)

    @property
    def purge_on(self) -> date | None:
        """The day a trashed goal is deleted for good."""
        if self.deleted_at is None:
            return None
        return (self.deleted_at + timedelta(days=TRASH_DAYS)).date()

    @property
    def can_restore(self) -> bool:
        return self.deleted_at is not None and timezone.now() - self.deleted_at < timedelta(
            days=TRASH_DAYS
        )

    def live_rows(self) -> tuple[list[Step], list[CheckIn]]:
        """The live steps and live check-ins (newest first), fetched once per goal."""
        if not hasattr(self, "live_steps"):
            models.prefetch_related_objects([self], *_live_rows())
        return self.live_steps, self.live_checkins  # type: ignore[attr-defined]

    def evidence_link_list(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]

    def smart_text(self) -> str:
        """The goal's words as the SMART checker reads them."""
        return join_why(self.title, self.why)


class StepQuerySet(models.QuerySet["Step"]):
    def alive(self) -> StepQuerySet:
        return self.filter(deleted_at__isnull=True)


class Step(models.Model):
    """A milestone of a goal's plan."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    effort_hours = models.DecimalField(
        max_digits=6, decimal_places=1, default=Decimal(1), validators=[MinValueValidator(0)]
    )
    position = models.PositiveIntegerField(default=0)
    depends_on = models.ManyToManyField(
        "self", symmetrical=False, related_name="unlocks", blank=True
    )
    done_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["goal", "deleted_at"], name="step_goal_alive")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effort_hours__gte=0), name="step_effort_not_negative"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class CheckIn(models.Model):
    """Where a goal stands on a day: progress value, confidence, note, blockers."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="checkins"
    )
    on = models.DateField(default=date.today)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    confidence = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.TextField(blank=True)
    blockers = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["goal", "deleted_at", "on"], name="checkin_goal_alive_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confidence__gte=1, confidence__lte=5),
                name="checkin_confidence_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.goal} on {self.on}: {self.value}"


class GoalMentor(models.Model):
    """Someone the owner invited to see (and comment on) one goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships"
    )
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["goal", "mentor"], name="goalmentor_once")]

    def __str__(self) -> str:
        return f"{self.mentor} mentors {self.goal}"


class GoalEvent(models.Model):
    """One entry of a goal's history: who changed what, when, and why."""

    class Kind(models.TextChoices):
        CREATED = "created", "created the goal"
        CHANGED = "changed", "changed the goal"
        STATUS = "status", "changed the status"
        STEP_ADDED = "step_added", "added a step"
        STEP_CHANGED = "step_changed", "changed a step"
        STEP_DONE = "step_done", "completed a step"
        STEP_REOPENED = "step_reopened", "reopened a step"
        STEP_DELETED = "step_deleted", "deleted a step"
        STEPS_REORDERED = "steps_reordered", "reordered the steps"
        CHECKIN = "checkin", "checked in"
        CHECKIN_CORRECTED = "checkin_corrected", "corrected a check-in"
        CHECKIN_DELETED = "checkin_deleted", "deleted a check-in"
        TRASHED = "trashed", "moved the goal to the trash"
        RESTORED = "restored", "restored the goal from the trash"
        MENTOR_INVITED = "mentor_invited", "invited a mentor"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checkin = models.ForeignKey(
        CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["goal", "at"], name="goalevent_goal_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d})"

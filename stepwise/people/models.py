"""People: accounts and career profiles, teams, the organisation's own settings, audit log."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import ClassVar
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from stepwise.lib import clock


class Level(models.TextChoices):
    """Career levels of the default product-management ladder, lowest first."""

    ASSOCIATE_PM = "associate_pm", "Associate PM"
    PM = "pm", "Product Manager"
    SENIOR_PM = "senior_pm", "Senior PM"
    PRINCIPAL_PM = "principal_pm", "Principal / Group PM"
    DIRECTOR = "director", "Director of Product"


class RoleTrack(models.TextChoices):
    PRODUCT_MANAGEMENT = "product_management", "Product management"
    PRODUCT_OWNERSHIP = "product_ownership", "Product ownership"
    PRODUCT_OPERATIONS = "product_operations", "Product operations"


class Organisation(models.Model):
    """The one organisation this installation serves; created on first use."""

    name = models.CharField(max_length=120, default="Our company")
    allow_self_signup = models.BooleanField(
        default=True, help_text="When off, only an admin can create accounts."
    )
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fiscal_year_start_month__gte=1, fiscal_year_start_month__lte=12),
                name="organisation_fiscal_month_valid",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Organisation:
        organisation, _ = cls.objects.get_or_create(pk=1)
        return organisation


class Team(models.Model):
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    lead = models.ForeignKey(
        "User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams_led",
        help_text="Confirms who joins the team. Without a lead, an admin confirms.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="team_name_unique_ci")]

    def __str__(self) -> str:
        return self.name


class PeopleManager(UserManager["User"]):
    def active(self) -> models.QuerySet[User]:
        return self.filter(is_active=True)

    def get_by_natural_key(self, username: str | None) -> User:
        """Sign-in names are case-insensitive: "Alice" and "alice" are one account."""
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person using Stepwise, with the career profile the product loop starts from."""

    display_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField("email address")
    role_track = models.CharField(
        max_length=32, choices=RoleTrack.choices, default=RoleTrack.PRODUCT_MANAGEMENT
    )
    level = models.CharField(max_length=32, choices=Level.choices, blank=True)
    target_level = models.CharField(max_length=32, choices=Level.choices, blank=True)
    target_date = models.DateField(null=True, blank=True)
    manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    timezone = models.CharField(max_length=64, default="UTC")
    weekly_growth_hours = models.DecimalField(
        "hours a week for growth",
        max_digits=4,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
    )
    guide_dismissed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person put the getting-started guide away."
    )
    priorities_reviewed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person last looked over their priorities."
    )

    objects: ClassVar[PeopleManager] = PeopleManager()

    class Meta:
        ordering = ["display_name", "username"]
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_unique_ci"),
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("pk")), name="user_not_own_manager"
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_growth_hours__gte=0, weekly_growth_hours__lte=40),
                name="user_growth_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """What the product calls this person: their display name, else their username."""
        return self.display_name or self.username

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.is_superuser

    def zone(self) -> tzinfo:
        """The person's time zone from their profile; the server's when it is not a zone
        Python knows. Their pages show times in it and their today is its date."""
        try:
            return ZoneInfo(self.timezone)
        except (ValueError, KeyError):
            return timezone.get_default_timezone()

    def local_now(self) -> datetime:
        """The current instant on the person's clock (the app's clock, in their zone)."""
        return timezone.localtime(clock.now(), self.zone())

    def today(self) -> date:
        """Today's date where the person is (see :meth:`zone`). Every default date, "not in
        the future" check and standing of their goals reads this, never the server's date."""
        return self.local_now().date()

    def profile_gaps(self) -> list[str]:
        """The parts of the profile the growth loop needs that are still empty."""
        wanted = {
            "current level": self.level,
            "target level": self.target_level,
            "target date": self.target_date,
            "manager": self.manager_id,
        }
        return [label for label, value in wanted.items() if not value]


class AuditEvent(models.Model):
    """A security-relevant event: sign-ins, sign-outs, account and settings changes."""

    class Kind(models.TextChoices):
        SIGNUP = "signup", "Signed up"
        SIGNUP_ADDRESS_IN_USE = "signup_address_in_use", "Sign-up with an address in use"
        LOGIN = "login", "Logged in"
        LOGIN_FAILED = "login_failed", "Failed login"
        LOGIN_BLOCKED = "login_blocked", "Login refused while locked"
        LOGOUT = "logout", "Logged out"
        PASSWORD_CHANGED = "password_changed", "Changed password"
        PASSWORD_RESET_REQUESTED = "password_reset_requested", "Asked for a password reset"
        PROFILE_CHANGED = "profile_changed", "Changed a profile"
        EMAIL_CHANGE_REQUESTED = "email_change_requested", "Asked to change their email address"
        USER_CREATED = "user_created", "Created an account"
        TEAM_CREATED = "team_created", "Created a team"
        SETTINGS_CHANGED = "settings_changed", "Changed organisation settings"
        TOKEN_CREATED = "token_created", "Created an API token"
        TOKEN_REVOKED = "token_revoked", "Revoked an API token"
        PLACEMENT_REQUESTED = "placement_requested", "Asked for a manager or team"
        PLACEMENT_CONFIRMED = "placement_confirmed", "Confirmed a manager or team request"
        PLACEMENT_DECLINED = "placement_declined", "Declined a manager or team request"
        PLACEMENT_CANCELLED = "placement_cancelled", "Withdrew a manager or team request"
        PLACEMENT_SET = "placement_set", "Set a person's manager or team"
        PLACEMENT_LEFT = "placement_left", "Left a team or removed their manager"
        TEAM_LEAD_SET = "team_lead_set", "Set a team's lead"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    subject = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "username", "at"], name="audit_kind_username_at"),
            models.Index(fields=["kind", "ip_address", "at"], name="audit_kind_ip_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.username} at {self.at:%Y-%m-%d %H:%M}"


class PlacementRequestQuerySet(models.QuerySet["PlacementRequest"]):
    def pending(self) -> PlacementRequestQuerySet:
        return self.filter(state=PlacementRequest.State.PENDING)

    def recently_declined(self, days: int = 30) -> PlacementRequestQuerySet:
        """Declined in the last ``days`` days, newest first, so the person reads why."""
        since = timezone.now() - timedelta(days=days)
        return (
            self.filter(state=PlacementRequest.State.DECLINED, answered_at__gte=since)
            .select_related("answered_by")
            .order_by("-answered_at")
        )


class PlacementRequest(models.Model):
    """A person asks to report to a manager or to join a team; nothing changes until the
    manager (or the team's lead, or an admin for a team without one) confirms."""

    class Kind(models.TextChoices):
        MANAGER = "manager", "Manager"
        TEAM = "team", "Team"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Withdrawn"

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="placement_requests")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    asked_for = models.CharField(
        max_length=254, help_text="The sign-in name, e-mail or team name the person gave."
    )
    manager = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="placement_requests_to_me",
        help_text="Empty when no account matched what the person typed.",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="join_requests"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    answered_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True, help_text="Why it was declined.")
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = PlacementRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["manager", "state"], name="placement_manager_state"),
            models.Index(fields=["team", "state"], name="placement_team_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=models.Q(state="pending"),
                name="placement_one_pending_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="manager", team__isnull=True)
                | models.Q(kind="team", manager__isnull=True, team__isnull=False),
                name="placement_kind_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} asks for {self.get_kind_display().lower()} {self.asked_for}"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> ApiTokenQuerySet:
        """Tokens that still sign their owner in: not revoked, not expired, owner active."""
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now()),
            revoked_at__isnull=True,
            user__is_active=True,
        )


class ApiToken(models.Model):
    """A personal access token for the API. Only a hash is stored; the token is shown once."""

    PREFIX = "sw_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80, help_text="What the token is for, e.g. 'laptop CLI'.")
    key_hash = models.CharField(max_length=64, unique=True)
    key_hint = models.CharField(max_length=12, help_text="The first characters, to recognise it.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="After this the token no longer works; empty: never."
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="apitoken_user_revoked")]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_hint}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class RememberedRequest(models.Model):
    """A create request sent with a key, and the answer it got, so that sending it again (a
    retry after a lost connection, a form sent twice) gets the same answer instead of making
    a second goal or check-in. Keys belong to the person who sent them; kept 24 hours."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=500)
    body_hash = models.CharField(max_length=64, help_text="SHA-256 of the request's body.")
    status = models.PositiveSmallIntegerField(help_text="The answer's HTTP status.")
    answer = models.TextField(blank=True, help_text="The answer's JSON, or the page to go to.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="remembered_request_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.key})"

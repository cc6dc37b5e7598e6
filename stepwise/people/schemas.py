from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from stepwise.lib.api_types import Count, Flag, Input, Line, Text


class ProfileOut(Schema):
    id: int
    username: str
    name: str
    email: str
    role_track: str
    level: str
    target_level: str
    target_date: date | None
    manager_id: int | None
    team_id: int | None
    timezone: str
    weekly_growth_hours: Decimal
    is_admin: bool


class TeamOut(Schema):
    id: int
    name: str
    description: str


class PlacementRequestOut(Schema):
    """One of your own requests. It says what you asked for, never whether the account you
    named exists."""

    id: int
    kind: str = Field(..., description="`manager` or `team`.")
    asked_for: str = Field(..., description="The sign-in name, e-mail or team you gave.")
    state: str = Field(..., description="`pending`, `confirmed`, `declined` or `cancelled`.")
    reason: str = Field(..., description="Why it was declined, when it was.")
    created_at: datetime
    answered_at: datetime | None


class WaitingRequestOut(Schema):
    """A request waiting for your answer, as the manager named or the team's lead."""

    id: int
    kind: str = Field(..., description="`manager` or `team`.")
    person_id: int
    person_name: str
    person_username: str
    team_id: int | None
    team_name: str | None
    created_at: datetime


class ManagerRequestIn(Input):
    manager: Line = Field(
        ...,
        min_length=1,
        max_length=254,
        description="Your manager's sign-in name or e-mail address (exact, any case).",
    )


class TeamRequestIn(Input):
    team: Count = Field(..., ge=1, le=2**31 - 1, description="The team's id (see `GET /teams`).")


class AnswerIn(Input):
    confirm: Flag = Field(..., description="`true` to confirm, `false` to decline.")
    reason: Text = Field("", max_length=500, description="Needed when you decline.")

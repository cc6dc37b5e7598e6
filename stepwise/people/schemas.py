from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


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


class ValidationErrorOut(Schema):
    """422: a sentence, or one entry per invalid field (``loc``, ``msg``)."""

    detail: str | list[dict[str, Any]]

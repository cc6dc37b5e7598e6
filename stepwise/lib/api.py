"""What every API router shares: the error shapes, the person in a short reference,
pagination and the documented error answers of each kind of operation.

It lives at the bottom so that every app's router and schemas can use it without importing
another app. Creating once per ``Idempotency-Key`` needs the people app's table, so it lives in
``stepwise.people.idempotency``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    """422: a sentence, or one entry per invalid field (``loc``, ``msg``)."""

    detail: str | list[dict[str, Any]]


class FieldErrorsOut(Schema):
    """422: a summary in `detail` and, when the goal's rules refused a value, the messages per
    field in `fields`. Malformed input (a missing or mistyped field) gives a list in `detail`
    instead, one entry per problem with its `loc` and `msg`."""

    detail: str | list[dict[str, Any]]
    fields: dict[str, list[str]] | None = None


class PersonRefOut(Schema):
    id: int
    username: str
    name: str


class Pages(PageNumberPagination):
    """Ninja's page numbers, bounded so that an absurd page is a 422, not a database error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=100, description="At most 100; 20 by default.")


PAGES: dict[str, Any] = {"page_size": 20, "max_page_size": 100}
LIST = {401: ErrorOut, 422: FieldErrorsOut}
"""What a list can answer besides success."""
READ = {401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}
"""What any operation on one object can answer besides success."""
CHANGE = {**READ, 409: ErrorOut}
"""...and a change that carries a version can also be stale."""


def no_content() -> HttpResponse:
    """204: no body, so no content type either."""
    response = HttpResponse(status=204)
    del response["Content-Type"]
    return response

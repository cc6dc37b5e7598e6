"""What every API router shares: pagination, the documented error answers, the caller."""

from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from stepwise.goals.schemas import FieldErrorsOut
from stepwise.lib.http import signed_in as caller  # noqa: F401  (the API's name for it)
from stepwise.people.schemas import ErrorOut


class Pages(PageNumberPagination):
    """Ninja's page numbers, bounded so that an absurd page is a 422, not a database error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, description="At most 100; 20 by default.")


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

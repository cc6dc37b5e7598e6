"""The JSON API at /api/v1/: one Ninja Router per app, token or session authentication.

Errors are JSON: ``{"detail": "..."}`` with the right 4xx; validation errors are 422 with the
messages per field. Interactive documentation is at /api/v1/docs, the OpenAPI document at
/api/v1/openapi.json.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth

from stepwise.goals.api import router as goals_router
from stepwise.goals.library.api import router as library_router
from stepwise.lib.errors import StaleEdit
from stepwise.people.api import router as people_router
from stepwise.people.models import User
from stepwise.people.tokens import TokenExpired, person_for_token
from stepwise.skills.api import router as skills_router


class PersonalAccessToken(HttpBearer):
    """``Authorization: Bearer sw_…`` with a token made on the API tokens page."""

    openapi_description = "A personal access token from Profile → API tokens."

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        try:
            person = person_for_token(token)
        except TokenExpired as expired:
            raise AuthenticationError(message=str(expired)) from None
        if person is not None:
            request.user = person
        return person


class BrowserSession(SessionAuth):
    """The signed-in browser's session. Without a session (no cookie, or a cookie that is
    not a live session: expired, signed out, made up) there is nobody to protect from a
    forged request, so the answer is 401 rather than a CSRF failure. A real session
    without the CSRF token on an unsafe method stays a 403."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


MALFORMED_BODY = {
    "description": "The body is not valid JSON (nothing was read or changed).",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
}


class StepwiseAPI(NinjaAPI):
    """Ninja's API, with the answers Ninja gives but does not document: every operation that
    reads a body can answer 400 when the body is not JSON at all."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        document = super().get_openapi_schema(**kwargs)
        for operations in document["paths"].values():
            for operation in operations.values():
                if "requestBody" in operation:
                    operation["responses"].setdefault(400, MALFORMED_BODY)
        return document


api = StepwiseAPI(
    title="Stepwise API",
    version="1",
    description=(
        "Goals, check-ins, assessments and growth records of Stepwise, for scripts and "
        "integrations."
    ),
    urls_namespace="api",
    auth=[PersonalAccessToken(), BrowserSession()],
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """An action refused the input: 422 with a summary and the messages per field."""
    fields: dict[str, Any] = (
        {
            name: [str(m) for m in ValidationError(errs).messages]
            for name, errs in error.error_dict.items()
        }
        if hasattr(error, "error_dict")
        else {}
    )
    return api.create_response(
        request, {"detail": " ".join(error.messages), "fields": fields}, status=422
    )


BEARER_CHALLENGE = 'Bearer realm="stepwise"'


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    """Ninja's answer for an HTTP error; a 401 also says how to authenticate (RFC 9110
    requires the ``WWW-Authenticate`` challenge on every 401)."""
    response = api.create_response(request, {"detail": str(error)}, status=error.status_code)
    if error.status_code == 401:
        response["WWW-Authenticate"] = BEARER_CHALLENGE
    return response


@api.exception_handler(StaleEdit)
def _stale_edit(request: HttpRequest, error: StaleEdit) -> HttpResponse:
    """Someone saved a newer version first: 409, and nothing was changed."""
    return api.create_response(request, {"detail": str(error)}, status=409)


api.add_router("/", people_router)
api.add_router("/", goals_router)
api.add_router("/library", library_router)
api.add_router("/", skills_router)


def api_not_found(request: HttpRequest) -> JsonResponse:
    """Anything under /api/ that no operation answers is a JSON 404, never an HTML page."""
    return JsonResponse({"detail": f"No API operation at {request.path}"}, status=404)

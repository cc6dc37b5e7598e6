"""Creating once per ``Idempotency-Key``: the ``@idempotent`` decorator for API operations that
create something (the keys and answers are kept by ``stepwise.people.retries``)."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from ninja.decorators import decorate_view
from ninja.operation import Operation
from ninja.utils import contribute_operation_callback

from stepwise.access.people import signed_in as caller
from stepwise.people.models import RememberedRequest
from stepwise.people.retries import (
    Answer,
    KeyReused,
    Request,
    body_hash,
    earlier_answer_or_claim,
    is_valid_key,
    remember,
)

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
JSON = "application/json; charset=utf-8"
_IDEMPOTENCY_DOC = {
    "in": "header",
    "name": IDEMPOTENCY_HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    "description": (
        "Makes a retry safe: a unique value of yours (a UUID, say) for this create. Sent again "
        "with the same body within 24 hours, the request creates nothing and gets the first "
        f"answer again (same status and JSON) with `{REPLAYED_HEADER}: true`. The same key "
        "with another body or path is a 422. Keys are yours alone; a refused request is not "
        "remembered, so you may correct it and resend it with the same key."
    ),
}

_REPLAYED_DOC = {
    "description": "`true` when this is the stored answer to an earlier request with this key.",
    "schema": {"type": "string", "enum": ["true"]},
}

View = TypeVar("View", bound=Callable[..., Any])


def idempotent(view: View) -> View:
    """Put under ``@router.post(...)`` of an operation that creates something: it then honours
    ``Idempotency-Key`` (see ``stepwise.people.retries``) and documents the header.

    The whole operation runs in one transaction; inside it, once the caller is known, the key
    is looked up (a known key answers with the stored response) or claimed, and the response
    is stored with the create."""
    contribute_operation_callback(view, _create_once)
    return decorate_view(_in_one_transaction)(view)


def _in_one_transaction(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(run)
    def once(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if IDEMPOTENCY_HEADER not in request.headers:
            return run(request, *args, **kwargs)
        with transaction.atomic():
            response = run(request, *args, **kwargs)
            claim = getattr(request, "stepwise_claim", None)
            if isinstance(claim, RememberedRequest) and isinstance(response, HttpResponse):
                remember(claim, Answer(status=response.status_code, body=response.content.decode()))
        return response

    return once


def _create_once(operation: Operation) -> None:
    _document_idempotency(operation)
    create = operation.view_func

    @wraps(create)
    def once(request: HttpRequest, **values: Any) -> Any:
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is None:
            return create(request, **values)
        if not is_valid_key(key):
            detail = f"{IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters."
            return JsonResponse({"detail": detail}, status=422)
        sent = Request(
            person=caller(request),
            key=key,
            method=request.method or "POST",
            path=request.path,
            body_hash=body_hash(request.body),
        )
        try:
            earlier = earlier_answer_or_claim(sent)
        except KeyReused as reused:
            return JsonResponse({"detail": str(reused)}, status=422)
        if isinstance(earlier, Answer):
            response = HttpResponse(earlier.body, status=earlier.status, content_type=JSON)
            response[REPLAYED_HEADER] = "true"
            return response
        request.stepwise_claim = earlier  # type: ignore[attr-defined]
        return create(request, **values)

    operation.view_func = once


def _document_idempotency(operation: Operation) -> None:
    extra = operation.openapi_extra or {}
    successes = [status for status in operation.response_models if 200 <= status < 300]
    operation.openapi_extra = {
        **extra,
        "parameters": [*extra.get("parameters", []), _IDEMPOTENCY_DOC],
        "responses": {
            status: {"headers": {REPLAYED_HEADER: _REPLAYED_DOC}} for status in successes
        },
    }

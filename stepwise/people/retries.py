"""Creating once: a request sent again with the same key gets the first answer, not a second
goal, step, check-in or assessment.

The API's ``Idempotency-Key`` header (``stepwise.people.idempotency.idempotent``) and the web forms'
one-time token (``submit_once``, ``{% form_token %}``) both come here. The key is claimed and
the answer stored in the same transaction as the create, under a unique constraint per person
and key, so two copies of one request arriving at once still create one thing: the second
waits for the first and gets its answer. Nothing is remembered when the create is refused, so
a corrected request may reuse the key. Keys are kept 24 hours; each keyed create deletes the
ones older than that.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils import timezone

from stepwise.people.models import RememberedRequest, User

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 255


class KeyReused(Exception):
    """The key was used before for another request (another path or body)."""


@dataclass(frozen=True)
class Request:
    """What identifies one request: who sent it, with which key, to where, with what body."""

    person: User
    key: str
    method: str
    path: str
    body_hash: str


@dataclass(frozen=True)
class Answer:
    status: int
    body: str
    replayed: bool = False


def is_valid_key(key: str) -> bool:
    """1 to 255 visible ASCII characters."""
    return 0 < len(key) <= MAX_KEY_LENGTH and all(33 <= ord(c) <= 126 for c in key)


def body_hash(body: bytes) -> str:
    """A hash of a JSON body that ignores spacing and key order; other bodies byte for byte."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = body
    return hashlib.sha256(canonical).hexdigest()


def answer_once(request: Request, create: Callable[[], Answer]) -> Answer:
    """The stored answer to this request if it was sent before; else ``create()``'s, stored
    with it in one transaction. An answer of 400 or more is not stored and undoes what the
    create wrote. Raises ``KeyReused`` when the key came with another path or body."""
    with transaction.atomic():
        earlier = earlier_answer_or_claim(request)
        if isinstance(earlier, Answer):
            return earlier
        answer = create()
        remember(earlier, answer)
        return answer


def earlier_answer_or_claim(request: Request) -> Answer | RememberedRequest:
    """The stored answer to this request, or a claim on its key for the create to come.

    Call it inside the transaction that creates, then ``remember`` the answer in it: a copy
    of the request arriving meanwhile waits on the claim, then gets that answer."""
    RememberedRequest.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    earlier = _earlier(request)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            return RememberedRequest.objects.create(
                person=request.person,
                key=request.key,
                method=request.method,
                path=request.path[:500],
                body_hash=request.body_hash,
                status=0,
            )
    except IntegrityError:
        # The same request, sent twice at once: the other copy committed first.
        twin = _earlier(request)
        if twin is None:
            raise
        return twin


def remember(claim: RememberedRequest, answer: Answer) -> None:
    """Store a successful answer with its claim; undo the transaction after a refusal, so that
    a corrected request may use the key again."""
    if answer.status >= 400:
        transaction.set_rollback(True)
        return
    claim.status, claim.answer = answer.status, answer.body
    claim.save(update_fields=["status", "answer"])


def _earlier(request: Request) -> Answer | None:
    remembered = RememberedRequest.objects.filter(
        person=request.person, key=request.key, created_at__gte=timezone.now() - KEEP_FOR
    ).first()
    if remembered is None:
        return None
    same = (remembered.method, remembered.path, remembered.body_hash) == (
        request.method,
        request.path[:500],
        request.body_hash,
    )
    if not same:
        raise KeyReused(
            "This Idempotency-Key was already used for another request (a different path or "
            "body). Use a new key for each new request."
        )
    return Answer(status=remembered.status, body=remembered.answer, replayed=True)


# ---- web forms -----------------------------------------------------------------------------

FORM_TOKEN_FIELD = "form_token"  # noqa: S105 (a field's name, not a secret)
ALREADY_SAVED = "Already saved: this form was sent twice, and it was saved once."
SENT_BEFORE_WITH_OTHER_VALUES = (
    "You sent this form before with other values, and that was saved. Send it again to save "
    "these values as well."
)


def new_form_token() -> str:
    return secrets.token_urlsafe(18)


def submit_once(request: HttpRequest, save: Callable[[], tuple[str, str]]) -> HttpResponse:
    """Run a create form's ``save()`` (which returns the page to go to and what to tell the
    person) in one transaction, once per form token, and redirect there. A form sent twice
    goes to what the first one saved, with "Already saved"; a form without a token is simply
    saved. Raises the action's ``ValidationError``s, and one when the token came back with
    other values."""
    token = request.POST.get(FORM_TOKEN_FIELD, "")
    if not is_valid_key(token):
        with transaction.atomic():
            url, message = save()
        messages.success(request, message)
        return redirect(url)
    said: list[str] = []

    def create() -> Answer:
        url, message = save()
        said.append(message)
        return Answer(status=302, body=url)

    person = request.user
    assert isinstance(person, User)
    sent = Request(
        person=person,
        key=f"form:{token}",
        method="POST",
        path=request.path,
        body_hash=_form_hash(request.POST),
    )
    try:
        answer = answer_once(sent, create)
    except KeyReused:
        raise ValidationError(SENT_BEFORE_WITH_OTHER_VALUES) from None
    if answer.replayed:
        messages.info(request, ALREADY_SAVED)
    else:
        messages.success(request, said[0])
    return redirect(answer.body)


def _form_hash(data: QueryDict) -> str:
    values = sorted(
        (name, value)
        for name, values in data.lists()
        if name not in (FORM_TOKEN_FIELD, "csrfmiddlewaretoken")
        for value in values
    )
    return body_hash(json.dumps(values).encode())

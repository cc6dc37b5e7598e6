"""Request typing and the signed-in person, shared by views and API operations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from stepwise.people.models import User


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


def signed_in(request: HttpRequest) -> User:
    """The person making the request; only for views that require a signed-in person."""
    from stepwise.people.models import User

    assert isinstance(request.user, User)
    return request.user

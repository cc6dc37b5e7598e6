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


def page_to_return_to(request: HttpRequest, wanted: str) -> str:
    """``wanted`` (a ``next`` the client sent) if it is a path on this site, else "".

    A path only: Django's ``redirect`` reads anything without a slash as the name of a
    view, so "dashboard" or a stray word would not be a page."""
    from django.utils.http import url_has_allowed_host_and_scheme

    if not wanted.startswith("/"):
        return ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else ""

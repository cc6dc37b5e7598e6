"""Request typing and safe return paths, shared by views (the signed-in person is
``stepwise.access.people.signed_in``)."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


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

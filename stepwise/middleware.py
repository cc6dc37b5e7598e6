"""Project-wide middleware: headers every response carries, and HEAD answered like GET."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

Handler = Callable[[HttpRequest], HttpResponseBase]

# Stepwise uses none of these browser features; no page, and nothing injected into one, may.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR")


class ForwardedHeadersMiddleware:
    """X-Forwarded-Proto and X-Forwarded-For are believed only from the configured proxies
    (``STEPWISE_TRUSTED_PROXIES``): from anyone else they are dropped, so a client that reaches
    the app directly cannot claim HTTPS or another address. A request without an address (a
    Unix socket, which only a local proxy can reach) is trusted, as gunicorn trusts it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        address = request.META.get("REMOTE_ADDR") or ""
        if address and not _is_trusted_proxy(address, tuple(settings.TRUSTED_PROXIES)):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


@cache
def _is_trusted_proxy(address: str, proxies: tuple[str, ...]) -> bool:
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(peer in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


class PrivacyHeadersMiddleware:
    """A Permissions-Policy on every response; ``Cache-Control: no-store`` on whatever a
    signed-in person is shown and on every API answer, so no shared or back-button cache
    keeps someone's goals and assessments. Public pages and static files keep their caching."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if _is_private(request):
            add_never_cache_headers(response)
        return response


def _is_private(request: HttpRequest) -> bool:
    if request.path.startswith("/api/"):
        return True
    user = getattr(request, "user", None)  # absent on static files, answered before sessions
    return bool(user is not None and user.is_authenticated)


class HeadLikeGetMiddleware:
    """HEAD answers wherever GET does, with GET's status and headers and no body.

    Views and API operations declare the methods they accept, and most name only GET (and
    POST); a HEAD from a monitor or a link checker would be a 405. HEAD is GET without the
    body, so it is handled as a GET and the body dropped."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        _drop_body(response)
        return response


def _drop_body(response: HttpResponseBase) -> None:
    if response.streaming:
        response.streaming_content = []  # type: ignore[attr-defined]
        return
    length = len(response.content)  # type: ignore[attr-defined]
    response.content = b""  # type: ignore[attr-defined]
    response["Content-Length"] = str(length)


class PersonsTimeZoneMiddleware:
    """Every date and time a signed-in person is shown reads their profile's time zone
    (``User.zone``): templates' dates and ``timezone.localtime`` speak it for the request.
    Anyone else sees the server's zone."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        timezone.activate(user.zone())
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

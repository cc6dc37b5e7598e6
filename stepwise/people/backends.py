"""Authentication that refuses to check passwords while an account or address is locked."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from stepwise.people.audit import client_address
from stepwise.people.models import User
from stepwise.people.throttle import login_lockout


class ThrottledModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username and login_lockout(username, client_address(request)) is not None:
            if request is not None:
                request.stepwise_login_blocked = True  # type: ignore[attr-defined]
            raise PermissionDenied("locked")
        return super().authenticate(request, username=username, password=password, **kwargs)

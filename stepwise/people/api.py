"""API operations about the person calling it."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from stepwise.people.models import User
from stepwise.people.schemas import ErrorOut, ProfileOut

router = Router(tags=["people"])


@router.get("/me", response={200: ProfileOut, 401: ErrorOut}, summary="Your own profile")
def me(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user

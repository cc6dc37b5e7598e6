"""API tests talk real HTTP to a live server."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from stepwise.people.actions import do_create_api_token
from stepwise.people.models import User


@dataclass
class ApiResponse:
    status: int
    body: Any
    headers: dict[str, str]


def call(
    base: str,
    method: str,
    path: str,
    *,
    token: str = "",
    payload: Any = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> ApiResponse:
    data = raw if raw is not None else None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(base + path, data=data, method=method)  # noqa: S310
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            raw, status, got = response.read(), response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        raw, status, got = error.read(), error.code, dict(error.headers)
    body = json.loads(raw) if got.get("Content-Type", "").startswith("application/json") else raw
    return ApiResponse(status=status, body=body, headers=got)


@pytest.fixture
def api(live_server: Any) -> Callable[..., ApiResponse]:
    def request(method: str, path: str, **kwargs: Any) -> ApiResponse:
        return call(live_server.url, method, path, **kwargs)

    return request


@pytest.fixture
def token_for() -> Callable[[User], str]:
    def make(person: User) -> str:
        return do_create_api_token(owner=person, name="tests")[1]

    return make

"""The frame: health check, security headers, static assets served by the app itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import User


@pytest.mark.django_db
def test_healthz_answers_ok_with_a_database_check() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert Client().head("/healthz").status_code == 200


@pytest.mark.django_db
def test_pages_carry_security_headers() -> None:
    response = Client().get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_base_layout_is_accessible_and_loads_only_local_assets(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(alice).get(reverse("dashboard")).content.decode()
    assert '<html lang="en">' in page
    assert 'href="#main"' in page and 'id="main"' in page  # skip link to the main landmark
    assert '<nav class="nav" aria-label="Main">' in page
    assert 'aria-current="page"' in page
    assert "http://" not in page.split("<body")[0] and "https://" not in page.split("<body")[0]
    assert " style=" not in page  # inline styles would break the Content-Security-Policy


@pytest.mark.django_db
def test_static_assets_are_served_by_the_app(live_server: object) -> None:
    import urllib.request

    base = live_server.url  # type: ignore[attr-defined]
    for path in ("/static/stepwise/css/app.css", "/static/django_htmx/htmx-2.min.js"):
        with urllib.request.urlopen(base + path) as response:  # noqa: S310  (local server)
            assert response.status == 200
            assert len(response.read()) > 1000

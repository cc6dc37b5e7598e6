"""X-Forwarded-Proto is believed only behind the configured proxies, in Django and gunicorn."""

from __future__ import annotations

import pytest
from django.test import Client

from stepwise.server import forwarded_allow_ips

pytestmark = pytest.mark.django_db

HTTPS_CLAIMED = {"X-Forwarded-Proto": "https"}


@pytest.fixture
def https_on(settings: pytest.FixtureRequest) -> pytest.FixtureRequest:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    return settings


def test_without_a_proxy_a_claimed_https_is_not_believed(https_on: object) -> None:
    """Nothing stands in front of the app: a client saying "I came over HTTPS" is still sent
    to HTTPS rather than served as if its connection were encrypted."""
    response = Client().get("/login/", headers=HTTPS_CLAIMED)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_behind_a_proxy_its_https_is_believed(https_on: pytest.FixtureRequest) -> None:
    https_on.PROXY_COUNT = 1  # type: ignore[attr-defined]
    https_on.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # type: ignore[attr-defined]
    response = Client().get("/login/", headers=HTTPS_CLAIMED)  # from 127.0.0.1, the proxy
    assert response.status_code == 200


def test_behind_a_proxy_a_client_that_goes_around_it_is_not_believed(
    https_on: pytest.FixtureRequest,
) -> None:
    https_on.PROXY_COUNT = 1  # type: ignore[attr-defined]
    https_on.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # type: ignore[attr-defined]
    https_on.TRUSTED_PROXIES = ["10.0.0.5"]  # type: ignore[attr-defined]
    around = Client(REMOTE_ADDR="203.0.113.9").get("/login/", headers=HTTPS_CLAIMED)
    assert around.status_code == 301
    through = Client(REMOTE_ADDR="10.0.0.5").get("/login/", headers=HTTPS_CLAIMED)
    assert through.status_code == 200


def test_gunicorn_takes_forwarded_headers_from_the_configured_proxies_only(
    settings: pytest.FixtureRequest,
) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.5", "192.168.0.0/16"]  # type: ignore[attr-defined]
    settings.PROXY_COUNT = 0  # type: ignore[attr-defined]
    assert forwarded_allow_ips() == ""
    settings.PROXY_COUNT = 1  # type: ignore[attr-defined]
    assert forwarded_allow_ips() == "10.0.0.5,192.168.0.0/16"

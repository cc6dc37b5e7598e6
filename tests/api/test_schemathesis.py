"""Schemathesis over the whole OpenAPI document, against the live server over real HTTP.

Every operation gets generated requests, valid and invalid, signed in with a real API token
of alice's; every answer must not be a server error and must match what the document says
(status codes, content types, JSON shapes). Schemathesis' "valid data is accepted" check is
left out: a request can fit the document and still break a rule the document cannot say
(a check-in dated after your today, a due date before the start), and that is a 422. Half
the valid cases aim at alice's own goal, step, check-in and assessment, so that they reach the
actions and not only the 404 at the door.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from stepwise.api import api
from stepwise.people.actions import do_create_api_token
from stepwise.people.models import User

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def token(alice: User) -> str:
    return do_create_api_token(owner=alice, name="schemathesis")[1]


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_document_says(
    case: Any, live_server: Any, alices_things: dict[str, str], token: str
) -> None:
    if len(repr(case.query)) > 4000:
        return  # a request line this long is refused by the HTTP server before the app
    positive = case.meta is None or not case.meta.generation.mode.is_negative
    if positive and case.path_parameters and hash(repr(case.body)) % 2 == 0:
        for name, value in alices_things.items():
            if name in case.path_parameters:
                case.path_parameters[name] = int(value) if value.isdigit() else value
    case.call_and_validate(
        base_url=live_server.url,
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[positive_data_acceptance],
    )

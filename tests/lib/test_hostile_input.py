"""No input reaches a 500 (property tests, Hypothesis).

Every API operation in the OpenAPI document and every form a signed-in alice can post gets
generated hostile values: lone surrogates, NUL bytes, huge and negative numbers, 1e308,
NaN and Infinity, dates in year 1 and 9999, very long strings, wrong JSON types and bodies
that are not JSON objects. The server never answers 5xx, and a refused request (4xx)
changes nothing. A new operation or form page is covered without editing this file: the
operations come from the document, the form pages from the pages alice can open.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from django import forms
from django.db import transaction
from django.test import Client
from django.urls import resolve
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stepwise.api import api
from stepwise.goals import forms as goal_forms
from stepwise.goals.models import CheckIn, Goal, GoalEvent, Step
from stepwise.people import forms as people_forms
from stepwise.people.models import ApiToken, Team, User
from stepwise.skills import forms as skill_forms
from stepwise.skills.models import Assessment, Rating

EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE_TEXT = [
    "\ud800",
    "lone \udfff low",
    "nul \x00 byte",
    "",
    "   ",
    "x" * 25_000,
    "\u202egnirts",
    "NaN",
    "Infinity",
    "-1e308",
    "9" * 40,
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "<script>alert(1)</script>",
]
HOSTILE_NUMBERS: list[Any] = [
    2**63,
    -(2**63) - 1,
    10**30,
    -1,
    0,
    1e308,
    -1e308,
    0.001,
    123456789012.345,
]
WRONG_TYPES: list[Any] = [None, True, [], {}, [1, "a"], {"a": 1}]
HOSTILE_IDS = ["0", "-1", str(2**63), str(10**30), "abc", "%ED%A0%80"]

hostile_json = st.sampled_from(HOSTILE_TEXT + HOSTILE_NUMBERS + WRONG_TYPES) | st.text(max_size=30)
"""Anything a JSON value can be, and worse."""
not_an_object = st.sampled_from(['"a goal"', "[]", "[1, 2]", "42", "null", "true", "1e999"])
malformed = st.sampled_from(['{"title": ', "{'a': 1}", "\xff\xfe", "{}}", "NaN"])


# ---- the world the requests land in --------------------------------------------------------


@pytest.fixture
def world(alices_things: dict[str, str]) -> dict[str, str]:
    return {**alices_things, "key": alices_things["competency_key"], "token_id": "1"}


PROFILE_COLUMNS = [f.attname for f in User._meta.concrete_fields if f.name != "last_login"]


def snapshot() -> list[Any]:
    """What a refused request must leave as it was."""
    return [
        list(Goal.objects.order_by("pk").values()),
        list(Step.objects.order_by("pk").values()),
        list(CheckIn.objects.order_by("pk").values()),
        GoalEvent.objects.count(),
        list(Assessment.objects.order_by("pk").values()),
        list(Rating.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values(*PROFILE_COLUMNS)),
        list(Team.objects.order_by("pk").values()),
        list(ApiToken.objects.order_by("pk").values("pk", "name", "revoked_at")),
    ]


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    return client


def answer_holds_up(send: Any) -> None:
    """Send inside a transaction rolled back afterwards (each example starts from the same
    world): never a 5xx, and a 4xx changed nothing."""
    with transaction.atomic():
        before = snapshot()
        response = send()
        assert response.status_code < 500, response.content[:1000]
        if 400 <= response.status_code < 500:
            assert snapshot() == before, (response.status_code, response.content[:500])
        transaction.set_rollback(True)


# ---- every API operation -------------------------------------------------------------------

DOCUMENT = api.get_openapi_schema()
OPERATIONS = [
    (method, path, operation)
    for path, operations in DOCUMENT["paths"].items()
    for method, operation in operations.items()
]


def _schema(reference: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in reference:
        return DOCUMENT["components"]["schemas"][reference["$ref"].rsplit("/", 1)[-1]]
    return reference


def _plausible(schema: dict[str, Any], today: str) -> Any:
    """A value of the documented type, so that other fields get past the first check."""
    schema = _schema(schema)
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _plausible(option, today)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if schema.get("format") == "date":
        return today
    return {
        "string": "Run 5 interviews",
        "integer": 1,
        "number": 3,
        "boolean": True,
        "array": [],
        "object": {},
    }.get(kind, "x")


@st.composite
def json_body(draw: st.DrawFn, operation: dict[str, Any]) -> str:
    """A body for the operation: usually an object whose fields are plausible or hostile,
    sometimes not an object, or not JSON at all."""
    shape = draw(st.sampled_from(["object", "object", "object", "not-object", "malformed"]))
    if shape == "not-object":
        return draw(not_an_object)
    if shape == "malformed":
        return draw(malformed)
    content = operation["requestBody"]["content"]["application/json"]["schema"]
    properties = _schema(content).get("properties", {})
    today = timezone.localdate().isoformat()
    body = {}
    for name, schema in properties.items():
        if draw(st.booleans()):
            body[name] = _plausible(schema, today)
        elif draw(st.booleans()):
            body[name] = draw(hostile_json)
    if draw(st.booleans()):
        body[draw(st.text(max_size=10))] = draw(hostile_json)
    return json.dumps(body)


def _path_value(name: str, path: str, world: dict[str, str], hostile: str | None) -> str:
    if hostile is not None:
        return hostile
    if name == "goal_id" and path.endswith("/restore"):
        return world["trashed_id"]
    if name == "key" and path.startswith("/api/v1/frameworks"):
        return "product-management"
    return world.get(name, "1")


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _ in OPERATIONS],
)
def test_no_api_operation_answers_5xx_and_a_refusal_changes_nothing(
    world: dict[str, str], alice_client: Client, method: str, path: str, operation: Any
) -> None:
    parameters = operation.get("parameters", [])

    @EXAMPLES
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        url = path
        query: dict[str, str] = {}
        for parameter in parameters:
            name = parameter["name"]
            if parameter["in"] == "path":
                hostile = data.draw(st.none() | st.sampled_from(HOSTILE_IDS), label=name)
                url = url.replace("{" + name + "}", _path_value(name, path, world, hostile))
            elif data.draw(st.booleans()):
                value = data.draw(hostile_json | st.sampled_from(HOSTILE_IDS), label=name)
                query[name] = value if isinstance(value, str) else json.dumps(value)
        if query:
            url += "?" + urllib.parse.urlencode(query, errors="surrogatepass")
        body = data.draw(json_body(operation)) if "requestBody" in operation else None
        answer_holds_up(
            lambda: alice_client.generic(
                method.upper(),
                url,
                data=(body or "").encode("utf-8", "surrogatepass"),
                content_type="application/json",
            )
        )

    check()


# ---- every form page -----------------------------------------------------------------------

FORMS: dict[str, type[forms.BaseForm]] = {
    "goal_new": goal_forms.GoalForm,
    "goal_edit": goal_forms.GoalForm,
    "goal_complete": goal_forms.CompleteGoalForm,
    "goal_drop": goal_forms.DropGoalForm,
    "step_add": goal_forms.StepForm,
    "step_edit": goal_forms.StepForm,
    "step_done": goal_forms.StepDoneForm,
    "checkin_add": goal_forms.CheckInForm,
    "checkin_correct": goal_forms.CorrectCheckInForm,
    "check_goal": goal_forms.CheckGoalForm,
    "profile": people_forms.ProfileForm,
    "api_tokens": people_forms.ApiTokenForm,
    "assessment_rate": skill_forms.RatingForm,
    "assessment_edit": skill_forms.SummaryForm,
}
"""The form class behind each page that posts one; other posting pages (buttons such as
"Delete" or "Restore") get hostile values in the fields their HTML form shows."""
LEFT_OUT = {"logout"}
"""Signing out ends the session the test needs."""
FORM_TAG = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
POSTS = re.compile(r'method="post"', re.I)
ACTION = re.compile(r'action="([^"]*)"')
HX_POST = re.compile(r'hx-post="([^"]*)"')
FIELD_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*name="([^"]+)"')


def pages_to_visit(world: dict[str, str]) -> list[str]:
    goal, step = world["goal_id"], world["step_id"]
    return [
        "/",
        f"/goals/{goal}/",
        f"/goals/{goal}/edit/",
        f"/goals/{goal}/complete/",
        f"/goals/{goal}/drop/",
        f"/goals/steps/{step}/edit/",
        f"/goals/checkins/{world['checkin_id']}/correct/",
        "/goals/trash/",
        "/goals/check/",
        "/goals/new/",
        "/profile/",
        "/profile/tokens/",
        "/password/change/",
        "/skills/",
        f"/skills/assessments/{world['assessment_id']}/",
        f"/skills/assessments/{world['assessment_id']}/edit/",
        f"/skills/assessments/{world['assessment_id']}/rate/{world['competency_key']}/",
        "/skills/priorities/",
        "/skills/frameworks/",
    ]


def posting_forms(client: Client, world: dict[str, str]) -> Iterator[tuple[str, list[str]]]:
    """(action, field names) of every form that posts (or htmx posts), on the pages alice
    opens."""
    for page in pages_to_visit(world):
        html = client.get(page).content.decode()
        for tag in FORM_TAG.findall(html):
            if POSTS.search(tag.split(">", 1)[0]):
                found = ACTION.search(tag.split(">", 1)[0])
                action = found.group(1).replace("&amp;", "&") if found else page
                yield action.split("?")[0] or page, FIELD_NAME.findall(tag)
        for action in HX_POST.findall(html):
            yield action.replace("&amp;", "&").split("?")[0], []


def hostile_form_value(field: forms.Field | None) -> st.SearchStrategy[str]:
    text = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=20)
    numbers = st.sampled_from([str(n) for n in HOSTILE_NUMBERS] + ["NaN", "Infinity", "1e999"])
    if isinstance(field, forms.DateField):
        return st.sampled_from(["0001-01-01", "9999-12-31", "1999-12-31", "2101-1-1"]) | text
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.TypedChoiceField):
        return numbers | text
    if isinstance(field, forms.ModelChoiceField):
        return st.sampled_from(HOSTILE_IDS) | numbers
    return text | numbers


def plausible_form_value(field: forms.Field | None) -> str:
    if isinstance(field, forms.DateField):
        return timezone.localdate().isoformat()
    if isinstance(field, forms.DecimalField | forms.IntegerField):
        return "1"
    if isinstance(field, forms.ChoiceField) and field.choices:
        return str(next(iter(field.choices))[0])
    if isinstance(field, forms.BooleanField):
        return "on"
    return "Run 5 interviews"


def test_no_form_answers_5xx_and_a_refusal_changes_nothing(
    world: dict[str, str], alice_client: Client
) -> None:
    targets: dict[str, list[str]] = {}
    first_of: dict[str, str] = {}  # one address per kind of form: the rest post alike
    for action, fields in posting_forms(alice_client, world):
        name = resolve(action).url_name or action
        if name not in LEFT_OUT:
            action = first_of.setdefault(name, action)
            targets[action] = sorted({*targets.get(action, []), *fields})
    names = set(first_of)
    assert set(FORMS) <= names, set(FORMS) - names

    for action, html_fields in sorted(targets.items()):
        form_class = FORMS.get(resolve(action).url_name or "")
        declared = dict(form_class.base_fields) if form_class else {}
        fields = {**dict.fromkeys(html_fields), **declared}
        fields.pop("csrfmiddlewaretoken", None)
        post_hostile_forms(alice_client, action, fields)


def post_hostile_forms(client: Client, action: str, fields: dict[str, forms.Field | None]) -> None:
    """Post the form at ``action`` with each field plausible or hostile, as a browser would
    encode it (invalid UTF-8 where the value holds a lone surrogate)."""

    @EXAMPLES
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        sent = []
        for name, field in fields.items():
            if data.draw(st.booleans(), label=f"hostile {name}"):
                value = data.draw(hostile_form_value(field), label=name)
            else:
                value = plausible_form_value(field)
            sent.append((name, value))
        body = urllib.parse.urlencode(sent, errors="surrogatepass")
        answer_holds_up(
            lambda: client.post(action, data=body, content_type="application/x-www-form-urlencoded")
        )

    check()

"""Today is the person's today: their profile's time zone decides what "today" and "in the
future" mean, at every door, not the server's clock."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.goals import actions
from stepwise.goals.models import Goal, GoalStatus
from stepwise.lib import clock
from stepwise.people.models import User

SYDNEY_MORNING = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
"""07:00 on 11 March in Sydney; still 10 March in UTC (the server's zone)."""
UTC_PAST_MIDNIGHT = datetime(2026, 3, 11, 3, 0, tzinfo=UTC)
"""Already 11 March in UTC; 20:00 on 10 March in Los Angeles."""


@pytest.fixture(autouse=True)
def _server_in_utc(settings: pytest.FixtureRequest) -> None:
    settings.TIME_ZONE = "UTC"  # type: ignore[attr-defined]


@pytest.fixture
def in_sydney(alice: User) -> Iterator[User]:
    alice.timezone = "Australia/Sydney"
    alice.save(update_fields=["timezone"])
    with clock.stopped_at(SYDNEY_MORNING):
        yield alice


def march_goal(owner: User) -> Goal:
    return actions.do_create_goal(
        owner=owner,
        title="Interview 8 customers about onboarding",
        baseline=Decimal(0),
        target=Decimal(8),
        start_date=date(2026, 3, 1),
        due_date=date(2026, 6, 30),
        status=GoalStatus.ACTIVE,
    )


def test_user_today_follows_the_profile_time_zone(alice: User) -> None:
    with clock.stopped_at(SYDNEY_MORNING):
        assert alice.today() == date(2026, 3, 10)
        alice.timezone = "Australia/Sydney"
        assert alice.today() == date(2026, 3, 11)
        alice.timezone = "Not/AZone"
        assert alice.today() == date(2026, 3, 10)


def test_sydney_checks_in_on_her_morning_through_the_page(
    in_sydney: User, client_for: Callable[[User], Client]
) -> None:
    goal = march_goal(in_sydney)
    client = client_for(in_sydney)
    page = client.get(f"/goals/{goal.pk}/")
    assert 'value="2026-03-11"' in page.content.decode()
    answer = client.post(
        f"/goals/{goal.pk}/checkins/", {"value": "2", "confidence": "4", "on": "2026-03-11"}
    )
    assert answer.status_code == 302, answer.content.decode()[:500]
    undated = client.post(f"/goals/{goal.pk}/checkins/", {"value": "3", "confidence": "4"})
    assert undated.status_code == 302
    assert [c.on for c in goal.checkins.all()] == [date(2026, 3, 11)] * 2


def test_sydney_checks_in_completes_a_step_and_a_goal_on_her_day_through_the_api(
    in_sydney: User, client_for: Callable[[User], Client]
) -> None:
    goal = march_goal(in_sydney)
    step = actions.do_add_step(goal=goal, actor=in_sydney, title="Book interviews")
    client = client_for(in_sydney)

    def post(path: str, body: dict[str, object]) -> int:
        answer = client.post(path, data=json.dumps(body), content_type="application/json")
        return answer.status_code

    checkin = {"value": 2, "confidence": 4, "on": "2026-03-11"}
    assert post(f"/api/v1/goals/{goal.pk}/checkins", checkin) == 201
    assert post(f"/api/v1/steps/{step.pk}/done", {}) == 200
    assert post(f"/api/v1/goals/{goal.pk}/complete", {"outcome": "Interviewed 8"}) == 200
    step.refresh_from_db()
    goal.refresh_from_db()
    assert step.done_on == goal.closed_on == goal.last_checkin_on == date(2026, 3, 11)


@pytest.mark.django_db(transaction=True)
def test_sydney_checks_in_on_her_day_through_the_cli(in_sydney: User) -> None:
    goal = march_goal(in_sydney)
    runner = CliRunner()
    dated = ["checkin", str(goal.pk), "--value", "2", "--confidence", "4", "--user", "alice"]
    assert runner.invoke(app, [*dated, "--on", "2026-03-11"]).exit_code == 0
    assert runner.invoke(app, dated).exit_code == 0
    assert [c.on for c in goal.checkins.all()] == [date(2026, 3, 11)] * 2


def test_los_angeles_cannot_date_a_checkin_on_utcs_tomorrow(
    dan: User, client_for: Callable[[User], Client]
) -> None:
    dan.timezone = "America/Los_Angeles"
    dan.save(update_fields=["timezone"])
    goal = march_goal(dan)
    client = client_for(dan)
    with clock.stopped_at(UTC_PAST_MIDNIGHT):
        page = client.post(
            f"/goals/{goal.pk}/checkins/", {"value": "2", "confidence": "4", "on": "2026-03-11"}
        )
        assert page.status_code == 422
        assert "cannot be dated in the future" in page.content.decode()
        api = client.post(
            f"/api/v1/goals/{goal.pk}/checkins",
            data=json.dumps({"value": 2, "confidence": 4, "on": "2026-03-11"}),
            content_type="application/json",
        )
        assert api.status_code == 422
        assert not goal.checkins.exists()
        actions.do_record_checkin(goal=goal, author=dan, value=Decimal(2), confidence=4)
    assert goal.checkins.get().on == date(2026, 3, 10)


def test_a_goal_started_without_a_date_starts_on_the_owners_today(in_sydney: User) -> None:
    goal = actions.do_create_goal(owner=in_sydney, title="Run 5 interviews")
    assert goal.start_date == date(2026, 3, 11)


KIRITIMATI_MORNING = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
"""02:00 on 11 March in Kiritimati (UTC+14); still 10 March in UTC."""
PAGO_PAGO_EVENING = datetime(2026, 3, 11, 5, 0, tzinfo=UTC)
"""18:00 on 10 March in Pago Pago (UTC−11); already 11 March in UTC."""


def in_zone(person: User, zone: str) -> User:
    person.timezone = zone
    person.save(update_fields=["timezone"])
    return person


def test_kiritimati_checks_in_on_her_day_at_every_door(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    goal = march_goal(in_zone(alice, "Pacific/Kiritimati"))
    client = client_for(alice)
    runner = CliRunner()
    with clock.stopped_at(KIRITIMATI_MORNING):
        dated = {"value": "1", "confidence": "4", "on": "2026-03-11"}
        assert client.post(f"/goals/{goal.pk}/checkins/", dated).status_code == 302
        dashboard = client.get("/").content.decode()
        assert f'action="/goals/{goal.pk}/checkins/"' in dashboard
        quick = {"value": "2", "confidence": "4", "next": "/"}  # the dashboard sends no date
        assert client.post(f"/goals/{goal.pk}/checkins/", quick)["Location"] == "/"
        api = client.post(
            f"/api/v1/goals/{goal.pk}/checkins",
            data=json.dumps({"value": 3, "confidence": 4}),
            content_type="application/json",
        )
        assert api.status_code == 201, api.content
        assert api.json()["on"] == "2026-03-11"
        cli = ["checkin", str(goal.pk), "--value", "4", "--confidence", "4", "--user", "alice"]
        assert runner.invoke(app, cli).exit_code == 0
    assert [c.on for c in goal.checkins.order_by("pk")] == [date(2026, 3, 11)] * 4


def test_pago_pago_cannot_date_a_checkin_on_her_tomorrow_at_any_door(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    goal = march_goal(in_zone(alice, "Pacific/Pago_Pago"))
    client = client_for(alice)
    runner = CliRunner()
    tomorrow = "2026-03-11"
    with clock.stopped_at(PAGO_PAGO_EVENING):
        page = client.post(
            f"/goals/{goal.pk}/checkins/", {"value": "1", "confidence": "4", "on": tomorrow}
        )
        assert page.status_code == 422
        assert "cannot be dated in the future" in page.content.decode()
        api = client.post(
            f"/api/v1/goals/{goal.pk}/checkins",
            data=json.dumps({"value": 1, "confidence": 4, "on": tomorrow}),
            content_type="application/json",
        )
        assert api.status_code == 422
        cli = ["checkin", str(goal.pk), "--value", "1", "--confidence", "4", "--user", "alice"]
        refused = runner.invoke(app, [*cli, "--on", tomorrow])
        assert refused.exit_code != 0
        assert "future" in refused.output
        assert not goal.checkins.exists()
        assert runner.invoke(app, cli).exit_code == 0
    assert goal.checkins.get().on == date(2026, 3, 10)

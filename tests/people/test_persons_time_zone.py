"""Pages speak the signed-in person's time zone: the greeting, the times in a goal's history
and every date a template or ``timezone.localtime`` shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from stepwise.goals import actions
from stepwise.goals.models import GoalEvent
from stepwise.lib import clock
from stepwise.people.models import User

PAGO_PAGO_MORNING = datetime(2026, 3, 10, 21, 10, tzinfo=UTC)
"""10:10 on 10 March in Pago Pago (UTC−11); 21:10 in UTC, the server's zone."""


@pytest.fixture(autouse=True)
def _server_in_utc(settings: pytest.FixtureRequest) -> None:
    settings.TIME_ZONE = "UTC"  # type: ignore[attr-defined]


@pytest.fixture
def in_pago_pago(alice: User) -> User:
    alice.timezone = "Pacific/Pago_Pago"
    alice.save(update_fields=["timezone"])
    return alice


def test_dashboard_greets_by_the_hour_where_the_person_is(
    in_pago_pago: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(in_pago_pago)
    with clock.stopped_at(PAGO_PAGO_MORNING):
        page = client.get("/").content.decode()
    assert "Good morning, " in page
    assert "Good evening" not in page


def test_dashboard_greets_by_the_servers_hour_when_the_zone_is_unknown(
    alice: User, client_for: Callable[[User], Client]
) -> None:
    alice.timezone = "Not/AZone"
    alice.save(update_fields=["timezone"])
    with clock.stopped_at(PAGO_PAGO_MORNING):
        page = client_for(alice).get("/")
    assert page.status_code == 200
    assert "Good evening, " in page.content.decode()


def test_goal_history_shows_times_in_the_persons_zone(
    in_pago_pago: User, client_for: Callable[[User], Client]
) -> None:
    goal = actions.do_create_goal(owner=in_pago_pago, title="Interview 8 customers")
    GoalEvent.objects.filter(goal=goal).update(at=PAGO_PAGO_MORNING)
    page = client_for(in_pago_pago).get(f"/goals/{goal.pk}/history/").content.decode()
    assert "10 Mar 2026, 10:10" in page
    assert "21:10" not in page


def test_the_persons_zone_is_active_for_their_request_and_not_after(
    in_pago_pago: User, client_for: Callable[[User], Client]
) -> None:
    client_for(in_pago_pago).get("/")
    assert timezone.get_current_timezone() == ZoneInfo("UTC")

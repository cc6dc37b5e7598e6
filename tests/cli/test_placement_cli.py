"""`stepwise placement …`: the same rule as the profile page and the API."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from stepwise.access.goals import visible_goals
from stepwise.cli import app
from stepwise.people.models import AuditEvent, PlacementRequest, Team, User
from tests.people.test_placement import placement_of, team_goal_of

pytestmark = pytest.mark.django_db(transaction=True)

runner = CliRunner()


def invoke(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), env={"COLUMNS": "160"})


def one_line_error(result: Any) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_outsider_asks_to_join_and_joins_only_when_the_lead_confirms(
    alice: User, dan: User, eve: User, bob: User, checkout: Team
) -> None:
    checkout.lead = bob
    checkout.save(update_fields=["lead"])
    goal = team_goal_of(alice)
    asked = invoke("placement", "request", "--user", "eve", "--team", "checkout")
    assert asked.exit_code == 0, asked.output
    assert "once its lead" in asked.output
    assert not visible_goals(User.objects.get(pk=eve.pk)).filter(pk=goal.pk).exists()
    placement = PlacementRequest.objects.get(person=eve)
    listed = invoke("placement", "list", "--user", "bob")
    assert "Eve (eve)" in listed.output and "to join Checkout" in listed.output
    refused = invoke("placement", "answer", str(placement.pk), "--user", "dan", "--confirm")
    assert one_line_error(refused) == f"error: no request {placement.pk} waiting for your answer"
    assert placement_of(eve)[0] != checkout.pk
    done = invoke("placement", "answer", str(placement.pk), "--user", "bob", "--confirm")
    assert done.exit_code == 0, done.output
    assert placement_of(eve)[0] == checkout.pk
    assert visible_goals(User.objects.get(pk=eve.pk)).filter(pk=goal.pk).exists()


def test_naming_a_manager_answers_the_same_for_any_name_and_changes_nothing(
    make_person: Any, bob: User
) -> None:
    mallory = make_person("mallory")
    real = invoke("placement", "request", "--user", "mallory", "--manager", "bob")
    made_up = invoke("placement", "request", "--user", "mallory", "--manager", "nobody")
    assert real.exit_code == made_up.exit_code == 0
    assert real.output == made_up.output
    assert placement_of(mallory) == (None, None)
    assert not bob.reports.exists()


def test_decline_needs_a_reason_and_is_audited(eve: User, bob: User, carol: User) -> None:
    invoke("placement", "request", "--user", "eve", "--manager", "bob@example.com")
    placement = PlacementRequest.objects.get(person=eve)
    refused = invoke("placement", "answer", str(placement.pk), "--user", "bob", "--decline")
    assert "Say in a line why" in one_line_error(refused)
    declined = invoke(
        "placement", "answer", str(placement.pk), "--user", "bob", "--decline", "--reason", "No"
    )
    assert declined.exit_code == 0, declined.output
    assert placement_of(eve)[1] == carol.pk
    assert AuditEvent.objects.get(kind="placement_declined").detail["reason"] == "No"


def test_withdraw_and_leave_from_the_terminal(alice: User, eve: User, checkout: Team) -> None:
    invoke("placement", "request", "--user", "eve", "--team", "Checkout")
    placement = PlacementRequest.objects.get(person=eve)
    other = invoke("placement", "withdraw", str(placement.pk), "--user", "alice")
    assert one_line_error(other) == f"error: no request {placement.pk} of yours is waiting"
    assert invoke("placement", "withdraw", str(placement.pk), "--user", "eve").exit_code == 0
    assert PlacementRequest.objects.get().state == "cancelled"
    assert invoke("placement", "leave", "--user", "alice", "--team").exit_code == 0
    assert invoke("placement", "leave", "--user", "alice", "--manager").exit_code == 0
    assert placement_of(alice) == (None, None)
    assert one_line_error(invoke("placement", "request", "--user", "alice")) == (
        "error: say either --manager NAME or --team NAME"
    )

"""`stepwise goals`, `stepwise goal show`, `stepwise checkin`: output, effects, one-line errors."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.goals import actions
from stepwise.goals.models import CheckIn, Goal, GoalStatus, Visibility
from stepwise.people.models import User

pytestmark = pytest.mark.django_db(transaction=True)

runner = CliRunner()
TODAY = timezone.localdate()
WIDE = {"COLUMNS": "160"}


def make_goal(owner: User, **fields: Any) -> Goal:
    values: dict[str, Any] = {
        "title": "Run 10 interviews",
        "baseline": Decimal(0),
        "target": Decimal(10),
        "start_date": TODAY - timedelta(days=10),
        "due_date": TODAY + timedelta(days=10),
        "status": GoalStatus.ACTIVE,
        **fields,
    }
    return actions.do_create_goal(owner=owner, **values)


def invoke(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), env=WIDE)


def one_line_error(result: Any) -> str:
    """The command failed with exit 1 and one line, no traceback; that line."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_goals_lists_progress_and_standing(alice: User) -> None:
    goal = make_goal(alice)
    actions.do_record_checkin(goal=goal, author=alice, value=Decimal(4), confidence=4)
    make_goal(alice, title="Ship pricing page", due_date=None)
    actions.do_create_goal(owner=alice, title="Learn SQL")
    result = invoke("goals", "--user", "alice")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "Run 10 interviews" in line)
    assert f" {goal.pk} " in row and "Active" in row and "40%" in row and "At risk" in row
    assert (TODAY + timedelta(days=10)).isoformat() in row
    assert "Ship pricing page" in result.output and "Learn SQL" in result.output
    assert "owner" not in result.output


def test_goals_filters_by_status(alice: User) -> None:
    make_goal(alice, title="Active one")
    actions.do_create_goal(owner=alice, title="Draft one")
    result = invoke("goals", "--user", "alice", "--status", "draft")
    assert result.exit_code == 0, result.output
    assert "Draft one" in result.output and "Active one" not in result.output
    assert "No paused goals." in invoke("goals", "--user", "alice", "--status", "paused").output
    line = one_line_error(invoke("goals", "--user", "alice", "--status", "finished"))
    assert "--status must be one of draft, active" in line


def test_a_manager_sees_shared_goals_with_their_owner_but_not_drafts(
    alice: User, bob: User
) -> None:
    make_goal(alice, title="Shared goal", visibility=Visibility.MANAGER)
    make_goal(alice, title="Private goal", visibility=Visibility.PRIVATE)
    actions.do_create_goal(owner=alice, title="Draft goal", visibility=Visibility.MANAGER)
    result = invoke("goals", "--user", "bob")
    assert result.exit_code == 0, result.output
    assert "Shared goal" in result.output and "owner" in result.output
    assert "Private goal" not in result.output and "Draft goal" not in result.output


def test_goal_show_gives_standing_with_reason_steps_and_checkins(alice: User) -> None:
    goal = make_goal(alice, why="to ground the roadmap", metric_unit="interviews")
    done = actions.do_add_step(goal=goal, actor=alice, title="Write the guide")
    actions.do_complete_step(step=done, actor=alice)
    actions.do_add_step(goal=goal, actor=alice, title="Book sessions")
    actions.do_record_checkin(
        goal=goal, author=alice, value=Decimal(2), confidence=2, note="Slow start"
    )
    result = invoke("goal", "show", str(goal.pk), "--user", "alice")
    assert result.exit_code == 0, result.output
    output = result.output
    assert f"#{goal.pk} Run 10 interviews" in output
    assert "Why: to ground the roadmap" in output
    assert "from 0 interviews to 10 interviews, now 2 interviews" in output
    assert "Standing: Behind, 20% done — 30 points behind plan, confidence 2/5" in output
    assert "Steps (1 of 2 done):" in output
    assert "✓ Write the guide" in output and "Book sessions" in output
    assert f"{TODAY.isoformat()}  2  confidence 2/5  Slow start" in output


def test_checkin_records_and_reports_where_the_goal_now_stands(alice: User) -> None:
    goal = make_goal(alice)
    result = invoke(
        "checkin", str(goal.pk), "--value", "6", "--confidence", "4",
        "--note", "Six done", "--blockers", "Recruiting", "--user", "alice",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Checked in on" in result.output
    assert "Standing: On track, 60% done" in result.output
    checkin = CheckIn.objects.get()
    assert (checkin.goal, checkin.author, checkin.value, checkin.confidence) == (
        goal,
        alice,
        Decimal(6),
        4,
    )
    assert checkin.note == "Six done" and checkin.blockers == "Recruiting"
    goal.refresh_from_db()
    assert goal.current == Decimal(6)


def test_the_only_person_needs_no_user_option(make_person: Any) -> None:
    nora = make_person("nora")
    goal = make_goal(nora, title="Nora's goal")
    result = invoke("checkin", str(goal.pk), "--value", "2.5", "--confidence", "3")
    assert result.exit_code == 0, result.output
    assert CheckIn.objects.get().value == Decimal("2.5")
    assert "Nora's goal" in invoke("goals").output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--value", "4", "--confidence", "7"], "--confidence must be a whole number from 1 to 5"),
        (["--value", "4", "--confidence", "high"], "--confidence must be a whole number"),
        (["--value", "forty", "--confidence", "3"], "--value must be a number"),
        (["--value", "NaN", "--confidence", "3"], "--value must be a number"),
    ],
)
def test_bad_checkin_values_are_one_line_and_record_nothing(
    alice: User, arguments: list[str], message: str
) -> None:
    goal = make_goal(alice)
    line = one_line_error(invoke("checkin", str(goal.pk), *arguments, "--user", "alice"))
    assert message in line
    assert not CheckIn.objects.exists()


def test_a_value_the_goal_refuses_is_one_line(alice: User) -> None:
    goal = make_goal(alice, metric_kind="percentage", target=Decimal(80))
    args = ("checkin", str(goal.pk), "--value", "140", "--confidence", "3", "--user", "alice")
    assert "A percentage is between 0 and 100." in one_line_error(invoke(*args))
    assert not CheckIn.objects.exists()


def test_unknown_or_invisible_goals_say_so_in_one_line(alice: User, eve: User) -> None:
    goal = make_goal(alice)
    assert one_line_error(invoke("goal", "show", "999", "--user", "alice")).endswith(
        "no goal 999 you can see"
    )
    assert f"no goal {goal.pk} you can see" in one_line_error(
        invoke("goal", "show", str(goal.pk), "--user", "eve")
    )
    args = ("checkin", str(goal.pk), "--value", "4", "--confidence", "3", "--user", "eve")
    assert f"no goal {goal.pk} you can see" in one_line_error(invoke(*args))
    assert not CheckIn.objects.exists()


def test_a_manager_cannot_check_in_on_a_reports_goal(alice: User, bob: User) -> None:
    goal = make_goal(alice)
    assert invoke("goal", "show", str(goal.pk), "--user", "bob").exit_code == 0
    args = ("checkin", str(goal.pk), "--value", "4", "--confidence", "3", "--user", "bob")
    assert "only its owner can do that" in one_line_error(invoke(*args))
    assert not CheckIn.objects.exists()


def test_who_is_acting_must_be_clear(alice: User, bob: User) -> None:
    assert "say who you are with --user NAME" in one_line_error(invoke("goals"))
    assert "no active account called 'zed'" in one_line_error(invoke("goals", "--user", "zed"))
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    assert "no active account called 'bob'" in one_line_error(invoke("goals", "--user", "bob"))


def test_with_no_accounts_the_command_says_how_to_make_one() -> None:
    assert "stepwise createuser" in one_line_error(invoke("goals"))


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        # A command line can carry bytes that are not UTF-8; Python reads them as lone
        # surrogates, which the database cannot store.
        ("--note", "bad \udcff", "not valid Unicode"),
        ("--on", "0001-01-01", "Pick a date between 2000 and 2100"),
        ("--on", "yesterday", "--on must be a date"),
    ],
)
def test_checkin_refuses_what_cannot_be_stored_in_one_line(
    alice: User, option: str, value: str, message: str
) -> None:
    goal = make_goal(alice)
    result = invoke(
        "checkin",
        str(goal.pk),
        "--value",
        "4",
        "--confidence",
        "3",
        option,
        value,
        "--user",
        "alice",
    )
    assert message in one_line_error(result)
    assert not goal.checkins.exists()

"""The `stepwise` command: help, demo data, accounts; failures are one line and non-zero."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.goals.models import CheckIn, Goal
from stepwise.people.models import Team, User

runner = CliRunner()


EVERY_COMMAND = [
    *("serve", "demo", "createuser", "check", "manage", "goals", "checkin"),
    *("goal", "library", "placement", "assessment", "framework"),
]


def _commands_listed(help_text: str) -> list[str]:
    words = [line.split()[1] for line in help_text.splitlines() if line.startswith("│ ")]
    return [word for word in words if word in EVERY_COMMAND]


def test_help_lists_every_command_in_order_however_stepwise_is_started() -> None:
    as_module = subprocess.run(
        [sys.executable, "-m", "stepwise.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    in_process = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert _commands_listed(as_module.stdout) == EVERY_COMMAND
    assert _commands_listed(in_process.output) == EVERY_COMMAND


@pytest.mark.django_db(transaction=True)
def test_demo_loads_the_personas_and_loading_twice_changes_nothing() -> None:
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "alice" in first.output and "stepwise-demo" in first.output
    people = {user.username: user for user in User.objects.select_related("manager", "team")}
    assert set(people) == {"admin", "alice", "bob", "carol", "dan", "eve"}
    assert people["alice"].manager == people["bob"]
    assert people["dan"].team == people["alice"].team
    assert people["eve"].team != people["alice"].team
    assert people["admin"].is_admin and not people["alice"].is_admin
    assert people["alice"].check_password("stepwise-demo")
    snapshot = sorted(User.objects.values_list("username", "manager__username", "team__name"))
    second = runner.invoke(app, ["demo"])
    assert second.exit_code == 0, second.output
    assert (
        sorted(User.objects.values_list("username", "manager__username", "team__name")) == snapshot
    )
    assert Team.objects.count() == 2
    goals = Goal.objects.filter(owner__username="alice")
    assert goals.count() == 4  # loading twice added none
    assert goals.filter(status="active").count() == 3
    assert CheckIn.objects.filter(goal__owner__username="alice").count() == 6


@pytest.mark.django_db(transaction=True)
def test_createuser_creates_an_account_that_can_sign_in() -> None:
    result = runner.invoke(
        app,
        [
            "createuser",
            "nora",
            "--email",
            "nora@example.com",
            "--name",
            "Nora",
            "--password",
            "nora-long-passphrase",
            "--admin",
        ],
    )
    assert result.exit_code == 0, result.output
    nora = User.objects.get(username="nora")
    assert nora.is_admin and nora.display_name == "Nora"
    assert nora.check_password("nora-long-passphrase")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (
            [
                "createuser",
                "alice",
                "--email",
                "other@example.com",
                "--password",
                "x-long-passphrase",
            ],
            "already exists",
        ),
        (
            [
                "createuser",
                "zed",
                "--email",
                "alice@example.com",
                "--password",
                "x-long-passphrase",
            ],
            "already uses",
        ),
        (["createuser", "zed", "--email", "zed@example.com", "--password", "123"], "too short"),
        (
            ["createuser", "zed", "--email", "not-an-email", "--password", "x-long-passphrase"],
            "valid email",
        ),
    ],
)
def test_createuser_failures_are_one_line_and_change_nothing(
    arguments: list[str], reason: str
) -> None:
    User.objects.create_user("alice", "alice@example.com", "whatever-passphrase")
    result = runner.invoke(app, arguments)
    assert result.exit_code == 1
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert reason in lines[0]
    assert "Traceback" not in result.output
    assert User.objects.count() == 1


def test_createuser_without_a_password_and_no_terminal_says_how(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "STEPWISE_DATA_DIR": str(tmp_path),
        "STEPWISE_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }
    env.pop("STEPWISE_PASSWORD", None)
    result = subprocess.run(
        [sys.executable, "-m", "stepwise.cli", "createuser", "zed", "--email", "z@example.com"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: no password given: use --password or STEPWISE_PASSWORD"
    ]

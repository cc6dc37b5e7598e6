"""`stepwise check`: a readable report, the stable JSON interface, batches that carry on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from stepwise.cli import app

runner = CliRunner()
CRITERIA = {"specific", "measurable", "achievable", "relevant", "time_bound"}
SHARP = "Ship the redesigned pricing page by end of Q1 so that trial sign-ups grow 10%"


def test_json_output_is_the_stable_shape_with_deadline_relative_to_today() -> None:
    result = runner.invoke(app, ["check", "--json", "--today", "2026-11-22", SHARP])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["text"] == SHARP
    assert set(body["criteria"]) == CRITERIA
    assert body["criteria"]["time_bound"]["deadline"] == "2027-03-31"
    assert body["score"] == 5
    later = json.loads(
        runner.invoke(app, ["check", "--json", "--today", "2027-05-01", SHARP]).stdout
    )
    assert later["criteria"]["time_bound"]["deadline"] == "2028-03-31"


def test_readable_report_names_each_criterion_and_suggests() -> None:
    result = runner.invoke(app, ["check", "--today", "2026-11-22", "get better at market research"])
    assert result.exit_code == 0
    for label in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        assert label in result.stdout
    assert "try:" in result.stdout
    assert "A version that passes more" in result.stdout


def test_jsonl_batch_keeps_order_and_reports_malformed_lines(tmp_path: Path) -> None:
    batch = tmp_path / "goals.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"text": SHARP, "id": 1}),
                "{not json",
                json.dumps({"txt": "wrong key"}),
                json.dumps({"text": "   "}),
                json.dumps({"text": "Read 10 books"}),
            ]
        )
        + "\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "stepwise.cli",
            "check",
            "--jsonl",
            str(batch),
            "--today",
            "2026-11-22",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    assert lines[0]["text"] == SHARP and lines[0]["score"] == 5
    assert lines[1]["line"] == 2 and "not valid JSON" in lines[1]["error"]
    assert lines[2]["line"] == 3
    assert "error" in lines[3] and "criteria" not in lines[3]
    assert lines[4]["text"] == "Read 10 books"
    assert "line 2:" in result.stderr and "line 3:" in result.stderr


def test_empty_goal_is_one_line_and_non_zero() -> None:
    result = runner.invoke(app, ["check", "   "])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_bad_today_is_one_line_and_non_zero() -> None:
    result = runner.invoke(app, ["check", "--today", "31/03/2027", SHARP])
    assert result.exit_code == 1
    assert "--today must be a date" in result.output


def test_check_works_without_a_database_or_django(tmp_path: Path) -> None:
    """Text-only checking never touches Django: it runs with a broken database setting."""
    env = {
        **os.environ,
        "STEPWISE_DATABASE_URL": "mysql://nowhere/none",
        "STEPWISE_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "stepwise.cli", "check", "--json", SHARP],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["score"] == 5


def test_report_keeps_the_placeholders_a_person_must_fill() -> None:
    result = runner.invoke(app, ["check", "--today", "2026-11-22", "get better at market research"])
    rewrite = result.stdout.split("A version that passes more:")[1]
    assert "[" in rewrite and "]" in rewrite

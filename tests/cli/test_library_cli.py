"""`stepwise library search` and `stepwise library show`: no database, tables or JSON lines,
one-line errors."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.goals.library.catalogue import template_by_key

runner = CliRunner()
WIDE = {"COLUMNS": "200"}
TEARDOWNS = "competitor-teardowns"


def invoke(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), env=WIDE)


def one_line_error(result: Any) -> str:
    """The command failed with exit 1 and one line, no traceback; that line."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_search_prints_a_ranked_table_without_a_database() -> None:
    result = invoke("library", "search", "research competitors", "--level", "pm")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if TEARDOWNS in line]
    assert rows and rows[0].lstrip("│ ").startswith("1 ")
    assert "Market and competitor research" in rows[0]
    assert "my manager" in result.output  # placeholders read for nobody in particular


def test_search_filters_and_limits() -> None:
    result = invoke("library", "search", "--competency", "data", "--limit", "3", "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 3
    assert all("data" in item["competencies"] for item in lines)


def test_search_as_json_lines_keeps_the_raw_title_and_the_score() -> None:
    result = invoke("library", "search", "teardowns", "--json")
    assert result.exit_code == 0, result.output
    first = json.loads(result.output.splitlines()[0])
    assert first["key"] == TEARDOWNS
    assert "{" in first["title"] and "{" not in first["resolved_title"]
    assert first["score"] > 0


def test_a_misspelt_search_offers_the_correction() -> None:
    result = invoke("library", "search", "stakehodler")
    assert result.exit_code == 0, result.output
    assert "Did you mean: stakeholder?" in result.output


def test_a_search_that_finds_nothing_says_so() -> None:
    result = invoke("library", "search", "qqqq zzzz xxxx")
    assert result.exit_code == 0, result.output
    assert "Nothing in the library matches" in result.output


def test_an_unknown_competency_or_level_is_one_line() -> None:
    line = one_line_error(invoke("library", "search", "x", "--competency", "juggling"))
    assert "juggling" in line and "market-research" in line
    line = one_line_error(invoke("library", "search", "x", "--level", "intern"))
    assert "intern" in line and "senior_pm" in line


def test_show_prints_the_goal_dated_from_today() -> None:
    template = template_by_key(TEARDOWNS)
    assert template is not None
    result = invoke("library", "show", TEARDOWNS)
    assert result.exit_code == 0, result.output
    due = (date.today() + timedelta(weeks=template.weeks)).isoformat()
    assert f"due {due}" in result.output
    assert f"Suggested steps ({len(template.steps)})" in result.output
    assert "Measure: from 0 to 3 teardowns" in result.output
    assert f"/goals/new/?template={TEARDOWNS}" in result.output


def test_show_as_json() -> None:
    result = invoke("library", "show", TEARDOWNS, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["key"] == TEARDOWNS and "score" not in data


def test_show_of_an_unknown_key_is_one_line() -> None:
    line = one_line_error(invoke("library", "show", "no-such-goal"))
    assert "no-such-goal" in line and "stepwise library search" in line

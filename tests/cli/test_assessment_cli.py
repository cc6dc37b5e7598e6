"""`stepwise assessment show` and `stepwise assessment list`: output, access, one-line errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.utils import timezone
from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.people.models import User
from stepwise.skills import actions
from stepwise.skills.framework_file import COMPETENCY_KEYS
from stepwise.skills.models import Assessment

pytestmark = pytest.mark.django_db(transaction=True)

runner = CliRunner()
WIDE = {"COLUMNS": "200"}
TODAY = timezone.localdate().isoformat()
KEYS = list(COMPETENCY_KEYS)


def invoke(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), env=WIDE)


def one_line_error(result: Any) -> str:
    """The command failed with exit 1 and one line, no traceback; that line."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def assess(
    person: User, assessor: User, scores: dict[str, int] | None = None, *, finish: bool = True
) -> Assessment:
    """An assessment with every competency at 2 unless ``scores`` says otherwise."""
    assessment = actions.do_start_assessment(person=person, assessor=assessor)
    for key in KEYS:
        actions.do_rate_competency(
            assessment=assessment,
            actor=assessor,
            competency_key=key,
            score=(scores or {}).get(key, 2),
            is_strength=key == "data",
            is_interest=key == "vision",
        )
    if finish:
        assessment = actions.do_complete_assessment(assessment=assessment, actor=assessor)
    return assessment


def row(output: str, competency: str) -> str:
    return next(line for line in output.splitlines() if competency in line)


def table_rows(output: str) -> dict[int, str]:
    """The rows of a table whose first column is an id, by id."""
    cells = [line.strip("│ ").split("│") for line in output.splitlines()]
    return {int(c[0]): "│".join(c) for c in cells if c and c[0].strip().isdigit()}


def test_show_prints_the_latest_finished_self_assessment_as_a_table(alice: User) -> None:
    assess(alice, alice, {"delivery": 0, "prioritisation": 1, "leadership": 4})
    latest = assess(alice, alice, {"delivery": 1, "leadership": 3})
    actions.do_start_assessment(person=alice, assessor=alice)  # a draft is not shown
    result = invoke("assessment", "show", "--user", "alice")
    assert result.exit_code == 0, result.output
    output = result.output
    assert f"Self-assessment of alice (#{latest.pk}), finished {TODAY}" in output
    assert "Product management, version 1" in output
    delivery = row(output, "Execution and delivery")
    assert "Associate PM" in delivery and "Product Manager" in delivery
    leadership = row(output, "Leadership and influence")
    assert "Senior PM" in leadership  # rated 3
    assert "strength" in row(output, "Data and metrics")
    assert "interest" in row(output, "Strategy and vision")
    assert "not rated" not in output


def test_show_says_when_a_score_is_below_the_first_level(alice: User) -> None:
    assess(alice, alice, {"delivery": 0})
    result = invoke("assessment", "show", "--user", "alice")
    assert result.exit_code == 0, result.output
    assert "below Associate PM" in row(result.output, "Execution and delivery")


def test_show_json_is_one_object_in_the_api_shape(alice: User) -> None:
    latest = assess(alice, alice, {"delivery": 0})
    result = invoke("assessment", "show", "--user", "alice", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["id"] == latest.pk and body["kind"] == "self"
    assert body["framework"] == {"key": "stepwise-pm", "name": "Product management", "version": 1}
    assert body["person"]["username"] == "alice"
    assert body["level"] == "associate_pm" and body["target_level"] == "pm"
    assert [r["competency_key"] for r in body["ratings"]] == KEYS
    assert body["ratings"][0]["score"] == 0 and body["unrated"] == []
    assert body["is_finished"] is True and body["completed_at"].startswith(TODAY)


def test_show_by_id_goes_through_the_access_gate(alice: User, bob: User, eve: User) -> None:
    own = assess(alice, alice)
    from_bob = assess(alice, bob)
    result = invoke("assessment", "show", "--user", "bob", "--id", str(from_bob.pk))
    assert result.exit_code == 0, result.output
    assert f"Manager's assessment of alice by bob (#{from_bob.pk})" in result.output
    # Private until shared: bob cannot see alice's own, alice cannot see bob's.
    assert f"no assessment {own.pk} you can see" in one_line_error(
        invoke("assessment", "show", "--user", "bob", "--id", str(own.pk))
    )
    assert f"no assessment {from_bob.pk} you can see" in one_line_error(
        invoke("assessment", "show", "--user", "alice", "--id", str(from_bob.pk))
    )
    actions.do_share_assessment(assessment=own, actor=alice)
    actions.do_share_assessment(assessment=from_bob, actor=bob)
    assert invoke("assessment", "show", "--user", "bob", "--id", str(own.pk)).exit_code == 0
    shown = invoke("assessment", "show", "--user", "alice", "--id", str(from_bob.pk))
    assert shown.exit_code == 0 and "shared" in shown.output
    assert "no assessment" in one_line_error(
        invoke("assessment", "show", "--user", "eve", "--id", str(own.pk))
    )


def test_show_draft_by_id_marks_what_is_not_rated(alice: User) -> None:
    draft = actions.do_start_assessment(person=alice, assessor=alice)
    actions.do_rate_competency(assessment=draft, actor=alice, competency_key="delivery", score=2)
    result = invoke("assessment", "show", "--user", "alice", "--id", str(draft.pk))
    assert result.exit_code == 0, result.output
    assert f"draft started {TODAY}" in result.output
    assert "Product Manager" in row(result.output, "Execution and delivery")
    assert "not rated" in row(result.output, "Leadership and influence")


def test_without_a_finished_self_assessment_show_says_how_to_start_one(
    alice: User, bob: User
) -> None:
    actions.do_start_assessment(person=alice, assessor=alice)
    assess(alice, bob)  # a manager's assessment is not a self-assessment
    line = one_line_error(invoke("assessment", "show", "--user", "alice"))
    assert "alice has no finished self-assessment yet" in line
    assert "POST /api/v1/assessments" in line


def test_who_is_acting_must_be_clear(alice: User, bob: User) -> None:
    assert "no active account called 'zed'" in one_line_error(
        invoke("assessment", "show", "--user", "zed")
    )
    assert "say who you are with --user NAME" in one_line_error(invoke("assessment", "show"))
    assert "no active account called 'zed'" in one_line_error(
        invoke("assessment", "list", "--user", "zed")
    )


def test_the_only_person_needs_no_user_option(make_person: Any) -> None:
    nora = make_person("nora")
    assess(nora, nora)
    result = invoke("assessment", "show")
    assert result.exit_code == 0, result.output
    assert "Self-assessment of nora" in result.output
    assert "nora" in invoke("assessment", "list").output


def test_list_shows_what_the_person_can_see(alice: User, bob: User, dan: User) -> None:
    mine = assess(alice, alice)
    actions.do_share_assessment(assessment=mine, actor=alice)
    draft = actions.do_start_assessment(person=alice, assessor=alice)
    private = assess(dan, dan)
    by_bob = actions.do_start_assessment(person=dan, assessor=bob)
    result = invoke("assessment", "list", "--user", "bob")
    assert result.exit_code == 0, result.output
    rows = table_rows(result.output)
    assert set(rows) == {mine.pk, by_bob.pk}
    assert private.pk not in rows and draft.pk not in rows
    shared_row = rows[mine.pk]
    assert "self" in shared_row and "alice" in shared_row and "finished, shared" in shared_row
    assert "13/13" in shared_row and "stepwise-pm v1" in shared_row

    own = invoke("assessment", "list", "--user", "alice").output
    assert "draft" in own and "finished, shared" in own


def test_list_with_nothing_says_how_to_start(alice: User) -> None:
    result = invoke("assessment", "list", "--user", "alice")
    assert result.exit_code == 0, result.output
    assert "No assessments yet" in result.output and "POST /api/v1/assessments" in result.output

"""`stepwise framework import|export|list`: a new version, or every problem on one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stepwise.cli import app
from stepwise.skills.models import Framework, FrameworkVersion

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def invoke(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), env={"COLUMNS": "200"})


def test_export_then_import_a_changed_copy_as_a_new_active_framework(tmp_path: Path) -> None:
    exported = invoke("framework", "export")
    assert exported.exit_code == 0, exported.output
    assert exported.output.startswith("key: stepwise-pm")
    changed = tmp_path / "ours.yaml"
    changed.write_text(exported.output.replace("key: stepwise-pm", "key: ours-pm", 1))
    result = invoke("framework", "import", str(changed), "--activate")
    assert result.exit_code == 0, result.output
    assert "(active)" in result.output
    assert Framework.objects.get(is_active=True).key == "ours-pm"
    listed = invoke("framework", "list")
    assert "ours-pm" in listed.output and "stepwise-pm" in listed.output


def test_a_bad_file_names_every_problem_on_one_line_and_stores_nothing(tmp_path: Path) -> None:
    before = FrameworkVersion.objects.count()
    bad = tmp_path / "bad.json"
    bad.write_text('{"key": "Bad Key", "name": "x", "levels": [], "areas": [], "extra": 1}')
    result = invoke("framework", "import", str(bad))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "nothing imported" in lines[0]
    assert "key" in lines[0] and "extra" in lines[0]
    assert FrameworkVersion.objects.count() == before


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = invoke("framework", "import", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "cannot read" in result.output

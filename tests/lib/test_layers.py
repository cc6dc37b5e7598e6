"""The direction of imports is enforced: `lint-imports` (run by `make lint`) fails on an import
that leans the wrong way, and passes on the real tree. See docs/architecture.md."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS = "Apps lean one way"


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(where / "pyproject.toml"), "--no-cache"],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """The package's Python files and the configuration, copied where they may be broken."""
    shutil.copytree(
        ROOT / "stepwise",
        tmp_path / "stepwise",
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "data", "*.yaml"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(module: Path, line: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_real_tree_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_people_importing_goals_breaks_the_layers_contract(tree_copy: Path) -> None:
    add_line(tree_copy / "stepwise/people/forms.py", "from stepwise.goals import models")
    result = lint_imports(tree_copy)
    assert result.returncode != 0
    assert LAYERS in result.stdout and "BROKEN" in result.stdout
    assert "stepwise.people is not allowed to import stepwise.goals" in result.stdout
    assert "stepwise.people.forms -> stepwise.goals" in result.stdout


def test_the_access_gate_for_skills_may_not_reach_up_to_goals(tree_copy: Path) -> None:
    add_line(tree_copy / "stepwise/access/skills.py", "from stepwise.access.goals import own_goals")
    result = lint_imports(tree_copy)
    assert result.returncode != 0
    assert "stepwise.access.skills is not allowed to import stepwise.access.goals" in result.stdout


def test_a_pure_core_importing_django_breaks_its_contract(tree_copy: Path) -> None:
    add_line(tree_copy / "stepwise/goals/progress.py", "from stepwise.people.models import User")
    result = lint_imports(tree_copy)
    assert result.returncode != 0
    assert "Pure cores and data-file readers import no Django BROKEN" in " ".join(
        result.stdout.split()
    )
    assert "stepwise.goals.progress is not allowed to import django" in result.stdout

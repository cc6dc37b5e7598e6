"""The goal-library loader: files, validation messages, caching, and keys kept in step."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from stepwise.goals.library import catalogue
from stepwise.goals.library.catalogue import (
    CATEGORY_KEYS,
    COMPETENCY_KEYS,
    LEVEL_KEYS,
    METRIC_KINDS,
    TEMPLATES_DIR,
    GoalTemplate,
    LibraryError,
    StepTemplate,
    load_file,
    load_library,
    template_by_key,
)


def good(key: str = "competitor-teardowns", **changes: Any) -> dict[str, Any]:
    template: dict[str, Any] = {
        "key": key,
        "title": "Write teardowns of 3 competitors and walk {manager} through them {due}",
        "why": "so that our roadmap answers what customers can already get elsewhere",
        "description": "Pick rivals customers mention in sales calls.",
        "competencies": ["market-research"],
        "levels": ["associate_pm", "pm"],
        "category": "skill",
        "metric": {"kind": "number", "unit": "teardowns", "baseline": 0, "target": 3},
        "weeks": 8,
        "hours_per_week": 2.5,
        "steps": [
            {"title": "Pick 3 competitors with {manager}", "week": 1, "hours": 1},
            {"title": "Walk {manager} through the teardowns", "week": 8, "hours": 1.5},
        ],
        "keywords": ["competitive analysis", "teardown"],
    }
    template.update(changes)
    return template


def write(directory: Path, name: str, *templates: dict[str, Any]) -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump({"templates": list(templates)}), encoding="utf-8")
    return path


def error_for(tmp_path: Path, template: dict[str, Any]) -> str:
    write(tmp_path, "one.yaml", template)
    with pytest.raises(LibraryError) as caught:
        load_library(tmp_path)
    return str(caught.value)


# -- reading -----------------------------------------------------------------------------


def test_a_template_reads_into_frozen_dataclasses_with_decimals(tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", good())
    (template,) = load_library(tmp_path)
    assert template == GoalTemplate(
        key="competitor-teardowns",
        title="Write teardowns of 3 competitors and walk {manager} through them {due}",
        why="so that our roadmap answers what customers can already get elsewhere",
        description="Pick rivals customers mention in sales calls.",
        competencies=("market-research",),
        levels=("associate_pm", "pm"),
        category="skill",
        metric_kind="number",
        metric_unit="teardowns",
        baseline=Decimal(0),
        target=Decimal(3),
        weeks=8,
        hours_per_week=Decimal("2.5"),
        steps=(
            StepTemplate("Pick 3 competitors with {manager}", 1, Decimal(1)),
            StepTemplate("Walk {manager} through the teardowns", 8, Decimal("1.5")),
        ),
        keywords=("competitive analysis", "teardown"),
    )
    assert isinstance(template.hours_per_week, Decimal)
    assert all(isinstance(step.hours, Decimal) for step in template.steps)


def test_optional_fields_take_defaults(tmp_path: Path) -> None:
    raw = good(metric={"kind": "yes_no"})
    for field in ("description", "hours_per_week", "keywords"):
        del raw[field]
    write(tmp_path, "one.yaml", raw)
    (template,) = load_library(tmp_path)
    assert template.description == ""
    assert template.hours_per_week == Decimal(1)
    assert template.keywords == ()
    assert (template.metric_unit, template.baseline, template.target) == ("", None, None)


def test_files_are_read_in_name_order_and_only_yaml(tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", good("from-b"))
    write(tmp_path, "a.yaml", good("from-a-1"), good("from-a-2"))
    (tmp_path / "notes.txt").write_text("templates: []", encoding="utf-8")
    assert [t.key for t in load_library(tmp_path)] == ["from-a-1", "from-a-2", "from-b"]


def test_a_file_without_a_templates_list_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("- key: x\n", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"bad\.yaml: expected a mapping with a 'templates'"):
        load_library(tmp_path)


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("templates: [\n  - key: x\n", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"broken\.yaml: not valid YAML"):
        load_library(tmp_path)


def test_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no such directory"):
        load_library(tmp_path / "nowhere")


def test_load_file_reads_one_file(tmp_path: Path) -> None:
    path = write(tmp_path, "one.yaml", good("a"), good("b"))
    assert [t.key for t in load_file(path)] == ["a", "b"]


# -- validation: every message names file, template and field ------------------------------


def test_keys_are_unique_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", good("same"))
    write(tmp_path, "b.yaml", good("same"))
    with pytest.raises(LibraryError, match=r"b\.yaml: template 'same': key: already used in a"):
        load_library(tmp_path)


def test_keys_are_unique_within_a_file(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", good("same"), good("same"))
    with pytest.raises(LibraryError, match=r"a\.yaml: template 'same': key: used twice"):
        load_library(tmp_path)


@pytest.mark.parametrize(
    "field", ["key", "title", "why", "competencies", "levels", "category", "metric", "weeks"]
)
def test_required_fields(tmp_path: Path, field: str) -> None:
    raw = good()
    del raw[field]
    message = error_for(tmp_path, raw)
    assert message.startswith("one.yaml: template ")
    assert f": {field}: required" in message


def test_a_template_without_a_key_is_named_by_position(tmp_path: Path) -> None:
    raw = good()
    del raw["key"]
    assert error_for(tmp_path, raw) == "one.yaml: template templates[0]: key: required"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"key": "Not A Slug"}, "key: 'Not A Slug' is not a slug"),
        ({"competencies": ["market-research", "juggling"]}, "competencies: unknown value"),
        ({"competencies": ["data", "data"]}, "competencies: a value is listed twice"),
        ({"levels": ["vp"]}, "levels: unknown value 'vp'"),
        ({"levels": "pm"}, "levels: expected a list"),
        ({"category": "fun"}, "category: unknown value 'fun'"),
        ({"metric": {"kind": "stars"}}, "metric.kind: unknown value 'stars'"),
        ({"metric": {"kind": "number", "target": "lots"}}, "metric.target: expected a number"),
        ({"metric": {"kind": "number", "goal": 3}}, "metric.goal: unknown field"),
        ({"metric": "three"}, "metric: expected a mapping"),
        ({"weeks": 0}, "weeks: expected a whole number from 1 to 104"),
        ({"weeks": 105}, "weeks: expected a whole number from 1 to 104"),
        ({"weeks": 8.5}, "weeks: expected a whole number"),
        ({"hours_per_week": 41}, "hours_per_week: expected hours from 0 to 40"),
        ({"hours_per_week": -1}, "hours_per_week: expected hours from 0 to 40"),
        ({"title": "  "}, "title: expected text"),
        ({"why": 3}, "why: expected text"),
        ({"keywords": ["fine", ""]}, "keywords: expected a list of words"),
        ({"colour": "blue"}, "colour: unknown field"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, changes: dict[str, Any], expected: str) -> None:
    message = error_for(tmp_path, good(**changes))
    assert message.startswith("one.yaml: template ")
    assert expected in message


def step(week: Any, title: str = "Do it", hours: Any = 1) -> dict[str, Any]:
    return {"title": title, "week": week, "hours": hours}


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([step(1)], "steps: expected a list of 2 to 6 steps"),
        ([step(1)] * 7, "steps: expected a list of 2 to 6 steps"),
        ([step(1), step(0)], "steps[1].week: expected a whole number from 1 to 8"),
        ([step(1), step(9)], "steps[1].week: expected a whole number from 1 to 8"),
        ([step(1), step(2, title="")], "steps[1].title: expected text"),
        ([step(1), step(2, hours=50)], "steps[1].hours: expected hours from 0 to 40"),
        ([step(1), {"title": "x", "week": 2, "owner": "me"}], "steps[1].owner: unknown field"),
        ([step(1), "just text"], "steps[1]: expected a mapping"),
    ],
)
def test_bad_steps_are_named(tmp_path: Path, steps: list[Any], expected: str) -> None:
    message = error_for(tmp_path, good(steps=steps))
    assert message.startswith("one.yaml: template 'competitor-teardowns': ")
    assert expected in message


def test_nothing_is_returned_when_one_template_is_bad(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", good("fine"))
    write(tmp_path, "b.yaml", good("broken", weeks=0))
    with pytest.raises(LibraryError, match=r"b\.yaml: template 'broken': weeks"):
        load_library(tmp_path)


# -- the packaged library ------------------------------------------------------------------


def test_the_default_library_loads_and_is_cached() -> None:
    catalogue.clear_cache()
    first = load_library()
    assert first
    assert load_library() is first
    assert load_library(TEMPLATES_DIR) == first


def test_template_by_key() -> None:
    library = load_library()
    assert template_by_key(library[-1].key) is library[-1]
    assert template_by_key("no-such-template") is None


def test_helper_methods() -> None:
    template = load_library()[0]
    assert template.fits_level(template.levels[0])
    assert not template.fits_level("astronaut")
    assert template.has_competency(template.competencies[0])


# -- the hard-coded keys stay equal to the models' choices ---------------------------------


def test_level_keys_match_the_people_model() -> None:
    from stepwise.people.models import Level

    assert list(LEVEL_KEYS) == [choice.value for choice in Level]


def test_category_and_metric_keys_match_the_goal_model() -> None:
    from stepwise.goals.models import Category, MetricKind

    assert list(CATEGORY_KEYS) == [choice.value for choice in Category]
    assert list(METRIC_KINDS) == [choice.value for choice in MetricKind]


def test_competency_keys_match_the_default_framework() -> None:
    framework = Path(catalogue.__file__).parents[2] / "skills" / "data" / "product-management.yaml"
    if not framework.exists():
        pytest.skip("the default framework file is not there yet")
    data = yaml.safe_load(framework.read_text(encoding="utf-8"))
    keys = [c["key"] for area in data["areas"] for c in area["competencies"]]
    assert sorted(keys) == sorted(COMPETENCY_KEYS)
    assert len(COMPETENCY_KEYS) == 13


def test_the_library_modules_do_not_import_django() -> None:
    code = (
        "import sys, stepwise.goals.library.catalogue, stepwise.goals.library.placeholders;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert output.returncode == 0, output.stderr
    assert output.stdout.strip() == "[]"

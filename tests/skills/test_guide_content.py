"""The content files of the skills app: the default framework, growth paths and tips.

No database: the files are plain YAML, and `stepwise.skills.guide` and `stepwise.lib.tips`
import no Django.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from stepwise.lib import tips
from stepwise.lib.data_files import DataFileError
from stepwise.skills import guide
from stepwise.smart import CRITERIA, Context, analyze

FRAMEWORK_FILE = guide.DATA_DIR / "product-management.yaml"
TODAY = date(2026, 11, 22)

AREAS = {
    "execution": ["delivery", "prioritisation", "technical-fluency"],
    "insight": ["user-research", "market-research", "data"],
    "strategy": ["product-sense", "vision", "business"],
    "influence": ["communication", "stakeholders", "collaboration", "leadership"],
}
COMPETENCY_KEYS = [key for keys in AREAS.values() for key in keys]
LEVELS = {
    "associate_pm": "Associate PM",
    "pm": "Product Manager",
    "senior_pm": "Senior PM",
    "principal_pm": "Principal / Group PM",
    "director": "Director of Product",
}
REQUIRED_TIPS = {
    "why-smart": "goal",
    "choosing-priorities": "priorities",
    "asking-for-support": "support",
    "after-a-setback": "setback",
}


def _framework() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    return data


def _framework_competencies() -> dict[str, dict[str, Any]]:
    return {
        competency["key"]: competency
        for area in _framework()["areas"]
        for competency in area["competencies"]
    }


def _all_goals() -> list[tuple[str, str]]:
    return [
        (f"{path.key}-stage{number}-goal{index}", goal)
        for path in guide.growth_paths()
        for number, stage in enumerate(path.stages, start=1)
        for index, goal in enumerate(stage.goals, start=1)
    ]


# --- the default framework ----------------------------------------------------------------


def test_framework_header_and_levels() -> None:
    framework = _framework()
    assert framework["key"] == "stepwise-pm"
    assert framework["name"] == "Product management"
    assert framework["description"].strip()
    assert {level["key"]: level["name"] for level in framework["levels"]} == LEVELS
    assert [level["key"] for level in framework["levels"]] == list(LEVELS)
    assert all(level["summary"].strip() for level in framework["levels"])


def test_framework_has_13_competencies_in_4_areas() -> None:
    areas = _framework()["areas"]
    found = {area["key"]: [c["key"] for c in area["competencies"]] for area in areas}
    assert found == AREAS
    assert len(COMPETENCY_KEYS) == 13
    assert all(area["name"].strip() for area in areas)


def test_framework_keys_match_the_guide_module() -> None:
    assert tuple(COMPETENCY_KEYS) == guide.COMPETENCY_KEYS
    assert tuple(LEVELS) == guide.LEVEL_KEYS


@pytest.mark.parametrize("key", COMPETENCY_KEYS)
def test_every_competency_has_five_distinct_expectations(key: str) -> None:
    competency = _framework_competencies()[key]
    assert competency["name"].strip()
    assert competency["summary"].strip()
    expectations = competency["expectations"]
    assert list(expectations) == list(LEVELS)
    texts = [expectations[level] for level in LEVELS]
    assert all(isinstance(text, str) and text.strip() for text in texts)
    assert len(set(texts)) == len(texts)


def test_no_expectation_is_repeated_anywhere_in_the_framework() -> None:
    texts = [
        text
        for competency in _framework_competencies().values()
        for text in competency["expectations"].values()
    ]
    assert len(texts) == 13 * 5
    assert len(set(texts)) == len(texts)


# --- growth paths -------------------------------------------------------------------------


def test_at_least_three_growth_paths() -> None:
    paths = guide.growth_paths()
    assert len(paths) >= 3
    assert len({path.key for path in paths}) == len(paths)


@pytest.mark.parametrize("path", guide.growth_paths(), ids=lambda path: path.key)
def test_stages_are_in_order_contiguous_and_cover_every_month(path: guide.GrowthPath) -> None:
    assert 3 <= len(path.stages) <= 4
    expected_start = 1
    for stage in path.stages:
        assert stage.start_month == expected_start
        assert stage.end_month >= stage.start_month
        expected_start = stage.end_month + 1
    assert path.stages[-1].end_month == path.months


@pytest.mark.parametrize("path", guide.growth_paths(), ids=lambda path: path.key)
def test_levels_are_valid_and_rising(path: guide.GrowthPath) -> None:
    order = list(LEVELS)
    assert path.from_level in order
    assert path.to_level in order
    assert order.index(path.to_level) > order.index(path.from_level)


@pytest.mark.parametrize("path", guide.growth_paths(), ids=lambda path: path.key)
def test_focus_keys_are_framework_competencies(path: guide.GrowthPath) -> None:
    in_file = _framework_competencies()
    for stage in path.stages:
        assert stage.focus
        for key in stage.focus:
            assert key in COMPETENCY_KEYS, (stage.title, key)
            assert key in in_file, (stage.title, key)


@pytest.mark.parametrize("path", guide.growth_paths(), ids=lambda path: path.key)
def test_stages_have_goals_steps_and_learning(path: guide.GrowthPath) -> None:
    assert path.title and path.summary
    for stage in path.stages:
        assert stage.title
        assert 2 <= len(stage.goals) <= 4, stage.title
        assert 3 <= len(stage.steps) <= 5, stage.title
        assert 2 <= len(stage.learning) <= 4, stage.title


@pytest.mark.parametrize(("name", "text"), _all_goals(), ids=[name for name, _ in _all_goals()])
def test_goal_statement_passes_every_smart_criterion(name: str, text: str) -> None:
    analysis = analyze(text, Context(today=TODAY))
    failed = {
        criterion: analysis.criteria[criterion].reason
        for criterion in CRITERIA
        if not analysis.criteria[criterion].passed
    }
    assert not failed, f"{name}: {failed}"


def test_growth_path_lookup() -> None:
    first = guide.growth_paths()[0]
    assert guide.growth_path(first.key) is first
    assert guide.growth_path("no-such-path") is None


# --- tips ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "topic"), REQUIRED_TIPS.items())
def test_required_tip_exists_with_its_topic(key: str, topic: str) -> None:
    found = tips.tip(key)
    assert found is not None
    assert found.topic == topic
    assert found in tips.tips_for(topic)


@pytest.mark.parametrize("topic", tips.TOPICS)
def test_every_topic_has_one_or_more_tips(topic: str) -> None:
    on_topic = tips.tips_for(topic)
    assert on_topic
    assert all(item.topic == topic and item.title and item.body for item in on_topic)


def test_tip_lookup_and_unknown_topic() -> None:
    assert tips.tip("no-such-tip") is None
    with pytest.raises(ValueError, match="unknown tip topic"):
        tips.tips_for("nonsense")


# --- malformed files ----------------------------------------------------------------------

GOOD_STAGE = {
    "title": "Months 1-3",
    "start_month": 1,
    "end_month": 3,
    "focus": ["data"],
    "goals": ["a"],
    "steps": ["b"],
    "learning": ["c"],
}
GOOD_PATH = {
    "key": "demo-path",
    "title": "Demo",
    "from_level": "pm",
    "to_level": "senior_pm",
    "months": 3,
    "summary": "Demo.",
    "stages": [GOOD_STAGE],
}


def _write(tmp_path: Path, document: object) -> Path:
    file = tmp_path / "content.yaml"
    file.write_text(yaml.safe_dump(document), encoding="utf-8")
    return file


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    (path,) = guide.load_growth_paths(_write(tmp_path, {"paths": [GOOD_PATH]}))
    assert path.stages[0].focus == ("data",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"to_level": "associate_pm"}, "to_level: 'associate_pm' is not above 'pm'"),
        ({"months": 6}, "stages: end at month 3, not 6"),
        ({"stages": [{**GOOD_STAGE, "focus": ["typing"]}]}, "unknown competency 'typing'"),
        ({"stages": [{**GOOD_STAGE, "start_month": 2}]}, "should start at month 1"),
        ({"title": ""}, "title: expected non-empty text"),
        ({"extra": 1}, "unknown field 'extra'"),
    ],
)
def test_a_malformed_path_names_file_and_key(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    file = _write(tmp_path, {"paths": [{**GOOD_PATH, **change}]})
    with pytest.raises(DataFileError) as raised:
        guide.load_growth_paths(file)
    assert str(file) in str(raised.value)
    assert "'demo-path'" in str(raised.value)
    assert message in str(raised.value)


def test_a_malformed_tip_names_file_and_key(tmp_path: Path) -> None:
    tip = {"key": "odd-tip", "topic": "weather", "title": "T", "body": "B"}
    file = _write(tmp_path, {"tips": [tip]})
    with pytest.raises(ValueError, match=r"'odd-tip'.*topic: 'weather' is not one of") as raised:
        tips.load_tips(file)
    assert str(file) in str(raised.value)


def test_duplicate_keys_and_bad_yaml_are_reported(tmp_path: Path) -> None:
    tip = {"key": "same", "topic": "goal", "title": "T", "body": "B"}
    with pytest.raises(DataFileError, match="key 'same' is used twice"):
        tips.load_tips(_write(tmp_path, {"tips": [tip, tip]}))
    broken = tmp_path / "broken.yaml"
    broken.write_text("tips: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        tips.load_tips(broken)
    with pytest.raises(DataFileError, match="expected a mapping with a list under 'paths'"):
        guide.load_growth_paths(_write(tmp_path, ["not", "a", "mapping"]))

"""Growth paths and coaching tips, read from `data/growth-paths.yaml` and `data/tips.yaml`.

    >>> path = growth_path("apm-to-pm")
    >>> (path.from_level, path.to_level, path.stages[0].start_month)
    ('associate_pm', 'pm', 1)
    >>> tip("why-smart").topic
    'goal'

The files are read once per process (see decision 0005). Any problem raises `GuideError`
(a `ValueError`) naming the file, the entry's key and the field. Django is not imported
here: the level and competency keys of the default framework are repeated as tuples.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from stepwise.skills.framework_file import COMPETENCY_KEYS, LEVEL_KEYS

DATA_DIR = Path(__file__).resolve().parent / "data"
PATHS_FILE = DATA_DIR / "growth-paths.yaml"
TIPS_FILE = DATA_DIR / "tips.yaml"

TOPICS: tuple[str, ...] = (
    "profile",
    "assessment",
    "priorities",
    "goal",
    "support",
    "setback",
    "checkin",
)

_PATH_FIELDS = ("key", "title", "from_level", "to_level", "months", "summary", "stages")
_STAGE_FIELDS = ("title", "start_month", "end_month", "focus", "goals", "steps", "learning")
_TIP_FIELDS = ("key", "topic", "title", "body")


class GuideError(ValueError):
    """A growth-path or tip file that cannot be read; the message says where and why."""


@dataclass(frozen=True)
class PathStage:
    title: str
    start_month: int
    end_month: int
    focus: tuple[str, ...]
    goals: tuple[str, ...]
    steps: tuple[str, ...]
    learning: tuple[str, ...]


@dataclass(frozen=True)
class GrowthPath:
    key: str
    title: str
    from_level: str
    to_level: str
    months: int
    summary: str
    stages: tuple[PathStage, ...]


@dataclass(frozen=True)
class Tip:
    key: str
    topic: str
    title: str
    body: str


# --- public API ----------------------------------------------------------------------------


@functools.cache
def growth_paths() -> tuple[GrowthPath, ...]:
    """All growth paths, in file order."""
    return load_growth_paths(PATHS_FILE)


def growth_path(key: str) -> GrowthPath | None:
    return _paths_by_key().get(key)


@functools.cache
def all_tips() -> tuple[Tip, ...]:
    """All tips, in file order."""
    return load_tips(TIPS_FILE)


def tips_for(topic: str) -> tuple[Tip, ...]:
    """The tips on one topic, in file order; an unknown topic is a programming error."""
    if topic not in TOPICS:
        raise ValueError(f"unknown tip topic {topic!r}; expected one of {', '.join(TOPICS)}")
    return _tips_by_topic().get(topic, ())


def tip(key: str) -> Tip | None:
    return _tips_by_key().get(key)


@functools.cache
def _paths_by_key() -> dict[str, GrowthPath]:
    return {path.key: path for path in growth_paths()}


@functools.cache
def _tips_by_key() -> dict[str, Tip]:
    return {item.key: item for item in all_tips()}


@functools.cache
def _tips_by_topic() -> dict[str, tuple[Tip, ...]]:
    return {topic: tuple(t for t in all_tips() if t.topic == topic) for topic in TOPICS}


# --- loading -------------------------------------------------------------------------------


def load_growth_paths(file: Path) -> tuple[GrowthPath, ...]:
    """Read and check a growth-path file (uncached: for tests and tools)."""
    paths = tuple(
        _growth_path(entry, f"{file}, paths[{index}]")
        for index, entry in enumerate(_entries(file, "paths"))
    )
    _check_unique([path.key for path in paths], f"{file}, paths")
    return paths


def load_tips(file: Path) -> tuple[Tip, ...]:
    """Read and check a tips file (uncached: for tests and tools)."""
    tips = tuple(
        _tip(entry, f"{file}, tips[{index}]") for index, entry in enumerate(_entries(file, "tips"))
    )
    _check_unique([item.key for item in tips], f"{file}, tips")
    return tips


def _entries(file: Path, root: str) -> list[Any]:
    try:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GuideError(f"{file}: cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise GuideError(f"{file}: not valid YAML ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get(root), list):
        raise GuideError(f"{file}: expected a mapping with a list under {root!r}")
    entries: list[Any] = document[root]
    if not entries:
        raise GuideError(f"{file}: {root!r} is empty")
    return entries


def _growth_path(entry: object, where: str) -> GrowthPath:
    data = _mapping(entry, where, _PATH_FIELDS)
    key = _text(data, "key", where)
    where = f"{where} (key {key!r})"
    _fields(data, where, _PATH_FIELDS)
    from_level = _choice(data, "from_level", LEVEL_KEYS, where)
    to_level = _choice(data, "to_level", LEVEL_KEYS, where)
    if LEVEL_KEYS.index(to_level) <= LEVEL_KEYS.index(from_level):
        raise GuideError(f"{where}, to_level: {to_level!r} is not above {from_level!r}")
    months = _int(data, "months", where)
    raw_stages = data["stages"]
    if not isinstance(raw_stages, list) or not raw_stages:
        raise GuideError(f"{where}, stages: expected a non-empty list")
    stages = tuple(
        _stage(stage, f"{where}, stages[{index}]") for index, stage in enumerate(raw_stages)
    )
    _check_stage_months(stages, months, where)
    return GrowthPath(
        key=key,
        title=_text(data, "title", where),
        from_level=from_level,
        to_level=to_level,
        months=months,
        summary=_text(data, "summary", where),
        stages=stages,
    )


def _stage(entry: object, where: str) -> PathStage:
    data = _mapping(entry, where, _STAGE_FIELDS)
    _fields(data, where, _STAGE_FIELDS)
    focus = _texts(data, "focus", where)
    unknown = [key for key in focus if key not in COMPETENCY_KEYS]
    if unknown:
        raise GuideError(f"{where}, focus: unknown competency {unknown[0]!r}")
    return PathStage(
        title=_text(data, "title", where),
        start_month=_int(data, "start_month", where),
        end_month=_int(data, "end_month", where),
        focus=focus,
        goals=_texts(data, "goals", where),
        steps=_texts(data, "steps", where),
        learning=_texts(data, "learning", where),
    )


def _check_stage_months(stages: tuple[PathStage, ...], months: int, where: str) -> None:
    expected_start = 1
    for index, stage in enumerate(stages):
        if stage.start_month != expected_start or stage.end_month < stage.start_month:
            raise GuideError(
                f"{where}, stages[{index}]: months {stage.start_month}-{stage.end_month} "
                f"should start at month {expected_start} and not end before they start"
            )
        expected_start = stage.end_month + 1
    if expected_start - 1 != months:
        raise GuideError(f"{where}, stages: end at month {expected_start - 1}, not {months}")


def _tip(entry: object, where: str) -> Tip:
    data = _mapping(entry, where, _TIP_FIELDS)
    key = _text(data, "key", where)
    where = f"{where} (key {key!r})"
    _fields(data, where, _TIP_FIELDS)
    return Tip(
        key=key,
        topic=_choice(data, "topic", TOPICS, where),
        title=_text(data, "title", where),
        body=_text(data, "body", where),
    )


# --- field readers -------------------------------------------------------------------------


def _mapping(entry: object, where: str, fields: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(entry, dict):
        raise GuideError(f"{where}: expected a mapping with {', '.join(fields)}")
    return entry


def _fields(data: Mapping[str, Any], where: str, fields: tuple[str, ...]) -> None:
    missing = [name for name in fields if name not in data]
    if missing:
        raise GuideError(f"{where}: missing {missing[0]!r}")
    unknown = sorted(str(name) for name in data if name not in fields)
    if unknown:
        raise GuideError(f"{where}: unknown field {unknown[0]!r}")


def _text(data: Mapping[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise GuideError(f"{where}, {name}: expected non-empty text")
    return value.strip()


def _int(data: Mapping[str, Any], name: str, where: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise GuideError(f"{where}, {name}: expected a whole number of at least 1")
    return value


def _texts(data: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    values = data.get(name)
    if not isinstance(values, list) or not values:
        raise GuideError(f"{where}, {name}: expected a non-empty list of texts")
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise GuideError(f"{where}, {name}: every entry must be non-empty text")
    return tuple(value.strip() for value in values)


def _choice(data: Mapping[str, Any], name: str, choices: tuple[str, ...], where: str) -> str:
    value = _text(data, name, where)
    if value not in choices:
        raise GuideError(f"{where}, {name}: {value!r} is not one of {', '.join(choices)}")
    return value


def _check_unique(keys: list[str], where: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise GuideError(f"{where}: key {key!r} is used twice")
        seen.add(key)

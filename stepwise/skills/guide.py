"""Growth paths, read from `data/growth-paths.yaml` (the coaching tips are ``stepwise.lib.tips``).

    >>> path = growth_path("apm-to-pm")
    >>> (path.from_level, path.to_level, path.stages[0].start_month)
    ('associate_pm', 'pm', 1)

The file is read once per process (see decision 0005). Any problem raises ``DataFileError``
(a ``ValueError``) naming the file, the entry's key and the field. Django is not imported
here: the level and competency keys of the default framework are repeated as tuples.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from stepwise.lib.data_files import (
    DataFileError,
    check_fields,
    check_unique,
    choice,
    entries,
    mapping,
    text,
    texts,
    whole_number,
)
from stepwise.skills.framework_file import COMPETENCY_KEYS, LEVEL_KEYS

DATA_DIR = Path(__file__).resolve().parent / "data"
PATHS_FILE = DATA_DIR / "growth-paths.yaml"

_PATH_FIELDS = ("key", "title", "from_level", "to_level", "months", "summary", "stages")
_STAGE_FIELDS = ("title", "start_month", "end_month", "focus", "goals", "steps", "learning")


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


# --- public API ----------------------------------------------------------------------------


@functools.cache
def growth_paths() -> tuple[GrowthPath, ...]:
    """All growth paths, in file order."""
    return load_growth_paths(PATHS_FILE)


def growth_path(key: str) -> GrowthPath | None:
    return _paths_by_key().get(key)


@functools.cache
def _paths_by_key() -> dict[str, GrowthPath]:
    return {path.key: path for path in growth_paths()}


# --- loading -------------------------------------------------------------------------------


def load_growth_paths(file: Path) -> tuple[GrowthPath, ...]:
    """Read and check a growth-path file (uncached: for tests and tools)."""
    paths = tuple(
        _growth_path(entry, f"{file}, paths[{index}]")
        for index, entry in enumerate(entries(file, "paths"))
    )
    check_unique([path.key for path in paths], f"{file}, paths")
    return paths


def _growth_path(entry: object, where: str) -> GrowthPath:
    data = mapping(entry, where, _PATH_FIELDS)
    key = text(data, "key", where)
    where = f"{where} (key {key!r})"
    check_fields(data, where, _PATH_FIELDS)
    from_level = choice(data, "from_level", LEVEL_KEYS, where)
    to_level = choice(data, "to_level", LEVEL_KEYS, where)
    if LEVEL_KEYS.index(to_level) <= LEVEL_KEYS.index(from_level):
        raise DataFileError(f"{where}, to_level: {to_level!r} is not above {from_level!r}")
    months = whole_number(data, "months", where)
    raw_stages = data["stages"]
    if not isinstance(raw_stages, list) or not raw_stages:
        raise DataFileError(f"{where}, stages: expected a non-empty list")
    stages = tuple(
        _stage(stage, f"{where}, stages[{index}]") for index, stage in enumerate(raw_stages)
    )
    _check_stage_months(stages, months, where)
    return GrowthPath(
        key=key,
        title=text(data, "title", where),
        from_level=from_level,
        to_level=to_level,
        months=months,
        summary=text(data, "summary", where),
        stages=stages,
    )


def _stage(entry: object, where: str) -> PathStage:
    data = mapping(entry, where, _STAGE_FIELDS)
    check_fields(data, where, _STAGE_FIELDS)
    focus = texts(data, "focus", where)
    unknown = [key for key in focus if key not in COMPETENCY_KEYS]
    if unknown:
        raise DataFileError(f"{where}, focus: unknown competency {unknown[0]!r}")
    return PathStage(
        title=text(data, "title", where),
        start_month=whole_number(data, "start_month", where),
        end_month=whole_number(data, "end_month", where),
        focus=focus,
        goals=texts(data, "goals", where),
        steps=texts(data, "steps", where),
        learning=texts(data, "learning", where),
    )


def _check_stage_months(stages: tuple[PathStage, ...], months: int, where: str) -> None:
    expected_start = 1
    for index, stage in enumerate(stages):
        if stage.start_month != expected_start or stage.end_month < stage.start_month:
            raise DataFileError(
                f"{where}, stages[{index}]: months {stage.start_month}-{stage.end_month} "
                f"should start at month {expected_start} and not end before they start"
            )
        expected_start = stage.end_month + 1
    if expected_start - 1 != months:
        raise DataFileError(f"{where}, stages: end at month {expected_start - 1}, not {months}")

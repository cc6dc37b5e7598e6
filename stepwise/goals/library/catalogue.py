"""The goal templates of the library, read from `templates/*.yaml` (see decision 0005).

    >>> library = load_library()
    >>> template_by_key(library[0].key) is library[0]
    True

Every `*.yaml` file in `templates/` holds `templates: [...]`; the files are read in name
order and their templates concatenated. Any problem raises `LibraryError`, naming the file,
the template key and the field. Django is not imported here: the level, category and metric
keys are repeated as tuples (a test keeps them equal to the models' choices).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

import yaml

from stepwise.skills.framework_file import COMPETENCY_KEYS, LEVEL_KEYS

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

CATEGORY_KEYS: tuple[str, ...] = (
    "skill",
    "delivery",
    "relationship",
    "visibility",
    "career_move",
    "learning",
)
METRIC_KINDS: tuple[str, ...] = ("number", "percentage", "yes_no", "steps")

MIN_WEEKS, MAX_WEEKS = 1, 104
MIN_HOURS, MAX_HOURS = Decimal(0), Decimal(40)
MIN_STEPS, MAX_STEPS = 2, 6
_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = ("key", "title", "why", "competencies", "levels", "category", "metric", "weeks")
_KNOWN = frozenset(
    (*_REQUIRED, "description", "hours_per_week", "steps", "keywords"),
)


class LibraryError(ValueError):
    """A template file that cannot be read; the message names file, template and field."""


@dataclass(frozen=True)
class StepTemplate:
    title: str
    week: int
    hours: Decimal


@dataclass(frozen=True)
class GoalTemplate:
    key: str
    title: str
    why: str
    description: str
    competencies: tuple[str, ...]
    levels: tuple[str, ...]
    category: str
    metric_kind: str
    metric_unit: str
    baseline: Decimal | None
    target: Decimal | None
    weeks: int
    hours_per_week: Decimal
    steps: tuple[StepTemplate, ...]
    keywords: tuple[str, ...]

    def fits_level(self, level: str) -> bool:
        return level in self.levels

    def has_competency(self, competency: str) -> bool:
        return competency in self.competencies


# -- loading -----------------------------------------------------------------------------


def load_library(directory: Path | None = None) -> tuple[GoalTemplate, ...]:
    """Every template in `directory` (default: the packaged `templates/`), in file order."""
    if directory is None:
        return _default_library()
    return _load_directory(Path(directory))


def template_by_key(key: str) -> GoalTemplate | None:
    """The template of the default library with this key, or None."""
    return _default_index().get(key)


def clear_cache() -> None:
    """Forget the default library (tests that edit the files call this)."""
    _default_library.cache_clear()
    _default_index.cache_clear()


@functools.cache
def _default_library() -> tuple[GoalTemplate, ...]:
    return _load_directory(TEMPLATES_DIR)


@functools.cache
def _default_index() -> dict[str, GoalTemplate]:
    return {template.key: template for template in _default_library()}


def _load_directory(directory: Path) -> tuple[GoalTemplate, ...]:
    if not directory.is_dir():
        raise LibraryError(f"{directory}: no such directory of goal templates")
    templates: list[GoalTemplate] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml"), key=lambda p: p.name):
        for template in load_file(path):
            if template.key in seen:
                raise LibraryError(
                    f"{path.name}: template {template.key!r}: key: "
                    f"already used in {seen[template.key]}"
                )
            seen[template.key] = path.name
            templates.append(template)
    return tuple(templates)


def load_file(path: Path) -> tuple[GoalTemplate, ...]:
    """The templates of one file, validated; duplicate keys inside the file are errors."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LibraryError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(data, Mapping) or not isinstance(data.get("templates"), list):
        raise LibraryError(f"{path.name}: expected a mapping with a 'templates' list")
    templates: list[GoalTemplate] = []
    keys: set[str] = set()
    for index, raw in enumerate(data["templates"]):
        template = _Parser(path.name, index, raw).template()
        if template.key in keys:
            raise LibraryError(f"{path.name}: template {template.key!r}: key: used twice")
        keys.add(template.key)
        templates.append(template)
    return tuple(templates)


# -- validation --------------------------------------------------------------------------


class _Parser:
    """Turns one raw YAML mapping into a GoalTemplate, or raises LibraryError."""

    def __init__(self, file_name: str, index: int, raw: object) -> None:
        self.file_name = file_name
        self.label = f"templates[{index}]"
        if not isinstance(raw, Mapping):
            self.fail("", "expected a mapping")
        self.raw: Mapping[str, Any] = raw
        key = raw.get("key")
        if isinstance(key, str) and key:
            self.label = repr(key)

    def fail(self, field: str, message: str) -> NoReturn:
        where = f"{self.file_name}: template {self.label}"
        raise LibraryError(f"{where}: {field}: {message}" if field else f"{where}: {message}")

    def template(self) -> GoalTemplate:
        self.check_fields()
        weeks = self.integer("weeks", self.raw["weeks"], MIN_WEEKS, MAX_WEEKS)
        metric = self.metric()
        return GoalTemplate(
            key=self.key(),
            title=self.text("title"),
            why=self.text("why"),
            description=self.text("description", required=False),
            competencies=self.choices("competencies", COMPETENCY_KEYS),
            levels=self.choices("levels", LEVEL_KEYS),
            category=self.choice("category", self.raw["category"], CATEGORY_KEYS),
            metric_kind=metric[0],
            metric_unit=metric[1],
            baseline=metric[2],
            target=metric[3],
            weeks=weeks,
            hours_per_week=self.hours("hours_per_week", self.raw.get("hours_per_week", 1)),
            steps=self.steps(weeks),
            keywords=self.keywords(),
        )

    def check_fields(self) -> None:
        for field in _REQUIRED:
            if self.raw.get(field) in (None, "", []):
                self.fail(field, "required")
        unknown = sorted(set(self.raw) - _KNOWN)
        if unknown:
            self.fail(unknown[0], "unknown field")

    def key(self) -> str:
        key = self.raw["key"]
        if not isinstance(key, str) or not _KEY_RE.match(key):
            self.fail("key", f"{key!r} is not a slug (lowercase letters, digits, hyphens)")
        return str(key)

    def text(self, field: str, *, required: bool = True) -> str:
        return self.text_value(field, self.raw.get(field), required=required)

    def text_value(self, field: str, value: object, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(field, "expected text")
        return str(value).strip()

    def choice(self, field: str, value: object, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            self.fail(field, f"unknown value {value!r} (expected one of {', '.join(allowed)})")
        return str(value)

    def choices(self, field: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        values = self.raw[field]
        if not isinstance(values, list):
            self.fail(field, "expected a list")
        chosen = tuple(self.choice(field, value, allowed) for value in values)
        if len(set(chosen)) != len(chosen):
            self.fail(field, "a value is listed twice")
        return chosen

    def integer(self, field: str, value: object, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(field, f"expected a whole number from {low} to {high}, got {value!r}")
        return value

    def number(self, field: str, value: object) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(field, f"expected a number, got {value!r}")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(field, f"expected a number, got {value!r}")
        if not number.is_finite():
            self.fail(field, f"expected a number, got {value!r}")
        return number

    def hours(self, field: str, value: object) -> Decimal:
        hours = self.number(field, value)
        if hours is None or not MIN_HOURS <= hours <= MAX_HOURS:
            self.fail(field, f"expected hours from {MIN_HOURS} to {MAX_HOURS}, got {value!r}")
        return hours

    def metric(self) -> tuple[str, str, Decimal | None, Decimal | None]:
        metric = self.raw["metric"]
        if not isinstance(metric, Mapping):
            self.fail("metric", "expected a mapping with kind, unit, baseline, target")
        unknown = sorted(set(metric) - {"kind", "unit", "baseline", "target"})
        if unknown:
            self.fail(f"metric.{unknown[0]}", "unknown field")
        kind = self.choice("metric.kind", metric.get("kind"), METRIC_KINDS)
        unit = metric.get("unit") or ""
        if not isinstance(unit, str):
            self.fail("metric.unit", "expected text")
        baseline = self.number("metric.baseline", metric.get("baseline"))
        target = self.number("metric.target", metric.get("target"))
        return kind, unit.strip(), baseline, target

    def steps(self, weeks: int) -> tuple[StepTemplate, ...]:
        raw_steps = self.raw.get("steps")
        if not isinstance(raw_steps, list) or not MIN_STEPS <= len(raw_steps) <= MAX_STEPS:
            self.fail("steps", f"expected a list of {MIN_STEPS} to {MAX_STEPS} steps")
        return tuple(self.step(i, raw, weeks) for i, raw in enumerate(raw_steps))

    def step(self, index: int, raw: object, weeks: int) -> StepTemplate:
        field = f"steps[{index}]"
        if not isinstance(raw, Mapping):
            self.fail(field, "expected a mapping with title, week, hours")
        unknown = sorted(set(raw) - {"title", "week", "hours"})
        if unknown:
            self.fail(f"{field}.{unknown[0]}", "unknown field")
        return StepTemplate(
            title=self.text_value(f"{field}.title", raw.get("title")),
            week=self.integer(f"{field}.week", raw.get("week"), 1, weeks),
            hours=self.hours(f"{field}.hours", raw.get("hours", 1)),
        )

    def keywords(self) -> tuple[str, ...]:
        keywords = self.raw.get("keywords") or []
        if not isinstance(keywords, list) or not all(
            isinstance(k, str) and k.strip() for k in keywords
        ):
            self.fail("keywords", "expected a list of words or phrases")
        return tuple(k.strip() for k in keywords)

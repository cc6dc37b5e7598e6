"""Read and check a competency framework file (YAML or JSON), see decision 0005.

`parse_framework` turns the text of a framework file into a frozen `FrameworkSpec`, or raises
`FrameworkFileError` listing *every* problem it found, each with its line (when known) and key
path, e.g. ``line 14, areas[0].competencies[2].expectations: missing level "pm"``.

YAML is composed into a node tree (PyYAML's SafeLoader) and turned into plain data here, so
that every key path keeps the line it came from and duplicate keys (which PyYAML would
silently collapse) can be reported. JSON is read with `json`; its lines come from composing
the same text with PyYAML, which reads almost all JSON; when that fails the lines are unknown.

Pure Python: no Django imports, so the checks can run from the command line or in tests.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

__all__ = [
    "MAX_COMPETENCIES",
    "MAX_FILE_BYTES",
    "MAX_KEY_LENGTH",
    "MAX_LEVELS",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "MIN_LEVELS",
    "AreaSpec",
    "CompetencySpec",
    "FrameworkFileError",
    "FrameworkSpec",
    "LevelSpec",
    "LevelTexts",
    "Problem",
    "default_framework_path",
    "load_framework_file",
    "parse_framework",
]

# The keys of the shipped framework (data/product-management.yaml; a test keeps them equal).
# The goal library and the growth paths are tagged with them.
LEVEL_KEYS: tuple[str, ...] = ("associate_pm", "pm", "senior_pm", "principal_pm", "director")
COMPETENCY_KEYS: tuple[str, ...] = (
    "delivery",
    "prioritisation",
    "technical-fluency",
    "user-research",
    "market-research",
    "data",
    "product-sense",
    "vision",
    "business",
    "communication",
    "stakeholders",
    "collaboration",
    "leadership",
)

MAX_FILE_BYTES = 1024 * 1024
MAX_KEY_LENGTH = 50
MAX_NAME_LENGTH = 120
MAX_TEXT_LENGTH = 2000
MIN_LEVELS = 2
MAX_LEVELS = 10
MAX_COMPETENCIES = 60

SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

# How deep and how large the YAML node tree may get while it is turned into data: a framework
# is six levels deep and small, so these only stop cyclic or exponentially repeated aliases.
_MAX_DEPTH = 32
_MAX_NODES = 200_000
_MAX_PROBLEMS_SHOWN = 50

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"

# A key path inside the file: mapping keys and list positions, outermost first.
_Path = tuple[str | int, ...]


# --------------------------------------------------------------------------------------------
# The parsed framework
# --------------------------------------------------------------------------------------------


class LevelTexts(Mapping[str, str]):
    """An immutable, hashable mapping of level key to text, in level order."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[str, str]] | Mapping[str, str] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: dict[str, str] = dict(pairs)

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"LevelTexts({self._items!r})"


@dataclass(frozen=True)
class LevelSpec:
    key: str
    name: str
    summary: str = ""


@dataclass(frozen=True)
class CompetencySpec:
    key: str
    name: str
    summary: str
    area_key: str
    # Level key -> what the framework expects at that level, in level order.
    expectations: Mapping[str, str] = field(default_factory=LevelTexts)

    def __post_init__(self) -> None:
        if not isinstance(self.expectations, LevelTexts):
            object.__setattr__(self, "expectations", LevelTexts(self.expectations))


@dataclass(frozen=True)
class AreaSpec:
    key: str
    name: str
    competencies: tuple[CompetencySpec, ...]


def level_at(names: Sequence[str], position: object) -> str | None:
    """The level name at a 1-based position (a score or a level's place on the ladder); None
    when there is no such level: no position, 0, beyond the top, or not a whole number at all
    (a template passes "" for a missing value)."""
    if isinstance(position, bool) or not isinstance(position, int):
        return None
    return names[position - 1] if 1 <= position <= len(names) else None


@dataclass(frozen=True)
class FrameworkSpec:
    key: str
    name: str
    description: str
    levels: tuple[LevelSpec, ...]
    areas: tuple[AreaSpec, ...]

    def competencies(self) -> tuple[CompetencySpec, ...]:
        """Every competency, area by area, in file order."""
        return tuple(c for area in self.areas for c in area.competencies)

    def competency(self, key: str) -> CompetencySpec | None:
        return next((c for c in self.competencies() if c.key == key), None)

    def level_name(self, position: object) -> str:
        """The name of the level at a 1-based position; "" for none (see :func:`level_at`)."""
        return level_at(tuple(level.name for level in self.levels), position) or ""

    def level_position(self, key: str) -> int | None:
        """The 1-based position of a level (the lowest level is 1), None if unknown."""
        for position, level in enumerate(self.levels, start=1):
            if level.key == key:
                return position
        return None

    def to_data(self) -> dict[str, Any]:
        """Plain, JSON-able data in the file shape; `parse_framework` reads it back equal."""
        return {
            "key": self.key,
            "name": self.name,
            "description": self.description,
            "levels": [
                {"key": lv.key, "name": lv.name, "summary": lv.summary} for lv in self.levels
            ],
            "areas": [_area_data(area) for area in self.areas],
        }


def _area_data(area: AreaSpec) -> dict[str, Any]:
    return {
        "key": area.key,
        "name": area.name,
        "competencies": [
            {
                "key": c.key,
                "name": c.name,
                "summary": c.summary,
                "expectations": dict(c.expectations),
            }
            for c in area.competencies
        ],
    }


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        return f"{where}{self.path}: {self.message}"


class FrameworkFileError(ValueError):
    """The framework file has problems; `problems` lists all of them, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_summary(self.problems))


def _summary(problems: Sequence[Problem]) -> str:
    count = len(problems)
    head = f"{count} problem{'' if count == 1 else 's'} in the framework file:"
    lines = [f"- {p}" for p in problems[:_MAX_PROBLEMS_SHOWN]]
    if count > _MAX_PROBLEMS_SHOWN:
        lines.append(f"- … and {count - _MAX_PROBLEMS_SHOWN} more")
    return "\n".join([head, *lines])


def _format_path(path: _Path) -> str:
    if not path:
        return "(file)"
    parts: list[str] = []
    for segment in path:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        elif re.fullmatch(r"[A-Za-z0-9_-]+", segment):
            parts.append(f".{segment}" if parts else segment)
        else:
            parts.append(f"[{json.dumps(segment, ensure_ascii=False)}]")
    return "".join(parts)


def _describe(value: object) -> str:
    """A value's kind in words, for "expected text, got a number"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false (put it in quotes to make it text)"
    if isinstance(value, int | float):
        return "a number (put it in quotes to make it text)"
    if isinstance(value, dt.date):
        return "a date (put it in quotes to make it text)"
    kinds: list[tuple[type, str]] = [
        (str, "text"),
        (list, "a list"),
        (dict, "a mapping"),
        (bytes, "binary data"),
    ]
    return next((words for kind, words in kinds if isinstance(value, kind)), "something else")


def _line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Unreadable:
    """Stands in for a value the reader already reported, so it is not reported twice."""


_UNREADABLE = _Unreadable()
_MISSING = object()


# --------------------------------------------------------------------------------------------
# Text -> plain data with lines
# --------------------------------------------------------------------------------------------


@dataclass
class _Parsed:
    data: Any = None
    lines: dict[_Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    ok: bool = True  # False when the text could not be read at all


class _NodeReader:
    """Turns a composed YAML node tree into plain data, noting the line of every key path."""

    def __init__(self) -> None:
        self.lines: dict[_Path, int] = {}
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()
        self._nodes_left = _MAX_NODES
        self._stopped = False

    def read_document(self, node: yaml.Node) -> Any:
        self.lines[()] = _line_of(node)
        return self._read(node, (), 0)

    def _problem(self, node: yaml.Node, path: _Path, message: str) -> None:
        self.problems.append(Problem(_line_of(node), _format_path(path), message))

    def _read(self, node: yaml.Node, path: _Path, depth: int) -> Any:
        if self._stopped:
            return _UNREADABLE
        self._nodes_left -= 1
        if depth > _MAX_DEPTH or self._nodes_left < 0:
            self._stopped = True
            self._problem(node, path, "nested too deeply, or repeats too many aliases, to read")
            return _UNREADABLE
        if isinstance(node, yaml.MappingNode):
            return self._read_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return self._read_sequence(node, path, depth)
        return self._read_scalar(node, path)

    def _read_mapping(self, node: yaml.MappingNode, path: _Path, depth: int) -> Any:
        if node.tag != _MAP_TAG:
            self._problem(node, path, f"unsupported YAML tag {node.tag}")
            return _UNREADABLE
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._read_key(key_node, path)
            if key is None:
                continue
            child = (*path, key)
            if key in result:
                first = self.lines.get(child)
                self._problem(key_node, child, f'duplicate key "{key}" (first on line {first})')
                continue
            self.lines[child] = _line_of(key_node)
            result[key] = self._read(value_node, child, depth + 1)
        return result

    def _read_key(self, node: yaml.Node, path: _Path) -> str | None:
        if node.tag == _MERGE_TAG:
            self._problem(node, path, "YAML merge keys (<<) are not supported")
            return None
        if not isinstance(node, yaml.ScalarNode):
            self._problem(node, path, "keys must be text, got a list or mapping")
            return None
        key = self._read_scalar(node, path)
        if isinstance(key, str):
            return key
        if key is not _UNREADABLE:
            self._problem(node, path, f"keys must be text, got {_describe(key)}")
        return None

    def _read_sequence(self, node: yaml.SequenceNode, path: _Path, depth: int) -> Any:
        if node.tag != _SEQ_TAG:
            self._problem(node, path, f"unsupported YAML tag {node.tag}")
            return _UNREADABLE
        items: list[Any] = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            self.lines[child] = _line_of(item)
            items.append(self._read(item, child, depth + 1))
        return items

    def _read_scalar(self, node: yaml.Node, path: _Path) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            self._problem(node, path, _unreadable_scalar_message(node))
            return _UNREADABLE


def _unreadable_scalar_message(node: yaml.Node) -> str:
    tag = str(node.tag)
    if tag.startswith("tag:yaml.org,2002:"):
        kind = tag.rsplit(":", 1)[-1]
        return f'cannot read "{node.value}" as a {kind}; put it in quotes to make it text'
    return f"unsupported YAML tag {tag}"


def _yaml_syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        message = str(error.problem or error.context or "cannot read the YAML")
        if error.context and error.context_mark is not None and error.problem:
            context_line = int(error.context_mark.line) + 1
            message = f"{error.context} (line {context_line}), {error.problem}"
        return Problem(line, "(file)", f"YAML syntax error: {message}")
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return Problem(line, "(file)", f"YAML syntax error: {error.reason}")
    return Problem(None, "(file)", f"YAML syntax error: {error}")


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree of the text; raises yaml.YAMLError or RecursionError."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _too_deep() -> Problem:
    return Problem(None, "(file)", "nested too deeply to read")


def _read_yaml(text: str) -> _Parsed:
    try:
        node = _compose(text)
    except yaml.YAMLError as error:
        return _Parsed(problems=[_yaml_syntax_problem(error, text)], ok=False)
    except RecursionError:
        return _Parsed(problems=[_too_deep()], ok=False)
    if node is None:
        return _Parsed(problems=[Problem(None, "(file)", "the file is empty")], ok=False)
    reader = _NodeReader()
    data = reader.read_document(node)
    return _Parsed(data, reader.lines, reader.problems)


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> _JsonObject:
    result = _JsonObject()
    duplicates: list[str] = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        else:
            result[key] = value
    result.duplicates = tuple(duplicates)
    return result


def _json_duplicates(value: Any, path: _Path) -> Iterator[Problem]:
    """Duplicate keys found by `_json_object`, for when lines (and the YAML reader) are lacking."""
    if isinstance(value, _JsonObject):
        for key in value.duplicates:
            yield Problem(None, _format_path((*path, key)), f'duplicate key "{key}"')
        for key, child in value.items():
            yield from _json_duplicates(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _json_duplicates(child, (*path, index))


def _read_json(text: str) -> _Parsed:
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        message = f"JSON syntax error: {error.msg} (column {error.colno})"
        return _Parsed(problems=[Problem(error.lineno, "(file)", message)], ok=False)
    except RecursionError:
        return _Parsed(problems=[_too_deep()], ok=False)
    located = _locate_json(text)
    if located is None:
        return _Parsed(data, {}, list(_json_duplicates(data, ())))
    return _Parsed(data, located.lines, located.problems)


def _locate_json(text: str) -> _Parsed | None:
    """Lines (and duplicate keys) of valid JSON, read as YAML; None when YAML cannot read it."""
    # Literal tabs in valid JSON can only be whitespace between tokens (a tab inside a string
    # must be escaped), and PyYAML refuses tabs there: spaces keep every line where it was.
    try:
        node = _compose(text.replace("\t", " "))
    except (yaml.YAMLError, RecursionError):
        return None
    if node is None:
        return None
    reader = _NodeReader()
    reader.read_document(node)
    return _Parsed(None, reader.lines, reader.problems)


def _file_size_problem(text: str) -> Problem | None:
    if len(text) <= MAX_FILE_BYTES // 4:
        return None
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size <= MAX_FILE_BYTES:
        return None
    megabytes = size / (1024 * 1024)
    return Problem(None, "(file)", f"the file is {megabytes:.1f} MB; the limit is 1 MB")


def _looks_like_json(text: str) -> bool:
    return text.lstrip().startswith("{")


def _read_text(text: str, fmt: str | None) -> _Parsed:
    if fmt not in (None, "yaml", "json"):
        raise ValueError(f'fmt must be "yaml", "json" or None, not {fmt!r}')
    too_big = _file_size_problem(text)
    if too_big is not None:
        return _Parsed(problems=[too_big], ok=False)
    text = text.removeprefix("\ufeff")
    if fmt == "json" or (fmt is None and _looks_like_json(text)):
        return _read_json(text)
    return _read_yaml(text)


# --------------------------------------------------------------------------------------------
# Plain data -> FrameworkSpec, collecting every problem
# --------------------------------------------------------------------------------------------


class _Report:
    def __init__(self, lines: dict[_Path, int]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, path: _Path) -> int | None:
        """The line of a path, else of its nearest ancestor in the file (None if unknown)."""
        while path not in self.lines:
            if not path:
                return None
            path = path[:-1]
        return self.lines[path]

    def add(self, path: _Path, message: str) -> None:
        self.problems.append(Problem(self.line(path), _format_path(path), message))

    def wrong_type(self, path: _Path, value: Any, expected: str) -> None:
        if value is not _UNREADABLE:
            self.add(path, f"expected {expected}, got {_describe(value)}")


@dataclass(frozen=True)
class _Shape:
    """The keys a mapping in the file may have."""

    what: str  # "a level", for "missing (a level needs "name")"
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


_TOP = _Shape("the framework", ("key", "name", "levels", "areas"), ("description",))
_LEVEL = _Shape("a level", ("key", "name"), ("summary",))
_AREA = _Shape("an area", ("key", "name", "competencies"))
_COMPETENCY = _Shape("a competency", ("key", "name", "expectations"), ("summary",))


def _check_keys(mapping: Mapping[str, Any], path: _Path, shape: _Shape, report: _Report) -> None:
    allowed = shape.required + shape.optional
    for key in mapping:
        if key not in allowed:
            report.add((*path, key), _unknown_key_message(key, allowed))
    for key in shape.required:
        if key not in mapping:
            report.add((*path, key), f'missing ({shape.what} needs "{key}")')


def _unknown_key_message(key: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        return f'unknown key "{key}" (did you mean "{close[0]}"?)'
    return f'unknown key "{key}" (expected one of: {", ".join(allowed)})'


def _mapping(value: Any, path: _Path, report: _Report, expected: str) -> dict[str, Any] | None:
    if value is _MISSING:
        return None
    if isinstance(value, dict):
        return value
    report.wrong_type(path, value, expected)
    return None


def _list(value: Any, path: _Path, report: _Report) -> list[Any] | None:
    if value is _MISSING:
        return None
    if isinstance(value, list):
        return value
    report.wrong_type(path, value, "a list")
    return None


def _text(value: Any, path: _Path, report: _Report, *, limit: int, allow_empty: bool) -> str | None:
    """Stripped text, or None (reported) when the value is not acceptable text."""
    if value is _MISSING:
        return "" if allow_empty else None
    if value is None:
        value = ""
    if not isinstance(value, str):
        report.wrong_type(path, value, "text")
        return None
    text = value.strip()
    if not text and not allow_empty:
        report.add(path, "must not be empty")
        return None
    if len(text) > limit:
        report.add(path, f"is {len(text):,} characters long; the limit is {limit:,}")
        return None
    return text


def _name(mapping: Mapping[str, Any], path: _Path, report: _Report) -> str | None:
    value = mapping.get("name", _MISSING)
    return _text(value, (*path, "name"), report, limit=MAX_NAME_LENGTH, allow_empty=False)


def _summary_text(mapping: Mapping[str, Any], path: _Path, key: str, report: _Report) -> str | None:
    value = mapping.get(key, _MISSING)
    return _text(value, (*path, key), report, limit=MAX_TEXT_LENGTH, allow_empty=True)


def _slug(mapping: Mapping[str, Any], path: _Path, report: _Report) -> str | None:
    key_path = (*path, "key")
    value = mapping.get("key", _MISSING)
    text = _text(value, key_path, report, limit=MAX_KEY_LENGTH, allow_empty=False)
    if text is None:
        return None
    if not SLUG_RE.fullmatch(text):
        report.add(
            key_path,
            f'"{text}" is not a valid key: use lowercase letters and digits, with single '
            '"-" or "_" between them (like "user-research" or "senior_pm")',
        )
        return None
    return text


def _first_use(seen: dict[str, _Path], key: str, path: _Path, report: _Report) -> bool:
    """Remember where a key is used; report it and return False if it was used before."""
    if key in seen:
        first = seen[key]
        line = report.line(first)
        where = _format_path(first) + (f", line {line}" if line is not None else "")
        report.add(path, f'"{key}" is already used ({where}); keys must be unique')
        return False
    seen[key] = path
    return True


# -- levels


@dataclass
class _Levels:
    """The levels read so far, and whether every level in the file had a usable key."""

    specs: list[LevelSpec] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    complete: bool = True


def _levels(value: Any, path: _Path, report: _Report) -> _Levels | None:
    """The levels, or None when there is no usable list of levels at all."""
    items = _list(value, path, report)
    if items is None:
        return None
    if not MIN_LEVELS <= len(items) <= MAX_LEVELS:
        count = f"{len(items)} level{'' if len(items) == 1 else 's'}"
        report.add(path, f"has {count}; a framework needs {MIN_LEVELS} to {MAX_LEVELS}")
    levels = _Levels()
    seen: dict[str, _Path] = {}
    for index, item in enumerate(items):
        key, level = _level(item, (*path, index), report)
        if key is None or not _first_use(seen, key, (*path, index, "key"), report):
            levels.complete = False
            continue
        levels.keys.append(key)
        if level is not None:
            levels.specs.append(level)
    return levels


def _level(value: Any, path: _Path, report: _Report) -> tuple[str | None, LevelSpec | None]:
    """The level's key (None if unusable) and the level (None if anything is wrong)."""
    mapping = _mapping(value, path, report, "a mapping with key, name and summary")
    if mapping is None:
        return None, None
    _check_keys(mapping, path, _LEVEL, report)
    key = _slug(mapping, path, report)
    name = _name(mapping, path, report)
    summary = _summary_text(mapping, path, "summary", report)
    if key is None or name is None or summary is None:
        return key, None
    return key, LevelSpec(key=key, name=name, summary=summary)


# -- areas and competencies


@dataclass
class _AreaContext:
    """What checking areas needs from the rest of the file, and the keys used so far."""

    # The level keys expectations must cover; None when the levels are unusable, so that
    # expectations are not checked against them at all.
    level_keys: tuple[str, ...] | None
    # False when some level had no usable key: then an expectation for a level that is not
    # among level_keys may well be right, and is not reported.
    levels_complete: bool
    area_keys: dict[str, _Path] = field(default_factory=dict)
    competency_keys: dict[str, _Path] = field(default_factory=dict)


def _areas(value: Any, path: _Path, context: _AreaContext, report: _Report) -> list[AreaSpec]:
    items = _list(value, path, report)
    if items is None:
        return []
    if not items:
        report.add(path, "must list at least one area")
    total = sum(len(_competency_items(item)) for item in items)
    if total > MAX_COMPETENCIES:
        report.add(path, f"has {total} competencies; the limit is {MAX_COMPETENCIES}")
    areas = (_area(item, (*path, index), context, report) for index, item in enumerate(items))
    return [area for area in areas if area is not None]


def _competency_items(area: Any) -> list[Any]:
    competencies = area.get("competencies") if isinstance(area, dict) else None
    return competencies if isinstance(competencies, list) else []


def _unique_slug(
    mapping: Mapping[str, Any], path: _Path, seen: dict[str, _Path], report: _Report
) -> str | None:
    """The mapping's key, if it is a valid slug not used before (among `seen`)."""
    key = _slug(mapping, path, report)
    if key is None or not _first_use(seen, key, (*path, "key"), report):
        return None
    return key


def _area(value: Any, path: _Path, context: _AreaContext, report: _Report) -> AreaSpec | None:
    mapping = _mapping(value, path, report, "a mapping with key, name and competencies")
    if mapping is None:
        return None
    _check_keys(mapping, path, _AREA, report)
    key = _unique_slug(mapping, path, context.area_keys, report)
    name = _name(mapping, path, report)
    items_path = (*path, "competencies")
    items = _list(mapping.get("competencies", _MISSING), items_path, report)
    if items == []:
        report.add(items_path, "must list at least one competency")
    competencies: list[CompetencySpec] = []
    for index, item in enumerate(items or []):
        competency = _competency(item, (*items_path, index), key or "", context, report)
        if competency is not None:
            competencies.append(competency)
    if key is None or name is None or items is None:
        return None
    return AreaSpec(key=key, name=name, competencies=tuple(competencies))


def _competency(
    value: Any, path: _Path, area_key: str, context: _AreaContext, report: _Report
) -> CompetencySpec | None:
    mapping = _mapping(value, path, report, "a mapping with key, name, summary and expectations")
    if mapping is None:
        return None
    _check_keys(mapping, path, _COMPETENCY, report)
    key = _unique_slug(mapping, path, context.competency_keys, report)
    name = _name(mapping, path, report)
    summary = _summary_text(mapping, path, "summary", report)
    raw = mapping.get("expectations", _MISSING)
    expectations = _expectations(raw, (*path, "expectations"), context, report)
    if key is None or name is None or summary is None or expectations is None:
        return None
    return CompetencySpec(key, name, summary, area_key, expectations)


def _expectations(
    value: Any, path: _Path, context: _AreaContext, report: _Report
) -> LevelTexts | None:
    mapping = _mapping(value, path, report, "a mapping from level key to text")
    if mapping is None:
        return None
    level_keys = context.level_keys
    texts: dict[str, str] = {}
    for key, text_value in mapping.items():
        if level_keys is not None and key not in level_keys:
            if context.levels_complete:
                known = ", ".join(level_keys)
                report.add((*path, key), f'unknown level "{key}" (levels are: {known})')
            continue
        text = _text(text_value, (*path, key), report, limit=MAX_TEXT_LENGTH, allow_empty=False)
        if text is not None:
            texts[key] = text
    for key in level_keys or ():
        if key not in mapping:
            report.add(path, f'missing level "{key}"')
    order = level_keys if level_keys is not None else tuple(texts)
    return LevelTexts((key, texts[key]) for key in order if key in texts)


# -- the whole framework


def _framework(data: Any, report: _Report) -> FrameworkSpec | None:
    top = _mapping(data, (), report, "a mapping with key, name, levels and areas")
    if top is None:
        return None
    _check_keys(top, (), _TOP, report)
    key = _slug(top, (), report)
    name = _name(top, (), report)
    description = _summary_text(top, (), "description", report)
    levels = _levels(top.get("levels", _MISSING), ("levels",), report)
    context = _AreaContext(
        level_keys=tuple(levels.keys) if levels is not None else None,
        levels_complete=levels is not None and levels.complete,
    )
    areas = _areas(top.get("areas", _MISSING), ("areas",), context, report)
    if report.problems or key is None or name is None or description is None or levels is None:
        return None
    return FrameworkSpec(key, name, description, tuple(levels.specs), tuple(areas))


def _in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    # Stable: problems on the same line (or without one) keep the order they were found in.
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def parse_framework(text: str, *, fmt: str | None = None) -> FrameworkSpec:
    """Parse and check a framework file's text; fmt is "yaml", "json" or None (detect).

    Raises FrameworkFileError listing every problem found; nothing is returned then.
    """
    parsed = _read_text(text, fmt)
    if not parsed.ok:
        raise FrameworkFileError(parsed.problems)
    report = _Report(parsed.lines)
    spec = _framework(parsed.data, report)
    problems = _in_file_order([*parsed.problems, *report.problems])
    if problems or spec is None:
        raise FrameworkFileError(problems or [Problem(None, "(file)", "not a framework")])
    return spec


_SUFFIX_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def load_framework_file(path: Path) -> FrameworkSpec:
    """Read a framework file; the format follows the suffix (.yaml, .yml, .json), else detected.

    OSError (a missing file, say) is not caught.
    """
    path = Path(path)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        message = f"the file is {size / (1024 * 1024):.1f} MB; the limit is 1 MB"
        raise FrameworkFileError([Problem(None, "(file)", message)])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FrameworkFileError([Problem(line, "(file)", "the file is not UTF-8 text")]) from None
    return parse_framework(text, fmt=fmt)


def default_framework_path() -> Path:
    """The framework that ships with Stepwise (decision 0005)."""
    return Path(__file__).resolve().parent / "data" / "product-management.yaml"

"""Field readers shared by our small YAML content files (growth paths, tips): each problem
raises ``DataFileError`` (a ``ValueError``) naming the file, the entry and the field.

No Django here: the files are read once per process, before or without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A content file that cannot be read; the message says where and why."""


def entries(file: Path, root: str) -> list[Any]:
    """The list under ``root`` in a YAML file: present and not empty."""
    try:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{file}: cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{file}: not valid YAML ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get(root), list):
        raise DataFileError(f"{file}: expected a mapping with a list under {root!r}")
    found: list[Any] = document[root]
    if not found:
        raise DataFileError(f"{file}: {root!r} is empty")
    return found


def mapping(entry: object, where: str, fields: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: expected a mapping with {', '.join(fields)}")
    return entry


def check_fields(data: Mapping[str, Any], where: str, fields: tuple[str, ...]) -> None:
    missing = [name for name in fields if name not in data]
    if missing:
        raise DataFileError(f"{where}: missing {missing[0]!r}")
    unknown = sorted(str(name) for name in data if name not in fields)
    if unknown:
        raise DataFileError(f"{where}: unknown field {unknown[0]!r}")


def text(data: Mapping[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{where}, {name}: expected non-empty text")
    return value.strip()


def whole_number(data: Mapping[str, Any], name: str, where: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DataFileError(f"{where}, {name}: expected a whole number of at least 1")
    return value


def texts(data: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    values = data.get(name)
    if not isinstance(values, list) or not values:
        raise DataFileError(f"{where}, {name}: expected a non-empty list of texts")
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise DataFileError(f"{where}, {name}: every entry must be non-empty text")
    return tuple(value.strip() for value in values)


def choice(data: Mapping[str, Any], name: str, choices: tuple[str, ...], where: str) -> str:
    value = text(data, name, where)
    if value not in choices:
        raise DataFileError(f"{where}, {name}: {value!r} is not one of {', '.join(choices)}")
    return value


def check_unique(keys: list[str], where: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise DataFileError(f"{where}: key {key!r} is used twice")
        seen.add(key)

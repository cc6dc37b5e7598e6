"""The words the library's doors filter by: competency and level keys, with their names.

Competency names come from the active framework (an admin may import another one; its
competencies that no template uses simply find nothing). The library's own keys are always
accepted. The pages and the API read the active framework through
:func:`active_vocabulary`; the command line, which needs no database to search, reads the
framework that ships with Stepwise through :func:`default_vocabulary`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stepwise.goals.library.catalogue import COMPETENCY_KEYS, LEVEL_KEYS

if TYPE_CHECKING:
    from stepwise.skills.framework_file import FrameworkSpec

# people.models.Level's labels, repeated so that this module imports nothing from Django
# (tests/library/test_library_pages.py keeps them equal).
LEVEL_NAMES: dict[str, str] = {
    "associate_pm": "Associate PM",
    "pm": "Product Manager",
    "senior_pm": "Senior PM",
    "principal_pm": "Principal / Group PM",
    "director": "Director of Product",
}


class UnknownFilter(ValueError):
    """A competency or level the library does not know; the message says what would do."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Area:
    name: str
    competencies: tuple[tuple[str, str], ...]  # (key, name)


@dataclass(frozen=True)
class Vocabulary:
    areas: tuple[Area, ...]
    competencies: dict[str, str]  # key -> name, in framework order
    levels: dict[str, str]  # key -> name, lowest first

    def competency_name(self, key: str) -> str:
        return self.competencies.get(key) or key.replace("-", " ").capitalize()

    def level_name(self, key: str) -> str:
        return self.levels.get(key) or key.replace("_", " ").capitalize()

    def check(self, *, competency: str | None, level: str | None) -> None:
        """Raise UnknownFilter for a competency or level that is not known."""
        if competency and competency not in self.competencies:
            raise UnknownFilter(
                "competency",
                f"unknown competency {competency!r}; use one of: {', '.join(self.competencies)}",
            )
        if level and level not in self.levels:
            raise UnknownFilter(
                "level", f"unknown level {level!r}; use one of: {', '.join(self.levels)}"
            )


def vocabulary_of(spec: FrameworkSpec | None) -> Vocabulary:
    """The framework's competencies, then any key the library uses that it lacks."""
    areas: list[Area] = []
    names: dict[str, str] = {}
    for area in spec.areas if spec is not None else ():
        pairs = tuple((c.key, c.name) for c in area.competencies)
        areas.append(Area(area.name, pairs))
        names.update(pairs)
    extra = tuple(
        (key, key.replace("-", " ").capitalize()) for key in COMPETENCY_KEYS if key not in names
    )
    if extra:
        areas.append(Area("Other", extra))
        names.update(extra)
    levels = {key: LEVEL_NAMES.get(key, key) for key in LEVEL_KEYS}
    return Vocabulary(areas=tuple(areas), competencies=names, levels=levels)


@functools.cache
def default_vocabulary() -> Vocabulary:
    """From the framework file that ships with Stepwise; no database."""
    from stepwise.skills.framework_file import default_framework_path, load_framework_file

    return vocabulary_of(load_framework_file(default_framework_path()))


_BY_VERSION: dict[tuple[int, object], Vocabulary] = {}


def active_vocabulary() -> Vocabulary:
    """From the active framework's latest version (one or two queries; parsed once a version)."""
    from stepwise.skills.models import FrameworkVersion

    version = FrameworkVersion.objects.active()
    key = (version.pk, version.imported_at)
    if key not in _BY_VERSION:
        _BY_VERSION[key] = vocabulary_of(version.spec)
    return _BY_VERSION[key]

"""Coaching tips, read from `data/tips.yaml`: the short advice that pages across the apps
show beside a form (profile, self-assessment, priorities, goals, check-ins).

    >>> tip("why-smart").topic
    'goal'

The file is read once per process (decision 0005). A problem raises ``DataFileError`` naming
the file, the tip's key and the field. No Django here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from stepwise.lib.data_files import check_fields, check_unique, choice, entries, mapping, text

TIPS_FILE = Path(__file__).resolve().parent / "data" / "tips.yaml"

TOPICS: tuple[str, ...] = (
    "profile",
    "assessment",
    "priorities",
    "goal",
    "support",
    "setback",
    "checkin",
)

_TIP_FIELDS = ("key", "topic", "title", "body")


@dataclass(frozen=True)
class Tip:
    key: str
    topic: str
    title: str
    body: str


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
def _tips_by_key() -> dict[str, Tip]:
    return {item.key: item for item in all_tips()}


@functools.cache
def _tips_by_topic() -> dict[str, tuple[Tip, ...]]:
    return {topic: tuple(t for t in all_tips() if t.topic == topic) for topic in TOPICS}


def load_tips(file: Path) -> tuple[Tip, ...]:
    """Read and check a tips file (uncached: for tests and tools)."""
    tips = tuple(
        _tip(entry, f"{file}, tips[{index}]") for index, entry in enumerate(entries(file, "tips"))
    )
    check_unique([item.key for item in tips], f"{file}, tips")
    return tips


def _tip(entry: object, where: str) -> Tip:
    data = mapping(entry, where, _TIP_FIELDS)
    key = text(data, "key", where)
    where = f"{where} (key {key!r})"
    check_fields(data, where, _TIP_FIELDS)
    return Tip(
        key=key,
        topic=choice(data, "topic", TOPICS, where),
        title=text(data, "title", where),
        body=text(data, "body", where),
    )

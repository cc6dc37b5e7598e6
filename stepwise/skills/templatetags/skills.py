"""Small template helpers for the skills pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

from stepwise.skills.framework_file import level_at

register = template.Library()


@register.filter
def index(values: Sequence[Any], position: int) -> Any:
    try:
        return values[position]
    except (IndexError, TypeError):
        return None


@register.simple_tag
def level_name(levels: Sequence[str], score: object) -> str:
    """A rating in words: the level it meets, "not yet" for 0, a dash when unrated (also
    when the template has no rating or no levels at all and passes Django's empty string)."""
    if isinstance(score, bool) or not isinstance(score, int):
        return "—"
    if score == 0:
        return "Not yet"
    name = level_at(levels if isinstance(levels, (list, tuple)) else (), score)
    return f"{name} ({score})" if name else str(score)


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None

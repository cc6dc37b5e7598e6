"""Small template helpers for the skills pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

register = template.Library()


@register.filter
def index(values: Sequence[Any], position: int) -> Any:
    try:
        return values[position]
    except (IndexError, TypeError):
        return None


@register.simple_tag
def level_name(levels: Sequence[str], score: int | None) -> str:
    """A rating in words: the level it meets, "not yet" for 0, a dash when unrated (also
    when the template has no rating at all and passes Django's empty string)."""
    if not isinstance(score, int):
        return "—"
    if score == 0:
        return "Not yet"
    if 1 <= score <= len(levels):
        return f"{levels[score - 1]} ({score})"
    return str(score)


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None

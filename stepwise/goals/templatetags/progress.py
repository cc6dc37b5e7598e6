"""Template filters that show progress the one way the progress maths says to."""

from __future__ import annotations

import math

from django import template

from stepwise.goals.progress import percent_text

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """``62.5`` → ``"62%"``: rounded down, so nothing shows 100% before it is done."""
    return "—" if value is None else percent_text(float(value))


@register.filter
def whole(value: float | None) -> int:
    """The whole number under a percentage, for ``<progress value=…>``."""
    return 0 if value is None else math.floor(float(value) + 1e-9)

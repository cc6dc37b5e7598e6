"""The target (and baseline) a goal's words name, for a builder to propose: "from 30 to 45",
"to 4/5", "8 interviews", "40%"."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from stepwise.smart.deadlines import find_time_expressions
from stepwise.smart.quantities import Quantity, find_quantities
from stepwise.smart.text import clean_text

# "4/5", "4.5 / 5": a score out of a scale (not a date: those are found first and blocked).
_RATING = re.compile(r"(?<![\w/.])([0-9]+(?:\.[0-9]+)?)\s?/\s?([0-9]+(?:\.[0-9]+)?)(?![\w/])")
_NOT_A_UNIT = frozenset(
    (
        "a",
        "an",
        "the",
        "by",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "from",
        "per",
        "and",
        "or",
        "so",
        "before",
        "within",
        "during",
        "until",
        "this",
        "next",
        "each",
        "every",
        "more",
        "less",
        "than",
        "over",
        "under",
    )
)
_KINDS = ("from_to", "percent", "number", "money", "measure")


class Target(NamedTuple):
    """A number to reach, where it starts (when the words say) and what it counts."""

    target: float
    baseline: float | None = None
    unit: str = ""


def _unit(quantity: Quantity) -> str:
    if quantity.kind == "percent" or "%" in quantity.phrase:
        return "%"
    word = quantity.unit
    return word if word.isalpha() and word.lower() not in _NOT_A_UNIT else ""


def find_target(text: str, *, today: date, fiscal_year_start_month: int = 1) -> Target | None:
    """The target the words name, or None: a "from X to Y" first (Y, from X), then a score
    out of a scale ("4/5"), then the first count, percentage or amount."""
    text = clean_text(text)
    times = find_time_expressions(
        text, today=today, fiscal_year_start_month=fiscal_year_start_month
    )
    blocked = [(e.start, e.end) for e in times]
    found = [q for q in find_quantities(text, blocked) if q.kind in _KINDS and q.value is not None]
    for quantity in found:
        if quantity.kind == "from_to" and quantity.value is not None:
            return Target(quantity.value, quantity.baseline, _unit(quantity))
    for rating in _RATING.finditer(text):
        if not any(start <= rating.start() < end for start, end in blocked):
            return Target(float(rating.group(1)), None, f"out of {rating.group(2)}")
    for quantity in found:
        if quantity.value is not None:
            return Target(quantity.value, None, _unit(quantity))
    return None

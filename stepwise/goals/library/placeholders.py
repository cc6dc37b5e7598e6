"""Placeholders in library templates, resolved from a person's profile and today's date.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from stepwise.goals.library.catalogue import GoalTemplate
    >>> t = GoalTemplate("k", "Run {target} interviews with {team} {due}", "to learn", "",
    ...     ("user-research",), ("pm",), "skill", "number", "interviews", Decimal(0),
    ...     Decimal(5), 6, Decimal(2), (), ())
    >>> resolve_text(t.title, t, PlaceholderValues(today=date(2026, 11, 22), me="Ann"))
    'Run 5 interviews with my team by 3 January 2027'

Placeholders (decision 0005): `{due}`, `{date:+6w}` / `{date:+3m}` / `{date:+10d}`,
`{manager}`, `{team}`, `{me}`, `{level}`, `{target_level}`, `{baseline}`, `{target}`.
`{{` and `}}` are literal braces. Anything else in braces raises `PlaceholderError`.
Pure Python: nothing here imports Django.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from stepwise.goals.library.catalogue import GoalTemplate
from stepwise.smart.text import join_why


class PlaceholderError(ValueError):
    """A placeholder that is not known, or a `{date:...}` whose argument cannot be read."""


@dataclass(frozen=True)
class PlaceholderValues:
    today: date
    me: str
    manager: str | None = None
    team: str | None = None
    level: str | None = None  # level names, already human ("Associate PM")
    target_level: str | None = None


@dataclass(frozen=True)
class ResolvedStep:
    title: str
    due_date: date
    hours: Decimal


@dataclass(frozen=True)
class ResolvedGoal:
    template_key: str
    title: str
    why: str
    description: str
    category: str
    metric_kind: str
    metric_unit: str
    baseline: Decimal | None
    target: Decimal | None
    start_date: date
    due_date: date
    weekly_effort_hours: Decimal
    steps: tuple[ResolvedStep, ...]

    def smart_text(self) -> str:
        """The goal's words as the SMART checker reads them (same rule as Goal.smart_text)."""
        return join_why(self.title, self.why)


# `{{`, `}}`, or `{name}` / `{name:argument}`; a lone brace is caught separately.
_TOKEN_RE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_OFFSET_RE = re.compile(r"^\s*\+\s*(\d{1,4})\s*([dwm])\s*$")


def format_date(day: date) -> str:
    """A date in words, portable: "14 January 2027"."""
    return f"{day.day} {day:%B %Y}"


def format_number(number: Decimal | None) -> str:
    """A metric number without trailing zeros: 3, 12.5; "" for no number."""
    if number is None:
        return ""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(template: GoalTemplate, today: date) -> date:
    return today + timedelta(weeks=template.weeks)


def offset_date(argument: str, today: date) -> date:
    """`+6w`, `+3m`, `+10d` from today; anything else raises PlaceholderError."""
    match = _OFFSET_RE.match(argument)
    if match is None:
        raise PlaceholderError(f"{{date:{argument}}}: expected an offset like +10d, +6w or +3m")
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "m":
        return add_months(today, amount)
    return today + timedelta(days=amount * (7 if unit == "w" else 1))


def _named_values(template: GoalTemplate, values: PlaceholderValues) -> dict[str, str]:
    return {
        "due": "by " + format_date(due_date(template, values.today)),
        "manager": values.manager or "my manager",
        "team": values.team or "my team",
        "me": values.me,
        "level": values.level or "my level",
        "target_level": values.target_level or "the next level",
        "baseline": format_number(template.baseline),
        "target": format_number(template.target),
    }


def _replacer(template: GoalTemplate, values: PlaceholderValues) -> Callable[[re.Match[str]], str]:
    named = _named_values(template, values)

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name, _, argument = (match.group(1) or "").partition(":")
        name = name.strip()
        if name == "date":
            return format_date(offset_date(argument, values.today))
        if name in named and not argument:
            return named[name]
        raise PlaceholderError(f"unknown placeholder {token!r} in template {template.key!r}")

    return replace


def resolve_text(text: str, template: GoalTemplate, values: PlaceholderValues) -> str:
    """`text` with every placeholder replaced; unknown ones raise PlaceholderError."""
    replace = _replacer(template, values)
    pieces: list[str] = []
    position = 0
    for match in _TOKEN_RE.finditer(text):
        pieces.append(_plain(text[position : match.start()], template))
        pieces.append(replace(match))
        position = match.end()
    pieces.append(_plain(text[position:], template))
    return "".join(pieces)


def _plain(text: str, template: GoalTemplate) -> str:
    if "{" in text or "}" in text:
        raise PlaceholderError(
            f"unmatched brace in {text.strip()!r} of template {template.key!r} "
            "(write {{ or }} for a literal brace)"
        )
    return text


def resolve_template(template: GoalTemplate, values: PlaceholderValues) -> ResolvedGoal:
    """The template as a ready goal for this person, starting today."""
    start, due = values.today, due_date(template, values.today)
    steps = tuple(
        ResolvedStep(
            title=resolve_text(step.title, template, values),
            due_date=min(start + timedelta(weeks=step.week), due),
            hours=step.hours,
        )
        for step in template.steps
    )
    return ResolvedGoal(
        template_key=template.key,
        title=resolve_text(template.title, template, values),
        why=resolve_text(template.why, template, values),
        description=resolve_text(template.description, template, values),
        category=template.category,
        metric_kind=template.metric_kind,
        metric_unit=template.metric_unit,
        baseline=template.baseline,
        target=template.target,
        start_date=start,
        due_date=due,
        weekly_effort_hours=template.hours_per_week,
        steps=steps,
    )

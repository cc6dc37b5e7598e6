"""What input may hold before anything stores it: the door checks every form, API schema and
action shares.

- **Text**: anything but the NUL character and lone surrogates (half of a UTF-16 pair, which
  JSON escapes and invalid bytes on a command line can carry). Neither SQLite nor PostgreSQL
  can store them.
- **Dates** a person picks (a goal's start and due date, a step's due and done date, a
  check-in's date): years 2000 to 2100. Date sums on year 1 or 9999 overflow, and no career
  goal starts before 2000 or ends after 2100.
- **Free text**: at most 20,000 characters a field.
- **Ids and counts**: what a 64-bit database integer holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
LONG_TEXT = 20_000
"""The most characters a free-text field (notes, evidence, why it matters) takes."""
BIGGEST_ID = 2**63 - 1
"""The largest value of a 64-bit signed integer column (SQLite's INTEGER, PostgreSQL's
bigint)."""


def text_problem(text: str) -> str | None:
    """Why this text cannot be stored, or None when it can."""
    if "\x00" in text:
        return "Text cannot contain the null character."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "Text holds a character that is not valid Unicode; please type it again."
    return None


def day_problem(day: date) -> str | None:
    """Why this date is outside the window people plan in, or None."""
    if not FIRST_DAY <= day <= LAST_DAY:
        return f"Pick a date between {FIRST_DAY.year} and {LAST_DAY.year}."
    return None


def fits_id(value: Any) -> bool:
    """True unless the value is a whole number no database id column can hold."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return True  # not a number at all: the field's own check says so
    return -BIGGEST_ID - 1 <= number <= BIGGEST_ID


def validate_text(text: str) -> None:
    """A Django validator: refuses text that cannot be stored."""
    problem = text_problem(text)
    if problem:
        raise ValidationError(problem, code="unstorable_text")


def validate_day(day: date) -> None:
    """A Django validator: refuses a date outside the planning window."""
    problem = day_problem(day)
    if problem:
        raise ValidationError(problem, code="date_out_of_range")


def check_fields(obj: object, names: Iterable[str]) -> None:
    """Refuse, per field, the texts that cannot be stored and the dates outside the window:
    the actions' guard for what the CLI or any other caller passes."""
    check_values({name: getattr(obj, name) for name in names})


def check_values(values: Mapping[str, object]) -> None:
    """:func:`check_fields` for values not (yet) on an object, by the field they go to."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        problem = None
        if isinstance(value, str):
            problem = text_problem(value)
        elif isinstance(value, date):
            problem = day_problem(value)
        if problem:
            errors[name] = problem
    if errors:
        raise ValidationError(errors)

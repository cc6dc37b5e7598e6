"""Calendar arithmetic: months, quarters, halves and fiscal years (pure, never raises)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MIN_YEAR = 1900
MAX_YEAR = 2200


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist or is out of the supported range."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def end_of_month(year: int, month: int) -> date | None:
    """The last day of a month (month may overflow past 12 or below 1)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: float) -> date | None:
    """`day` moved by a (possibly fractional) number of months, clamped to the month's end."""
    whole = int(months)
    extra_days = round((months - whole) * 30)
    index = day.year * 12 + day.month - 1 + whole
    year, month = divmod(index, 12)
    last = end_of_month(year, month + 1)
    if last is None:
        return None
    return add_days(last.replace(day=min(day.day, last.day)), extra_days)


def add_days(day: date, days: float) -> date | None:
    """`day` moved by a number of days, or None when out of range."""
    try:
        moved = day + timedelta(days=round(days))
    except (OverflowError, ValueError):
        return None
    return moved if MIN_YEAR <= moved.year <= MAX_YEAR else None


def full_year(text: str) -> int | None:
    """A year from "2027", "27" or "'27"."""
    digits = text.strip().lstrip("'")
    if not digits.isdigit() or len(digits) not in (2, 4):
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def fiscal_year_of(day: date, start_month: int) -> int:
    """The fiscal year a day falls in, named by the calendar year in which it ends."""
    if start_month == 1:
        return day.year
    return day.year + 1 if day.month >= start_month else day.year


def fiscal_year_start(fiscal_year: int, start_month: int) -> date | None:
    year = fiscal_year if start_month == 1 else fiscal_year - 1
    return safe_date(year, start_month, 1)


def period_end(fiscal_year: int, start_month: int, index: int, months: int) -> date | None:
    """The last day of the `index`-th (1-based) period of `months` months in a fiscal year."""
    start = fiscal_year_start(fiscal_year, start_month)
    if start is None:
        return None
    return end_of_month(start.year, start.month + index * months - 1)


def period_start(fiscal_year: int, start_month: int, index: int, months: int) -> date | None:
    """The first day of the `index`-th (1-based) period of `months` months in a fiscal year."""
    start = fiscal_year_start(fiscal_year, start_month)
    return add_months(start, (index - 1) * months) if start else None


def period_index(day: date, start_month: int, months: int) -> int:
    """Which period (1-based) of `months` months of its fiscal year `day` falls in."""
    offset = (day.month - start_month) % 12
    return offset // months + 1


def next_period_end(
    today: date, start_month: int, index: int, months: int, year: int | None = None
) -> date | None:
    """End of the named period: of the given fiscal year, else the first one not yet over."""
    if year is not None:
        return period_end(year, start_month, index, months)
    fiscal = fiscal_year_of(today, start_month)
    end = period_end(fiscal, start_month, index, months)
    if end is not None and end < today:
        end = period_end(fiscal + 1, start_month, index, months)
    return end


def relative_period_end(today: date, start_month: int, months: int, shift: int) -> date | None:
    """End of the current period (shift 0), the next one (shift 1), and so on."""
    fiscal = fiscal_year_of(today, start_month)
    index = period_index(today, start_month, months) + shift
    per_year = 12 // months
    fiscal += (index - 1) // per_year
    index = (index - 1) % per_year + 1
    return period_end(fiscal, start_month, index, months)


def next_month_named(today: date, month: int) -> int:
    """The year of the next month `month` whose end is not yet past."""
    return today.year if month >= today.month else today.year + 1


def next_weekday(today: date, weekday: int, *, strictly_after: bool = False) -> date | None:
    """The next day with the given weekday (0 = Monday), today included unless strict."""
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and strictly_after:
        ahead = 7
    return add_days(today, ahead)

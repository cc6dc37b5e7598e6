"""Rules that turn deadline words into dates: explicit dates, months, quarters, halves,
fiscal and calendar years, relative durations, weeks and days, reviews and events.

Each rule is a precompiled pattern with a resolver. A resolver returns `Found(deadline)`
(the deadline may be None, e.g. "before my next review" without a review date) or None to
reject the match. Quarters, halves and fiscal years follow the organisation's fiscal-year
start month; fiscal year N ends in calendar year N.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from stepwise.smart import periods as p
from stepwise.smart.lexicon import FLAGS, Needle, Regex, fold, lower_pattern
from stepwise.smart.numbers import parse_number


class Found(NamedTuple):
    deadline: date | None


class Env(NamedTuple):
    """What resolving a deadline needs besides the words (a tuple: cheap to make per text)."""

    today: date
    fiscal_start: int = 1
    next_review: date | None = None


class Hit:
    """A rule's match, with the trigger and edge words found just before it ("by the end
    of" in "by the end of Q3"). Looking back after a match is much faster than starting
    every pattern with optional trigger words."""

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None, text: str) -> None:
        self.core = core
        self.prefix = prefix if prefix is not None and prefix.group(0) else None
        self.string = text

    def group(self, name: int | str = 0) -> str | None:
        """The words of a group, from the original text (matching ran on lowered text)."""
        if name == 0:
            return self.string[self.start() : self.end()]
        if self.prefix is not None and name in ("trig", "edge") and self.prefix.group(name):
            return self.string[slice(*self.prefix.span(name))]
        if isinstance(name, str) and name not in self.core.re.groupindex:
            if name in ("trig", "edge"):
                return None
            raise IndexError("no such group")  # as re.Match.span would (raising is slow)
        start, end = self.core.span(name)
        return None if start < 0 else self.string[start:end]

    def __getitem__(self, name: str) -> str:
        return self.group(name) or ""

    def start(self) -> int:
        return self.prefix.start() if self.prefix is not None else self.core.start()

    def end(self) -> int:
        return self.core.end()

    def span(self) -> tuple[int, int]:
        return (self.start(), self.end())


Resolver = Callable[[Hit, Env], Found | None]


@dataclass(frozen=True)
class Rule:
    """A pattern, what kind of time it names, how to resolve it, and a cheap needle: a
    pattern every match contains, searched first so most rules skip most texts."""

    name: str
    kind: str
    pattern: Regex
    resolve: Resolver
    needle: Needle
    prefixed: bool = False

    def hits(self, text: str) -> list[Hit]:
        """Every match, with the trigger words before it when the rule takes them."""
        folded = fold(text)
        found: list[Hit] = []
        for match in self.pattern.on(folded).finditer(folded):
            prefix = _prefix(folded, match.start()) if self.prefixed else None
            found.append(Hit(match, prefix, text))
        return found


MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
WEEKDAY = (
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?"
)
YEAR4 = r"(?:19|20|21)[0-9]{2}"
DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
BY = (
    r"(?:by|before|until|till|til|through|thru|no\s+later\s+than|not\s+later\s+than"
    r"|on\s+or\s+before|prior\s+to|ahead\s+of|in\s+time\s+for|due)"
)
TRIGGER = rf"(?P<trig>{BY}|in|during|within|over|for|throughout|on|at|after)"
EDGE = (
    r"(?P<edge>(?:the\s+)?(?:very\s+)?(?:end|close|middle|start|beginning)\s+of(?:\s+the)?"
    r"|(?:early|mid|late)(?:\s+|-)|eo)"
)
BEFORE = frozenset({"before", "prior to", "ahead of"})
_CLOSES = re.compile(r"\s+(?:closes|ends|is\s+over|wraps|finishes|is\s+out)\b", re.IGNORECASE)
REVIEW_WORDS = re.compile(
    r"\b(?:my|next|upcoming|coming|annual|yearly|mid-?year|end-of-year|year-end|half-yearly"
    r"|semi-annual|performance|perf|promotion|promo|formal|[0-9]{4})\b",
    FLAGS,
)


def _group(match: Hit, name: str) -> str:
    if name not in match.core.re.groupindex and name not in ("trig", "edge"):
        return ""  # the rule has no such group
    return (match.group(name) or "").lower()


def _norm(words: str) -> str:
    return " ".join(words.split())


_SCOPE_WORDS = frozenset({"for", "of", "after", "from"})
_PERIOD_SCOPE_WORDS = _SCOPE_WORDS | {"on", "at"}


def _names_a_scope(match: Hit, scope_words: frozenset[str] = _PERIOD_SCOPE_WORDS) -> bool:
    """ "the Q3 roadmap", "the roadmap for Q3", "the 2027 cohort": a period that names what a
    thing is about, not when it is due. A deadline needs a trigger ("by", "in", "before"),
    an edge ("end of") or a relative word ("this", "next")."""
    trig = _norm(_group(match, "trig"))
    if _group(match, "edge") or _group(match, "rel"):
        return False
    return not trig or trig in scope_words


def _unanchored(match: Hit) -> bool:
    """ "the month", "the year" alone name no period; "by the end of the month" does."""
    return _group(match, "rel") == "the" and not (_group(match, "trig") or _group(match, "edge"))


def shape(start: date | None, end: date | None, match: Hit) -> Found | None:
    """The deadline inside a period [start, end] picked by "before", "start of", "mid"…"""
    if start is None or end is None:
        return None
    edge = _group(match, "edge")
    trig = _norm(_group(match, "trig"))
    if trig == "after":
        return None
    span = (end - start).days
    if _CLOSES.match(match.string, match.end()):
        return Found(end)  # "before FY26 closes"
    if trig in BEFORE and not edge:
        return Found(p.add_days(start, -1))
    if "start" in edge or "beginning" in edge:
        return Found(start)
    if "early" in edge:
        return Found(_part_way(start, span, 3))
    if "mid" in edge:
        return Found(_part_way(start, span, 2))
    return Found(end)


def _part_way(start: date, span_days: int, divisor: int) -> date | None:
    """A point part-way into a period: a month end for long periods, a day for a month."""
    months = round(span_days / 30.4)
    if months >= divisor:
        return p.end_of_month(start.year, start.month + months // divisor - 1)
    return p.add_days(start, span_days / divisor)


# --- explicit dates ------------------------------------------------------------------------


def _month_of(match: Hit) -> int:
    return MONTHS[_group(match, "mon")[:3]]


def _year_of(match: Hit, name: str = "year") -> int | None:
    text = _group(match, name)
    return p.full_year(text) if text else None


def _upcoming(today: date, month: int, day: int) -> date | None:
    this_year = p.safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    return p.safe_date(today.year + 1, month, day) or p.safe_date(today.year + 4, month, day)


def _day_date(match: Hit, env: Env, month: int, day: int) -> Found | None:
    year = _year_of(match)
    found = p.safe_date(year, month, day) if year else _upcoming(env.today, month, day)
    if found is None:
        return None
    if _norm(_group(match, "trig")) in BEFORE:
        return Found(p.add_days(found, -1))
    return Found(found)


def resolve_iso(match: Hit, env: Env) -> Found | None:
    found = p.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return Found(found) if found else None


def resolve_numeric(match: Hit, env: Env) -> Found | None:
    first, second = int(match["a"]), int(match["b"])
    month, day = (first, second) if first <= 12 else (second, first)
    return _day_date(match, env, month, day)


def resolve_day_month(match: Hit, env: Env) -> Found | None:
    return _day_date(match, env, _month_of(match), int(match["day"]))


def resolve_month_day(match: Hit, env: Env) -> Found | None:
    if match["mon"] in ("may", "march") and not match["year"]:
        return None  # "may 5 people", "march 3 teams": a verb, not a date
    return _day_date(match, env, _month_of(match), int(match["day"]))


def resolve_month_period(match: Hit, env: Env) -> Found | None:
    month = _month_of(match)
    year = _year_of(match) or p.next_month_named(env.today, month)
    if _group(match, "yrel"):
        year = env.today.year + (_group(match, "yrel") == "next")
    if _names_a_scope(match, _SCOPE_WORDS) and not _year_of(match):
        return None
    return shape(p.safe_date(year, month, 1), p.end_of_month(year, month), match)


# --- quarters, halves and years -----------------------------------------------------------

_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
    "latter": 2,
    "back": 2,
}
_RELATIVE = {
    "this": 0,
    "current": 0,
    "the": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "new": 1,
}


def _fiscal_year_in(match: Hit) -> int | None:
    for name in ("fya", "fyb", "year", "y2"):
        year = _year_of(match, name)
        if year:
            return year
    return None


def _period(match: Hit, env: Env, index: int, months: int) -> Found | None:
    fiscal = _fiscal_year_in(match)
    rel = _group(match, "rel")
    if fiscal is None and rel in ("this", "next", "current"):
        fiscal = p.fiscal_year_of(env.today, env.fiscal_start) + (rel == "next")
    end = p.next_period_end(env.today, env.fiscal_start, index, months, fiscal)
    if end is None:
        return None
    year = p.fiscal_year_of(end, env.fiscal_start)
    return shape(p.period_start(year, env.fiscal_start, index, months), end, match)


def resolve_quarter(match: Hit, env: Env) -> Found | None:
    if _names_a_scope(match):
        return None
    quarter = _group(match, "q")
    ordinal = _group(match, "ord")
    if ordinal in ("last", "final") and not (_group(match, "rel") or _fiscal_year_in(match)):
        return None  # "from last quarter" is the previous one, not Q4
    index = int(quarter) if quarter else _ORDINAL[ordinal]
    return _period(match, env, index, 3)


def resolve_half(match: Hit, env: Env) -> Found | None:
    if _names_a_scope(match):
        return None
    if _group(match, "h"):
        index = int(_group(match, "h"))
    elif _group(match, "ord"):
        index = _ORDINAL[_group(match, "ord")]
        if index > 2:
            return None
    else:
        index = 1  # "mid-year"
    return _period(match, env, index, 6)


def _relative_period(match: Hit, env: Env, months: int) -> Found | None:
    if _unanchored(match):
        return None
    shift = _RELATIVE.get(_group(match, "rel"), 0)
    end = p.relative_period_end(env.today, env.fiscal_start, months, shift)
    if end is None:
        return None
    start = p.add_months(p.add_days(end, 1) or end, -months)
    return shape(start, end, match)


def resolve_this_quarter(match: Hit, env: Env) -> Found | None:
    return _relative_period(match, env, 3)


def resolve_this_half(match: Hit, env: Env) -> Found | None:
    return _relative_period(match, env, 6)


def resolve_fiscal_year(match: Hit, env: Env) -> Found | None:
    if _unanchored(match) or (_group(match, "bare") and not _group(match, "edge")):
        return None
    if (_year_of(match) or _year_of(match, "y4")) and _names_a_scope(match):
        return None  # "the FY27 plan"
    year = _year_of(match) or _year_of(match, "y4")
    if year is None:
        shift = _RELATIVE.get(_group(match, "rel"), 0)
        year = p.fiscal_year_of(env.today, env.fiscal_start) + shift
    start = p.fiscal_year_start(year, env.fiscal_start)
    return shape(start, p.period_end(year, env.fiscal_start, 1, 12), match)


def resolve_calendar_year(match: Hit, env: Env) -> Found | None:
    if _unanchored(match):
        return None
    year = _year_of(match)
    rel = _group(match, "rel")
    if year is None:
        year = env.today.year + _RELATIVE.get(rel, 0)
        if rel in ("next", "coming", "following", "new") and _norm(_group(match, "trig")) == "by":
            year -= 1  # "by next year": before it starts
    elif _names_a_scope(match):
        return None
    return shape(p.safe_date(year, 1, 1), p.safe_date(year, 12, 31), match)


# --- months, weeks and days relative to today ---------------------------------------------


def resolve_this_month(match: Hit, env: Env) -> Found | None:
    if _unanchored(match):
        return None
    shift = _RELATIVE.get(_group(match, "rel"), 0)
    end = p.end_of_month(env.today.year, env.today.month + shift)
    start = end.replace(day=1) if end else None
    return shape(start, end, match)


def resolve_this_week(match: Hit, env: Env) -> Found | None:
    if _unanchored(match):
        return None
    shift = _RELATIVE.get(_group(match, "rel"), 0)
    sunday = p.add_days(env.today, 6 - env.today.weekday() + 7 * shift)
    return Found(sunday)


def resolve_day_word(match: Hit, env: Env) -> Found | None:
    word = match["dayword"].lower()
    return Found(p.add_days(env.today, 1 if word == "tomorrow" else 0))


def resolve_weekday(match: Hit, env: Env) -> Found | None:
    weekday = WEEKDAYS[match["wd"].lower()[:3]]
    strictly = "next" in _group(match, "trig") or "next" in _group(match, "rel")
    found = p.next_weekday(env.today, weekday, strictly_after=strictly)
    if found and _norm(_group(match, "trig")) in BEFORE:
        found = p.add_days(found, -1)
    return Found(found)


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "sprint": 14, "iteration": 14}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "term": 4, "year": 12}


def duration_days(amount: float, unit: str) -> float:
    """Approximate length in days of an amount of a time unit."""
    unit = unit.lower().rstrip("s")
    if unit.startswith(("business", "working")):
        return amount * 7 / 5
    if unit in _UNIT_DAYS:
        return amount * _UNIT_DAYS[unit]
    return amount * _UNIT_MONTHS.get(unit, 1) * 30.4


def resolve_duration(match: Hit, env: Env) -> Found | None:
    qualifier = _group(match, "qual")
    if qualifier in ("last", "past", "previous"):
        return None
    unit = _norm(match["u"].lower())
    amount_text = _norm(_group(match, "n"))
    amount = parse_number(amount_text) if amount_text else None
    if amount is None:
        few = "few" in _group(match, "few")
        if not (few or qualifier) or (unit.endswith("s") and not few):
            return None
        amount = 3.0 if few else 1.0
    if amount <= 0 or amount > 1000:
        return None
    if _norm(_group(match, "trig")) == "for" and not qualifier and amount < 2:
        return None  # "shadow support for a day": how long, not by when
    base = unit.rstrip("s")
    if base in _UNIT_MONTHS:
        return Found(p.add_months(env.today, amount * _UNIT_MONTHS[base]))
    return Found(p.add_days(env.today, duration_days(amount, unit)))


_UNITS = ("days", "weeks", "months", "years", "quarters", "sprints")


def _near(word: str, target: str) -> bool:
    """True when `word` is `target` with one typo: a letter swapped, missing, extra or wrong."""
    if abs(len(word) - len(target)) > 1 or word[:1] != target[:1]:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and sorted(word) == sorted(target)
        return len(diffs) <= 1 or swapped
    short, long_ = sorted((word, target), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def resolve_misspelt_duration(match: Hit, env: Env) -> Found | None:
    word = match["word"].lower()
    if word in _UNITS or word + "s" in _UNITS:
        return None  # spelt right: the duration rule decides
    unit = next((u for u in _UNITS if _near(word, u) or _near(word, u[:-1])), None)
    amount = parse_number(match["n"])
    if unit is None or amount is None or not 0 < amount <= 1000:
        return None
    if unit in ("days", "weeks", "sprints"):
        return Found(p.add_days(env.today, duration_days(amount, unit)))
    return Found(p.add_months(env.today, amount * _UNIT_MONTHS[unit.rstrip("s")]))


def resolve_review(match: Hit, env: Env) -> Found | None:
    if not REVIEW_WORDS.search(match.group(0) or ""):
        return None
    return Found(env.next_review)


def resolve_event(match: Hit, env: Env) -> Found | None:
    return Found(None)


def resolve_week_number(match: Hit, env: Env) -> Found | None:
    week = int(match["n"])
    for year in (env.today.year, env.today.year + 1):
        try:
            friday = date.fromisocalendar(year, week, 5)
        except ValueError:
            return None
        if friday >= env.today:
            return Found(friday)
    return None


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def resolve_season(match: Hit, env: Env) -> Found | None:
    if not (_group(match, "trig") or _group(match, "rel") or _group(match, "edge")):
        return None
    if _unanchored(match) and not _group(match, "year"):
        return None
    first = _SEASON_START[_group(match, "season")]
    year = _year_of(match) or env.today.year
    end = p.end_of_month(year, first + 2)
    if _year_of(match) is None and end is not None and end < env.today:
        year += 1
        end = p.end_of_month(year, first + 2)
    return shape(p.safe_date(year, first, 1), end, match)


def resolve_placeholder(match: Hit, env: Env) -> Found | None:
    return Found(None)


# Trigger and edge words from the start of a word up to the end of the searched window.
PREFIX = Regex(lower_pattern(rf"(?<![\w'-])(?=[a-z])(?:{TRIGGER}\s+)?(?:the\s+)?(?:{EDGE}\s*)?\Z"))


def _prefix(text: str, end: int) -> re.Match[str] | None:
    """The longest run of trigger and edge words ending right before `end`."""
    return PREFIX.on(text).search(text, max(0, end - 40), end)

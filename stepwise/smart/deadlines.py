"""Deadlines in words become dates relative to today.

Own rules (see `timewords` and `cadence`) come first; dateparser is only a fallback for the
words after a trigger ("by", "before", "until", …) that the rules left unexplained and that
look like a date. It is imported lazily: most goals never need it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from stepwise.smart.cadence import find_cadences
from stepwise.smart.lexicon import FLAGS, Gated, Needle, NeedleIndex, Spans, word_set
from stepwise.smart.periods import add_months
from stepwise.smart.timerules import RULES
from stepwise.smart.timewords import MONTH, WEEKDAY, Env


class TimeExpression(NamedTuple):
    """Words that bound a goal in time, where they are, and the date they mean (if any)."""

    phrase: str
    start: int
    end: int
    kind: str  # date, period, duration, review, event, cadence, placeholder, parsed
    deadline: date | None = None

    @property
    def is_cadence(self) -> bool:
        return self.kind == "cadence"


_FALLBACK_TRIGGER = Gated(
    r"\b(?:by|before|until|till|through|no\s+later\s+than|end\s+of|on|due)\s+"
    r"(?P<rest>[^,.;:!?()\[\]]{1,40})",
    "by before until till through later end on due",
)
_DATEISH_GATE = Needle(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december mon monday tue tues tuesday wed "
    "wednesday thu thur thurs thursday fri friday sat saturday sun sunday tomorrow noon #digit"
)
_DATEISH = re.compile(
    rf"\b{MONTH}|\b{WEEKDAY}|\b[0-9]{{1,2}}(?:st|nd|rd|th)\b|\btomorrow\b|\bnoon\b",
    FLAGS,
)
_WORD = re.compile(r"\S+")
_YEAR = re.compile(r"\b[0-9]{4}\b|'[0-9]{2}\b")
_MONTH_NAME = re.compile(rf"\b{MONTH}", FLAGS)


_RULE_INDEX = NeedleIndex([rule.needle for rule in RULES])


def _rule_matches(text: str, env: Env, taken: Spans) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    for index in _RULE_INDEX.allowed(text, word_set(text)):
        rule = RULES[index]
        for match in rule.hits(text):
            span = match.span()
            if span[0] == span[1] or not taken.free(span):
                continue
            resolved = rule.resolve(match, env)
            if resolved is None:
                continue
            taken.take(span)
            phrase = (match.group(0) or "").strip()
            found.append(TimeExpression(phrase, span[0], span[1], rule.kind, resolved.deadline))
    return found


def _cadence_matches(text: str, taken: Spans) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    for start, end in sorted(find_cadences(text)):
        if not taken.free((start, end)):
            continue
        taken.take((start, end))
        found.append(TimeExpression(text[start:end].strip(), start, end, "cadence"))
    return found


@lru_cache(maxsize=2048)
def _dateparser_parse(phrase: str, today: date) -> date | None:
    import dateparser  # type: ignore[import-untyped, unused-ignore]  # slow: import when needed

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "STRICT_PARSING": False,
    }
    try:
        parsed: datetime | None = dateparser.parse(phrase, languages=["en"], settings=settings)
    except Exception:  # a third-party parser must never crash the checker
        return None
    if parsed is None:
        return None
    found = parsed.date()
    if found < today and not _YEAR.search(phrase):
        found = add_months(found, 1 if not _MONTH_NAME.search(phrase) else 12) or found
    return found


def _fallback_matches(text: str, env: Env, taken: Spans) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    if not _DATEISH_GATE(text):
        return found
    for match in _FALLBACK_TRIGGER.finditer(text):
        rest_start = match.start("rest")
        if not taken.free(match.span()) or not _DATEISH.search(match["rest"]):
            continue
        words = list(_WORD.finditer(match["rest"]))[:5]
        for count in range(len(words), 0, -1):
            end = rest_start + words[count - 1].end()
            parsed = _dateparser_parse(text[rest_start:end], env.today)
            if parsed is not None and _DATEISH.search(text, rest_start, end):
                taken.take((match.start(), end))
                phrase = text[match.start() : end]
                found.append(TimeExpression(phrase, match.start(), end, "parsed", parsed))
                break
    return found


def find_time_expressions(
    text: str,
    *,
    today: date,
    fiscal_year_start_month: int = 1,
    next_review: date | None = None,
) -> tuple[TimeExpression, ...]:
    """Every deadline, bounded period and cadence in the text, in reading order."""
    env = Env(today, fiscal_year_start_month, next_review)
    taken = Spans(len(text), ())
    found = _rule_matches(text, env, taken)
    found += _cadence_matches(text, taken)
    found += _fallback_matches(text, env, taken)
    return tuple(sorted(found, key=lambda expression: expression.start))


def main_deadline(expressions: tuple[TimeExpression, ...]) -> date | None:
    """The date the goal is due: the latest date named."""
    dates = [e.deadline for e in expressions if e.deadline is not None]
    return max(dates) if dates else None


def parse_deadline(
    text: str,
    *,
    today: date,
    fiscal_year_start_month: int = 1,
    next_review: date | None = None,
) -> date | None:
    """The deadline named in the text, as a date, or None."""
    expressions = find_time_expressions(
        text,
        today=today,
        fiscal_year_start_month=fiscal_year_start_month,
        next_review=next_review,
    )
    return main_deadline(expressions)

"""Cadences: "every sprint", "weekly", "each quarter", "once a month", "twice a week",
"3 interviews per month", "12 books a year". A word like "monthly" that only names a metric
("monthly active users") is not a cadence."""

from __future__ import annotations

import re

from stepwise.smart.lexicon import (
    FLAGS,
    FoldedMatch,
    Gated,
    phrase_set,
    plural_nouns,
    word_list,
    word_set,
)
from stepwise.smart.numbers import COUNT

TIME_UNIT = (
    r"(?:(?:business\s+|working\s+|week)?days?|weekdays?|workdays?|weeks?|months?|quarters?"
    r"|years?|sprints?|iterations?|mornings?|evenings?|afternoons?|nights?"
    r"|weekends?|fortnights?|semesters?|terms?|mondays?|tuesdays?|wednesdays?|thursdays?"
    r"|fridays?|saturdays?|sundays?)"
)
EVERY = Gated(
    rf"\b(?:every|each)\s+(?:other\s+|second\s+|single\s+|(?:{COUNT})\s+)?"
    rf"(?:{TIME_UNIT})(?!\w)",
    "every each",
)
TIMES_PER = Gated(
    rf"\b(?:once|twice|thrice|(?:{COUNT})\s*(?:x|times?))\s+(?:a|an|per|every|each|in\s+a)\s+"
    rf"(?:{TIME_UNIT})\b",
    "once twice thrice times #digit",
)
PER_UNIT = Gated(
    rf"(?:\b(?P<art>per|a|an)\s+|\s?(?P<slash>/)\s?)(?:{TIME_UNIT}|mo|wk|yr)\b"
    r"(?!\s+(?:ago|of|and\s+a))",
    "per a an",
    chars="/",
)
# A rate that belongs to a metric, not to an action: "from 60 a month to fewer than 20".
_METRIC_RATE = re.compile(
    r"(?:\b(?:from|to|under|below|above|over|than|at|of|around|about)\s+~?\s?[$€£]?[0-9][0-9,.]*"
    r"\s?(?:%|k)?\s*(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:reduc\w*|cut\w*|lower\w*|increas\w*|grow\w*|rais\w*|decreas\w*|boost\w*"
    r"|drop\w*|churn\w*|which\s+gets?|gets?)\b[^.;,]*$)",
    FLAGS,
)
_DEFINITE = re.compile(r"\b(?:the|our|their|its|this|that|my)\s+$", FLAGS)
_COUNT_BEFORE = re.compile(
    rf"(?:\b(?:{COUNT})|[0-9]|\b(?:hours?|minutes?|mins?|hrs?|once|twice|times?))\b"
    r"[^.;,!?]{0,40}$",
    FLAGS,
)
ADVERB = Gated(
    r"\b(?P<word>daily|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|annually"
    r"|yearly|semi-?annually|nightly|hourly|every\s*day|everyday)\b",
    "daily weekly biweekly bi fortnightly monthly bimonthly quarterly annually yearly "
    "semiannually semi nightly hourly everyday every",
)
PLURAL_DAY = Gated(
    r"\b(?:on\s+)?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b",
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays",
)
ON_BASIS = Gated(
    r"\bon\s+an?\s+(?:daily|weekly|bi-?weekly|monthly|quarterly|yearly|annual)\s+basis\b",
    "basis",
)

METRIC_AFTER_ADVERB = phrase_set(
    plural_nouns(
        [
            "active",
            "user",
            "customer",
            "visitor",
            "revenue",
            "recurring",
            "traffic",
            "session",
            "churn",
            "retention",
            "signup",
            "sign-up",
            "download",
            "install",
            "order",
            "sale",
            "booking",
            "spend",
            "volume",
            "usage",
            "growth",
            "rate",
            "conversion",
            "subscriber",
            "subscription",
            "income",
            "budget",
            "target",
            "quota",
            "visit",
            "pageview",
            "view",
            "NPS",
            "ARR",
            "MRR",
            "GMV",
            "cost",
            "burn",
            "transaction",
            "payment",
            "number",
            "figure",
            "total",
            "average",
            "engagement",
            "plan",
            "price",
            "pricing",
            "fee",
            "license",
            "cohort",
            "bonus",
            "salary",
        ]
    )
)
_NEXT_WORDS = re.compile(r"(?:[\s-]+[\w'-]+){1,3}")


def _names_a_metric(text: str, end: int) -> bool:
    """True when the words right after a cadence adjective are a metric ("monthly active users")."""
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return False
    return METRIC_AFTER_ADVERB.search(following.group(0)) is not None


_UNIT_GATE = frozenset(
    word_list(
        "day days weekday weekdays workday workdays week weeks month months quarter quarters "
        "year years sprint sprints iteration iterations morning mornings evening evenings "
        "afternoon afternoons night nights weekend weekends fortnight fortnights semester "
        "semesters term terms monday mondays tuesday tuesdays wednesday wednesdays thursday "
        "thursdays friday fridays saturday saturdays sunday sundays mo wk yr business working"
    )
)


def find_cadences(text: str) -> list[tuple[int, int]]:
    """Spans of explicit cadences in the text."""
    spans: list[tuple[int, int]] = []
    units = not _UNIT_GATE.isdisjoint(word_set(text))
    for pattern in (EVERY, TIMES_PER, ON_BASIS, PLURAL_DAY) if units else (ON_BASIS,):
        spans.extend(match.span() for match in pattern.finditer(text))
    for match in ADVERB.finditer(text):
        if _names_a_metric(text, match.end()) or _names_an_event(text, match):
            continue
        spans.append(match.span())
    for match in PER_UNIT.finditer(text) if units else ():
        if _is_rate(text, match):
            spans.append(match.span())
    return spans


def _names_an_event(text: str, match: FoldedMatch) -> bool:
    """ "the quarterly business review", "our daily standup": a name, not a cadence."""
    return _DEFINITE.search(text, max(0, match.start() - 12), match.start()) is not None


def _is_rate(text: str, match: FoldedMatch) -> bool:
    before = text[max(0, match.start() - 60) : match.start()]
    if _METRIC_RATE.search(before):
        return False
    return (match["art"] or "").lower() == "per" or _COUNT_BEFORE.search(before) is not None

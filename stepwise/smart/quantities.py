"""Quantities a third person could check: numbers, percentages, money, "from X to Y", ranges,
multipliers. Numbers that are part of dates, periods or names ("Q3", "1:1s", "24/7") are not
quantities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from stepwise.smart.lexicon import FLAGS, Gated, Regex, Spans, has_any, word_set
from stepwise.smart.numbers import (
    DIGIT_NUMBER,
    TENS,
    UNITS,
    WORD_NUMBER,
    digit_number_not_after,
    parse_number,
)


class Quantity(NamedTuple):
    """A number the goal names, with what it counts (the next word) when there is one."""

    phrase: str
    start: int
    end: int
    kind: str  # placeholder, from_to, money, percent, multiplier, number
    value: float | None = None
    unit: str = ""
    baseline: float | None = None


_AMOUNT = (
    rf"(?:[$€£¥]\s?)?(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s?(?:%|percent\b|k\b|m\b|bn\b|x\b|"
    r"million\b|thousand\b|points?\b|pp\b|hours?\b|days?\b|minutes?\b|seconds?\b|s\b|ms\b)?"
)
PLACEHOLDER = Gated(
    r"\[[^\[\]]{0,30}\b(?:number|n|target|baseline|amount|count|percent|percentage|how\s+many"
    r"|x|y|metric|value)\b[^\[\]]{0,30}\]|\[%\]",
    "",
    chars="[",
)
_RATE = r"(?:\s?(?:/|per\s|a\s|an\s)\s?(?:month|week|day|year|quarter|sprint|mo|wk|yr)\b)?"
FROM_TO = Gated(
    rf"\bfrom\s+(?:about\s+|around\s+|roughly\s+|~\s?)?(?P<a>{_AMOUNT}){_RATE}\s*"
    r"(?:to|->|→|-)\s*(?:about\s+|around\s+|~\s?|under\s+|below\s+|above\s+|over\s+"
    r"|fewer\s+than\s+|less\s+than\s+|more\s+than\s+|at\s+least\s+|at\s+most\s+)?"
    rf"(?P<b>{_AMOUNT}){_RATE}",
    "from",
)
MONEY = Gated(
    rf"(?:[$€£¥]\s?{DIGIT_NUMBER}(?:\s?(?:k|m|bn|mm|million|billion|thousand)\b)?"
    rf"|\b{DIGIT_NUMBER}\s?(?:k|m|bn)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b)",
    "dollars euros pounds usd eur gbp",
    chars="$€£¥",
)
PERCENT = Gated(
    rf"(?<![\w.]){DIGIT_NUMBER}\s?(?:%|percent\b|per\s+cent\b|pp\b|percentage\s+points?\b"
    rf"|basis\s+points\b|bps\b)|\b{WORD_NUMBER}\s+(?:percent\b|per\s+cent\b)",
    "percent cent pp percentage bps basis",
    chars="%",
)
_NUMBER_NOT_IN_WORD = digit_number_not_after(r"\w.")  # not right after a letter, digit or "."
_NUMBER_ALONE = digit_number_not_after(r"\w.:/#@-")  # nor in a time, path, tag or range
# Multipliers in digits ("3x") and in words ("double"). The two never overlap, so they are
# looked for apart: the digits fast (see `digit_number_not_after`), the words rarely.
MULTIPLIER = Gated(rf"{_NUMBER_NOT_IN_WORD}\s?x\b", "#digit")
MULTIPLIER_WORD = Gated(
    r"\b(?:double|doubl(?:es|ed|ing)|triple|tripl(?:es|ed|ing)|quadruple|halve|halv(?:es|ed|ing)"
    r"|twofold|threefold|fivefold|tenfold|two-fold|three-fold|ten-fold)\b",
    "double doubles doubled doubling triple triples tripled tripling quadruple halve halves "
    "halved halving twofold threefold fivefold tenfold fold",
)
MEASURE = Gated(
    rf"{_NUMBER_ALONE}\s?(?P<unit>km|kms|kg|kgs|lbs?|mi|ms|s|h|hrs?|mins?)\b",
    "#digit",
)
DIGITS = Gated(
    rf"{_NUMBER_ALONE}(?:\s?(?:k|m|bn|thousand|million|billion)\b|\+)?"
    rf"(?:\s?(?:-|to)\s?{DIGIT_NUMBER})?"
    r"(?![\w:/]|\.[0-9])",
    "#digit",
)
NUMBER_GATE = " ".join([*UNITS, *TENS, "dozen", "couple", "pair", "hundred", "thousand"])
WORDS = Gated(rf"\b(?:a\s+dozen|a\s+couple\s+of|a\s+pair\s+of|{WORD_NUMBER})\b", NUMBER_GATE)
NOT_A_COUNT = Gated(
    r"\b(?:1:1s?|1-on-1s?|one[\s-]on[\s-]ones?|one[\s-]to[\s-]ones?|24/7|24x7|360|b2b|b2c"
    r"|one\s+(?:of|day|another|more\s+time|way|or\s+two|point|time|thing)"
    r"|(?:no|any|each|every|the|this|that|which|some|someone|anyone)\s+one"
    r"|one\s*(?:-|\s)?(?:pager|liner)s?|zero\s+to\s+one|one-stop|number\s+one)\b",
    "1:1 1:1s one b2b b2c 360 24/7 24x7 zero number",
)
_YEAR_LIKE = re.compile(r"^(?:19|20|21)[0-9]{2}$")
_NEXT_WORD = Regex(r"\s*([A-Za-z][\w'-]*)")


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.on(text).match(text, end)
    return match.group(1).lower() if match else ""


_NOT_NUMBER = Regex(
    r"[$€£¥%+~]|(?<=[0-9])\s?x\b|percent|per cent|pp\b|points?\b|(?<=[0-9])\s?(?:km|kms|kg|kgs|lbs?"
    r"|mi|ms|s|h|hrs?|mins?|hours?|days?|minutes?|seconds?)\b",
    FLAGS,
)


_MULTIPLIER_WORDS = {
    "double": 2.0,
    "doubles": 2.0,
    "doubled": 2.0,
    "doubling": 2.0,
    "twofold": 2.0,
    "two-fold": 2.0,
    "triple": 3.0,
    "triples": 3.0,
    "tripled": 3.0,
    "tripling": 3.0,
    "threefold": 3.0,
    "three-fold": 3.0,
    "quadruple": 4.0,
    "fivefold": 5.0,
    "tenfold": 10.0,
    "ten-fold": 10.0,
}


_RANGE = Regex(r"\s+to\s+|(?<=[0-9])\s?-\s?(?=[0-9])")


def _value(phrase: str) -> float | None:
    if phrase.lower() in _MULTIPLIER_WORDS:
        return _MULTIPLIER_WORDS[phrase.lower()]
    cleaned = " ".join(_NOT_NUMBER.on(phrase).sub(" ", phrase).split())
    first = _RANGE.on(cleaned).split(cleaned, 1)[0].strip()
    return parse_number(first)


def _is_year(phrase: str, next_word: str) -> bool:
    return bool(_YEAR_LIKE.match(phrase)) and not next_word.endswith("s")


_PATTERNS = (
    ("placeholder", PLACEHOLDER),
    ("from_to", FROM_TO),
    ("money", MONEY),
    ("percent", PERCENT),
    ("multiplier", MULTIPLIER),
    ("multiplier", MULTIPLIER_WORD),
    ("measure", MEASURE),
    ("number", DIGITS),
    ("number", WORDS),
)
_ANY_GATE = frozenset().union(*(pattern.words for _, pattern in _PATTERNS))
_ANY_CHARS = "[$€£¥%"


def find_quantities(text: str, blocked: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """Every checkable quantity in the text, outside the blocked (date and period) spans."""
    if _ANY_GATE.isdisjoint(word_set(text)) and not has_any(text, _ANY_CHARS):
        return ()
    taken = Spans(len(text), blocked)
    for match in NOT_A_COUNT.finditer(text):
        taken.take(match.span())
    found: list[Quantity] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            phrase = match.group(0).strip()
            if not phrase or not taken.free(span):
                continue
            unit = match["unit"].lower() if kind == "measure" else _next_word(text, span[1])
            if kind == "number" and _is_year(phrase, unit):
                continue
            taken.take(span)
            value = _value(match["b"]) if kind == "from_to" else _value(phrase)
            baseline = _value(match["a"]) if kind == "from_to" else None
            found.append(Quantity(phrase, span[0], span[1], kind, value, unit, baseline))
    return tuple(sorted(found, key=lambda quantity: quantity.start))

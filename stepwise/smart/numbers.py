"""Numbers written in digits or words ("12", "1,500", "2.5k", "twenty-one", "a couple of")."""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
FUZZY: dict[str, float] = {
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a pair of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a dozen": 6,
    "a half": 0.5,
    "half a": 0.5,
    "half an": 0.5,
    "a few": 3,
    "a": 1,
    "an": 1,
}

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_SCALE_WORDS = "|".join(SCALES)
WORD_NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
    rf"(?:\s+(?:{_SCALE_WORDS}))?"
)
DIGIT_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"


def digit_number_not_after(chars: str) -> str:
    """`(?<![chars])DIGIT_NUMBER`, written to open on a digit: the regex engine skips quickly
    from digit to digit, where a pattern opening on a lookbehind is tried at every position.
    The lookbehind moves past the first digit and looks two characters back."""
    return rf"[0-9](?<![{chars}].)(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]*)(?:\.[0-9]+)?"


COUNT = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER}|a\s+couple\s+of|a\s+dozen|a\s+few|couple\s+of)"

_SUFFIX = {
    "k": 1_000.0,
    "m": 1_000_000.0,
    "mm": 1_000_000.0,
    "bn": 1_000_000_000.0,
    "thousand": 1_000.0,
    "million": 1_000_000.0,
    "billion": 1_000_000_000.0,
}
_DIGITS_RE = re.compile(
    rf"^({DIGIT_NUMBER})\s?(k|m|bn|mm|thousand|million|billion)?$", re.IGNORECASE
)
_SPLIT_RE = re.compile(r"[\s-]+")


def _parse_digits(text: str) -> float | None:
    match = _DIGITS_RE.match(text)
    if not match:
        return None
    try:
        value = float(match.group(1).replace(",", ""))
    except (ValueError, OverflowError):
        return None
    suffix = (match.group(2) or "").lower()
    return value * _SUFFIX.get(suffix, 1.0)


def _parse_words(text: str) -> float | None:
    total = 0.0
    seen = False
    for word in _SPLIT_RE.split(text):
        if word in UNITS:
            total += UNITS[word]
        elif word in TENS:
            total += TENS[word]
        elif word in SCALES:
            total = max(total, 1.0) * SCALES[word]
        else:
            return None
        seen = True
    return total if seen else None


def parse_number(text: str) -> float | None:
    """The value of a number in digits or words, or None when it is not one."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned in FUZZY:
        return FUZZY[cleaned]
    if cleaned[0].isdigit():
        return _parse_digits(cleaned)
    return _parse_words(cleaned)

"""Normalising and validating a goal's text, and quoting words back to the person."""

from __future__ import annotations

import enum
import re
import unicodedata

MAX_CHARS = 2000

_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2015": " - ",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_LATIN_LETTER = re.compile(r"[A-Za-z]")


class TextProblem(enum.Enum):
    """Why a text cannot be checked; the value is the one-line message shown to people."""

    NOT_TEXT = "The goal must be given as text."
    EMPTY = "The goal is empty: write what you want to achieve."
    NO_WORDS = "The goal has no words, only punctuation or symbols: write what you want to achieve."
    TOO_LONG = f"The goal is longer than {MAX_CHARS:,} characters: keep it to one or two sentences."


class InvalidGoalText(ValueError):
    """Raised for text that cannot be checked; `str(error)` is a clear one-line message."""

    def __init__(self, problem: TextProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _keep(char: str) -> str:
    if char in "\n\t\r":
        return " "
    return "" if unicodedata.category(char) in _DROP_CATEGORIES else char


def clean_text(text: str) -> str:
    """Drop control and invisible characters, unify quotes and dashes, collapse spaces."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())  # str.split() and re's \s agree on what a space is
    stripped = "".join(_keep(char) for char in text)
    normal = unicodedata.normalize("NFKC", stripped).translate(_TRANSLATE)
    normal = "".join(_keep(char) for char in normal)
    return " ".join(normal.split())


def _problem_of_cleaned(cleaned: str) -> TextProblem | None:
    if not cleaned:
        return TextProblem.EMPTY
    if len(cleaned) > MAX_CHARS:
        return TextProblem.TOO_LONG
    if not any(char.isalnum() for char in cleaned):
        return TextProblem.NO_WORDS
    return None


def problem_with(text: object) -> TextProblem | None:
    """The reason `text` cannot be checked, or None when it can."""
    if not isinstance(text, str):
        return TextProblem.NOT_TEXT
    return _problem_of_cleaned(clean_text(text))


def validate_goal_text(text: object) -> str:
    """Return the cleaned text, or raise InvalidGoalText with a clear message."""
    if not isinstance(text, str):
        raise InvalidGoalText(TextProblem.NOT_TEXT)
    cleaned = clean_text(text)
    problem = _problem_of_cleaned(cleaned)
    if problem is not None:
        raise InvalidGoalText(problem)
    return cleaned


_PURPOSE_OPENERS = ("so ", "to ", "because", "in order")


def why_clause(why: str) -> str:
    """A goal's why as a purpose clause: "so that …" unless it already opens like one."""
    why = why.strip().rstrip(".").strip()
    if not why or why.lower().startswith(_PURPOSE_OPENERS):
        return why
    return f"so that {why}"


def join_why(title: str, why: str) -> str:
    """A goal's words as the checker reads them: its title, then its why as a purpose."""
    return " ".join(part for part in (title.strip().rstrip("."), why_clause(why)) if part)


def reads_as_english(text: str) -> bool:
    """True when most letters are Latin ones, so English word rules can apply."""
    if text.isascii():
        return True
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True
    latin = sum(1 for char in letters if _LATIN_LETTER.match(char))
    return latin * 2 >= len(letters)


def shorten(text: str, limit: int = 70) -> str:
    """The text cut at a word boundary to about `limit` characters."""
    text = text.strip(" ,;:.")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def quote(text: str, limit: int = 70) -> str:
    """Words from the goal, quoted for a reason."""
    return f'"{shorten(text, limit)}"'


def quote_all(phrases: tuple[str, ...] | list[str], limit: int = 3) -> str:
    """Up to `limit` distinct phrases, quoted and joined."""
    seen: list[str] = []
    for phrase in phrases:
        if phrase.lower() not in (s.lower() for s in seen):
            seen.append(phrase)
    return ", ".join(quote(p) for p in seen[:limit])

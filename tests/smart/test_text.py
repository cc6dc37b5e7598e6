"""Bad input gets a clear one-line message; odd input gets a sensible verdict, never a crash."""

from __future__ import annotations

import pytest

from stepwise.smart import (
    MAX_CHARS,
    Context,
    InvalidGoalText,
    TextProblem,
    analyze,
    clean_text,
    problem_with,
    validate_goal_text,
)
from tests.smart.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", TextProblem.EMPTY),
        ("   \n\t  ", TextProblem.EMPTY),
        ("\x00\x07\x1b", TextProblem.EMPTY),  # only control characters
        ("...!!! ???", TextProblem.NO_WORDS),
        ("- * #", TextProblem.NO_WORDS),
        ("🚀🚀🔥", TextProblem.NO_WORDS),
        ("x" * (MAX_CHARS + 1), TextProblem.TOO_LONG),
        (None, TextProblem.NOT_TEXT),
        (42, TextProblem.NOT_TEXT),
    ],
)
def test_text_that_cannot_be_checked_raises_a_clear_message(
    text: object, problem: TextProblem
) -> None:
    assert problem_with(text) is problem
    with pytest.raises(InvalidGoalText) as raised:
        analyze(text, Context(today=TODAY))  # type: ignore[arg-type]
    assert raised.value.problem is problem
    message = str(raised.value)
    assert message and "\n" not in message and len(message) < 120


def test_invalid_goal_text_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        validate_goal_text("  ")


def test_exactly_the_limit_is_accepted() -> None:
    text = ("Ship the export by Q3 " * 200)[:MAX_CHARS]
    assert analyze(text, Context(today=TODAY)).text


def test_control_characters_are_stripped_and_spaces_collapsed() -> None:
    analysis = analyze("Ship\x00 the\u200b export\tby\r\nFriday\x07", Context(today=TODAY))
    assert analysis.text == "Ship the export by Friday"
    assert analysis.time_bound.passed


def test_smart_quotes_and_dashes_are_unified() -> None:
    assert clean_text("“Ship” – it’s due") == '"Ship" - it\'s due'


def test_full_width_digits_are_read_as_digits() -> None:
    assert analyze("Interview ５ customers", Context(today=TODAY)).measurable.passed


@pytest.mark.parametrize(
    "text",
    [
        "Mejorar la comunicación con el equipo",
        "在第三季度之前发布新功能",
        "Улучшить навыки презентации",
        "تحسين مهارات التواصل",
        "🚀 Ship the new onboarding by Q3 🎉",
        "Ship 🚀",
        "a",
        "1",
    ],
)
def test_non_english_and_emoji_get_a_sensible_verdict(text: str) -> None:
    analysis = analyze(text, Context(today=TODAY))
    assert 0 <= analysis.score <= 5
    assert (analysis.rewrite is None) == (analysis.score == 5)


def test_non_english_text_says_the_checker_reads_english() -> None:
    analysis = analyze("在第三季度之前发布新功能", Context(today=TODAY))
    assert not analysis.specific.passed
    assert "English" in analysis.specific.reason


def test_emoji_do_not_hide_the_words() -> None:
    analysis = analyze("🚀 Ship the new onboarding to customers by Q3 🎉", Context(today=TODAY))
    assert analysis.score == 5

"""`analyze(text, context)`: the five verdicts, the score and a rewrite for one goal."""

from __future__ import annotations

from datetime import date

from stepwise.smart.criteria import (
    is_app_context,
    judge_achievable,
    judge_measurable,
    judge_relevant,
    judge_specific,
    judge_time_bound,
    text_only_score,
)
from stepwise.smart.deadlines import find_time_expressions
from stepwise.smart.model import CRITERIA, Analysis, Context, Verdict
from stepwise.smart.reading import Reading, draft_reading, finish_reading, read_goal
from stepwise.smart.relevance import find_purpose
from stepwise.smart.rewrite import improve
from stepwise.smart.text import validate_goal_text


def _read(text: str, context: Context) -> Reading:
    return read_goal(
        text,
        today=context.today,
        fiscal_year_start_month=context.fiscal_year_start_month,
        next_review=context.next_review,
    )


def judge(reading: Reading, context: Context | None) -> dict[str, Verdict]:
    """Every criterion's verdict on a reading."""
    specific = judge_specific(reading)
    return {
        "specific": specific,
        "measurable": judge_measurable(reading, specific.passed),
        "achievable": judge_achievable(reading, context),
        "relevant": judge_relevant(reading, context),
        "time_bound": judge_time_bound(reading, context),
    }


def _scores_above(text: str, context: Context, score: int) -> bool:
    """True when the words alone pass more than `score` criteria (see `text_only_score`).
    A deadline, a purpose and then attainability are looked at first: they often settle it
    before the rest of the text is read."""
    times = find_time_expressions(
        text, today=context.today, fiscal_year_start_month=context.fiscal_year_start_month
    )
    purpose = find_purpose(text)
    passed = bool(times) + (purpose is not None)
    if passed > score:
        return True
    draft = draft_reading(text, context.today, times, purpose)
    if passed + (not draft.obstacles) > score:
        return True
    return text_only_score(finish_reading(draft)) > score


def analyze(text: str, context: Context | None = None) -> Analysis:
    """Check a goal's text against the five SMART criteria.

    Raises InvalidGoalText (a ValueError) for text that cannot be checked: empty, only
    punctuation or symbols, or longer than 2,000 characters.
    """
    cleaned = validate_goal_text(text)
    used = context or Context(today=date.today())
    reading = _read(cleaned, used)
    verdicts = judge(reading, context)
    # The rewrite can only mend what the words decide: it is judged on the text alone.
    text_verdicts = verdicts if context is None or not is_app_context(context) else None
    failing = _failing(text_verdicts or judge(reading, None))
    score = len(CRITERIA) - len(failing)
    rewrite = improve(reading, failing, lambda candidate: _scores_above(candidate, used, score))
    return Analysis(text=cleaned, rewrite=rewrite, **verdicts)


def _failing(verdicts: dict[str, Verdict]) -> set[str]:
    return {name for name, verdict in verdicts.items() if not verdict.passed}

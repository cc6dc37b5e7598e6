"""`analyze(text, context)`: the five verdicts, the score and a rewrite for one goal."""

from __future__ import annotations

from dataclasses import replace
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
from stepwise.smart.deadlines import find_time_expressions, main_deadline
from stepwise.smart.model import CRITERIA, Analysis, Context, Verdict
from stepwise.smart.reading import Reading, draft_reading, finish_reading, read_goal
from stepwise.smart.relevance import find_purpose
from stepwise.smart.rewrite import improve
from stepwise.smart.text import (
    MAX_CHARS,
    clean_text,
    join_why,
    validate_goal_text,
    why_clause,
)


def _read(text: str, context: Context) -> Reading:
    return read_goal(
        text,
        today=context.words_from,
        fiscal_year_start_month=context.fiscal_year_start_month,
        next_review=context.next_review,
    )


def judge(
    reading: Reading, context: Context | None, timed: Reading | None = None
) -> dict[str, Verdict]:
    """Every criterion's verdict on a reading; `timed` is the reading whose time words set
    the deadline (the goal's own words, not its why), the whole reading by default."""
    specific = judge_specific(reading)
    timed = timed or reading
    return {
        "specific": specific,
        "measurable": judge_measurable(reading, specific.passed),
        "achievable": judge_achievable(timed, context),
        "relevant": judge_relevant(reading, context),
        "time_bound": judge_time_bound(timed, context),
    }


def _scores_above(text: str, context: Context, score: int) -> bool:
    """True when the words alone pass more than `score` criteria (see `text_only_score`).
    A deadline, a purpose and then attainability are looked at first: they often settle it
    before the rest of the text is read."""
    times = find_time_expressions(
        text, today=context.words_from, fiscal_year_start_month=context.fiscal_year_start_month
    )
    purpose = find_purpose(text)
    passed = bool(times) + (purpose is not None)
    if passed > score:
        return True
    draft = draft_reading(text, context.words_from, times, purpose)
    if passed + (not draft.obstacles) > score:
        return True
    return text_only_score(finish_reading(draft)) > score


def analyze(text: str, context: Context | None = None, *, why: str = "") -> Analysis:
    """Check a goal's text against the five SMART criteria.

    `why` is a goal's reason in the person's words (the app passes a goal's title as the
    text and its why here): it is read after the text as the goal's purpose, and its time
    words never set the deadline. A long why is read up to the checker's length limit.

    Raises InvalidGoalText (a ValueError) for text that cannot be checked: empty, only
    punctuation or symbols, or longer than 2,000 characters.
    """
    own = validate_goal_text(text)
    cleaned = _with_why(own, why)
    used = context or Context(today=date.today())
    reading = _read(cleaned, used)
    timed = _own_times(reading, len(own)) if cleaned != own else reading
    verdicts = judge(reading, context, timed)
    # The rewrite mends what the words decide and the context does not settle: it is
    # judged on the text alone, and offered only while the goal fails such a criterion.
    in_app = context is not None and is_app_context(context)
    words = judge(reading, None) if in_app else verdicts
    failing = _failing(words) & _failing(verdicts)
    aim = len(CRITERIA) - len(_failing(words)) + len(failing) - 1
    rewrite = improve(reading, failing, lambda candidate: _scores_above(candidate, used, aim))
    return Analysis(text=cleaned, rewrite=rewrite, **verdicts)


def _with_why(own: str, why: str) -> str:
    """The goal's words and its why as one text, within the checker's length limit."""
    clause = why_clause(clean_text(why))
    room = MAX_CHARS - len(own) - 1
    if len(clause) > room:
        clause = clause[: max(room, 0)].rsplit(" ", 1)[0]
    return join_why(own, clause) if clause else own


def _own_times(reading: Reading, own_end: int) -> Reading:
    """The reading with only the time words of the goal's own words (not of its why)."""
    times = tuple(e for e in reading.times if e.start < own_end)
    return replace(reading, times=times, deadline=main_deadline(times))


def _failing(verdicts: dict[str, Verdict]) -> set[str]:
    return {name for name, verdict in verdicts.items() if not verdict.passed}

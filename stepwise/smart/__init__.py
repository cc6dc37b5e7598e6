"""The SMART checker: pure Python, imports nothing from Django (dateparser only on demand).

    >>> from datetime import date
    >>> from stepwise.smart import Context, analyze
    >>> result = analyze("Read 10 books by June", Context(today=date(2026, 11, 22)))
    >>> result.score, result.time_bound.deadline.isoformat()
    (4, '2027-06-30')
    >>> result.to_dict()["criteria"]["relevant"]["passed"]
    False
    >>> result.rewrite
    'Read 10 books by June, so that [why it matters].'

`analyze(text, context=None)` reads the text once (`reading`), judges each criterion
(`criteria`) and suggests a rewrite (`rewrite`). The rules live in modules named for what
they read: `deadlines`/`timewords`/`timerules`/`cadence` (time), `quantities` (numbers),
`specificity` (the leading verb), `realism` (what makes a goal unattainable), `relevance`
(purpose and ties to the work) and `vocabulary` (the word classes they share).
Text that cannot be checked raises `InvalidGoalText` (a `ValueError`) with a one-line
message; `problem_with(text)` tells the problem without raising.
"""

from stepwise.smart.analyzer import analyze
from stepwise.smart.deadlines import TimeExpression, find_time_expressions, parse_deadline
from stepwise.smart.model import CRITERIA, Analysis, Context, Verdict
from stepwise.smart.text import (
    MAX_CHARS,
    InvalidGoalText,
    TextProblem,
    clean_text,
    join_why,
    problem_with,
    validate_goal_text,
)

__all__ = [
    "CRITERIA",
    "MAX_CHARS",
    "Analysis",
    "Context",
    "InvalidGoalText",
    "TextProblem",
    "TimeExpression",
    "Verdict",
    "analyze",
    "clean_text",
    "find_time_expressions",
    "join_why",
    "parse_deadline",
    "problem_with",
    "validate_goal_text",
]

"""One pass over a goal's text that collects every signal the criteria look at."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

from stepwise.smart.deadlines import TimeExpression, find_time_expressions, main_deadline
from stepwise.smart.quantities import Quantity, find_quantities
from stepwise.smart.realism import Obstacle, Scale, cadence_days, find_obstacles, window_days
from stepwise.smart.relevance import Purpose, find_purpose, find_ties
from stepwise.smart.specificity import Lead, find_lead
from stepwise.smart.text import reads_as_english


@dataclass(frozen=True, init=False)
class Reading:
    """What the rules found in one goal's text."""

    text: str
    today: date
    english: bool
    times: tuple[TimeExpression, ...]
    deadline: date | None
    purpose: Purpose | None
    core: str
    quantities: tuple[Quantity, ...]
    lead: Lead | None
    obstacles: tuple[Obstacle, ...]

    def __init__(  # the fields in one go, as in `model.Verdict`
        self,
        text: str,
        today: date,
        english: bool,
        times: tuple[TimeExpression, ...],
        deadline: date | None,
        purpose: Purpose | None,
        core: str,
        quantities: tuple[Quantity, ...],
        lead: Lead | None,
        obstacles: tuple[Obstacle, ...],
    ) -> None:
        self.__dict__.update(
            text=text,
            today=today,
            english=english,
            times=times,
            deadline=deadline,
            purpose=purpose,
            core=core,
            quantities=quantities,
            lead=lead,
            obstacles=obstacles,
        )

    @cached_property
    def ties(self) -> tuple[str, ...]:
        """Words that tie the goal to the work (looked for only when there is no purpose)."""
        spans = [(e.start, e.end) for e in self.times if not e.is_cadence]
        return tuple(find_ties(self.text, spans))

    @property
    def cadences(self) -> tuple[TimeExpression, ...]:
        return tuple(e for e in self.times if e.is_cadence)

    @property
    def core_cadences(self) -> tuple[TimeExpression, ...]:
        return tuple(e for e in self.cadences if self.core[e.start : e.end].strip())

    @property
    def goal_words(self) -> str:
        """The goal's own words, for quoting."""
        return " ".join(self.core.split())


def _core(text: str, purpose: Purpose | None) -> str:
    """The goal's own words: the text with its purpose clause blanked out (same offsets)."""
    if purpose is None:
        return text
    start, end = purpose.start, purpose.end
    if start == 0:
        comma = text.find(",")
        if comma < 0 or not text[comma + 1 :].strip():
            return text
        end = comma + 1
    return text[:start] + " " * (end - start) + text[end:]


def read_goal(
    text: str,
    *,
    today: date,
    fiscal_year_start_month: int = 1,
    next_review: date | None = None,
) -> Reading:
    """Read a cleaned goal text (see `text.validate_goal_text`)."""
    times = find_time_expressions(
        text, today=today, fiscal_year_start_month=fiscal_year_start_month, next_review=next_review
    )
    return read_the_rest(text, today, times, find_purpose(text))


def read_the_rest(
    text: str, today: date, times: tuple[TimeExpression, ...], purpose: Purpose | None
) -> Reading:
    """The reading of a text whose time expressions and purpose are already found."""
    return finish_reading(draft_reading(text, today, times, purpose))


class Draft(NamedTuple):
    """A reading but its lead: enough to tell whether the goal is attainable."""

    text: str
    today: date
    times: tuple[TimeExpression, ...]
    purpose: Purpose | None
    core: str
    quantities: tuple[Quantity, ...]
    obstacles: tuple[Obstacle, ...]


def draft_reading(
    text: str, today: date, times: tuple[TimeExpression, ...], purpose: Purpose | None
) -> Draft:
    """The goal's own words, their quantities and what makes them unattainable."""
    core = _core(text, purpose)
    blocked = [(e.start, e.end) for e in times]
    quantities = find_quantities(core, blocked)
    scale = Scale(core, text, quantities, window_days(times, today), cadence_days(times))
    obstacles = tuple(find_obstacles(scale))
    return Draft(text, today, times, purpose, core, quantities, obstacles)


def finish_reading(draft: Draft) -> Reading:
    """The reading, with the verb that leads the goal."""
    time_spans = [(e.start, e.end) for e in draft.times if not e.is_cadence]
    return Reading(
        text=draft.text,
        today=draft.today,
        english=reads_as_english(draft.text),
        times=draft.times,
        deadline=main_deadline(draft.times),
        purpose=draft.purpose,
        core=draft.core,
        quantities=draft.quantities,
        lead=find_lead(draft.core, time_spans),
        obstacles=draft.obstacles,
    )

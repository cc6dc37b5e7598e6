"""Schemas of the goal library's API: the search filters in, templates out."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

from stepwise.goals.library.search import MAX_QUERY_CHARS
from stepwise.lib.api_types import Input, Text, Word

MAX_LIMIT = 100


class LibraryFiltersIn(Input):
    q: Text = Field("", max_length=MAX_QUERY_CHARS, description="Words to search for.")
    competency: Word = Field("", description="Only templates for this competency key.")
    level: Word = Field("", description="Only templates for this level key, e.g. `pm`.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=100_000, description="Results to skip.")


class MetricOut(Schema):
    kind: str = Field(..., description="number, percentage, yes_no or steps")
    unit: str
    baseline: float | None
    target: float | None


class SuggestedStepOut(Schema):
    title: str = Field(..., description="As written, with placeholders.")
    resolved_title: str = Field(..., description="For you, starting today.")
    week: int = Field(..., description="The week of the goal it is due in.")
    due_date: date = Field(..., description="Its due date if you adopt the goal today.")
    hours: float


class TemplateOut(Schema):
    key: str
    title: str = Field(..., description="As written, with placeholders such as {manager}.")
    resolved_title: str = Field(..., description="The title for you, starting today.")
    why: str = Field(..., description="Why the goal matters, for you.")
    description: str
    competencies: list[str] = Field(..., description="Competency keys of the framework.")
    levels: list[str] = Field(..., description="Level keys the goal suits.")
    category: str
    metric: MetricOut
    weeks: int
    due_date: date = Field(..., description="Its due date if you adopt it today.")
    hours_per_week: float
    steps: list[SuggestedStepOut]
    keywords: list[str]
    score: float | None = Field(
        None, description="Relevance to the query (higher is better); 0 without a query."
    )


class LibraryPageOut(Schema):
    count: int = Field(..., description="Templates matching, over all pages.")
    items: list[TemplateOut]
    suggestions: list[str] = Field(
        ..., description="Corrections of misspelt words of the query (“did you mean”)."
    )

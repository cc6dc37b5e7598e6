"""The API's door checks, shared by every app's schemas: what a JSON body or query string may
hold (see ``stepwise.lib.limits`` for why).

Use :class:`Input` as the base of every request schema, and these types for its fields, so a
value the database cannot store is a 422 naming the field, never a 500.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    ModelWrapValidatorHandler,
    Strict,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from stepwise.lib.limits import BIGGEST_ID, FIRST_DAY, LAST_DAY, LONG_TEXT, text_problem


class Input(Schema):
    """A request body or query: a JSON object, never a bare string, number or list (those are
    refused with 422 instead of being read as an object's attributes)."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        if not isinstance(values, dict | cls):
            raise PydanticCustomError("object_type", "The body must be a JSON object.")
        return handler(values)


def _storable(text: str) -> str:
    problem = text_problem(text)
    if problem:
        raise ValueError(problem)
    return text


def _said(text: str) -> str:
    if not text.strip():
        raise ValueError("This cannot be blank.")
    return text


Text = Annotated[str, Field(max_length=LONG_TEXT), AfterValidator(_storable)]
"""Free text, as the web forms take it."""
Said = Annotated[Text, AfterValidator(_said)]
"""Free text that must say something (not only spaces)."""


Line = Annotated[str, Field(max_length=200), AfterValidator(_storable)]
"""One line of text: up to 200 characters."""
Word = Annotated[str, Field(max_length=80), AfterValidator(_storable)]
"""A key, a name or a unit: up to 80 characters."""


Title = Annotated[
    str, Field(min_length=1, max_length=200), AfterValidator(_storable), AfterValidator(_said)
]
"""A goal's or step's title: 1 to 200 characters, not blank."""
Day = Annotated[
    date,
    Field(
        ge=FIRST_DAY,
        le=LAST_DAY,
        description=f"A date from {FIRST_DAY.year} to {LAST_DAY.year}.",
    ),
]
"""A date a person plans with: within the years the app plans in."""
Id = Annotated[int, Field(ge=1, le=BIGGEST_ID)]
"""Something's id: what a database id column holds."""
Flag = Annotated[bool, Strict()]
"""Yes or no in a JSON body: ``true`` or ``false``, never 0, 1 or "yes" read as one."""
Count = Annotated[int, Strict()]
"""A whole number in a JSON body: a JSON integer, never ``true`` or ``"3"`` read as one."""
Version = Annotated[Count, Field(ge=1, le=2**31 - 1, description="The version you last read.")]
"""The version of something you last read (a positive 32-bit number)."""

"""Helpers shared by the forms of every app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.forms import BaseForm

from stepwise.lib.limits import (
    BIGGEST_ID,
    FIRST_DAY,
    LAST_DAY,
    LONG_TEXT,
    fits_id,
    validate_day,
    validate_text,
)


def attach_errors(form: BaseForm, error: ValidationError) -> None:
    """Show an action's validation error on the field it concerns, else on the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for message in field_errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for text in error.messages:
            form.add_error(None, text)


class CheckedInput:
    """The web forms' door checks (see ``stepwise.lib.limits``), for every field of the form
    without listing them: texts that cannot be stored, dates outside the planning window and
    choices of records by an id no database column holds are form errors, never a 500.

    Mix it in before Django's form class; :class:`Form` is the usual base.
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            check_at_the_door(field)


def check_at_the_door(field: forms.Field) -> None:
    """Give one form field the checks its kind of value needs."""
    if isinstance(field, forms.CharField):
        field.validators.append(validate_text)
        if field.max_length is None:
            field.max_length = LONG_TEXT
            field.validators.append(MaxLengthValidator(LONG_TEXT))
    elif isinstance(field, forms.DateField):
        field.validators.append(validate_day)
        field.widget.attrs.setdefault("min", FIRST_DAY.isoformat())
        field.widget.attrs.setdefault("max", LAST_DAY.isoformat())
    elif isinstance(field, forms.IntegerField) and field.max_value is None:
        field.max_value = BIGGEST_ID
        field.validators.append(MaxValueValidator(BIGGEST_ID))
    if isinstance(field, forms.ModelMultipleChoiceField):
        field.__class__ = _IdMultipleChoiceField
    elif isinstance(field, forms.ModelChoiceField):
        field.__class__ = _IdChoiceField


class _IdChoiceField(forms.ModelChoiceField):
    """A record chosen by id; an id too large for the database is an invalid choice (the
    database would otherwise fail on the lookup)."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not fits_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class _IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Records chosen by id, as :class:`_IdChoiceField`."""

    def _check_values(self, value: Any) -> Any:
        for one in value or ():
            if not fits_id(one):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(one)[:20]},
                )
        return super()._check_values(value)  # type: ignore[misc]


class Form(CheckedInput, forms.Form):
    """The base of every plain form in Stepwise."""

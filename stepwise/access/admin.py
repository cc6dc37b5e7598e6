"""What the Django admin may show of each model.

An admin administers accounts, teams, frameworks and settings, and restores deleted things;
they read nobody's private content, in the app or in the Django admin (decision 0006). The
admin shows who, when and in what state, never these fields.

Models are named by their label (``app_label.modelname``), so this one table covers every app
and imports none of them; a test checks that each label and field exists.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field, ForeignObjectRel, Model
from django.db.models.constants import LOOKUP_SEP

ADMIN_HIDDEN_FIELDS: dict[str, frozenset[str]] = {
    "skills.assessment": frozenset({"summary"}),
    "skills.assessmentevent": frozenset({"detail"}),
    "skills.rating": frozenset(
        {"score", "evidence", "evidence_links", "is_strength", "is_weakness", "is_interest"}
    ),
    "goals.goal": frozenset(
        {
            "title",
            "description",
            "why",
            "metric_unit",
            "outcome",
            "evidence",
            "evidence_links",
            "drop_reason",
        }
    ),
    "goals.step": frozenset({"title", "evidence"}),
    "goals.checkin": frozenset({"note", "blockers"}),
    "goals.goalevent": frozenset({"changes", "reason"}),
}


def hidden_fields(model: type[Model]) -> frozenset[str]:
    """The private fields of ``model`` that no admin page lists, searches or shows."""
    return ADMIN_HIDDEN_FIELDS.get(model._meta.label_lower, frozenset())


def admin_fields(model: type[Model]) -> tuple[str, ...]:
    """What the Django admin may show of ``model``: its fields but the private ones."""
    hidden = hidden_fields(model)
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and field.name not in hidden
    )


def admin_may_filter_by(model: type[Model], lookup: str) -> bool:
    """False when a Django admin query-string lookup (``summary__startswith``,
    ``ratings__evidence__contains``) reads a private field of ``model`` or of a model it
    reaches through relations: a filter that answers "1 result" spells out a text letter by
    letter as surely as showing it."""
    for part in lookup.split(LOOKUP_SEP):
        field = _field_named(model, part)
        if field is None:
            return True  # a lookup or transform (startswith, isnull): no field after it
        if field.name in hidden_fields(model):
            return False
        target = field.related_model if field.is_relation else None
        if not isinstance(target, type):
            return True
        model = target
    return True


def _field_named(model: type[Model], part: str) -> Field[Any, Any] | ForeignObjectRel | None:
    """The field a lookup's part names: a field, or a relation by its query name."""
    for field in model._meta.get_fields(include_hidden=True):
        if field.name == part or getattr(field, "attname", None) == part:
            return field  # type: ignore[return-value]
        if isinstance(field, ForeignObjectRel) and field.field.related_query_name() == part:
            return field
    return None

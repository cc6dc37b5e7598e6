"""API operations of the goal library: search it and read one template, resolved for you.

The library is data shared by everyone (decision 0005); what is personal is only how its
placeholders read for the caller (their manager, team, level and today's date). Lists are
paginated by ``limit`` and ``offset`` and answer ``{"count", "items", "suggestions"}``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError

from stepwise.access.people import signed_in as caller
from stepwise.goals.library.adopt import values_for
from stepwise.goals.library.catalogue import GoalTemplate, template_by_key
from stepwise.goals.library.placeholders import PlaceholderValues, resolve_template
from stepwise.goals.library.schemas import LibraryFiltersIn, LibraryPageOut, TemplateOut
from stepwise.goals.library.search import library_index
from stepwise.goals.library.vocabulary import UnknownFilter, active_vocabulary
from stepwise.lib.api import ErrorOut, FieldErrorsOut

router = Router(tags=["goal library"])


def template_out(
    template: GoalTemplate, values: PlaceholderValues, score: float | None = None
) -> dict[str, Any]:
    resolved = resolve_template(template, values)
    return {
        "key": template.key,
        "title": template.title,
        "resolved_title": resolved.title,
        "why": resolved.why,
        "description": resolved.description,
        "competencies": list(template.competencies),
        "levels": list(template.levels),
        "category": template.category,
        "metric": {
            "kind": template.metric_kind,
            "unit": template.metric_unit,
            "baseline": template.baseline,
            "target": template.target,
        },
        "weeks": template.weeks,
        "due_date": resolved.due_date,
        "hours_per_week": template.hours_per_week,
        "steps": [
            {
                "title": step.title,
                "resolved_title": done.title,
                "week": step.week,
                "due_date": done.due_date,
                "hours": step.hours,
            }
            for step, done in zip(template.steps, resolved.steps, strict=True)
        ],
        "keywords": list(template.keywords),
        "score": score,
    }


@router.get(
    "",
    response={200: LibraryPageOut, 401: ErrorOut, 422: FieldErrorsOut},
    summary="Search the goal library",
    description=(
        "Ready SMART goals, best match first. `q` is words in any order (close spellings and "
        "synonyms count; without words, every template by title). Filter by `competency` and "
        "`level` keys; an unknown key is a 422 naming the ones that exist. Paginated by "
        "`limit` (20 by default, at most 100) and `offset`. `suggestions` holds corrections "
        "of misspelt words of `q`."
    ),
)
def search_library(
    request: HttpRequest,
    filters: LibraryFiltersIn = Query(...),  # noqa: B008 (Ninja's way)
) -> dict[str, Any]:
    try:
        active_vocabulary().check(competency=filters.competency, level=filters.level)
    except UnknownFilter as problem:
        raise HttpError(422, str(problem)) from None
    index = library_index()
    hits = index.search(
        filters.q, competency=filters.competency or None, level=filters.level or None, limit=None
    )
    values = values_for(caller(request))
    page = hits[filters.offset : filters.offset + filters.limit]
    return {
        "count": len(hits),
        "items": [template_out(hit.template, values, hit.score) for hit in page],
        "suggestions": list(index.suggestions(filters.q)) if filters.q else [],
    }


@router.get(
    "/{key}",
    response={200: TemplateOut, 401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="One goal of the library",
    description="The template as written and resolved for you, with its suggested steps.",
)
def get_template(request: HttpRequest, key: str) -> dict[str, Any]:
    template = template_by_key(key)
    if template is None:
        raise HttpError(404, f"No goal {key!r} in the library.")
    return template_out(template, values_for(caller(request)))

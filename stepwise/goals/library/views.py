"""The goal library's pages: search the ready goals, read one, and start from it.

The library is data read once per process (decision 0005), so these pages query only for the
person (their manager and team, for the placeholders) and the active framework (for
competency names), however many templates match. htmx asks for just the results
(``goals/library/index.html#results``) as the person types; without JavaScript the form is an
ordinary GET.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from stepwise.access.people import signed_in
from stepwise.goals.library.adopt import values_for
from stepwise.goals.library.catalogue import GoalTemplate, template_by_key
from stepwise.goals.library.placeholders import (
    PlaceholderValues,
    ResolvedGoal,
    format_number,
    resolve_template,
)
from stepwise.goals.library.search import (
    MAX_QUERY_CHARS,
    LibraryIndex,
    SearchHit,
    library_index,
)
from stepwise.goals.library.vocabulary import Vocabulary, active_vocabulary
from stepwise.goals.models import Category
from stepwise.lib.forms import Form
from stepwise.lib.http import HtmxHttpRequest
from stepwise.people.models import User

PAGE_LIMIT = 60
"""Results shown at most; the library is small, and a page of 60 cards is already long."""
FILTERS = ("q", "competency", "level")


class LibrarySearchForm(Form):
    q = forms.CharField(
        label="What do you want to get better at?",
        required=False,
        max_length=MAX_QUERY_CHARS,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "e.g. research competitors, run experiments, present to execs",
                "autocomplete": "off",
                "spellcheck": "true",
            }
        ),
        help_text="Describe it in your own words; close spellings and synonyms count.",
    )
    competency = forms.ChoiceField(label="Competency", required=False)
    level = forms.ChoiceField(label="Level", required=False)

    def __init__(self, *args: Any, vocabulary: Vocabulary, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        competency = self.fields["competency"]
        assert isinstance(competency, forms.ChoiceField)
        competency.choices = [
            ("", "Any competency"),
            *((area.name, list(area.competencies)) for area in vocabulary.areas),
        ]
        level = self.fields["level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = [("", "Any level"), *vocabulary.levels.items()]

    def value(self, name: str) -> str:
        """The cleaned value of a field, "" when it was refused (its error is shown)."""
        if not hasattr(self, "cleaned_data"):
            return ""
        return str(self.cleaned_data.get(name) or "")


@dataclass(frozen=True)
class Card:
    """One template as the person sees it: resolved for them, with names, not keys."""

    template: GoalTemplate
    goal: ResolvedGoal
    competencies: tuple[str, ...]
    levels: tuple[str, ...]
    score: float = 0.0

    @property
    def key(self) -> str:
        return self.template.key

    @property
    def metric(self) -> str:
        return metric_in_words(self.template)

    @property
    def category(self) -> str:
        return str(Category(self.template.category).label)


def metric_in_words(template: GoalTemplate) -> str:
    unit = f" {template.metric_unit}" if template.metric_unit else ""
    if template.metric_kind == "yes_no":
        return "Done or not done"
    if template.metric_kind == "steps":
        return "Steps completed"
    baseline, target = format_number(template.baseline), format_number(template.target)
    percent = "%" if template.metric_kind == "percentage" else ""
    if baseline and target:
        return f"From {baseline}{percent} to {target}{percent}{unit}"
    if target:
        return f"Reach {target}{percent}{unit}"
    return f"Measured in{unit}" if unit else "A number you choose"


def card_for(
    template: GoalTemplate, values: PlaceholderValues, vocabulary: Vocabulary, score: float = 0.0
) -> Card:
    return Card(
        template=template,
        goal=resolve_template(template, values),
        competencies=tuple(vocabulary.competency_name(k) for k in template.competencies),
        levels=tuple(vocabulary.level_name(k) for k in template.levels),
        score=score,
    )


def _search_data(request: HtmxHttpRequest, person: User) -> tuple[dict[str, str], bool]:
    """The search as asked, or, on a first visit (nothing asked), the person's own level."""
    asked = {name: request.GET.get(name, "") for name in FILTERS if name in request.GET}
    if asked or not person.level:
        return asked, False
    return {"level": person.level}, True


@login_required
@require_GET
def library(request: HtmxHttpRequest) -> HttpResponse:
    person = signed_in(request)
    vocabulary = active_vocabulary()
    data, level_defaulted = _search_data(request, person)
    form = LibrarySearchForm(data, vocabulary=vocabulary)
    form.is_valid()
    query, competency, level = (form.value(name) for name in FILTERS)
    index = library_index()
    hits = index.search(query, competency=competency or None, level=level or None, limit=None)
    values = values_for(person)
    context = {
        "form": form,
        "query": query,
        "competency": competency,
        "level": level,
        "level_name": vocabulary.level_name(level) if level else "",
        "level_defaulted": level_defaulted,
        "count": len(hits),
        "total": len(index),
        "cards": [card_for(hit.template, values, vocabulary, hit.score) for hit in _top(hits)],
        "filtered": bool(competency or level),
    }
    corrected = corrected_query(index, query)
    context["did_you_mean"] = corrected
    context["did_you_mean_url"] = _search_url(corrected, competency, level)
    context["all_levels_url"] = _search_url(query, competency, "")
    context["clear_url"] = _search_url("", "", "")
    template = "goals/library/index.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, context)


def _top(hits: list[SearchHit]) -> list[SearchHit]:
    return hits[:PAGE_LIMIT]


def _search_url(query: str, competency: str, level: str) -> str:
    """The library page with this search; an empty level stays in it, meaning "every level"."""
    return (
        reverse("library") + "?" + urlencode({"q": query, "competency": competency, "level": level})
    )


def corrected_query(index: LibraryIndex, query: str) -> str:
    """The query with each misspelt word replaced by its likeliest correction; "" when no word
    needed one."""
    words = query.split()
    fixed = [(index.suggestions(word) or (word,))[0] for word in words]
    return " ".join(fixed) if fixed != words else ""


@login_required
@require_GET
def template_detail(request: HtmxHttpRequest, key: str) -> HttpResponse:
    template = template_by_key(key)
    if template is None:
        raise Http404("No goal with that key in the library.")
    person = signed_in(request)
    vocabulary = active_vocabulary()
    card = card_for(template, values_for(person), vocabulary)
    return render(request, "goals/library/detail.html", {"card": card})

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from stepwise.goals.actions import MAX_GOAL_LINKS
from stepwise.goals.library.catalogue import template_by_key
from stepwise.goals.models import (
    WORDLESS_TITLE,
    Category,
    Goal,
    MetricKind,
    Priority,
    Step,
    Visibility,
    title_has_words,
)
from stepwise.lib.forms import Form
from stepwise.lib.links import clean_links
from stepwise.smart import MAX_CHARS


class CheckGoalForm(Form):
    text = forms.CharField(
        label="Your goal, in your own words",
        max_length=MAX_CHARS,
        widget=forms.Textarea(
            attrs={
                "rows": 4,
                "placeholder": "e.g. Interview 8 customers about onboarding by the end of "
                "Q1 so that we can fix the biggest drop-off",
                "spellcheck": "true",
            }
        ),
        help_text="Write it as you would say it to your manager. Stepwise checks it as you type.",
    )


class DateInput(forms.DateInput):
    input_type = "date"


class SometimesRequiredDecimalField(forms.DecimalField):
    """A number the form takes blank but a later rule needs in some cases: its label says
    when (``required_note``) instead of "(optional)"."""

    def __init__(self, *, required_note: str, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.required_note = required_note


class GoalForm(Form):
    """The guided builder's fields, in the order a person answers them."""

    title = forms.CharField(
        label="What will you do or reach?",
        max_length=200,
        help_text="One sentence with a concrete action or result, e.g. “Run 6 customer "
        "interviews on onboarding and share the findings with the team by end of Q1”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    why = forms.CharField(
        label="Why does it matter?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Who benefits and how: your product, your team, your next step.",
    )
    description = forms.CharField(
        label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    category = forms.ChoiceField(label="Kind of goal", choices=Category.choices)
    metric_kind = forms.ChoiceField(
        label="How will you measure it?",
        choices=MetricKind.choices,
        help_text="Steps completed works well for learning goals: plan the steps below.",
    )
    metric_unit = forms.CharField(
        label="Unit", max_length=40, required=False, help_text="e.g. interviews, %, users"
    )
    baseline = forms.DecimalField(
        label="Where you are now", required=False, max_digits=14, decimal_places=2
    )
    target = SometimesRequiredDecimalField(
        label="Target",
        required_note="needed to start",
        max_digits=14,
        decimal_places=2,
        help_text="The number you aim to reach. Needed to start a goal measured by a number or "
        "a percentage; a draft can wait for it.",
    )
    start_date = forms.DateField(label="Start", widget=DateInput)
    due_date = forms.DateField(
        label="Due by",
        required=False,
        widget=DateInput,
        help_text="Deadlines you write in words (“by end of Q3”) fill this in for you.",
    )
    weekly_effort_hours = forms.DecimalField(
        label="Hours a week",
        min_value=0,
        max_value=40,
        decimal_places=1,
        help_text="Your honest estimate; Stepwise adds up your goals against your time.",
    )
    priority = forms.TypedChoiceField(label="Priority", choices=Priority.choices, coerce=int)
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=Visibility.choices,
        help_text="Your manager sees goals shared with them; “Only me” keeps it private.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    template_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=80)
    add_steps = forms.BooleanField(
        label="Add the suggested steps",
        required=False,
        initial=True,
        help_text="A plan to start from, with due dates counted from the start date. Change, "
        "reorder or delete them on the goal's page.",
    )

    NOT_GOAL_FIELDS = frozenset({"version", "template_key", "add_steps"})
    """Fields of the form that are about the form, not columns the goal actions take."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date cannot come before the start date.")
        return data

    def clean_title(self) -> str:
        title: str = self.cleaned_data["title"]
        if not title_has_words(title):
            raise forms.ValidationError(WORDLESS_TITLE)
        return title

    def clean_template_key(self) -> str:
        """A key the library knows, else "" (a template removed since the page was shown
        leaves an ordinary goal, with the person's answers and no suggested steps)."""
        key = self.cleaned_data.get("template_key", "").strip()
        return key if key and template_by_key(key) is not None else ""

    def goal_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.NOT_GOAL_FIELDS}


class CompleteGoalForm(Form):
    outcome = forms.CharField(
        label="What did you achieve?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In a sentence or two, as you would put it in a review.",
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Numbers, feedback you received, what shipped.",
    )
    evidence_links = forms.CharField(
        label="Links",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line: documents, dashboards, announcements.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_evidence_links(self) -> str:
        try:
            links = clean_links(self.cleaned_data["evidence_links"], most=MAX_GOAL_LINKS)
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["evidence_links"]) from None
        return "\n".join(links)


class DropGoalForm(Form):
    reason = forms.CharField(
        label="Why are you dropping it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Priorities change; a reason keeps the record honest.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class StepChoices(forms.SelectMultiple):
    """Django's multiple select, its options written inline rather than one template include
    each: the same markup, and a plan of many steps no longer costs an include per step."""

    template_name = "goals/widgets/select.html"


class StepForm(Form):
    title = forms.CharField(label="Step", max_length=200)
    due_date = forms.DateField(label="Due", required=False, widget=DateInput)
    effort_hours = forms.DecimalField(
        label="Effort (hours)", min_value=0, max_value=1000, decimal_places=1, initial=1
    )
    depends_on = forms.ModelMultipleChoiceField(
        label="Waits for",
        queryset=Step.objects.none(),
        widget=StepChoices,
        required=False,
        help_text="Steps that must be done first.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        goal: Goal,
        step: Step | None = None,
        steps: list[Step] | None = None,
        **kwargs: Any,
    ) -> None:
        """``steps``: the goal's live steps when the caller has them already (no query)."""
        super().__init__(*args, **kwargs)
        exclude = step.pk if step is not None else None
        field = self.fields["depends_on"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        live = goal.steps.alive()
        field.queryset = live if exclude is None else live.exclude(pk=exclude)
        others = [s for s in (steps if steps is not None else field.queryset) if s.pk != exclude]
        if not others:
            del self.fields["depends_on"]
        else:
            field.choices = [(other.pk, other.title) for other in others]


class StepDoneForm(Form):
    done_on = forms.DateField(label="Done on", widget=DateInput)
    evidence = forms.CharField(label="Evidence", required=False, max_length=2000)


class CheckInForm(Form):
    value = forms.DecimalField(label="Where it stands now", max_digits=14, decimal_places=2)
    confidence = forms.TypedChoiceField(
        label="How confident are you of reaching it?",
        choices=[(5, "5 — sure"), (4, "4"), (3, "3 — unsure"), (2, "2"), (1, "1 — unlikely")],
        coerce=int,
        widget=forms.RadioSelect,
        initial=3,
    )
    note = forms.CharField(
        label="What happened", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    blockers = forms.CharField(
        label="Anything in the way?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Name it; your manager sees blockers on goals you share with them.",
    )
    on = forms.DateField(label="As of", widget=DateInput, required=False)


class CorrectCheckInForm(CheckInForm):
    reason = forms.CharField(
        label="Why the correction?",
        max_length=500,
        help_text="The original stays in the goal's history.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

"""Forms for rating one competency, importing a framework and comparing assessments."""

from __future__ import annotations

from typing import Any

from django import forms

from stepwise.lib.forms import Form
from stepwise.skills.framework_file import CompetencySpec, FrameworkSpec

MAX_UPLOAD_BYTES = 1_000_000


class RatingForm(Form):
    """One competency of an assessment; the wizard shows one of these per competency."""

    score = forms.TypedChoiceField(
        label="Where are you today?", coerce=int, required=False, widget=forms.RadioSelect
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you did that shows it: a result, a quote, a document. One or two "
        "examples are enough.",
    )
    evidence_links = forms.CharField(
        label="Links",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One web link per line, e.g. a spec or a dashboard.",
    )
    is_strength = forms.BooleanField(label="A strength", required=False)
    is_weakness = forms.BooleanField(label="Something to work on", required=False)
    is_interest = forms.BooleanField(label="I want to grow here", required=False)

    def __init__(
        self, *args: Any, competency: CompetencySpec, spec: FrameworkSpec, **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", competency.key)
        super().__init__(*args, **kwargs)
        self.competency = competency
        score = self.fields["score"]
        assert isinstance(score, forms.TypedChoiceField)
        score.choices = [(0, "Not yet at the first level")] + [
            (position, level.name) for position, level in enumerate(spec.levels, start=1)
        ]
        self.expectations = [
            (position, level.name, competency.expectations.get(level.key, ""))
            for position, level in enumerate(spec.levels, start=1)
        ]

    def rating(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["score"] = data.get("score") if data.get("score") not in ("", None) else None
        return data


class SummaryForm(Form):
    summary = forms.CharField(
        label="Overall notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything you want to remember about this assessment, or discuss with your "
        "manager.",
    )


class FrameworkImportForm(Form):
    file = forms.FileField(
        label="Framework file",
        required=False,
        help_text="YAML or JSON, in the shape of the default framework (see the docs).",
    )
    text = forms.CharField(
        label="…or paste it here",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    activate = forms.BooleanField(label="Use it for new assessments", required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError("The file is larger than 1 MB.")
            try:
                data["text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError("The file is not UTF-8 text.") from None
            data["fmt"] = "json" if upload.name.lower().endswith(".json") else "yaml"
            data["source_name"] = upload.name
        elif data.get("text", "").strip():
            data["fmt"] = None
            data["source_name"] = "pasted text"
        else:
            raise forms.ValidationError("Choose a file or paste the framework.")
        return data

"""Admin pages: import a competency framework (YAML or JSON), choose the active one."""

from __future__ import annotations

import yaml
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from stepwise.access.people import admin_required, signed_in
from stepwise.skills import actions
from stepwise.skills.forms import FrameworkImportForm
from stepwise.skills.framework_file import FrameworkFileError
from stepwise.skills.models import Framework, FrameworkVersion


@admin_required
@require_http_methods(["GET", "POST"])
def frameworks(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    problems: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = actions.do_import_framework(
                text=data["text"],
                fmt=data["fmt"],
                source_name=data["source_name"],
                actor=actor,
                activate=data["activate"],
            )
        except FrameworkFileError as error:
            problems = tuple(str(problem) for problem in error.problems)
        else:
            messages.success(request, f"Imported {version}.")
            return redirect("frameworks")
    listed = Framework.objects.prefetch_related("versions").order_by("-is_active", "name")
    context = {"form": form, "problems": problems, "frameworks": listed}
    return render(request, "skills/frameworks.html", context)


@admin_required
@require_POST
def activate_framework(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = get_object_or_404(Framework, pk=framework_id)
    actions.do_activate_framework(framework=framework)
    messages.success(request, f"New assessments now use {framework.name}.")
    return redirect("frameworks")


@login_required
def download_framework(request: HttpRequest) -> HttpResponse:
    """The active framework as a YAML file, to read or to start a replacement from."""
    version = FrameworkVersion.objects.active()
    text = yaml.safe_dump(version.data, sort_keys=False, allow_unicode=True, width=100)
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    filename = f"{version.framework.key}-v{version.number}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

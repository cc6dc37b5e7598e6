"""The Django admin for frameworks and assessments.

An admin imports and looks after frameworks, and brings back a deleted assessment, but reads
nobody's assessment (decision 0007): the admin shows who, when and in what state, never the
ratings, evidence or summary. Fields come from ``stepwise.access.admin.admin_fields``.
Assessments are started in the app, so the admin cannot add one; a restore goes through the
action.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from stepwise.access.admin import admin_fields
from stepwise.people.admin import PrivateFieldsAdmin
from stepwise.people.models import User
from stepwise.skills.actions import do_restore_assessment
from stepwise.skills.models import Assessment, AssessmentEvent, Framework, FrameworkVersion


@admin.register(Framework)
class FrameworkAdmin(PrivateFieldsAdmin[Framework]):
    list_display = ("name", "key", "is_active", "created_at")


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(PrivateFieldsAdmin[FrameworkVersion]):
    """Versions are never edited: assessments were made against exactly this text."""

    list_display = ("framework", "number", "source_name", "imported_by", "imported_at")
    readonly_fields = ("framework", "number", "data", "source_name", "imported_by")

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class EventInline(admin.TabularInline[AssessmentEvent, Assessment]):
    """The story of an assessment: who did what when, without what they wrote or scored."""

    model = AssessmentEvent
    extra = 0
    fields = readonly_fields = tuple(f for f in admin_fields(AssessmentEvent) if f != "assessment")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(PrivateFieldsAdmin[Assessment]):
    """Who assessed whom, when, and whether it is finished, shared or deleted. Select deleted
    ones and use "Bring back" to restore them."""

    list_display = (
        "person",
        "assessor",
        "kind",
        "created_at",
        "completed_at",
        "shared_at",
        "deleted_at",
    )
    list_filter = ("kind", "deleted_at")
    list_select_related = ("person", "assessor")
    search_fields = ("person__username", "assessor__username")
    fields = readonly_fields = admin_fields(Assessment)
    inlines = [EventInline]
    actions = ["restore_assessments"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # assessments are started in the app, by the person or their manager

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # deleting is soft, in the app; nothing is lost here

    @admin.action(description="Bring back the selected deleted assessments")
    def restore_assessments(self, request: HttpRequest, queryset: QuerySet[Assessment]) -> None:
        assert isinstance(request.user, User)
        restored = 0
        for assessment in queryset.filter(deleted_at__isnull=False):
            try:
                do_restore_assessment(assessment=assessment, actor=request.user)
            except ValidationError as error:
                self.message_user(request, f"{assessment}: {error.messages[0]}", messages.ERROR)
            else:
                restored += 1
        self.message_user(request, f"{restored} assessment(s) brought back.")

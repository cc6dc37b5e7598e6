from django.contrib import admin

from stepwise.skills.models import Assessment, AssessmentEvent, Framework, FrameworkVersion


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "is_active", "created_at")


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    """Versions are never edited: assessments were made against exactly this text."""

    list_display = ("framework", "number", "source_name", "imported_by", "imported_at")
    readonly_fields = ("framework", "number", "data", "source_name", "imported_by")

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


class EventInline(admin.TabularInline):
    model = AssessmentEvent
    extra = 0
    readonly_fields = ("actor", "kind", "detail", "at")
    can_delete = False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """For bringing back a deleted assessment: clear its "deleted at"."""

    list_display = ("person", "assessor", "kind", "created_at", "completed_at", "deleted_at")
    list_filter = ("kind", "deleted_at")
    fields = ("person", "assessor", "kind", "framework_version", "completed_at", "deleted_at")
    readonly_fields = ("person", "assessor", "kind", "framework_version", "completed_at")
    inlines = [EventInline]

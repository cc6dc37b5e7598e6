from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from stepwise.people.models import AuditEvent, Organisation, Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "display_name", "email", "level", "team", "manager", "is_superuser")
    list_filter = ("is_superuser", "is_active", "team", "level")
    list_select_related = ("team", "manager")
    search_fields = ("username", "display_name", "email")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (
            "Career profile",
            {
                "fields": (
                    "display_name",
                    "role_track",
                    "level",
                    "target_level",
                    "target_date",
                    "manager",
                    "team",
                    "timezone",
                    "weekly_growth_hours",
                )
            },
        ),
    )
    raw_id_fields = ("manager",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ("name", "created_at")
    search_fields = ("name",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "allow_self_signup", "fiscal_year_start_month")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("at", "kind", "username", "actor", "ip_address")
    list_filter = ("kind",)
    search_fields = ("username", "ip_address")
    list_select_related = ("actor",)

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the audit log is append-only

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

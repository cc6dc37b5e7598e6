"""The Django admin for people: accounts, teams, settings, the audit log.

Manager and team grant access, so even here they change only through the actions that
record them in the audit log (``do_place_person``, ``do_set_team_lead``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.db.models import Model
from django.http import HttpRequest

from stepwise.access.admin import admin_may_filter_by
from stepwise.people import actions
from stepwise.people.models import AuditEvent, Organisation, PlacementRequest, Team, User

AnyModel = TypeVar("AnyModel", bound=Model)


def _admin(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


class PrivateFieldsAdmin(admin.ModelAdmin[AnyModel]):
    """The base of every ModelAdmin here: a query-string filter that touches a private
    field (``?summary__startswith=…``), on the model or through a relation, answers 400
    instead of telling how many rows match (decision 0007)."""

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        return admin_may_filter_by(self.model, lookup) and super().lookup_allowed(
            lookup, value, request
        )


class PersonChangeForm(UserChangeForm[User]):
    placed_by: User | None = None  # the admin sending the form, set by ``UserAdmin.get_form``

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk is None or self.placed_by is None or self.errors:
            return data
        stored = User.objects.get(pk=self.instance.pk)
        try:
            actions.check_placement(
                person=stored,
                placed_by=self.placed_by,
                team=data.get("team"),
                manager=data.get("manager"),
            )
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return data


@admin.register(User)
class UserAdmin(PrivateFieldsAdmin[User], DjangoUserAdmin):
    form = PersonChangeForm
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

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"placed_by": _admin(request)})

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        placed = change and bool({"team", "manager"} & set(form.changed_data))
        if placed:
            stored = User.objects.get(pk=obj.pk)
            team, manager = obj.team, obj.manager
            obj.team, obj.manager = stored.team, stored.manager
        super().save_model(request, obj, form, change)
        if placed:
            actions.do_place_person(
                person=obj, placed_by=_admin(request), team=team, manager=manager, request=request
            )
            obj.refresh_from_db(fields=["team", "manager"])


@admin.register(Team)
class TeamAdmin(PrivateFieldsAdmin[Team]):
    list_display = ("name", "lead", "created_at")
    list_select_related = ("lead",)
    search_fields = ("name",)
    raw_id_fields = ("lead",)

    def save_model(self, request: HttpRequest, obj: Team, form: Any, change: bool) -> None:
        lead = obj.lead
        obj.lead = Team.objects.get(pk=obj.pk).lead if change else None
        super().save_model(request, obj, form, change)
        if obj.lead != lead:
            actions.do_set_team_lead(team=obj, lead=lead, set_by=_admin(request), request=request)
            obj.refresh_from_db(fields=["lead"])


@admin.register(PlacementRequest)
class PlacementRequestAdmin(PrivateFieldsAdmin[PlacementRequest]):
    """Who asked for which manager or team, and the answer. Read-only: people answer in the
    app, where the manager or team lead confirms."""

    list_display = ("person", "kind", "asked_for", "state", "created_at", "answered_by")
    list_filter = ("kind", "state")
    list_select_related = ("person", "answered_by")
    search_fields = ("person__username", "asked_for")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(PrivateFieldsAdmin[Organisation]):
    list_display = ("name", "allow_self_signup", "fiscal_year_start_month")


@admin.register(AuditEvent)
class AuditEventAdmin(PrivateFieldsAdmin[AuditEvent]):
    list_display = ("at", "kind", "username", "actor", "ip_address")
    list_filter = ("kind",)
    search_fields = ("username", "ip_address")
    list_select_related = ("actor",)

    """The audit log is append-only: the actions write it, nobody adds, changes or deletes
    an event here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

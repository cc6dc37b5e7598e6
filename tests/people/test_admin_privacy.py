"""The Django admin obeys the same gate as the app: an admin administers accounts, teams and
frameworks and restores deleted things, but reads nobody's private content (decision 0007)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin as django_admin
from django.db.models import ForeignObjectRel, Model
from django.test import Client
from django.urls import reverse

from stepwise.access.admin import ADMIN_HIDDEN_FIELDS, admin_fields, hidden_fields
from stepwise.goals.actions import do_record_checkin
from stepwise.goals.models import Visibility
from stepwise.people.models import AuditEvent, User
from stepwise.skills.actions import (
    do_complete_assessment,
    do_delete_assessment,
    do_rate_competency,
    do_start_assessment,
    do_update_assessment,
)
from stepwise.skills.models import Assessment, AssessmentEvent
from tests.conftest import active_goal

pytestmark = pytest.mark.django_db

SECRETS = {
    "goal": "Quietly interview with Acme",
    "checkin": "Told nobody about the offer yet",
    "evidence": "I froze in the pricing review",
    "summary": "I doubt I am ready for PM",
}


@pytest.fixture
def alices_private_things(alice: User) -> Assessment:
    """A private goal with a check-in note, and a finished, unshared self-assessment."""
    goal = active_goal(alice, title=SECRETS["goal"], visibility=Visibility.PRIVATE)
    do_record_checkin(
        goal=goal, author=alice, value=Decimal(1), confidence=2, note=SECRETS["checkin"]
    )
    assessment = do_start_assessment(person=alice, assessor=alice)
    for number, competency in enumerate(assessment.spec.competencies()):
        do_rate_competency(
            assessment=assessment,
            actor=alice,
            competency_key=competency.key,
            score=1 + number % 3,
            evidence=SECRETS["evidence"] if number == 0 else "",
        )
    do_update_assessment(assessment=assessment, actor=alice, summary=SECRETS["summary"])
    do_complete_assessment(assessment=assessment, actor=alice)
    return assessment


def admin_urls() -> list[str]:
    """Every changelist, add page and change page of every model the admin registers."""
    urls = []
    for model in django_admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        for pk in model._default_manager.values_list("pk", flat=True)[:5]:
            urls += [reverse(f"{name}_change", args=[pk]), reverse(f"{name}_history", args=[pk])]
    return urls


def test_adding_an_assessment_in_the_admin_is_refused_not_a_crash(
    admin: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    url = reverse("admin:skills_assessment_add")
    assert as_admin.get(url).status_code == 403
    as_admin.raise_request_exception = False
    form = {f"events-{name}": "0" for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")}
    posted = as_admin.post(url, {**form, "deleted_at_0": "", "deleted_at_1": "", "_save": "Save"})
    assert posted.status_code == 403
    assert not Assessment.objects.exists()


def test_every_admin_page_answers_and_shows_none_of_alices_private_text(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    urls = admin_urls()
    assert len(urls) > 20
    for url in urls:
        for query in ("", "?q=Acme", "?q=froze"):
            response = as_admin.get(url + query)
            assert response.status_code < 500, url
            page = response.content.decode()
            for secret in SECRETS.values():
                assert secret not in page, (url, secret)
            assert '"score": ' not in page and "score&quot;" not in page, url


def test_searching_the_admin_for_private_text_finds_nothing(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    page = client_for(admin).get(reverse("admin:skills_assessment_changelist") + "?q=froze")
    assert "0 assessments" in page.content.decode() or "0 results" in page.content.decode()


def test_every_private_field_the_admin_hides_names_a_real_model_and_field() -> None:
    for label, hidden in ADMIN_HIDDEN_FIELDS.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.get_fields()}
        assert hidden <= names, (label, hidden - names)
        assert not hidden & set(admin_fields(model)), label


def test_no_admin_lists_searches_or_shows_a_private_field() -> None:
    for model, model_admin in django_admin.site._registry.items():
        hidden = hidden_fields(model)
        shown = {*model_admin.list_display, *model_admin.search_fields}
        shown |= set(model_admin.fields or ())
        assert not hidden & shown, model
        for inline in model_admin.inlines:
            inline_hidden = hidden_fields(inline.model)
            assert not inline_hidden & set(inline.fields or inline.readonly_fields), inline


def test_the_admin_restores_a_deleted_assessment_through_the_action(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    assessment = alices_private_things
    do_delete_assessment(assessment=assessment, actor=assessment.assessor)
    response = client_for(admin).post(
        reverse("admin:skills_assessment_changelist"),
        {"action": "restore_assessments", "_selected_action": [assessment.pk]},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.deleted_at is None
    restored = AssessmentEvent.objects.get(assessment=assessment, kind="restored")
    assert restored.actor == admin


# ---- lookups in the query string -----------------------------------------------------------


def _path_to(start: type[Model], goal: type[Model]) -> str | None:
    """The shortest lookup path of relations from ``start`` to ``goal`` ("" for itself)."""
    paths: dict[type[Model], str] = {start: ""}
    frontier = [start]
    while frontier:
        following = []
        for model in frontier:
            for field in model._meta.get_fields():
                target = field.related_model
                if not field.is_relation or not isinstance(target, type) or target in paths:
                    continue
                name = field.name
                if isinstance(field, ForeignObjectRel):
                    name = field.field.related_query_name()
                paths[target] = f"{paths[model]}{name}__"
                following.append(target)
        frontier = following
    return paths.get(goal)


def hidden_lookups(model: type[Model]) -> list[str]:
    """Every private field reachable from ``model``, as the query-string lookups that would
    find a text letter by letter."""
    lookups = []
    for label, fields in ADMIN_HIDDEN_FIELDS.items():
        path = _path_to(model, apps.get_model(label))
        if path is None:
            continue
        for field in sorted(fields):
            lookups += [
                f"{path}{field}__startswith",
                f"{path}{field}__icontains",
                f"{path}{field}__regex",
                f"{path}{field}",
            ]
    return lookups


def test_the_admin_answers_400_to_a_lookup_on_a_private_field_of_any_model(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    as_admin.raise_request_exception = False
    tried = 0
    for model in django_admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for lookup in hidden_lookups(model):
            response = as_admin.get(url, {lookup: "I"})
            assert response.status_code == 400, (url, lookup, response.status_code)
            tried += 1
    assert tried > 100


def test_the_admin_cannot_spell_out_a_summary_letter_by_letter(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    as_admin.raise_request_exception = False
    url = reverse("admin:skills_assessment_changelist")
    for lookup, value in (
        ("summary__startswith", "I doubt"),
        ("summary__icontains", "ready"),
        ("summary__regex", "^I"),
        ("ratings__evidence__contains", "froze"),
        ("events__detail__contains", "score"),
    ):
        response = as_admin.get(url, {lookup: value})
        assert response.status_code == 400, lookup
        assert "1 assessment" not in response.content.decode()


def test_the_admin_still_filters_by_who_and_when(
    admin: User, alices_private_things: Assessment, client_for: Callable[[User], Client]
) -> None:
    url = reverse("admin:skills_assessment_changelist")
    response = client_for(admin).get(url, {"kind": "self", "deleted_at__isnull": "True"})
    assert response.status_code == 200
    assert "1 assessment" in response.content.decode()


# ---- the audit log is read-only ----------------------------------------------------------


def test_the_audit_log_cannot_be_forged_changed_or_deleted_in_the_admin(
    admin: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    as_admin = client_for(admin)
    as_admin.raise_request_exception = False
    real = AuditEvent.objects.create(kind=AuditEvent.Kind.LOGIN, actor=alice, username="alice")
    before = list(AuditEvent.objects.values_list("pk", "kind", "username", "actor_id"))
    made_up = {
        "kind": "login",
        "actor": alice.pk,
        "username": "alice",
        "ip_address": "10.1.2.3",
        "user_agent": "forged",
        "detail": "{}",
        "_save": "Save",
    }
    add = reverse("admin:people_auditevent_add")
    assert as_admin.get(add).status_code == 403
    assert as_admin.post(add, made_up).status_code == 403
    change = reverse("admin:people_auditevent_change", args=[real.pk])
    assert as_admin.post(change, {**made_up, "username": "mallory"}).status_code == 403
    delete = reverse("admin:people_auditevent_delete", args=[real.pk])
    assert as_admin.post(delete, {"post": "yes"}).status_code == 403
    bulk = as_admin.post(
        reverse("admin:people_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [real.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    assert list(AuditEvent.objects.values_list("pk", "kind", "username", "actor_id")) == before
    assert as_admin.get(change).status_code == 200  # still there to read

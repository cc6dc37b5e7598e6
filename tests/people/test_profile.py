"""Editing one's profile: saved when right, refused with reasons and unchanged when wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, Level, User


def profile_data(person: User, **changes: Any) -> dict[str, Any]:
    data = {
        "display_name": person.display_name,
        "email": person.email,
        "role_track": person.role_track,
        "level": person.level,
        "target_level": person.target_level,
        "target_date": "",
        "timezone": person.timezone,
        "weekly_growth_hours": str(person.weekly_growth_hours),
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_profile_edit_saves_and_is_audited(
    alice: User, carol: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).post(
        reverse("profile"),
        profile_data(
            alice,
            display_name="Alice M.",
            target_level=Level.SENIOR_PM,
            target_date="2027-09-30",
            timezone="Europe/Paris",
            weekly_growth_hours="5.5",
        ),
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Alice M."
    assert alice.target_level == Level.SENIOR_PM
    assert str(alice.target_date) == "2027-09-30"
    assert alice.timezone == "Europe/Paris"
    assert str(alice.weekly_growth_hours) == "5.5"
    event = AuditEvent.objects.get(kind="profile_changed")
    assert set(event.detail["fields"]) == {
        "display_name",
        "target_level",
        "target_date",
        "timezone",
        "weekly_growth_hours",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekly_growth_hours": "-1"}, "greater than or equal to 0"),
        ({"weekly_growth_hours": "80"}, "less than or equal to 40"),
        ({"weekly_growth_hours": "lots"}, "Enter a number"),
        ({"target_level": Level.ASSOCIATE_PM, "level": Level.PM}, "at or above your current"),
        ({"timezone": "Mars/Base"}, "Select a valid choice"),
        ({"email": "nope"}, "valid email"),
        ({"target_date": "31/31/2027"}, "valid date"),
        ({"level": "emperor"}, "Select a valid choice"),
    ],
)
def test_bad_profile_input_explains_and_saves_nothing(
    alice: User,
    client_for: Callable[[User], Client],
    changes: dict[str, str],
    message: str,
) -> None:
    client = client_for(alice)
    before = User.objects.filter(pk=alice.pk).values().get()
    response = client.post(
        reverse("profile"), profile_data(alice, display_name="Changed", **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.filter(pk=alice.pk).values().get() == before
    assert not AuditEvent.objects.filter(kind="profile_changed").exists()


@pytest.mark.django_db
def test_dashboard_greets_and_says_what_is_missing(
    make_person: Callable[..., User], client_for: Callable[[User], Client]
) -> None:
    newcomer = make_person("newcomer", display_name="Nia")
    page = client_for(newcomer).get(reverse("dashboard")).content.decode()
    assert "Nia" in page
    assert "Complete your profile" in page
    assert "current level, target level, target date, manager" in page


@pytest.mark.django_db
def test_manager_dashboard_lists_their_reports(
    alice: User, dan: User, bob: User, eve: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(bob).get(reverse("dashboard")).content.decode()
    assert "People you manage" in page
    assert "Alice" in page and "Dan" in page
    assert "Eve" not in page

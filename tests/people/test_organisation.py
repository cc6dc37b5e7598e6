"""The admin's pages and Django admin: open to admins, a 404 (or login) for everyone else."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stepwise.people.models import AuditEvent, Organisation, Team, User

ADMIN_PAGES = ["organisation", "person_new", "team_new"]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ADMIN_PAGES)
@pytest.mark.parametrize("persona", ["alice", "bob", "eve"])
def test_admin_pages_are_not_found_for_people_who_are_not_admins(
    request: pytest.FixtureRequest, client_for: Callable[[User], Client], page: str, persona: str
) -> None:
    person = request.getfixturevalue(persona)
    assert client_for(person).get(reverse(page)).status_code == 404
    assert client_for(person).post(reverse(page), {"name": "Sneaky"}).status_code == 404
    assert not Team.objects.filter(name="Sneaky").exists()


@pytest.mark.django_db
def test_placing_a_person_is_admin_only(
    alice: User, dan: User, client_for: Callable[[User], Client]
) -> None:
    url = reverse("person_place", args=[dan.pk])
    assert client_for(alice).post(url, {"manager": alice.pk}).status_code == 404
    dan.refresh_from_db()
    assert dan.manager is not None and dan.manager.username == "bob"


@pytest.mark.django_db
def test_django_admin_refuses_people_who_are_not_admins(
    alice: User, admin: User, client_for: Callable[[User], Client]
) -> None:
    refused = client_for(alice).get("/admin/")
    assert refused.status_code == 302
    assert "/admin/login/" in refused["Location"]
    assert client_for(admin).get("/admin/").status_code == 200
    assert client_for(admin).get("/admin/people/auditevent/").status_code == 200


@pytest.mark.django_db
def test_admin_creates_a_team_and_a_person_and_sets_the_manager(
    admin: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(admin)
    response = client.post(reverse("team_new"), {"name": "Growth", "description": "Sign-ups"})
    assert response.status_code == 302
    growth = Team.objects.get(name="Growth")
    response = client.post(
        reverse("person_new"),
        {
            "username": "gina",
            "display_name": "Gina",
            "email": "gina@example.com",
            "password": "gina-first-passphrase",
            "level": "pm",
            "team": growth.pk,
            "manager": bob.pk,
        },
    )
    assert response.status_code == 302
    gina = User.objects.get(username="gina")
    assert (gina.team, gina.manager, gina.is_admin) == (growth, bob, False)
    assert Client().login(username="gina", password="gina-first-passphrase")
    assert AuditEvent.objects.filter(kind="user_created", subject=gina, actor=admin).exists()
    page = client.get(reverse("organisation")).content.decode()
    assert "Gina" in page and "Growth" in page


@pytest.mark.django_db
def test_admin_sees_clear_errors_for_a_duplicate_team_or_weak_password(
    admin: User, checkout: Team, client_for: Callable[[User], Client]
) -> None:
    client = client_for(admin)
    duplicate = client.post(reverse("team_new"), {"name": "checkout"})
    assert "already a team called" in duplicate.content.decode()
    weak = client.post(
        reverse("person_new"),
        {"username": "hal", "email": "hal@example.com", "password": "12345678"},
    )
    assert "too common" in weak.content.decode().replace("’", "'")
    assert Team.objects.count() == 1
    assert not User.objects.filter(username="hal").exists()


@pytest.mark.django_db
def test_admin_sets_a_manager_but_not_in_a_circle(
    admin: User, alice: User, bob: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(admin)
    response = client.post(reverse("person_place", args=[bob.pk]), {"manager": alice.pk})
    assert "cannot report to their report" in response.content.decode()
    bob.refresh_from_db()
    assert bob.manager is None


@pytest.mark.django_db
def test_admin_closes_self_sign_up(admin: User, client_for: Callable[[User], Client]) -> None:
    client_for(admin).post(reverse("organisation"), {"name": "Acme", "allow_self_signup": ""})
    organisation = Organisation.current()
    assert organisation.name == "Acme"
    assert organisation.allow_self_signup is False
    assert AuditEvent.objects.filter(kind="settings_changed").exists()
    assert Client().get(reverse("signup")).status_code == 403


@pytest.mark.django_db
def test_navigation_shows_the_organisation_only_to_admins(
    admin: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    assert "Organisation" in client_for(admin).get(reverse("dashboard")).content.decode()
    assert "Organisation" not in client_for(alice).get(reverse("dashboard")).content.decode()


@pytest.mark.django_db
def test_organisation_page_queries_do_not_grow_with_people(
    admin: User,
    make_person: Callable[..., User],
    client_for: Callable[[User], Client],
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    team = Team.objects.create(name="Big")
    for index in range(30):
        make_person(f"person{index}", team=team, manager=admin)
    client = client_for(admin)
    with django_assert_max_num_queries(12):  # type: ignore[attr-defined]
        assert client.get(reverse("organisation")).status_code == 200

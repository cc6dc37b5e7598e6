"""Demo data: a small product organisation to try Stepwise with; loading it twice is harmless."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from stepwise.people.actions import (
    do_create_team,
    do_create_user,
    do_set_team_lead,
    do_update_organisation,
)
from stepwise.people.models import Level, Team, User

DEMO_PASSWORD = "stepwise-demo"  # noqa: S105  (printed on purpose: it is the demo's)


@dataclass(frozen=True)
class DemoPerson:
    username: str
    name: str
    role: str
    level: str
    target_level: str
    team: str
    manager: str = ""
    hours: str = "3"
    admin: bool = False


TEAMS = {
    "Checkout": "Payments and the purchase flow of the web shop.",
    "Discovery": "Search, recommendations and the home page.",
}
TEAM_LEADS = {"Checkout": "bob", "Discovery": "carol"}

PEOPLE = (
    DemoPerson("admin", "Ada Admin", "runs this Stepwise", "", "", "", admin=True),
    DemoPerson(
        "bob",
        "Bob Okafor",
        "Group PM, manages Alice and Dan",
        Level.PRINCIPAL_PM,
        Level.DIRECTOR,
        "Checkout",
        hours="2",
    ),
    DemoPerson(
        "alice",
        "Alice Moreau",
        "Associate PM who wants to grow",
        Level.ASSOCIATE_PM,
        Level.PM,
        "Checkout",
        manager="bob",
        hours="4",
    ),
    DemoPerson(
        "dan",
        "Dan Kowalski",
        "PM, Alice's teammate",
        Level.PM,
        Level.SENIOR_PM,
        "Checkout",
        manager="bob",
    ),
    DemoPerson(
        "carol",
        "Carol Nguyen",
        "Senior PM, mentors Alice",
        Level.SENIOR_PM,
        Level.PRINCIPAL_PM,
        "Discovery",
    ),
    DemoPerson(
        "eve",
        "Eve Lindqvist",
        "PM in another team",
        Level.PM,
        Level.SENIOR_PM,
        "Discovery",
        manager="carol",
    ),
)


def demo_is_loaded() -> bool:
    """True while the demo's first person still signs in with the demo's email address."""
    return User.objects.filter(username="alice", email="alice@northwind.example").exists()


@transaction.atomic
def load_demo() -> list[DemoPerson]:
    """Create the demo organisation where it is missing; returns the demo people."""
    admin = _ensure_person(PEOPLE[0], teams={}, creator=None)
    do_update_organisation(changed_by=admin, name="Northwind Commerce")
    teams = {name: _ensure_team(name, description, admin) for name, description in TEAMS.items()}
    for person in PEOPLE[1:]:
        _ensure_person(person, teams=teams, creator=admin)
    for team_name, lead in TEAM_LEADS.items():
        team = teams[team_name]
        if team.lead_id is None:
            do_set_team_lead(team=team, lead=User.objects.get(username=lead), set_by=admin)
    return list(PEOPLE)


def _ensure_team(name: str, description: str, admin: User) -> Team:
    existing = Team.objects.filter(name__iexact=name).first()
    return existing or do_create_team(created_by=admin, name=name, description=description)


def _ensure_person(person: DemoPerson, *, teams: dict[str, Team], creator: User | None) -> User:
    existing = User.objects.filter(username__iexact=person.username).first()
    if existing is not None:
        return existing
    user = do_create_user(
        created_by=creator,
        username=person.username,
        email=f"{person.username}@northwind.example",
        password=DEMO_PASSWORD,
        display_name=person.name,
        is_admin=person.admin,
        team=teams.get(person.team),
        manager=User.objects.filter(username=person.manager).first() if person.manager else None,
        level=person.level,
    )
    user.target_level = person.target_level
    user.target_date = date(date.today().year + 1, 6, 30) if person.target_level else None
    user.weekly_growth_hours = Decimal(person.hours)
    user.save(update_fields=["target_level", "target_date", "weekly_growth_hours"])
    return user

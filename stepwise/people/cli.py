"""`stepwise placement …`: ask for a manager or a team, answer requests, withdraw, leave.

The same rule as on the profile page and in the API: a request changes nothing until the
manager named (or the team's lead, or an admin for a team without one) confirms it, and
asking for a manager answers the same whether or not the account exists. ``stepwise/cli.py``
mounts ``placement_app`` as `stepwise placement`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from stepwise.lib.cli import CliError, friendly, out, setup_django
from stepwise.people.cli_support import UserOption, acting_person

if TYPE_CHECKING:
    from stepwise.people.models import PlacementRequest

placement_app = typer.Typer(
    help="Your manager and team: ask, answer, withdraw, leave.", no_args_is_help=True
)

RequestId = Annotated[
    int, typer.Argument(metavar="ID", help="The request's id (see `stepwise placement list`).")
]


@placement_app.command("request")
@friendly
def request_placement(
    user: UserOption = None,
    manager: Annotated[
        str | None, typer.Option(help="Your manager's sign-in name or e-mail address.")
    ] = None,
    team: Annotated[str | None, typer.Option(help="The name of the team to join.")] = None,
) -> None:
    """Ask someone to be your manager, or ask to join a team."""
    setup_django()
    from stepwise.access.people import teams_to_join
    from stepwise.people import actions

    if (manager is None) == (team is None):
        raise CliError("say either --manager NAME or --team NAME")
    person = acting_person(user)
    if manager is not None:
        actions.do_request_manager(person=person, asked_for=manager)
        out.print(actions.REQUEST_SENT)
        return
    assert team is not None
    wanted = teams_to_join(person).filter(name__iexact=team.strip()).first()
    if wanted is None:
        raise CliError(f"no team called {team!r} that you can join (see the Teams on your profile)")
    actions.do_request_team(person=person, team=wanted)
    out.print(f"Asked to join {wanted.name}; you join once its lead (or an admin) confirms.")


@placement_app.command("list")
@friendly
def list_placements(user: UserOption = None) -> None:
    """Your requests still waiting, and the requests waiting for your answer."""
    setup_django()
    from stepwise.access.people import own_placement_requests, placement_requests_waiting_for

    person = acting_person(user)
    mine = list(own_placement_requests(person))
    waiting = list(placement_requests_waiting_for(person))
    if not mine and not waiting:
        out.print("No requests: nothing waits for you, and you wait for nobody.")
        return
    table = Table()
    for column in ("id", "who", "asks for", "sent"):
        table.add_column(column)
    for placement in mine:
        table.add_row(
            str(placement.pk), "you", _asked(placement), f"{placement.created_at:%Y-%m-%d}"
        )
    for placement in waiting:
        who = f"{placement.person.name} ({placement.person.username})"
        table.add_row(str(placement.pk), who, _asked(placement), f"{placement.created_at:%Y-%m-%d}")
    out.print(table)


def _asked(placement: PlacementRequest) -> str:
    if placement.team_id is not None:
        return f"to join {placement.asked_for}"
    return f"“{placement.asked_for}” as manager"


@placement_app.command("answer")
@friendly
def answer_placement(
    request_id: RequestId,
    user: UserOption = None,
    confirm: Annotated[bool, typer.Option("--confirm", help="Confirm the request.")] = False,
    decline: Annotated[bool, typer.Option("--decline", help="Decline it (with --reason).")] = False,
    reason: Annotated[str, typer.Option(help="Why you decline; they will read it.")] = "",
) -> None:
    """Confirm or decline a request waiting for you."""
    setup_django()
    from django.http import Http404

    from stepwise.access.people import access_placement_request_to_answer
    from stepwise.people import actions

    if confirm == decline:
        raise CliError("say either --confirm or --decline")
    person = acting_person(user)
    try:
        placement = access_placement_request_to_answer(person, request_id)
    except Http404:
        raise CliError(f"no request {request_id} waiting for your answer") from None
    actions.do_answer_placement_request(
        placement=placement, answered_by=person, confirm=confirm, reason=reason
    )
    verb = "Confirmed" if confirm else "Declined"
    out.print(f"{verb} {placement.person.name}'s request {_asked(placement)}.")


@placement_app.command("withdraw")
@friendly
def withdraw_placement(request_id: RequestId, user: UserOption = None) -> None:
    """Withdraw one of your own requests."""
    setup_django()
    from django.http import Http404

    from stepwise.access.people import access_own_placement_request
    from stepwise.people import actions

    person = acting_person(user)
    try:
        placement = access_own_placement_request(person, request_id)
    except Http404:
        raise CliError(f"no request {request_id} of yours is waiting") from None
    actions.do_cancel_placement_request(placement=placement, person=person)
    out.print("Request withdrawn.")


@placement_app.command("leave")
@friendly
def leave_placement(
    user: UserOption = None,
    manager: Annotated[
        bool, typer.Option("--manager", help="Stop reporting to your manager.")
    ] = False,
    team: Annotated[bool, typer.Option("--team", help="Leave your team.")] = False,
) -> None:
    """Leave your team or stop reporting to your manager (nobody needs to confirm)."""
    setup_django()
    from stepwise.people import actions

    if manager == team:
        raise CliError("say either --manager or --team")
    person = acting_person(user)
    if manager:
        left = actions.do_remove_manager(person=person)
        out.print("You no longer report to a manager." if left else "You had no manager.")
    else:
        left = actions.do_leave_team(person=person)
        out.print("You left your team." if left else "You were in no team.")

"""Who is at the terminal: the `--user` option and the person it names.

Every command that acts as someone (goals, check-ins, assessments, placement requests) takes
`--user NAME`, or acts as the only person there is. The apps above people import these two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from stepwise.lib.cli import CliError

if TYPE_CHECKING:
    from stepwise.people.models import User

UserOption = Annotated[
    str | None,
    typer.Option("--user", "-u", help="Act as this person (needed when there are several)."),
]


def acting_person(username: str | None) -> User:
    """The person named by --user, or the only person there is."""
    from stepwise.people.models import User

    people = User.objects.filter(is_active=True)
    if username is not None:
        person = people.filter(username__iexact=username.strip()).first()
        if person is None:
            raise CliError(f"no active account called {username!r}")
        return person
    only = list(people.order_by("pk")[:2])
    if len(only) == 1:
        return only[0]
    if not only:
        raise CliError("there are no accounts yet: create one with `stepwise createuser`")
    raise CliError("several people use this Stepwise: say who you are with --user NAME")

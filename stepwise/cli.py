"""The `stepwise` command: serve the app, load demo data, manage accounts.

Every command that fails prints one line saying why and exits non-zero; no tracebacks.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

if TYPE_CHECKING:
    from stepwise.people.models import User

app = typer.Typer(
    name="stepwise",
    help="Stepwise: a career-growth workspace for product managers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

Command = TypeVar("Command", bound=Callable[..., Any])
UserOption = Annotated[
    str | None,
    typer.Option("--user", "-u", help="Act as this person (needed when there are several)."),
]


class CliError(Exception):
    """A problem to report to the person at the terminal in one line."""


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepwise.settings")
    import django

    django.setup()


def friendly(command: Command) -> Command:
    """Turn expected failures into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from django.core.exceptions import ValidationError
        from django.db import DatabaseError

        try:
            return command(*args, **kwargs)
        except CliError as error:
            _fail(str(error))
        except ValidationError as error:
            _fail(" ".join(error.messages))
        except DatabaseError as error:
            _fail(f"database error: {str(error).splitlines()[0] if str(error) else error!r}")

    return wrapper  # type: ignore[return-value]


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


def _fail(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


@app.command()
@friendly
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 2,
) -> None:
    """Migrate the database if needed, then serve Stepwise over HTTP."""
    _plain_http_on_https_settings(host, port)
    _setup_django()
    from stepwise.server import run_server

    _migrate()
    run_server(host=host, port=port, workers=workers, announce=_announce)


def _plain_http_on_https_settings(host: str, port: int) -> None:
    """`stepwise serve` speaks plain http. With HTTPS on and no TLS proxy in front, browsers
    would be sent to an https:// address that nothing answers. On this machine only (a
    loopback address) serve with HTTPS off for this run and say so; on an address others can
    reach, refuse with what to set."""
    from stepwise.config import EnvError, load_config

    try:
        config = load_config(os.environ)
    except EnvError:
        return  # settings report it in one line when Django starts
    if not config.https or config.proxy_count:
        return
    if not _is_loopback(host):
        raise CliError(
            f"serving plain http on {host} with HTTPS on would redirect browsers to "
            f"https://{host}:{port}/, which nothing serves: behind a TLS proxy set "
            "STEPWISE_PROXY_COUNT=1 (and STEPWISE_TRUSTED_PROXIES), or for a trial run "
            "set STEPWISE_HTTPS=false"
        )
    os.environ["STEPWISE_HTTPS"] = "false"
    err.print(
        f"Serving plain http on {host}, which only this machine can reach: HTTPS redirects "
        "and secure cookies are off for this run. Behind a TLS proxy, set "
        "STEPWISE_PROXY_COUNT=1.",
        highlight=False,
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _announce(url: str) -> None:
    from stepwise.people.demo import DEMO_PASSWORD, demo_is_loaded

    out.print(f"\n[bold]Stepwise is running at[/] [link={url}]{url}[/]")
    if demo_is_loaded():
        out.print(
            "Sign in as [bold]alice[/] (a PM), [bold]bob[/] (her manager) or [bold]admin[/], "
            f"password [bold]{DEMO_PASSWORD}[/]"
        )
    out.print("Press Ctrl+C to stop.\n")


@app.command()
@friendly
def demo() -> None:
    """Load demo data: a small organisation with a PM, her manager, a mentor and others."""
    _setup_django()
    from rich.table import Table

    from stepwise.goals.demo import load_demo_goals
    from stepwise.people.demo import DEMO_PASSWORD, load_demo
    from stepwise.skills.demo import load_demo_assessments

    _migrate()
    people = load_demo()
    load_demo_goals()
    load_demo_assessments()
    table = Table(title="Demo accounts (password: " + DEMO_PASSWORD + ")")
    table.add_column("sign in as")
    table.add_column("name")
    table.add_column("who they are")
    for person in people:
        table.add_row(person.username, person.name, person.role)
    out.print(table)


@app.command()
@friendly
def createuser(
    username: Annotated[str, typer.Argument(help="The sign-in name.")],
    email: Annotated[str, typer.Option(help="Email address (for password resets).")],
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    admin: Annotated[bool, typer.Option("--admin", help="Make this person an admin.")] = False,
    password: Annotated[
        str | None,
        typer.Option(
            envvar="STEPWISE_PASSWORD",
            help="Password; asked for when absent (or read from STEPWISE_PASSWORD).",
        ),
    ] = None,
) -> None:
    """Create an account."""
    _setup_django()
    from stepwise.people.actions import do_create_user
    from stepwise.people.models import User

    _migrate()
    if User.objects.filter(username__iexact=username).exists():
        raise CliError(f"an account called {username!r} already exists")
    if User.objects.filter(email__iexact=email).exists():
        raise CliError(f"an account already uses {email}")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError("no password given: use --password or STEPWISE_PASSWORD")
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = do_create_user(
        created_by=None,
        username=username,
        email=email,
        password=password,
        display_name=name,
        is_admin=admin,
    )
    out.print(f"Created {'admin ' if admin else ''}account [bold]{user.username}[/].")


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="The goal to check, in quotes.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the stable interface).")
    ] = False,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            help='Check a file of JSON lines, each with a "text"; print one JSON line per line.',
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    today: Annotated[str | None, typer.Option(help="Take this date (YYYY-MM-DD) as today.")] = None,
) -> None:
    """Check a goal against the SMART criteria and suggest a better version."""
    from stepwise.smart import Context as SmartContext
    from stepwise.smart import InvalidGoalText, analyze
    from stepwise.smart_cli import check_batch, print_report, write_json

    day = _parse_today(today)
    if jsonl is not None:
        if text is not None:
            _fail("give either a TEXT or --jsonl FILE, not both")
        check_batch(jsonl, day, sys.stdout, err)
        return
    if text is None:
        _fail('give the goal to check, e.g. stepwise check "Ship the pricing page by May 31"')
    try:
        analysis = analyze(text or "", SmartContext(today=day))
    except InvalidGoalText as problem:
        _fail(str(problem))
    if as_json:
        write_json(analysis.to_dict())
    else:
        print_report(analysis, out)


def _parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"--today must be a date like 2027-03-31 (got {value!r})")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, check --deploy, collectstatic, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepwise.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stepwise manage", *ctx.args])


# Commands that live with their app add themselves to `app` when imported; they use the
# helpers above, so these imports come last.
import stepwise.goals.cli  # noqa: E402  (goals, goal show, checkin)
import stepwise.goals.library.cli  # noqa: E402  (library search, library show)
import stepwise.people.cli  # noqa: E402  (placement request, list, answer, withdraw, leave)
import stepwise.skills.cli  # noqa: E402  (assessment show, assessment list)
import stepwise.skills.framework_cli  # noqa: E402, F401  (framework import, export, list)

if __name__ == "__main__":
    # Run as `python -m stepwise.cli`, this file is `__main__` and the apps' commands joined the
    # importable `stepwise.cli` module's app: run that one.
    app = sys.modules["stepwise.cli"].app


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""The `stepwise` command: serve the app, load demo data, manage accounts.

The commands that belong to no app live here (serve, demo, createuser, check, manage); each
app's commands live in its own ``cli.py`` on a Typer of its own, which this module mounts.
Shared plumbing (one-line errors, consoles, Django setup) is in ``stepwise.lib.cli``. Every
command that fails prints one line saying why and exits non-zero; no tracebacks.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from stepwise.goals import cli as goals_cli
from stepwise.goals.library import cli as library_cli
from stepwise.lib.cli import CliError, err, fail, friendly, out, setup_django, write_json
from stepwise.people import cli as people_cli
from stepwise.skills import cli as skills_cli
from stepwise.skills import framework_cli

app = typer.Typer(
    name="stepwise",
    help="Stepwise: a career-growth workspace for product managers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    setup_django()
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
    setup_django()
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
    setup_django()
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
    from stepwise.smart_cli import check_batch, print_report

    day = _parse_today(today)
    if jsonl is not None:
        if text is not None:
            fail("give either a TEXT or --jsonl FILE, not both")
        check_batch(jsonl, day, sys.stdout, err)
        return
    if text is None:
        fail('give the goal to check, e.g. stepwise check "Ship the pricing page by May 31"')
    try:
        analysis = analyze(text or "", SmartContext(today=day))
    except InvalidGoalText as problem:
        fail(str(problem))
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
        fail(f"--today must be a date like 2027-03-31 (got {value!r})")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, check --deploy, collectstatic, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepwise.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stepwise manage", *ctx.args])


# Each app's commands, in the order `stepwise --help` lists them (after the commands above).
# `goals` and `checkin` join the root itself, so their Typer is mounted without a name.
app.add_typer(goals_cli.top_level)
app.add_typer(goals_cli.goal_app, name="goal")
app.add_typer(library_cli.library_app, name="library")
app.add_typer(people_cli.placement_app, name="placement")
app.add_typer(skills_cli.assessment_app, name="assessment")
app.add_typer(framework_cli.framework_app, name="framework")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""The `stepwise` command: serve the app, load demo data, manage accounts.

Every command that fails prints one line saying why and exits non-zero; no tracebacks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

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


def _fail(message: str) -> None:
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
    _setup_django()
    from stepwise.server import run_server

    _migrate()
    run_server(host=host, port=port, workers=workers, announce=_announce)


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

    from stepwise.people.demo import DEMO_PASSWORD, load_demo

    _migrate()
    people = load_demo()
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


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, check --deploy, collectstatic, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepwise.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stepwise manage", *ctx.args])


def main() -> None:
    app()


if __name__ == "__main__":
    main()

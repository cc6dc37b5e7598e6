"""What every `stepwise` command shares: one-line errors, the two consoles, Django setup.

The root command (``stepwise/cli.py``) and each app's commands (``<app>/cli.py``) import from
here; this module imports no app, so any of them may use it. A command that fails prints one
line saying why and exits non-zero; no tracebacks.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True)

Command = TypeVar("Command", bound=Callable[..., Any])


class CliError(Exception):
    """A problem to report to the person at the terminal in one line."""


def setup_django() -> None:
    """Start Django, for the commands that use the database (call it before importing models)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepwise.settings")
    import django

    django.setup()


def fail(message: str) -> NoReturn:
    """Print ``error: message`` on stderr and exit with code 1."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def friendly(command: Command) -> Command:
    """Turn expected failures into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from django.core.exceptions import ValidationError
        from django.db import DatabaseError

        try:
            return command(*args, **kwargs)
        except CliError as error:
            fail(str(error))
        except ValidationError as error:
            fail(" ".join(error.messages))
        except DatabaseError as error:
            fail(f"database error: {str(error).splitlines()[0] if str(error) else error!r}")

    return wrapper  # type: ignore[return-value]


def write_json(data: dict[str, Any]) -> None:
    """Print one JSON object on one line of stdout (the `--json` output of every command)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")

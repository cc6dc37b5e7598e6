"""`stepwise framework import|export|list`: competency frameworks from the terminal.

For whoever runs the installation (the CLI works on the server's database directly), like
the admin page under Organisation. ``stepwise/cli.py`` mounts ``framework_app`` as
`stepwise framework`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from stepwise.lib.cli import CliError, friendly, out, setup_django

framework_app = typer.Typer(
    help="Competency frameworks: import a replacement, export the active one.",
    no_args_is_help=True,
)


@framework_app.command("import")
@friendly
def import_framework(
    file: Annotated[Path, typer.Argument(help="A YAML or JSON framework file.")],
    activate: Annotated[
        bool, typer.Option("--activate", help="Use it for new assessments from now on.")
    ] = False,
) -> None:
    """Check a framework file and store it as a new version (nothing is stored on error)."""
    setup_django()
    from stepwise.skills.actions import do_import_framework
    from stepwise.skills.framework_file import FrameworkFileError

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"cannot read {file}: {error}") from None
    fmt = "json" if file.suffix.lower() == ".json" else "yaml"
    try:
        version = do_import_framework(
            text=text, fmt=fmt, source_name=file.name, actor=None, activate=activate
        )
    except FrameworkFileError as error:
        problems = "; ".join(str(problem) for problem in error.problems)
        count = len(error.problems)
        raise CliError(f"{file.name}: nothing imported, {count} to fix: {problems}") from None
    state = "active" if version.framework.is_active else "not active"
    out.print(f"Stored {version} ({state}).")


@framework_app.command("export")
@friendly
def export_framework() -> None:
    """Print the active framework as YAML, to read or to start a replacement from."""
    setup_django()
    import yaml

    from stepwise.skills.models import FrameworkVersion

    version = FrameworkVersion.objects.active()
    typer.echo(yaml.safe_dump(version.data, sort_keys=False, allow_unicode=True, width=100))


@framework_app.command("list")
@friendly
def list_frameworks() -> None:
    """The installed frameworks and their versions."""
    setup_django()
    from stepwise.skills.models import Framework

    table = Table(title="Competency frameworks")
    for column in ("key", "name", "active", "versions"):
        table.add_column(column)
    for framework in Framework.objects.prefetch_related("versions"):
        numbers = ", ".join(str(v.number) for v in framework.versions.all())
        table.add_row(framework.key, framework.name, "yes" if framework.is_active else "", numbers)
    out.print(table)

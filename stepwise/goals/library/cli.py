"""`stepwise library search` and `stepwise library show`: the goal library from the terminal.

The library is data shipped with Stepwise, so these commands need no database: competency
names come from the framework file that ships with Stepwise, and placeholders read as for
nobody in particular ("my manager", "my team"), dated from today. ``stepwise/cli.py`` mounts
``library_app`` as `stepwise library`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stepwise.lib.cli import CliError, friendly, out, write_json

if TYPE_CHECKING:
    from stepwise.goals.library.catalogue import GoalTemplate
    from stepwise.goals.library.placeholders import PlaceholderValues
    from stepwise.goals.library.vocabulary import Vocabulary

library_app = typer.Typer(
    help="Find a ready SMART goal to start from, by words, competency and level.",
    no_args_is_help=True,
)

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (one line per goal) instead of a table.")
]


def _vocabulary() -> Vocabulary:
    from stepwise.goals.library.vocabulary import default_vocabulary

    return default_vocabulary()


def _values() -> PlaceholderValues:
    from stepwise.goals.library.placeholders import PlaceholderValues

    return PlaceholderValues(today=date.today(), me="me")


def _as_data(template: GoalTemplate, score: float | None = None) -> dict[str, Any]:
    from stepwise.goals.library.placeholders import resolve_template

    resolved = resolve_template(template, _values())
    return {
        "key": template.key,
        "title": template.title,
        "resolved_title": resolved.title,
        "why": resolved.why,
        "competencies": list(template.competencies),
        "levels": list(template.levels),
        "category": template.category,
        "metric": {
            "kind": template.metric_kind,
            "unit": template.metric_unit,
            "baseline": None if template.baseline is None else float(template.baseline),
            "target": None if template.target is None else float(template.target),
        },
        "weeks": template.weeks,
        "hours_per_week": float(template.hours_per_week),
        "steps": [
            {"title": step.title, "due_date": done.due_date.isoformat(), "hours": float(step.hours)}
            for step, done in zip(template.steps, resolved.steps, strict=True)
        ],
        "keywords": list(template.keywords),
        **({"score": score} if score is not None else {}),
    }


@library_app.command("search")
@friendly
def search(
    query: Annotated[
        str, typer.Argument(help='Words to search for, in quotes: "research competitors".')
    ] = "",
    competency: Annotated[
        str | None, typer.Option(help="Only goals for this competency key, e.g. data.")
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="Only goals for this level key, e.g. pm.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.", min=1, max=100)] = 10,
    as_json: JsonOption = False,
) -> None:
    """Search the goal library, best match first."""
    from rich.markup import escape
    from rich.table import Table

    from stepwise.goals.library.placeholders import resolve_text
    from stepwise.goals.library.search import library_index
    from stepwise.goals.library.vocabulary import UnknownFilter

    vocabulary = _vocabulary()
    try:
        vocabulary.check(competency=competency, level=level)
    except UnknownFilter as problem:
        raise CliError(f"--{problem.field}: {problem}") from None
    index = library_index()
    hits = index.search(query, competency=competency or None, level=level or None, limit=limit)
    if as_json:
        for hit in hits:
            write_json(_as_data(hit.template, hit.score))
        return
    suggestions = index.suggestions(query) if query else ()
    if suggestions:
        out.print(f"Did you mean: {escape(', '.join(suggestions))}?", highlight=False)
    if not hits:
        out.print("Nothing in the library matches; try fewer or broader words, or drop a filter.")
        return
    table = Table(title=f"Goal library: {escape(query)}" if query else "Goal library")
    table.add_column("#", justify="right")
    table.add_column("key", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("competencies", ratio=2)
    table.add_column("levels", ratio=1)
    values = _values()
    for rank, hit in enumerate(hits, start=1):
        template = hit.template
        table.add_row(
            str(rank),
            template.key,
            escape(resolve_text(template.title, template, values)),
            ", ".join(vocabulary.competency_name(k) for k in template.competencies),
            ", ".join(template.levels),
        )
    out.print(table)
    out.print("See one with `stepwise library show KEY`.", highlight=False)


@library_app.command("show")
@friendly
def show(
    key: Annotated[str, typer.Argument(help="The goal's key (see `stepwise library search`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show one goal of the library, dated from today, with its suggested steps."""
    from rich.markup import escape

    from stepwise.goals.library.catalogue import template_by_key
    from stepwise.goals.library.placeholders import format_number, resolve_template

    template = template_by_key(key)
    if template is None:
        raise CliError(f"no goal {key!r} in the library; find keys with `stepwise library search`")
    if as_json:
        write_json(_as_data(template))
        return
    vocabulary = _vocabulary()
    goal = resolve_template(template, _values())
    out.print(f"[bold]{escape(goal.title)}[/]", highlight=False)
    out.print(f"Why: {escape(goal.why)}", highlight=False)
    if goal.description:
        out.print(escape(goal.description), highlight=False)
    unit = f" {template.metric_unit}" if template.metric_unit else ""
    if template.target is not None:
        start = format_number(template.baseline) or "0"
        out.print(f"Measure: from {start} to {format_number(template.target)}{unit}")
    out.print(
        f"Takes {template.weeks} weeks (due {goal.due_date.isoformat()} if started today), "
        f"{format_number(template.hours_per_week)} h a week",
        highlight=False,
    )
    names = ", ".join(vocabulary.competency_name(k) for k in template.competencies)
    levels = ", ".join(vocabulary.level_name(k) for k in template.levels)
    out.print(f"Competencies: {escape(names)} · for {escape(levels)}", highlight=False)
    out.print(f"Suggested steps ({len(goal.steps)}):")
    for step in goal.steps:
        out.print(
            f"  · {escape(step.title)} (due {step.due_date.isoformat()}, "
            f"{format_number(step.hours)} h)",
            highlight=False,
        )
    if template.keywords:
        out.print(f"Keywords: {escape(', '.join(template.keywords))}", highlight=False)
    out.print(f"Adopt it in the app: /goals/new/?template={template.key}", highlight=False)

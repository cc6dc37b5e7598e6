"""`stepwise assessment show` and `stepwise assessment list`: assessments from the terminal.

Like the goal commands, each acts as one person (`--user NAME`, or the only person there is)
and sees what that person may through ``stepwise.access``. ``stepwise/cli.py`` mounts
``assessment_app`` as `stepwise assessment`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from stepwise.lib.cli import CliError, friendly, out, setup_django, write_json
from stepwise.people.cli_support import UserOption, acting_person

if TYPE_CHECKING:
    from stepwise.people.models import User
    from stepwise.skills.framework_file import FrameworkSpec
    from stepwise.skills.models import Assessment

assessment_app = typer.Typer(
    help="Your competency assessments: where you stand against the framework.",
    no_args_is_help=True,
)

HOW_TO_START = (
    "start one in the app (Skills, then Start your self-assessment) "
    "or with POST /api/v1/assessments"
)


def _assessment_for(person: User, assessment_id: int | None) -> Assessment:
    """The assessment ``assessment_id`` if the person may see it, else their latest finished
    self-assessment."""
    from django.http import Http404

    from stepwise.access.skills import access_assessment, latest_self_assessment

    if assessment_id is not None:
        try:
            return access_assessment(person, assessment_id)
        except Http404:
            raise CliError(f"no assessment {assessment_id} you can see") from None
    latest = latest_self_assessment(person)
    if latest is None:
        raise CliError(f"{person.username} has no finished self-assessment yet: {HOW_TO_START}")
    return latest


def _day(moment: datetime) -> str:
    from django.utils.timezone import localdate

    return localdate(moment).isoformat()


def _rating_text(spec: FrameworkSpec, score: int | None) -> str:
    if score is None:
        return "not rated"
    if score == 0:
        return f"below {spec.levels[0].name}"
    return spec.levels[score - 1].name if score <= len(spec.levels) else str(score)


def _level_text(spec: FrameworkSpec, key: str) -> str:
    position = spec.level_position(key) if key else None
    return spec.levels[position - 1].name if position else "—"


def _style(score: int | None, now: int | None, target: int | None) -> str:
    if score is None:
        return "dim"
    if now is not None and score < now:
        return "red"
    if target is not None and score < target:
        return "yellow"
    return "green" if target is not None else ""


def _marks(strength: bool, weakness: bool, interest: bool) -> str:
    marks = [("strength", strength), ("weakness", weakness), ("interest", interest)]
    return ", ".join(name for name, on in marks if on)


def _heading(assessment: Assessment) -> str:
    who = assessment.person.username
    kind = "Self-assessment" if assessment.made_by_person() else "Manager's assessment"
    by = "" if assessment.made_by_person() else f" by {assessment.assessor.username}"
    if assessment.completed_at is not None:
        when = f"finished {_day(assessment.completed_at)}"
    else:
        when = f"draft started {_day(assessment.created_at)}"
    version = assessment.framework_version
    shared = ", shared" if assessment.is_shared else ""
    return (
        f"{kind} of {who}{by} (#{assessment.pk}), {when}{shared} · "
        f"{version.spec.name}, version {version.number}"
    )


def _table(assessment: Assessment) -> Table:
    spec = assessment.spec
    now = spec.level_position(assessment.level) if assessment.level else None
    target = spec.level_position(assessment.target_level) if assessment.target_level else None
    ratings = assessment.ratings_by_key()
    table = Table(title=_heading(assessment), title_justify="left")
    for column in ("competency", "area", "rating", "expected now", "target", "marks"):
        table.add_column(column)
    areas = {a.key: a.name for a in spec.areas}
    for competency in spec.competencies():
        rating = ratings.get(competency.key)
        score = rating.score if rating else None
        style = _style(score, now, target)
        text = _rating_text(spec, score)
        table.add_row(
            competency.name,
            areas.get(competency.area_key, ""),
            f"[{style}]{text}[/]" if style else text,
            _level_text(spec, assessment.level),
            _level_text(spec, assessment.target_level),
            _marks(rating.is_strength, rating.is_weakness, rating.is_interest) if rating else "",
        )
    return table


def _as_json(assessment: Assessment) -> dict[str, Any]:
    """The same object as ``GET /api/v1/assessments/{id}``."""
    from stepwise.skills.schemas import AssessmentOut

    return AssessmentOut.from_orm(assessment).model_dump(mode="json")


@assessment_app.command("show")
@friendly
def show_assessment(
    user: UserOption = None,
    assessment_id: Annotated[
        int | None,
        typer.Option("--id", help="This assessment instead of your latest self-assessment."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the API's shape).")
    ] = False,
) -> None:
    """Show your latest finished self-assessment, or another one with --id.

    Each competency's rating sits beside what your level and your target level expect.
    """
    setup_django()

    person = acting_person(user)
    assessment = _assessment_for(person, assessment_id)
    if as_json:
        write_json(_as_json(assessment))
        return
    out.print(_table(assessment))
    if assessment.summary:
        out.print(f"Summary: {assessment.summary}", highlight=False, markup=False)


@assessment_app.command("list")
@friendly
def list_assessments(user: UserOption = None) -> None:
    """List the assessments you can see: yours, and those shared with you."""
    setup_django()
    from stepwise.access.skills import visible_assessments

    person = acting_person(user)
    rows = list(
        visible_assessments(person)
        .with_ratings()
        .select_related("framework_version__framework")
        .order_by("-created_at", "-pk")
    )
    if not rows:
        out.print(f"No assessments yet: {HOW_TO_START}.")
        return
    table = Table(title=f"Assessments {person.username} can see", title_justify="left")
    for column in ("id", "kind", "person", "by", "framework", "rated", "status", "date"):
        table.add_column(column, justify="right" if column in ("id", "rated") else "left")
    for assessment in rows:
        table.add_row(*_list_row(assessment))
    out.print(table)


def _list_row(assessment: Assessment) -> list[str]:
    version = assessment.framework_version
    total = sum(len(area.get("competencies", [])) for area in version.data.get("areas", []))
    if assessment.completed_at is None:
        status, day = "draft", assessment.created_at
    else:
        status, day = "finished", assessment.completed_at
    if assessment.is_shared:
        status += ", shared"
    return [
        str(assessment.pk),
        "self" if assessment.made_by_person() else "manager",
        assessment.person.username,
        assessment.assessor.username,
        f"{version.framework.key} v{version.number}",
        f"{assessment.rated_count()}/{total}",
        status,
        _day(day),
    ]

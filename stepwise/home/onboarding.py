"""The getting-started guide: profile, self-assessment, priorities, a first goal."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.urls import reverse

from stepwise.goals.models import Goal
from stepwise.lib.tips import Tip, tips_for
from stepwise.people.models import User
from stepwise.skills.models import Assessment, AssessmentKind


@dataclass(frozen=True)
class GuideStep:
    key: str
    title: str
    blurb: str
    done: bool
    started: bool
    url: str
    action: str
    tips: tuple[Tip, ...]


@dataclass(frozen=True)
class Guide:
    steps: tuple[GuideStep, ...]
    dismissed: bool

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def is_complete(self) -> bool:
        return self.done_count == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total)

    @property
    def next_step(self) -> GuideStep | None:
        return next((step for step in self.steps if not step.done), None)

    @property
    def show_on_dashboard(self) -> bool:
        return not self.dismissed and not self.is_complete


def guide_for(person: User) -> Guide:
    """Where the person is on the path; each step is done by doing it, or skippable."""
    progress = _progress(person)
    started, finished = progress["assessment_started"], progress["assessment_finished"]
    steps = (
        GuideStep(
            key="profile",
            title="Complete your profile",
            blurb="Say where you are and where you are heading: your level and the level you aim "
            "for set the bar for everything else.",
            done=bool(person.level and person.target_level),
            started=bool(person.level or person.target_level),
            url=reverse("profile"),
            action="Fill in your profile",
            tips=tips_for("profile"),
        ),
        GuideStep(
            key="assessment",
            title="Rate yourself against the framework",
            blurb="Thirteen competencies, each with what every level is expected to do.",
            done=finished,
            started=started,
            url=reverse("skills_home"),
            action="Continue your self-assessment" if started else "Start a self-assessment",
            tips=tips_for("assessment"),
        ),
        GuideStep(
            key="priorities",
            title="Choose what to work on",
            blurb="A ranked list from your gaps and interests, each with its reason.",
            done=person.priorities_reviewed_at is not None,
            started=finished,
            url=reverse("priorities"),
            action="See your priorities",
            tips=tips_for("priorities"),
        ),
        GuideStep(
            key="goal",
            title="Adopt your first goal",
            blurb="Pick a ready SMART goal from the library and make it yours.",
            done=progress["has_goal"],
            started=False,
            url=reverse("library"),
            action="Browse the goal library",
            tips=tips_for("goal") + tips_for("support") + tips_for("setback"),
        ),
    )
    return Guide(steps=steps, dismissed=person.guide_dismissed_at is not None)


def _progress(person: User) -> dict[str, bool]:
    """What the person has done so far, in one small query.

    The dashboard asks this on every visit, and building the same question with the ORM
    (three EXISTS annotations) cost more than the rest of the guide together: plain SQL,
    which SQLite and PostgreSQL read alike. Only the person's own rows: no policy question.
    """
    assessments = Assessment._meta.db_table
    goals = Goal._meta.db_table
    # Table names come from the models; every value is a query parameter.
    own = (
        f"SELECT 1 FROM {assessments} WHERE person_id = %s AND assessor_id = %s"  # noqa: S608
        " AND kind = %s AND deleted_at IS NULL"
    )
    sql = (
        f"SELECT EXISTS({own}), EXISTS({own} AND completed_at IS NOT NULL), "  # noqa: S608
        f"EXISTS(SELECT 1 FROM {goals} WHERE owner_id = %s AND deleted_at IS NULL)"
    )
    mine: list[int | str] = [person.pk, person.pk, AssessmentKind.SELF.value]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*mine, *mine, person.pk])
        started, finished, has_goal = cursor.fetchone()
    return {
        "assessment_started": bool(started),
        "assessment_finished": bool(finished),
        "has_goal": bool(has_goal),
    }

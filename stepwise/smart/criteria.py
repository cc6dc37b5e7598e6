"""One function per criterion: each turns a Reading (and the context) into a Verdict that
quotes the words it rests on and, when it fails, suggests something concrete."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from stepwise.smart import periods
from stepwise.smart.lexicon import FLAGS, Gated, PhraseSet
from stepwise.smart.model import Context, Verdict
from stepwise.smart.reading import Reading
from stepwise.smart.realism import Obstacle
from stepwise.smart.specificity import Lead, WeakTarget, all_verbs, object_after, weak_target
from stepwise.smart.text import quote, quote_all, shorten
from stepwise.smart.vocabulary import (
    ABSOLUTE_MARKER,
    BY_DOING,
    COMPLETION_VERBS,
    COUNTABLE_FAULTS,
    DELIVERABLES,
    LEARNABLE,
    METRICS,
    ROLE_TITLE,
    TRAILING_VAGUE,
    VAGUE_OBJECT,
)

NOT_ENGLISH = "The checker reads English goals and found no English words here. "
_LEADING_PREPOSITION = re.compile(r"^(?:at|about|on|in|with|of|to|for|into)\s+", FLAGS)
_BECOME_NOUN = Gated(
    r"\b(?:become|becoming|be|being)\s+(?:a|an|the)\s+(?!(?:better|more|less|best|good|great"
    r"|one\b))[\w-]+",
    "become becoming be being",
)
_COMPLETION = PhraseSet.of(COMPLETION_VERBS)
_PRESENT_TO = Gated(
    r"\bpresent(?:s|ed|ing)?\s+[^.;]{0,60}?\b(?:to|at)\b", "present presents presented presenting"
)
_DONE_STATE = Gated(
    r"\b(?:live|shipped|released|published|launched|done|approved|signed\s+off|in\s+production"
    r"|adopted|deployed|merged|completed|finished|certified)\b",
    "live shipped released published launched done approved signed production adopted deployed "
    "merged completed finished certified",
)
_NOT_CHECKABLE = re.compile(
    r"\b(?:regular(?:ly)?|more\s+often|often|frequent(?:ly)?|occasional(?:ly)?|sometimes"
    r"|clearer|better|stronger|simpler|crisper|tighter|nicer|more\s+\w+|less\s+\w+)\b",
    FLAGS,
)
_PLACEHOLDER_ANCHOR = re.compile(r"\[(?:concrete\s+)?(?:action|deliverable|what\s+exactly)", FLAGS)


# --- specific ------------------------------------------------------------------------------


def _anchor(reading: Reading) -> str | None:
    """Words that make a goal concrete even with a weak verb: a number or a method."""
    if reading.quantities:
        return reading.quantities[0].phrase
    method = BY_DOING.search(reading.core)
    return method.group(0) if method else None


def _object_span(lead: Lead) -> tuple[int, int]:
    """Where a verb's object lies in the core (searching the core keeps the word caches)."""
    start = lead.end
    return start, start + len(lead.obj) + (len(lead.obj) and 2)


def _metric(text: str, start: int = 0, end: int | None = None) -> str | None:
    match = METRICS.search(text, start, end)
    return match.group(0) if match else None


def _deliverable(text: str, start: int = 0, end: int | None = None) -> str | None:
    found = DELIVERABLES.search(text, start, end)
    if found is not None:
        return found.group(0)
    if "[" not in text:
        return None
    placeholder = _PLACEHOLDER_ANCHOR.search(text, start, len(text) if end is None else end)
    return placeholder.group(0) if placeholder else None


def _outcome(reading: Reading) -> str | None:
    """A named end state: a decision by others ("get promoted") or "become a …"."""
    for obstacle in reading.obstacles:
        if obstacle.kind == "others":
            return obstacle.phrase
    become = _BECOME_NOUN.search(reading.core)
    return become.group(0) if become else None


def _completion(reading: Reading) -> str | None:
    found = _COMPLETION.search(reading.core)
    if found is not None:
        return found.group(0)
    presented = _PRESENT_TO.search(reading.core)
    return presented.group(0) if presented else None


def _cadence(reading: Reading) -> str | None:
    cadences = reading.core_cadences
    return cadences[0].phrase if cadences else None


def _countable_absolute(reading: Reading) -> str | None:
    marker = ABSOLUTE_MARKER.search(reading.core)
    fault = COUNTABLE_FAULTS.search(reading.core)
    if marker and fault:
        return f"{marker.group(0)} … {fault.group(0)}"
    return None


def _specific_with_weak_verb(reading: Reading, lead: Lead) -> str | None:
    if lead.kind == "vague":
        return _anchor(reading)
    if lead.kind == "soft":
        return _metric(reading.core, *_object_span(lead)) or _anchor(reading)
    if lead.kind == "change":
        span = _object_span(lead)
        return _metric(reading.core, *span) or _deliverable(reading.core, *span) or _anchor(reading)
    if lead.kind == "learn":
        named = LEARNABLE.match(lead.obj)
        return f"{lead.verb} {lead.obj}" if named else _anchor(reading)
    if TRAILING_VAGUE.search(reading.core) and not reading.quantities:
        return None
    if lead.kind == "be":
        return _outcome(reading) or _anchor(reading) or _countable_absolute(reading)
    return (
        _anchor(reading)
        or _outcome(reading)
        or _deliverable(reading.core, lead.start)
        or _metric(reading.core, lead.start)
        or _completion(reading)
        or _cadence(reading)
        or _countable_absolute(reading)
        or _done_state(reading)
    )


def _done_state(reading: Reading) -> str | None:
    """A named end state of a thing: "the new pricing live", "the migration done"."""
    done = _DONE_STATE.search(reading.core)
    return done.group(0) if done else None


def _specific_anchor(reading: Reading) -> str | None:
    lead = reading.lead
    if lead is None:
        return (
            _anchor(reading)
            or _countable_absolute(reading)
            or _outcome(reading)
            or (_deliverable(reading.core) if reading.core_cadences else None)
        )
    if lead.kind in ("concrete", "placeholder"):
        vague_object = VAGUE_OBJECT.match(lead.obj) and not reading.quantities
        if vague_object or (TRAILING_VAGUE.search(reading.core) and not reading.quantities):
            return None
        return lead.phrase
    return _specific_with_weak_verb(reading, lead)


def _specific_failure(reading: Reading) -> tuple[str, str]:
    lead = reading.lead
    if lead is None:
        return (
            f"No concrete action or named result in {quote(reading.goal_words)}.",
            'Start with what you will do and on what, e.g. "Write …", "Run …", "Ship …", '
            'or name a result such as "reduce [metric] from [baseline] to [target]".',
        )
    if lead.kind == "concrete":
        return (
            f"The action {quote(lead.phrase)} does not say what exactly.",
            f"Name the deliverable or result instead of {quote(lead.obj or lead.verb)}.",
        )
    area = _LEADING_PREPOSITION.sub("", lead.obj) or "it"
    return (
        f"The vague verb {quote(lead.verb)} over a broad area ({quote(area)}) says "
        "nothing concrete to do or reach.",
        f"Replace {quote(lead.verb)} with a concrete action or a named result, e.g. "
        + _weak_verb_examples(weak_target(lead.verb, lead.obj)),
    )


def _weak_verb_examples(target: WeakTarget) -> str:
    """Two concrete shapes for what a weak verb reached for, without its vague comparison."""
    words = shorten(target.words, 40)
    if target.kind == "quality":
        return f'"Lead [number] … that show I am {words}" or "Ship [named deliverable] as proof".'
    if not words:
        return '"Run [number] …" or "Ship [named deliverable]".'
    return f'"Run [number] … on {words}" or "Ship [named deliverable] for {words}".'


def judge_specific(reading: Reading) -> Verdict:
    anchor = _specific_anchor(reading)
    if anchor:
        lead = reading.lead
        words = lead.phrase if lead is not None else anchor
        extra = "" if anchor.lower() in words.lower() else f", with {quote(anchor)}"
        reason = f"Says what exactly: {quote(words)}{extra}."
        return Verdict(True, reason, evidence=(words, anchor))
    reason, suggestion = _specific_failure(reading)
    prefix = "" if reading.english else NOT_ENGLISH
    return Verdict(False, prefix + reason, suggestion)


# --- measurable ----------------------------------------------------------------------------


def _checkable_event(reading: Reading) -> str | None:
    """A completion a third person can see ("ship X", "pass X") or a deliverable made."""
    core = reading.core
    completion = _COMPLETION.search(core) or _PRESENT_TO.search(core)
    if completion:
        obj = object_after(core, completion.end())
        is_lead = reading.lead is not None and reading.lead.start == completion.start()
        if not (is_lead and VAGUE_OBJECT.match(obj) and not completion.group(0).endswith("ed")):
            return f"{completion.group(0)} {obj}".strip()
    time_spans = [(e.start, e.end) for e in reading.times]
    for verb in all_verbs(core, time_spans, kinds=("concrete", "generic", "placeholder")):
        if _deliverable(core, *_object_span(verb)) and not _NOT_CHECKABLE.search(verb.obj):
            return verb.phrase
    lead = reading.lead
    done = _DONE_STATE.search(core) is not None
    if done and (
        (lead is not None and lead.kind == "generic") or (lead is None and _deliverable(core))
    ):
        return shorten(reading.goal_words, 60)
    return None


def _measure(reading: Reading, specific: bool) -> list[str]:
    """The words a third person could check, or nothing."""
    if reading.quantities:
        return [q.phrase for q in reading.quantities]
    lead = reading.lead
    if lead and lead.kind in ("vague", "soft"):
        return []
    if reading.core_cadences:
        return [reading.core_cadences[0].phrase]
    outcome = next((o.phrase for o in reading.obstacles if o.kind == "others"), None)
    event = outcome or _checkable_event(reading)
    if event:
        return [event]
    marker = ABSOLUTE_MARKER.search(reading.core)
    if specific and marker and _countable_absolute(reading):
        return [marker.group(0)]
    become = _outcome(reading)
    return [become] if become and ROLE_TITLE.search(become) else []


def judge_measurable(reading: Reading, specific: bool) -> Verdict:
    measure = _measure(reading, specific)
    if measure:
        reason = f"A third person could check it: {quote_all(measure)}."
        return Verdict(True, reason, evidence=tuple(measure))
    prefix = "" if reading.english else NOT_ENGLISH
    return Verdict(
        False,
        prefix + f"Nothing a third person could check in {quote(reading.goal_words)}: no number, "
        "frequency or deliverable.",
        'Add a target to check against: "[number] …", "from [baseline] to [target]", '
        'a frequency such as "every sprint", or a deliverable such as "publish …".',
    )


# --- achievable ----------------------------------------------------------------------------

_SUGGEST_BY_KIND = {
    "others": 'Aim at what stays in your hands, e.g. "build the case for promotion with '
    '[evidence of impact]", "apply to [number] roles" or "submit [your work] for [award]".',
    "absolute": "Replace the absolute with a limit you can meet, e.g. "
    '"at most [number] …" or "in [number]% of …".',
    "unrealistic": "Scale it down or give it more time: "
    '"[realistic number] … by [realistic date]".',
}


_OPEN_ENDED = Gated(
    r"\b(?:every|everything|everyone|everybody|all|perfect\w*|flawless\w*|completely|fully"
    r"|inside\s+and\s+out)\b",
    "every everything everyone everybody all perfect perfectly flawless flawlessly completely "
    "fully inside",
)


def _achievable_suggestion(obstacle: Obstacle) -> str:
    if obstacle.kind == "absolute" and _OPEN_ENDED.search(obstacle.phrase):
        return (
            f"Name the part you need instead of {quote(obstacle.phrase)}, e.g. "
            '"the [number] topics my team uses" or "to an agreed standard".'
        )
    return _SUGGEST_BY_KIND[obstacle.kind]


def _context_problem(reading: Reading, context: Context | None) -> tuple[str, str] | None:
    if context is None:
        return None
    capacity = context.weekly_capacity_hours
    total = context.total_effort_hours_per_week
    own = context.effort_hours_per_week or 0.0
    if capacity is not None and total > capacity and own > 0:  # a goal of 0 h adds no load
        others = context.other_active_goals_effort_hours_per_week
        with_others = f" and {others:g} h for the other active goals" if others else ""
        return (
            f"{own:g} h a week for this goal{with_others} make {total:g} h, beyond the "
            f"capacity of {capacity:g} h a week.",
            _to_owner(
                context,
                "lower this goal's weekly effort, move its due date, or pause another goal.",
            ),
        )
    due = context.due_date or (reading.deadline if is_app_context(context) else None)
    if due is not None and due < context.today:
        return (
            f"The deadline {due.isoformat()} has already passed.",
            "Set a new date that is still ahead.",
        )
    return None


def is_app_context(context: Context) -> bool:
    """True when the context carries a goal's data (not just today's date)."""
    return any(
        (
            context.level,
            context.weekly_capacity_hours is not None,
            context.effort_hours_per_week is not None,
            context.start_date,
            context.due_date,
            context.linked_competencies,
            context.linked_objectives,
            context.competency_gap,
            context.next_review,
        )
    )


def judge_achievable(reading: Reading, context: Context | None) -> Verdict:
    if reading.obstacles:
        obstacle = reading.obstacles[0]
        reason = f"It rests on {quote(obstacle.phrase)}: {obstacle.why}."
        return Verdict(False, reason, _achievable_suggestion(obstacle), (obstacle.phrase,))
    problem = _context_problem(reading, context)
    if problem:
        return Verdict(False, problem[0], problem[1])
    reason = "Nothing in the text makes it clearly unattainable" + _capacity_note(context)
    return Verdict(True, reason + ".")


def _capacity_note(context: Context | None) -> str:
    capacity = context.weekly_capacity_hours if context else None
    if context is None or capacity is None:
        return ""
    total = context.total_effort_hours_per_week
    whose = f"{context.owner_name}'s" if context.owner_name else "your"
    if total > capacity:  # only the other goals: this one adds no weekly time
        this_goal = "asks for no" if context.effort_hours_per_week == 0 else "sets no"
        return (
            f"; this goal {this_goal} weekly time, though {whose} other active goals already "
            f"take {total:g} h of {whose} {capacity:g} h a week"
        )
    return f"; {total:g} h a week fits {whose} capacity of {capacity:g} h"


def _to_owner(context: Context, advice: str) -> str:
    """Advice to the goal's owner: said to them, or about them to someone else reading."""
    if context.owner_name:
        return f"{context.owner_name} could {advice}"
    return advice[0].upper() + advice[1:]


# --- relevant ------------------------------------------------------------------------------


def judge_relevant(reading: Reading, context: Context | None) -> Verdict:
    if reading.purpose:
        phrase = reading.purpose.phrase
        return Verdict(True, f"Says why it matters: {quote(phrase)}.", evidence=(phrase,))
    if reading.ties:
        return Verdict(
            True, f"Tied to the work: {quote_all(reading.ties)}.", evidence=reading.ties[:3]
        )
    if context and (context.linked_objectives or context.competency_gap):
        linked = context.linked_objectives or context.linked_competencies
        named = f" {quote_all(list(linked))}" if linked else ""
        return Verdict(True, f"Linked to a company objective or competency gap{named}.")
    prefix = "" if reading.english else NOT_ENGLISH
    return Verdict(
        False,
        prefix + f"Nothing says why {quote(reading.goal_words)} matters for your work or career.",
        'Say why it matters: add "so that [who benefits and how]", or tie it to your product, '
        "team, customers or next role.",
    )


# --- time-bound ----------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _example_deadline(today: date) -> str:
    end = periods.relative_period_end(today, 1, 3, 1)
    return end.strftime("%d %B %Y").lstrip("0") if end else "the end of next quarter"


def judge_time_bound(reading: Reading, context: Context | None) -> Verdict:
    today = context.today if context else reading.today
    if context and context.due_date:  # the goal's own date wins over any date in words
        past = " (already past)" if context.due_date < today else ""
        reason = f"The goal's due date is {context.due_date.isoformat()}{past}."
        return Verdict(True, reason, deadline=context.due_date)
    dated = [e for e in reading.times if e.deadline is not None and not e.is_cadence]
    if dated:
        main = max(dated, key=lambda e: e.deadline or date.min)
        deadline = main.deadline
        assert deadline is not None
        passed = " (already past)" if deadline < today else ""
        reason = f"Has a deadline: {quote(main.phrase)} ({deadline.isoformat()}{passed})."
        return Verdict(True, reason, evidence=(main.phrase,), deadline=deadline)
    if reading.times:
        first = reading.times[0]
        what = "a cadence" if first.is_cadence else "a bounded time"
        return Verdict(True, f"Has {what}: {quote(first.phrase)}.", evidence=(first.phrase,))
    return Verdict(
        False,
        f"No deadline, bounded period or cadence in {quote(reading.text)}.",
        f'Add a deadline or a cadence, e.g. "by {_example_deadline(reading.today)}", '
        '"within 6 weeks" or "every sprint".',
    )


def text_only_score(reading: Reading) -> int:
    """How many criteria the words alone pass: the verdicts without their reasons (used to
    check a rewrite, where only the count matters)."""
    specific = _specific_anchor(reading) is not None
    return sum(
        (
            specific,
            bool(_measure(reading, specific)),
            not reading.obstacles,
            reading.purpose is not None or bool(reading.ties),
            bool(reading.times),
        )
    )

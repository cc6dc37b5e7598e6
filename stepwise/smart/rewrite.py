"""A rewrite that would pass more criteria, built from the goal's own words.

Whatever the person must fill in is a marked placeholder: `[number]`, `[date]`,
`[why it matters]`, `[concrete action]`. The checker reads placeholders as the thing they
stand for, so a filled-in rewrite keeps its verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stepwise.smart.lexicon import FLAGS, Regex
from stepwise.smart.reading import Reading
from stepwise.smart.realism import Obstacle
from stepwise.smart.specificity import object_after, weak_target
from stepwise.smart.vocabulary import METRICS, SENIOR_TITLE

MAX_CORE = 1600
MAX_CHARS = 2000
# Each absolute, the words one of which it needs (a quick test on ASCII text), and its fix.
_ABSOLUTE_FIXES: tuple[tuple[Regex, tuple[str, ...], str], ...] = tuple(
    (Regex(pattern, FLAGS), tuple(needs.split()), replacement)
    for pattern, needs, replacement in (
        (r"\bnever\b", "never", "rarely (at most [number] times)"),
        (r"\balways\b", "always", "in at least [number]% of cases"),
        (
            r"\s*,?\s*\b(?:forever|ever|at\s+all\s+times|all\s+the\s+time|from\s+now\s+on)\b",
            "ever all from",
            "",
        ),
        (r"\bzero\b", "zero", "at most [number]"),
        (r"\b100\s?%|\b100\s+percent\b", "100", "[number]%"),
        (r"\b(?:perfect(?:ly)?|flawless(?:ly)?)\b", "perfect flawless", "[to an agreed standard]"),
        (r"\bno\s+(?=(?:known\s+)?\w+)", "no", "at most [number] "),
        (
            r"\b(?:completely|fully|totally|entirely|inside\s+and\s+out|on\s+the\s+first\s+try)\b",
            "completely fully totally entirely inside first",
            "",
        ),
        (r"\b(?:everything|every|all|everyone|everybody)\b", "every all", "[which parts]"),
        (r"\b(?:nobody|no\s+one)\b", "no", "[who]"),
        (r"\bthe\s+(?:smartest|best|greatest)\b", "smartest best greatest", "[well prepared]"),
        (r"\ba\s+single\b", "single", "more than [number]"),
    )
)
_OTHERS_FIX = "[the part you control]"
_CLOSING_MARKS = ",.;:!?)"  # no space before these


def _fix_absolutes(text: str) -> str:
    lowered = text.lower()
    for pattern, needs, replacement in _ABSOLUTE_FIXES:
        if text.isascii() and not any(need in lowered for need in needs):
            continue  # it cannot match
        fixed = pattern.on(text).sub(replacement, text)
        if fixed != text:
            text, lowered = fixed, fixed.lower()
    return text


_LEADING_VERBS = re.compile(
    r"^(?:(?:get|gets|getting|got|be|is|am|being|been|become|becoming|earn\w*|achieve|secure"
    r"|land\w*|win\w*|receive|obtain|make|reach|transition\w*|switch\w*|move|pivot\w*"
    r"|change\w*|go\s+from\s+.+?\s+to|give\s+me)\s+)+(?:careers?\s+)?(?:in)?(?:to\s+)?",
    FLAGS,
)
_WHO = re.compile(
    r"\b(?:the\s+|my\s+|our\s+)?(?:CEO|CFO|CTO|COO|manager|boss|VP|director|leadership|board"
    r"|exec\w*|stakeholders?|committee|head\s+of\s+\w+)\b",
    FLAGS,
)


def _others_fix(obstacle: Obstacle) -> str:
    """The person's part of a decision that belongs to others, in words from the goal."""
    fix = obstacle.fix or _OTHERS_FIX
    rest = _LEADING_VERBS.sub("", obstacle.phrase).strip() or "it"
    who = _WHO.search(obstacle.phrase)
    title = SENIOR_TITLE.search(obstacle.phrase)
    return fix.format(
        rest=rest,
        who=who.group(0) if who else "the people who decide",
        title=title.group(0) if title else "the next role",
    )


def _fix_obstacle(text: str, obstacle: Obstacle) -> str:
    if obstacle.kind == "absolute":
        fixed = _fix_absolutes(text)
        return fixed if fixed != text else text.replace(obstacle.phrase, "[realistic target]")
    if obstacle.kind == "others":
        fix = _others_fix(obstacle)
        start = text.find(obstacle.phrase)
        if start == 0:
            fix = fix[:1].upper() + fix[1:]
        return text.replace(obstacle.phrase, fix, 1)
    return text.replace(obstacle.phrase, "[realistic number]", 1)


def _drop_time(text: str, reading: Reading) -> str:
    """The text without its dates and periods (an unrealistic goal gets a new `[date]`)."""
    for expression in sorted(reading.times, key=lambda e: -e.start):
        if not expression.is_cadence and expression.end <= len(text):
            text = text[: expression.start] + text[expression.end :]
    return text


# When they are a goal's only time words: "by yesterday", "by then", "eventually", "soon",
# "ASAP" (the checker reads none of them as a deadline). The rewrite's "by [date]" replaces
# them, so that it never names two deadlines.
_VAGUE_TIME = re.compile(
    r"\s*,?\s*\b(?:(?:by|before|until|till)\s+(?:yesterday|then|last\s+\w+|now)\b"
    r"|(?:(?:by|before)\s+)?(?:as\s+soon\s+as\s+possible|asap|soon(?!\s+as\b)|later(?:\s+on)?)\b"
    r"|eventually|some\s?day|one\s+day|sooner\s+or\s+later|at\s+some\s+point"
    r"|in\s+the\s+(?:near\s+)?future|when(?:ever)?\s+(?:I\s+can|possible))\b",
    FLAGS,
)


def _without_vague_time(text: str) -> str:
    return _VAGUE_TIME.sub("", text)


def _tidy(text: str) -> str:
    text = " ".join(text.split())  # str.split() and re's \s agree on what a space is
    for mark in _CLOSING_MARKS:
        text = text.replace(" " + mark, mark)
    text = text.strip(" ,;:-")
    text = text.rstrip(".!?… ")
    first = 1 if text.startswith("[") else 0  # "[Concrete action] …" opens a sentence too
    return text[:first] + text[first : first + 1].upper() + text[first + 1 :]


def _purpose_apart(reading: Reading) -> bool:
    """True when the purpose clause can be moved after the additions: it is not part of the
    goal's core words and no time phrase runs across its start."""
    purpose = reading.purpose
    if purpose is None or reading.core == reading.text:
        return False
    return not any(e.start < purpose.start < e.end for e in reading.times)


def _core_words(reading: Reading, failing: set[str]) -> str:
    core = reading.core if _purpose_apart(reading) else reading.text
    unrealistic = any(o.kind == "unrealistic" for o in reading.obstacles)
    if unrealistic:
        core = _drop_time(core, reading)
    if "achievable" in failing:
        for obstacle in reading.obstacles:
            core = _fix_obstacle(core, obstacle)
    if len(core) > MAX_CORE:
        core = core[:MAX_CORE].rsplit(" ", 1)[0] + "…"
    return _tidy(core)


def _specific_fix(reading: Reading, core: str) -> str:
    lead = reading.lead
    if lead is None or lead.kind == "concrete":
        return f"[concrete action] {core}" if lead is None else f"{core} ([what exactly])"
    return _without_weak_verb(core, lead.verb)


# "everything there is to know about X" (after `_fix_absolutes`: "[which parts] there is …"):
# the subject is X.
_ALL_THERE_IS = re.compile(
    r"(?:\[which\s+parts\]|everything|all)\s+there\s+is\s+to\s+\w+\s+(?:about\s+)?", FLAGS
)


def _without_weak_verb(core: str, verb: str) -> str:
    """The goal with its weak verb replaced by a placeholder for a concrete action, keeping
    the words it acted on without a vague comparison: "Improve communication skills" becomes
    "[concrete action] on communication skills", "Get better at SQL" "[concrete action] on
    SQL", "Be more confident" "[concrete action] that shows I am confident". A rewrite never
    keeps the verb the Specific check flagged."""
    core = _ALL_THERE_IS.sub("", core)
    found = re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", core, re.IGNORECASE)
    if found is None:
        return f"[concrete action] {core}"
    obj = object_after(core, found.end())
    end = core.find(obj, found.end()) + len(obj) if obj else found.end()
    target = weak_target(verb, obj)
    if target.kind == "quality":
        action = f"[concrete action] that shows I am {target.words}"
    else:
        action = f"[concrete action] on {target.words}" if target.words else "[concrete action]"
    return core[: found.start()] + action + core[end:]


def _additions(reading: Reading, failing: set[str], *, unrealistic: bool) -> str:
    parts: list[str] = []
    lead = reading.lead
    names_a_metric = (
        lead is not None
        and lead.kind in ("soft", "change")
        and METRICS.search(reading.core, lead.end, lead.end + len(lead.obj) + 2) is not None
    )
    if "measurable" in failing and names_a_metric and "specific" not in failing:
        parts.append(" from [baseline] to [target]")
    elif "measurable" in failing:
        parts.append(" (target: [number] [what you will count])")
    if "time_bound" in failing or unrealistic:
        parts.append(", by [realistic date]" if unrealistic else ", by [date]")
    return "".join(parts)


def build_rewrite(reading: Reading, failing: set[str]) -> str:
    """The goal rewritten to pass the failing criteria, with marked placeholders."""
    unrealistic = "achievable" in failing and any(
        o.kind == "unrealistic" for o in reading.obstacles
    )
    core = _core_words(reading, failing)
    if "time_bound" in failing or unrealistic:
        core = _without_vague_time(core)
    if "specific" in failing:
        core = _specific_fix(reading, core)
    sentence = core + _additions(reading, failing, unrealistic=unrealistic)
    purpose = reading.purpose
    if purpose and _purpose_apart(reading):
        phrase = purpose.phrase.rstrip(".!? ")
        sentence += " " + (_fix_absolutes(phrase) if "achievable" in failing else phrase)
    if "relevant" in failing:
        sentence += ", so that [why it matters]"
    return _tidy(sentence) + "."


def fallback_rewrite(reading: Reading) -> str:
    """A rewrite that passes everything the text can pass: every part is a placeholder but
    the goal's own subject (without a weak verb that leads it)."""
    core = _tidy(_without_vague_time(_drop_time(reading.core, reading)))
    for obstacle in reading.obstacles:
        core = core.replace(obstacle.phrase, "[realistic target]")
    core = _fix_absolutes(core)[:MAX_CORE]
    lead = reading.lead
    if lead is not None and lead.kind not in ("concrete", "placeholder"):
        core = _without_weak_verb(core, lead.verb)
    elif not core.startswith("["):
        core = f"[concrete action] {core}"
    return (
        _tidy(
            f"{core} (target: [number] [what you will count]) by [date], so that [why it matters]"
        )
        + "."
    )


Checker = Callable[[str], bool]  # True when the checker scores a text above the goal


def _safe_by_construction(reading: Reading, failing: set[str], candidate: str) -> bool:
    """True when the rewrite only appends placeholders that are known to pass (", by [date]",
    ", so that [why it matters]", "[number]") to the untouched goal words, so checking it
    again would change nothing. Rewrites that alter the goal's own words (a weak verb,
    absolutes, obstacles, unusual text) are checked; the property tests check the rest."""
    purpose = reading.purpose
    return (
        "achievable" not in failing
        and "specific" not in failing  # its fix rewords the goal's lead
        and (purpose is None or (purpose.start > 0 and _purpose_apart(reading)))
        and reading.english
        and "[" not in reading.text
        and "]" not in reading.text
        and len(candidate) <= MAX_CHARS
    )


TEMPLATE = (
    "[Concrete action] [deliverable] (target: [number] [what you will count]) by [date], "
    "so that [why it matters]."
)


def improve(reading: Reading, failing: set[str], scores_higher: Checker) -> str | None:
    """A rewrite that passes what the goal's words fail (`scores_higher` tells): the goal's
    words with placeholders where they fall short; a bare template only if nothing else
    passes. None when nothing fails: a goal that passes needs no rewrite."""
    if not failing:
        return None
    candidate = build_rewrite(reading, failing)
    if _safe_by_construction(reading, failing, candidate) or scores_higher(candidate):
        return candidate
    more = {"measurable", "relevant"}
    if not any(not e.is_cadence for e in reading.times):  # else "by [date]" is a 2nd deadline
        more.add("time_bound")
    fuller = build_rewrite(reading, failing | more)
    if fuller != candidate and scores_higher(fuller):
        return fuller
    fallback = fallback_rewrite(reading)
    return fallback if scores_higher(fallback) else TEMPLATE

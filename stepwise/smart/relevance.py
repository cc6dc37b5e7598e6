"""Why a goal matters: a purpose clause ("so that…", "to…", "because…") or a tie to the work
(product, team, company, customers, stakeholders, a business metric, the PM role or a career
step)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from stepwise.smart.lexicon import FLAGS, Gated, Regex, phrase_set, plural_nouns, word_list
from stepwise.smart.vocabulary import COMPLETION_VERBS, CONCRETE_VERBS, METRICS, ROLE_TITLE

PURPOSE_MARKER = Gated(
    r"\b(?:so\s+that|in\s+order\s+(?:to|that)|so\s+as\s+to|because|as\s+this\s+will"
    r"|which\s+(?:will|would|should|helps?|lets?|enables?|allows?)"
    r"|that\s+(?:will|would)\s+(?:help|let|enable|allow|make|give)"
    r"|so\s+(?=(?:i|we|they|the|our|my|it|he|she|you|that|everyone|people|[a-z]+s)\b))",
    "so order because as which that",
)
_TO = Gated(r"(?<![\w-])to\s+(?=(?P<next>[A-Za-z][\w'-]*))", "to")
_WORD_BEFORE = Regex(r"([A-Za-z']+)\W*$")
# Words after which "to" does not open a purpose: "want to", "talk to", "up to", "from … to".
_TO_COMPLEMENT = frozenset(
    word_list(
        "want wants wanted need needs needed like love hope wish plan plans planned aim aims "
        "try trying tried going gonna have has had got able ready used ought expect expected "
        "intend intends strive seek commit committed learn learning learned start starting "
        "begin decide agree continue continuing how what where when whether who which invited "
        "asked chosen selected allowed required supposed encouraged trained want'd talk "
        "talking speak speaking reply replying respond responding report reporting present "
        "presenting send sending go going goes went move moving migrate migrating switch "
        "switching deploy deploying ship shipping listen listening contribute contributing "
        "invite inviting bring bringing introduce introducing up due next according close "
        "compared similar access exposure add adding return back way from get getting come "
        "coming pitch pitching walk it them him her me us this that something no yes according "
        "sent shipped moved introduced presented spec doc way path dedicated devoted opened "
        "open is are was were be been am"
    )
)
# "get my manager to give me…", "ask two engineers to rate…": a request, not a purpose.
_CAUSATIVE = Regex(
    r"\b(?:get|gets|getting|got|ask|asks|asked|convince|persuade|invite|encourage|help|tell"
    r"|want|need|expect|allow|require|remind|have)\s+(?:[\w'-]+\s+){1,4}$",
    FLAGS,
)
# Words after "to" that are not verbs: "to the", "to 45%", "to engineering", "to fluency".
_NOT_A_VERB_AFTER_TO = frozenset(
    word_list(
        "the a an my our your his her their its this that these those each every all any some "
        "no me him us them it you fewer under below above over less more at about around "
        "approximately roughly date done zero one two three four five six seven eight nine ten "
        "engineering leadership management production market customers users stakeholders "
        "design sales support marketing finance legal everyone people others peers teams execs "
        "staging prod beta launch completion fluency senior junior whom to and or but"
    )
)
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|cy|ship|ance|ence|ers|ees|ists)$")


class Purpose(NamedTuple):
    phrase: str
    start: int
    end: int


_ACTION_WORDS = frozenset(w.lower() for w in (*CONCRETE_VERBS, *COMPLETION_VERBS) if " " not in w)
_AND_VERB = Regex(r"\band\s+(?:then\s+)?(?P<verb>[a-z]+)\b", FLAGS)


def _purpose_until_next_action(text: str, start: int) -> Purpose:
    """An infinitive purpose ends where the goal goes on ("to fit X and ship it by …")."""
    for match in _AND_VERB.on(text).finditer(text, start):
        if match["verb"].lower() in _ACTION_WORDS:
            return Purpose(text[start : match.start()].strip(), start, match.start())
    return Purpose(text[start:].strip(), start, len(text))


def _infinitive_purpose(text: str) -> Purpose | None:
    for match in _TO.finditer(text):
        following = match["next"]
        before = _WORD_BEFORE.on(text).search(text, max(0, match.start() - 40), match.start())
        previous = before.group(1).lower() if before else ""
        if previous in _TO_COMPLEMENT or following.lower() in _NOT_A_VERB_AFTER_TO:
            continue
        if _CAUSATIVE.on(text).search(text, max(0, match.start() - 50), match.start()):
            continue
        if following[0].isupper() and match.start() > 0:
            continue
        if _NOUN_ENDING.search(following.lower()) or following.lower().endswith("s"):
            continue
        return _purpose_until_next_action(text, match.start())
    return None


def find_purpose(text: str) -> Purpose | None:
    """The clause that says why the goal matters, if there is one."""
    marker = PURPOSE_MARKER.search(text)
    infinitive = _infinitive_purpose(text)
    candidates = [p for p in (infinitive,) if p] + (
        [Purpose(text[marker.start() :].strip(), marker.start(), len(text))] if marker else []
    )
    return min(candidates, key=lambda p: p.start) if candidates else None


TIES = phrase_set(
    plural_nouns(
        word_list(
            "product feature team teammate squad trio org organisation organization department "
            "company customer client user admin account buyer partner stakeholder engineer "
            "developer dev designer QA leadership executive exec CEO CFO CTO COO manager "
            "tech_lead roadmap backlog sprint release launch OKR KR KPI metric platform API "
            "PRD spec epic board_meeting offsite all-hands standup stand-up retro colleague "
            "peer coworker co-worker competitor promotion bonus career role support_team board "
            "employee employer workplace persona user_story project enterprise"
        )
    )
    + word_list(
        "sales marketing discovery onboarding pricing checkout funnel quality business "
        "promoted raise our ours we usability UX user_research go-to-market GTM P&L devs "
        "dev_team user_stories execs"
    ),
    compounds=True,
)
# Ties that need their neighbours: "design" the function (not "design thinking"), "the app".
TIE_PATTERNS = Gated(
    r"\b(?:engineering|design(?!\s+(?:thinking|skills?|principles|patterns|course|books?|basics"
    r"|school))|head\s+of\s+\w+|(?:the|our|mobile|android|ios|web|production)\s+"
    r"(?:[\w-]+\s+)?app)\b",
    "engineering design head app",
)
_EXCLUDED_TIES = Gated(
    r"\bbusiness\s+school\b|\bsoftware\s+engineering\b|\bproject\s+management\b|\bB2B\b"
    r"|\bB2C\b|\b(?:side|pet"
    r"|personal)\s+projects?\b",
    "business software project b2b b2c side pet personal",
)
# Career words count outside time phrases only ("before salary season" is a time).
CAREER = Gated(
    r"\b(?:salary|pay|compensation|title|job\s+offer)\b", "salary pay compensation title job"
)


def _free(span: tuple[int, int], blocked: Sequence[tuple[int, int]]) -> bool:
    return not any(span[0] < end and start < span[1] for start, end in blocked)


def find_ties(text: str, blocked: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Words that tie the goal to the work, outside the blocked spans (review time phrases)."""
    excluded = [m.span() for m in _EXCLUDED_TIES.finditer(text)]
    ties: list[str] = []
    work = [(m.start(), m.end(), m.group(0)) for m in TIES.finditer(text)]
    work += [(m.start(), m.end(), m.group(0)) for m in METRICS.finditer(text)]
    work += [(m.start(), m.end(), m.group(0)) for m in TIE_PATTERNS.finditer(text)]
    work += [(m.start(), m.end(), m.group(0)) for m in ROLE_TITLE.finditer(text)]
    for start, end, words in sorted(work):  # work words count anywhere
        if _free((start, end), excluded):
            ties.append(words)
    for career in CAREER.finditer(text):
        if _free(career.span(), [*blocked, *excluded]):
            ties.append(career.group(0))
    return ties

"""What makes a goal clearly unattainable from its text alone: success that is someone
else's decision, an absolute standard over an open-ended domain, or a scale that is clearly
unrealistic for the time given."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from stepwise.smart.deadlines import TimeExpression
from stepwise.smart.lexicon import (
    FLAGS,
    Gated,
    Regex,
    gate_words,
    lower_pattern,
    word_list,
    word_set,
)
from stepwise.smart.quantities import Quantity
from stepwise.smart.vocabulary import SENIOR_TITLE


class Obstacle(NamedTuple):
    """Words that make a goal unattainable, why, and words in the person's hands instead."""

    kind: str  # others, absolute, unrealistic
    phrase: str
    why: str
    fix: str = ""


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


def _gated(pattern: str, words: str) -> Gated:
    return Gated(pattern, words)


_GETTER = (
    r"(?:get|gets|getting|got|be|is|am|being|been|become|becoming|earn|earning|achieve|secure"
    r"|land|win|receive|obtain)"
)
OTHERS: tuple[tuple[Gated, str, str], ...] = (
    (
        Gated(
            rf"\b{_GETTER}\s+(?:a\s+|the\s+|my\s+|another\s+)?promot(?:ed|ion)\b"
            r"|(?<!feature\s)(?<!post\s)\bpromoted\b",
            "promoted promotion promotions",
        ),
        "a promotion is decided by others",
        "build my promotion case with [number] examples of impact",
    ),
    (
        Gated(
            r"\b(?:get|gets|getting|got|earn|receive|secure|land|win|obtain)\s+"
            r"(?:a|an|my|the)?\s*(?:[0-9.]+\s?%\s+|(?:bigger|big|higher|larger|biggest|decent"
            r"|fair)\s+)?(?:pay\s+|salary\s+)?(?:raise|rise|bonus|bump|increase\s+in\s+(?:pay"
            r"|salary)|salary\s+increase)\b"
            r"|\bgive\s+me\s+(?:[\w-]+\s+){0,3}(?:raise|bonus|promotion|rating)\b"
            r"|\b(?:my|an?)\s+(?:[\"'“]?(?:exceeds|exceptional|outstanding|strong|top|high|higher"
            r"|excellent|great)\b[^.;]{0,25}|performance\s+)rating\b"
            r"|\b(?:get|gets|getting|got|receive|secure|win|land|earn|obtain)\s+(?:a|an|the|more"
            r"|extra|additional|my)?\s*(?:[\w-]+\s+){0,2}?(?:scholarship|grant|visa|sponsorship"
            r"|stipend|equity|stock\s+options|headcount)\b",
            "raise rise bonus bump increase rating scholarship grant visa sponsorship stipend "
            "equity stock headcount",
        ),
        "pay, bonuses and ratings are decided by others",
        "ask for {rest}, backed by [number] examples of impact,",
    ),
    (
        Gated(
            rf"\b{_GETTER}\s+(?:[\w'-]+\s+){{0,3}}?(?:hired|offered|accepted|admitted|selected"
            r"|chosen|picked|named|voted|elected|nominated|invited|featured|shortlisted|appointed"
            r"|awarded|approved|funded|recogni[sz]ed|given|assigned|allowed|granted|sponsored"
            r"|endorsed|published|ranked|rated|shortlisted|considered|greenlit|green-lit|adopted)\b",
            "hired offered accepted admitted selected chosen picked named voted elected nominated "
            "invited featured shortlisted appointed awarded approved funded recognized recognised "
            "given assigned allowed granted sponsored endorsed published ranked rated considered "
            "greenlit green adopted",
        ),
        "being selected, invited, accepted or approved is someone else's decision",
        "apply with [what you will submit]",
    ),
    (
        Gated(
            r"\bland\s+(?:a|an|my|the)\s+(?:[\w-]+\s+){0,4}?(?:job|role|position|offer|internship)"
            r"\b|\b(?:get|receive|secure)\s+(?:a|an)\s+(?:job\s+)?offers?\b"
            r"|\b(?:transition|move|switch|pivot|break)\w*\s+into\s+(?:a|an|the)?\s*"
            r"(?:[\w-]+\s+){0,3}?(?:role|job|position)\b"
            r"|\b(?:switch|move|transition|pivot|change)\w*\s+(?:careers?\s+)?(?:in)?to\s+"
            r"(?:a\s+|an\s+)?(?:pm|product\s+(?:management|manager|role|owner))\b"
            r"|\bget\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:job|position|internship)\b",
            "land lands landed landing offer offers into switch switching move moving transition "
            "pivot change job position internship",
        ),
        "being hired is someone else's decision",
        "apply for {rest} with [number] applications",
    ),
    (
        Gated(
            r"\bget\w*\s+into\s+(?!the\s+habit)(?:[\w'.-]+\s+){0,5}?(?:school|program|programme"
            r"|pool|cohort|intake|university|college|accelerator|fellowship|class|club)\b"
            r"|\bmake\s+the\s+(?:[\w'-]+\s+){0,6}?list\b"
            r"|\bwin\w*\s+(?!back\b|over\b)(?:a|an|the|our|my)?\s*(?:[\w'-]+\s+){0,4}?"
            r"(?:award|prize|webby|championship|competition|contest|title|medal|trophy|cup|pitch"
            r"|bid|election|vote|hackathon|scholarship)s?\b",
            "into list win wins won winning",
        ),
        "selection and awards are decided by others",
        "submit [your work] for {rest}",
    ),
    (
        Gated(
            r"\b(?:get|have|make)\s+(?:the\s+|my\s+|our\s+|every\s+|all\s+|each\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:CEO|CFO|CTO|COO|manager|boss|VP|director|leadership|board"
            r"|exec\w*|stakeholders?|committee|head\s+of\s+\w+)\s+(?:to\s+)?(?:approve|sign\s+off"
            r"|sign|agree|give|promote|fund|accept|greenlight|choose|pick|select|hire|rate|reward"
            r"|nominate)",
            "ceo cfo cto coo manager boss vp director leadership board exec execs executive "
            "executives stakeholder stakeholders committee head",
        ),
        "an approval or sign-off is someone else's decision",
        "prepare and present, for a decision by {who},",
    ),
    (
        Gated(
            r"\b(?:become|becoming|be|get\s+to|make|reach|go\s+from\s+.{1,40}?\s+to)\s+"
            r"(?:a\s+|an\s+|the\s+)?(?:vp|vice\s+president|svp|evp|director|head\s+of|chief\s+\w+"
            r"\s+officer|cpo|cto|ceo|coo|c-level|group\s+(?:pm|product\s+manager)|principal\s+"
            r"(?:pm|product\s+manager)|senior\s+(?:pm|product\s+manager)|staff\s+(?:pm|product"
            r"\s+manager)|lead\s+(?:pm|product\s+manager)|(?:people|engineering)\s+manager"
            r"|product\s+lead|team\s+lead)\b",
            "vp vice svp evp director head chief cpo cto ceo coo c group principal senior staff "
            "lead people engineering",
        ),
        "a new title is someone else's decision",
        "prepare a development plan toward {title}",
    ),
)

ABSOLUTES: tuple[Gated, ...] = (
    Gated(
        r"\bnever\b",
        "never",
    ),
    Gated(
        r"\balways\b",
        "always",
    ),
    Gated(
        r"\bforever\b",
        "forever",
    ),
    Gated(
        r"\bat\s+all\s+times\b",
        "all times",
    ),
    Gated(
        r"\ball\s+the\s+time\b",
        "all time",
    ),
    Gated(
        r"\bever\b",
        "ever",
    ),
    Gated(
        r"\bzero\s+(?!(?:to|percent|by|in|on|at|for|and|or|of|the|a|an|with|from|until|before"
        r"|after|this|next|so|then|but|which|that|is|are|was|were|be)\b|%)[a-z]+",
        "zero",
    ),
    Gated(
        r"\bperfect(?:ly|ion)?\b",
        "perfect perfectly perfection",
    ),
    Gated(
        r"\bflawless(?:ly)?\b",
        "flawless flawlessly",
    ),
    Gated(
        r"\bno\s+(?:known\s+)?(?:issues|bugs|defects|errors|mistakes|slips|delays|incidents"
        r"|complaints|downtime)\b",
        "no",
    ),
    Gated(
        r"\bwithout\s+(?:a\s+single|any)\s+(?:bugs?|defects?|errors?|mistakes?|issues?)\b",
        "without",
    ),
    Gated(
        r"\b(?:liked|loved|respected|trusted|approved)\s+by\s+(?:everyone|everybody|all)\b",
        "liked loved respected trusted approved",
    ),
    Gated(
        r"\b(?:everyone|everybody|nobody|no\s+one)\s+(?:is|will|ever|agrees|likes|loves"
        r"|complains|gets)\b",
        "everyone everybody nobody no",
    ),
    Gated(
        r"\b(?:know|knows|knowing|understand\w*|master\w*|learn\w*|memori[sz]e\w*|predict\w*"
        r"|anticipate\w*)\s+(?:absolutely\s+)?(?:every|everything|all)\b",
        "every everything all",
    ),
    Gated(
        r"\b(?:make|keep)\s+(?:every|each|all)\s+(?:[\w-]+\s+){1,2}(?:a\s+hit|a\s+success|happy"
        r"|satisfied|delighted)\b",
        "every each all",
    ),
    Gated(
        r"\b(?:master|know|understand|learn)\w*\b[^.;]{0,40}\b(?:completely|fully|totally"
        r"|entirely|inside\s+and\s+out)\b",
        "completely fully totally entirely inside",
    ),
    Gated(
        r"\bthe\s+(?:smartest|best|greatest)\b(?:\s+[\w-]+){0,3}\s+(?:in\s+the\s+(?:world|room"
        r"|company|industry)|ever)\b",
        "smartest best greatest",
    ),
    Gated(
        r"\b(?:every\s+single|each\s+and\s+every|not\s+(?:a\s+)?single|under\s+any\s+"
        r"circumstances|no\s+matter\s+what|at\s+any\s+time"
        r"|(?:the\s+)?(?:#\s?1|number\s+one|no\.\s?1)"
        r"\s+(?:in|on|app|product|company|brand|choice|player))\b",
        "single every any matter circumstances #1 1 one",
    ),
    Gated(
        r"\bon\s+the\s+first\s+try\b",
        "first",
    ),
)
_HUNDRED_PERCENT = Gated(r"\b100\s?%|\b100\s+percent\b", "100")
_ROLLOUT = _compile(
    r"\b(?:roll\w*\s+out|rollout|release\w*|ship\w*|launch\w*|enabl\w*|expos\w*|migrat\w*"
    r"|complet\w*|finish\w*)\b[^.;]{0,40}$"
)


class _DaysTable:
    """Case-blind patterns and the number each stands for; the first that matches answers.
    ASCII text is lowered and looked up with lowered patterns, which is faster than ignoring
    case and finds the same."""

    def __init__(self, *rows: tuple[str, float]) -> None:
        self.rows = tuple((_compile(pattern), number) for pattern, number in rows)
        self.lowered = tuple(
            (Regex(lower_pattern(pattern)).ascii, number) for pattern, number in rows
        )

    def lookup(self, phrase: str) -> float | None:
        rows = self.rows
        if phrase.isascii():
            phrase, rows = phrase.lower(), self.lowered
        for pattern, number in rows:
            if pattern.search(phrase):
                return number
        return None


# Largest believable amount per day, by what is counted.
_RATES = _DaysTable(
    (r"^books?$", 0.25),
    (
        r"^(?:prds?|specs?|docs?|documents?|memos?|reports?|posts?|articles?|essays?)$",
        1.5,
    ),
    (r"^(?:tests?|experiments?|a/b)$", 2.0),
    (r"^(?:launch(?:es)?|products?|countr(?:y|ies)|markets?|apps?|languages?)$", 0.08),
    (r"^(?:releases?|epics?|features?|integrations?)$", 0.25),
    (r"^(?:deals?|contracts?|logos?|accounts?|hires?|engineers?|designers?|pms?)$", 1.0),
    (r"^(?:degrees?|mbas?|phds?)$", 1 / 365),
    (r"^(?:certifications?|certificates?|certs?)$", 0.2),
    (r"^(?:kg|kgs|kilos?)$", 0.15),
    (r"^(?:lbs?|pounds)$", 0.3),
    (r"^(?:km|kms|kilometers?|kilometres?)$", 30.0),
    (r"^(?:mi|miles?)$", 20.0),
    (r"^(?:hours?|hrs?)$", 16.0),
)
_PEOPLE = _compile(r"^(?:users?|customers?|people|persons?|interviews?|calls?|stakeholders?)$")
_AUDIENCE = _compile(
    r"^(?:users?|customers?|downloads?|installs?|signups?|sign-ups?|visitors?|subscribers?"
    r"|followers?|mau|dau|members?)$"
)
_TALKING = _compile(
    r"\b(?:talk\w*|interview\w*|meet\w*|call\w*|visit\w*|speak\w*|survey\w*|migrat\w*"
    r"|onboard\w*|spoke|met)\b"
)
_SIGNING = _compile(
    r"\b(?:sign\w*|clos\w*|win|wins|won|winning|acquir\w*|land\w*|hir\w*|recruit\w*)\b"
)
_LEARN_WORDS = _compile(r"\b(?:learn\w*|memori[sz]\w*|study\w*)\b")
_WORDS_NOUN = _compile(r"^words?$")
_NOUN_AFTER = _compile(r"[A-Za-z/][\w/-]*")
_NOT_IN_NOUN_PHRASE = frozenset(
    word_list(
        "in on at by this next before after for to of with from per a an the every each and or "
        "within during until that which who than is are was be"
    )
)
_DEGREE = _gated(
    r"\b(?:degrees?|MBA|PhD|master'?s)\b", "degree degrees mba phd master master's masters"
)
_CERT_LIST = Gated(
    r"\b(?:get|gets|getting|become|earn)\s+(?P<list>[^.;]{1,80}?)\s+certified\b"
    r"|\b(?P<list2>[A-Z][\w-]*(?:\s*,\s*[A-Z][\w-]*)+(?:\s*,?\s*and\s+[A-Z][\w\s-]*?)?)\s+"
    r"certifications?\b",
    "certified certification certifications",
)
_SCOPE = _compile(
    r"\b(?:entire|whole|full|all\s+of|all\s+[0-9]|by\s+myself|myself|single-handedly|alone"
    r"|solo)\b"
)
_BIG_BUILD = Gated(
    r"\b(?:re-?build\w*|re-?writ\w*|re-?architect\w*|re-?platform\w*|build\w*|migrat\w*"
    r"|replac\w*|redesign\w*|launch\w*|ship\w*)\b",
    "rebuild rebuilt rebuilding re build rewrite rewriting rewrote write rearchitect architect "
    "replatform platform build building built builds migrate migrating migrated replace "
    "replacing replaced redesign redesigning redesigned launch launching launched ship "
    "shipping shipped",
)
_LIST_OF_THREE = _compile(r"\b\w+,\s+\w+,?\s+and\s+\w+")
_REPLACE_TEAM = Gated(
    r"\breplace\s+(?:our|the|my|an?|their)\s+(?:whole\s+|entire\s+)?(?:[\w-]+\s+)?team\b",
    "replace",
)
_MASTERY = Gated(
    r"\b(?:world-?class|fluen(?:t|cy)|native-level|expert\s+(?:in|at|on)|an\s+expert|master\w*"
    r"|guru|ninja|rockstar)\b",
    "world worldclass fluent fluency native expert master mastering mastered masters guru "
    "ninja rockstar",
)
_FEAT = _gated(
    r"\b(?:everest|k2|kilimanjaro|ironman|ultra-?marathon|channel\s+swim)\b",
    "everest k2 kilimanjaro ironman ultramarathon ultra channel",
)
_JUNIOR = Gated(
    r"\b(?:i'?m|i\s+am|as)\s+(?:an?\s+)?(?:solo\s+|new\s+|junior\s+|first-year\s+)?"
    r"(?:apm|associate|junior|intern|graduate|new\s+grad|student)\b|\bgraduating\b",
    "apm associate junior intern graduate grad student graduating",
)
_TEAM_OF = _compile(r"\b(?:team|org|organi[sz]ation|group)\s+of\s+(?P<n>[0-9]+)\b")
_DECREASE = Gated(
    r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|bring\w*\s+down|shrink\w*|trim\w*|halv\w*"
    r"|minimi[sz]\w*|drop\w*|down)\b",
    "reduce reduces reduced reducing reduction cut cuts cutting lower lowers lowered lowering "
    "decrease decreases decreased decreasing bring brings bringing shrink shrinks trim trims "
    "halve halves halved halving minimise minimize minimising minimizing drop drops dropped "
    "down",
)
_UNIT_LETTERS = re.compile(
    r"[^a-z%$€£]|\b(?:k|m|bn|thousand|million|billion)\b|(?<=[0-9])(?:k|m|bn)\b"
)


def _unit_of(amount: str) -> str:
    return _UNIT_LETTERS.sub(
        "", re.sub(r"(?<=[0-9])\s?(?:k|m|bn|thousand|million|billion)\b", "", amount)
    )


_CADENCE_DAYS = _DaysTable(
    (r"\b(?:daily|nightly|day|days|morning|evening|night|weekday|workday)s?\b", 1),
    (r"\b(?:week|weekly|weekend|monday|tuesday|wednesday|thursday|friday)s?\b", 7),
    (r"\b(?:fortnight\w*|sprint|bi-?weekly|iteration)s?\b", 14),
    (r"\bmonth(?:ly|s)?\b", 30),
    (r"\bquarter(?:ly|s)?\b", 91),
    (r"\b(?:year|annual|annually|yearly)s?\b", 365),
)
_PERIOD_DAYS = _DaysTable(
    (r"\b(?:year|fy|fiscal)\b|\b20[0-9]{2}\b|\beoy\b", 365),
    (r"\bhalf\b|\bh[12]\b", 182),
    (r"\bquarter\b|\bq[1-4]\b", 91),
    (r"\bmonth\b", 30),
    (r"\bsprint\b", 14),
    (r"\bweek\b", 7),
    (r"\bweekend\b", 2),
)


def cadence_days(times: tuple[TimeExpression, ...]) -> float | None:
    """Length in days of the shortest cadence ("every day" = 1, "a year" = 365)."""
    days = [_CADENCE_DAYS.lookup(e.phrase) for e in times if e.is_cadence]
    known = [d for d in days if d is not None]
    return min(known) if known else None


def window_days(times: tuple[TimeExpression, ...], today: date) -> float | None:
    """Days the goal has: the shortest bounded span named ("this month" counts as a month)."""
    spans: list[float] = []
    for expression in times:
        if expression.is_cadence:
            continue
        nominal = _PERIOD_DAYS.lookup(expression.phrase.lower())
        remaining = (expression.deadline - today).days if expression.deadline else None
        if expression.kind == "period" and nominal is not None:
            spans.append(max(nominal, remaining or 0))
        elif remaining is not None:
            spans.append(max(1, remaining))
        elif nominal is not None:
            spans.append(nominal)
    return min(spans) if spans else None


class Scale(NamedTuple):
    """What the realism rules look at: the goal's core words, its numbers and its time."""

    core: str
    text: str
    quantities: tuple[Quantity, ...]
    window: float | None
    cadence: float | None

    @property
    def per(self) -> float | None:
        return self.cadence or self.window


_SIZE_OF_WHAT_FOLLOWS = re.compile(r"-[A-Za-z]")


def _counted_noun(scale: Scale, quantity: Quantity) -> str:
    """The head of the noun phrase after a number: "12 product launches" → "launches"."""
    if quantity.kind == "measure":
        return quantity.unit
    after = scale.core[quantity.end : quantity.end + 40]
    if _SIZE_OF_WHAT_FOLLOWS.match(after):  # "a 1,500-word post": its size, not a count
        return ""
    head = ""
    for word in _NOUN_AFTER.findall(after)[:4]:
        if word.lower() in _NOT_IN_NOUN_PHRASE:
            break
        head = word.lower()
    return head


def _rate_limit(scale: Scale, noun: str) -> float | None:
    if _WORDS_NOUN.match(noun):
        return 100.0 if _LEARN_WORDS.search(scale.core) else 5000.0
    if _PEOPLE.match(noun) and _TALKING.search(scale.core):
        return 20.0
    if _PEOPLE.match(noun) and _SIGNING.search(scale.core):
        return 1.0  # customers won, signed or hired
    if _AUDIENCE.match(noun):
        return 20000.0
    return _RATES.lookup(noun)


def _too_many(scale: Scale) -> Obstacle | None:
    days = scale.per
    if days is None:
        return None
    for quantity in scale.quantities:
        if quantity.kind not in ("number", "measure") or not quantity.value:
            continue
        noun = _counted_noun(scale, quantity)
        limit = _rate_limit(scale, noun)
        if limit is not None and quantity.value / days > limit:
            period = "a day" if round(days) <= 1 else f"about {days:.0f} days"
            why = f"{quantity.phrase} {noun} in {period} is far beyond any realistic pace"
            return Obstacle("unrealistic", quantity.phrase, why)
    return None


def _too_many_listed(scale: Scale) -> Obstacle | None:
    days = scale.window
    if days is None:
        return None
    degrees = len(_DEGREE.finditer(scale.core))
    if degrees and degrees / days > 1 / 365:
        return Obstacle("unrealistic", "degree", "a degree takes years, not months")
    match = _CERT_LIST.search(scale.core)
    if match:
        listed = match["list"] or match["list2"] or ""
        count = len(re.split(r",|\band\b", listed))
        if count / days > 0.2:
            return Obstacle(
                "unrealistic", match.group(0), "that many certifications need more time"
            )
    return None


def _growth(scale: Scale) -> Obstacle | None:
    if not scale.quantities or _DECREASE.search(scale.core):
        return None
    days = scale.window
    for quantity in scale.quantities:
        ratio = _ratio(quantity)
        if ratio is None:
            continue
        too_fast = days is not None and (
            (ratio >= 10 and days <= 366)
            or (ratio >= 3 and days <= 92)
            or (ratio >= 2 and days <= 31)
        )
        if ratio >= 100 or too_fast:
            return Obstacle("unrealistic", quantity.phrase, f"a {ratio:.0f}x jump in that time")
    return None


def _ratio(quantity: Quantity) -> float | None:
    if quantity.kind == "multiplier" and quantity.value:
        return quantity.value
    if quantity.kind == "percent" and quantity.value and quantity.value >= 200:
        return 1 + quantity.value / 100
    if quantity.kind != "from_to" or not quantity.baseline or not quantity.value:
        return None
    start, _, end = quantity.phrase.lower().partition(" to ")
    if _unit_of(start.replace("from", "")) != _unit_of(end):
        return None
    return quantity.value / quantity.baseline if quantity.value > quantity.baseline else None


def _big_scope(scale: Scale) -> Obstacle | None:
    days = scale.window
    if days is None or days > 31:
        return None
    build = _BIG_BUILD.search(scale.core)
    if build is None:
        return None
    scope = _SCOPE.search(scale.core) or _LIST_OF_THREE.search(scale.core)
    if scope is None:
        return None
    return Obstacle("unrealistic", f"{build.group(0)} … {scope.group(0)}", "too much for the time")


_LANGUAGE = Gated(
    r"\b(?:spanish|french|german|mandarin|chinese|japanese|italian|portuguese|arabic|hindi"
    r"|korean|russian|dutch|swedish|polish|turkish)\b",
    "spanish french german mandarin chinese japanese italian portuguese arabic hindi korean "
    "russian dutch swedish polish turkish",
)
_BIG_THING = Gated(
    r"\b(?:app|platform|product|system|backend|front-?end|model|mvp|website|engine|service"
    r"|infrastructure|architecture|company|startup|business)\b",
    "app platform product system backend frontend front end model mvp website engine service "
    "infrastructure architecture company startup business",
)


def _too_little_time(scale: Scale) -> Obstacle | None:
    """Several languages in a year, or a whole product built in a day or two."""
    days = scale.window
    if days is None:
        return None
    languages = len(_LANGUAGE.finditer(scale.core))
    if (languages >= 3 and days <= 366) or (languages >= 2 and days < 180):
        return Obstacle("unrealistic", "languages", "each language takes many months")
    build = _BIG_BUILD.search(scale.core)
    thing = _BIG_THING.search(scale.core)
    if days <= 2 and build and thing and build.start() < thing.start():
        phrase = scale.core[build.start() : thing.end()]
        return Obstacle("unrealistic", phrase, "far too much for a day or two")
    return None


def _absurd(scale: Scale) -> Obstacle | None:
    match = _REPLACE_TEAM.search(scale.text)
    if match:
        return Obstacle("unrealistic", match.group(0), "one person cannot replace a team")
    days = scale.window
    if days is None:
        return None
    feat = _FEAT.search(scale.text) if days <= 90 else None
    if feat:
        return Obstacle("unrealistic", feat.group(0), "it needs months of preparation")
    mastery = _MASTERY.search(scale.core) if days < 365 else None
    if mastery:
        return Obstacle("unrealistic", mastery.group(0), "mastery takes longer than that")
    return None


def _too_senior(scale: Scale) -> Obstacle | None:
    junior = _JUNIOR.search(scale.core)
    if junior is None:
        return None
    team = _TEAM_OF.search(scale.core)
    if team and int(team["n"]) >= 10:
        return Obstacle("unrealistic", team.group(0), "a big jump from a junior role")
    title = SENIOR_TITLE.search(scale.core)
    if title:
        return Obstacle("unrealistic", title.group(0), "a big jump from a junior role")
    return None


_SCALE_RULES: tuple[Callable[[Scale], Obstacle | None], ...] = (
    _too_many,
    _too_many_listed,
    _growth,
    _big_scope,
    _absurd,
    _too_little_time,
    _too_senior,
)


def _hundred_percent(core: str) -> str | None:
    for match in _HUNDRED_PERCENT.finditer(core):
        if not _ROLLOUT.search(core, 0, match.start()):
            return match.group(0)
    return None


_OTHERS_GATE = gate_words(pattern for pattern, _, _ in OTHERS)
_ABSOLUTES_GATE = gate_words(ABSOLUTES)


def find_obstacles(scale: Scale) -> list[Obstacle]:
    """Everything in the goal's own words that makes it clearly unattainable."""
    found: list[Obstacle] = []
    words = word_set(scale.core)
    for pattern, why, fix in OTHERS if not _OTHERS_GATE.isdisjoint(words) else ():
        match = pattern.search(scale.core) if not pattern.words.isdisjoint(words) else None
        if match:
            found.append(Obstacle("others", match.group(0), why, fix))
    for pattern in ABSOLUTES if not _ABSOLUTES_GATE.isdisjoint(words) else ():
        if pattern.words.isdisjoint(words):  # the gate `search` would test, without the call
            continue
        match = pattern.search(scale.core)
        if match:
            found.append(Obstacle("absolute", match.group(0), "an absolute standard"))
            break
    hundred = _hundred_percent(scale.core)
    if hundred:
        found.append(Obstacle("absolute", hundred, "an absolute standard"))
    for rule in _SCALE_RULES:
        obstacle = rule(scale)
        if obstacle:
            found.append(obstacle)
    return found

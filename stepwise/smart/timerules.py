"""The table of deadline rules: each a pattern, the kind of time it names, its resolver in
`timewords`, and a needle of words every match contains (checked first, cheaply)."""

from __future__ import annotations

from stepwise.smart.lexicon import Needle, Regex, lower_pattern, word_list
from stepwise.smart.numbers import COUNT
from stepwise.smart.timewords import (
    BY,
    DAY,
    EDGE,
    MONTH,
    WEEKDAY,
    YEAR4,
    Resolver,
    Rule,
    resolve_calendar_year,
    resolve_day_month,
    resolve_day_word,
    resolve_duration,
    resolve_event,
    resolve_fiscal_year,
    resolve_half,
    resolve_iso,
    resolve_misspelt_duration,
    resolve_month_day,
    resolve_month_period,
    resolve_numeric,
    resolve_placeholder,
    resolve_quarter,
    resolve_review,
    resolve_season,
    resolve_this_half,
    resolve_this_month,
    resolve_this_quarter,
    resolve_this_week,
    resolve_week_number,
    resolve_weekday,
)

DIGITS = "0123456789"
_MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
_UNIT_WORDS = (
    "day days week weeks month months quarter quarters year years sprint sprints fortnight "
    "fortnights iteration iterations semester semesters"
)
_BY_WORDS = "by before until till through thru later prior ahead time due"
_TRIGGER_WORDS = (
    "by before until till through thru later prior ahead time due in during at for within "
    "this next current upcoming coming first on over after"
)
_EDGE_WORDS = "end close middle start beginning early mid late"
_EVENT_WORDS = (
    "sprint iteration release launch live planning offsite off site board qbr all hands "
    "kickoff kick beta ga availability demo conference summit hackathon retro retrospective "
    "increment pi probation internship trial project fiscal budget holiday holidays "
    "christmas new freeze audit season agm intake cohort cycle deadline cutover reorg org "
    "renewal meeting showcase town trip visit starts start begins begin closes close ends "
    "end kicks goes ships launches"
)
_NEEDLES = {
    "placeholder": Needle(chars="["),
    "review": Needle(
        "review reviews appraisal appraisals evaluation evaluations calibration calibrations "
        "promo promotion 1:1 1:1s check"
    ),
    "iso": Needle("#year"),
    "numeric": Needle("#numdate"),
    "numeric_no_year": Needle("#numdate"),
    "day_month": Needle(_MONTH_WORDS, "#digit"),
    "month_day": Needle(_MONTH_WORDS, "#digit"),
    "month_period": Needle(_MONTH_WORDS, _TRIGGER_WORDS + " " + _EDGE_WORDS + " #digit"),
    "quarter": Needle("q1 q2 q3 q4"),
    "year_quarter": Needle("q1 q2 q3 q4"),
    "ordinal_quarter": Needle("quarter"),
    "duration": Needle(_UNIT_WORDS, _TRIGGER_WORDS + " inside throughout under less end"),
    "misspelt_duration": Needle(
        "one two three four five six seven eight nine ten eleven twelve few couple #digit",
        "within in over next",
    ),
    "this_quarter": Needle("quarter eoq"),
    "half": Needle("h1 h2"),
    "ordinal_half": Needle("half"),
    "mid_year": Needle("midyear mid"),
    "this_half": Needle("half"),
    "fiscal_year": Needle("fy fiscal eofy"),
    "calendar_year": Needle("year #year"),
    "year_end": Needle("eoy year"),
    "this_month": Needle("month eom"),
    "this_week": Needle("week weekend eow"),
    "day_word": Needle("today tonight tomorrow eod day"),
    "weekday": Needle(
        "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat "
        "saturday sun sunday"
    ),
    "numbered": Needle("#digit", "sprint iteration pi release milestone phase cycle"),
    "week_number": Needle("week"),
    "season": Needle("spring summer autumn fall winter"),
    "relative_to_event": Needle(
        _UNIT_WORDS,
        "after before from of",
        "launch launching release kickoff kick live ga beta start starting shipping ship joining "
        "rollout",
    ),
    "event_by": Needle(_BY_WORDS, _EVENT_WORDS),
    "event_next": Needle("this next current upcoming coming first", _EVENT_WORDS),
    "event_starts": Needle(
        _BY_WORDS, "starts start begins begin closes close ends end kicks goes ships launches"
    ),
}


_PREFIXED = frozenset(
    word_list(
        "numeric day_month month_day quarter year_quarter ordinal_quarter this_quarter half "
        "this_half fiscal_year month_period calendar_year this_month this_week"
    )
)


def _rule(name: str, kind: str, pattern: str, resolve: Resolver) -> Rule:
    compiled = Regex(lower_pattern(pattern))  # run on lowered text: see `Rule.hits`
    return Rule(name, kind, compiled, resolve, _NEEDLES[name], name in _PREFIXED)


_QUARTER_YEAR = (
    rf"(?:\s*(?:of\s+)?(?:[-/]\s*)?(?:(?:FY|fiscal\s+year)\s?'?(?P<fyb>[0-9]{{4}}|[0-9]{{2}})\b"
    rf"|(?P<year>{YEAR4})\b|'(?P<y2>[0-9]{{2}})\b))?"
)
_FY_PREFIX = r"(?:FY\s?'?(?P<fya>[0-9]{4}|[0-9]{2})\s*[-/]?\s*)?"
_OF_YEAR = (
    rf"(?:\s+of\s+(?:(?P<rel>this|next|the|the\s+current|the\s+coming)\s+(?:fiscal\s+)?year"
    rf"|(?P<year>{YEAR4})|FY\s?'?(?P<fyb>[0-9]{{4}}|[0-9]{{2}})))?"
)
_DURATION_UNIT = (
    r"(?P<u>(?:business\s+|working\s+)?days?|weeks?|months?|quarters?|years?|sprints?"
    r"|fortnights?|iterations?|semesters?)"
)
_EVENT = (
    r"(?:sprint|iteration|release|launch|go-live|planning(?:\s+cycle)?|offsite|off-site"
    r"|board\s+meeting|QBR|all-hands|kick-?off|beta|GA|general\s+availability|demo\s+day"
    r"|conference|summit|hackathon|retro|retrospective|program\s+increment|PI\s+planning"
    r"|probation(?:\s+period)?|internship|trial\s+period|project|fiscal\s+close|budget\s+cycle"
    r"|roadmap\s+planning|annual\s+planning|planning\s+season|holidays?|christmas|new\s+year"
    r"|code\s+freeze|freeze|audit|season|AGM|intake|cohort|cycle\s+end|cycle|deadline|cutover"
    r"|re-?org|renewal|review\s+meeting|demo|showcase|town\s+hall|summit|trip|visit)"
)

RULES: tuple[Rule, ...] = (
    _rule(
        "placeholder",
        "placeholder",
        r"\[[^\[\]]{0,40}\b(?:date|deadline|when|by\s+when|timeframe|time\s*frame)\b"
        r"[^\[\]]{0,40}\]",
        resolve_placeholder,
    ),
    _rule(
        "review",
        "review",
        r"\b(?P<trig>by|before|until|till|ahead\s+of|prior\s+to|in\s+time\s+for|at|for|during"
        r"|in)\s+(?:(?:my|the|our|this|next|upcoming|coming|following)\s+)?(?:[\w'-]+\s+){0,3}?"
        r"(?:review|appraisal|evaluation|calibration|promo(?:tion)?\s+(?:cycle|committee|panel)"
        r"|1:1|one-on-one|1-on-1|check-in)s?(?:\s+cycle)?(?!\w)",
        resolve_review,
    ),
    _rule(
        "iso",
        "date",
        r"\b(?P<y>(?:19|20|21)[0-9]{2})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})\b",
        resolve_iso,
    ),
    _rule(
        "numeric",
        "date",
        r"\b(?P<a>[0-9]{1,2})[/.](?P<b>[0-9]{1,2})[/.]"
        r"(?P<year>[0-9]{4}|[0-9]{2})\b(?![/.][0-9])",
        resolve_numeric,
    ),
    _rule(
        "numeric_no_year",
        "date",
        rf"\b(?P<trig>{BY}|on)\s+(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})\b(?![/.][0-9])",
        resolve_numeric,
    ),
    _rule(
        "day_month",
        "date",
        rf"\b(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}"
        rf"(?:,?\s+(?P<year>{YEAR4}|'[0-9]{{2}})\b)?",
        resolve_day_month,
    ),
    _rule(
        "month_day",
        "date",
        rf"\b{MONTH}\s+(?:the\s+)?{DAY}\b(?!\s*(?:%|percent|k\b|x\b|:))"
        rf"(?:,?\s+(?P<year>{YEAR4})\b)?",
        resolve_month_day,
    ),
    _rule(
        "quarter",
        "period",
        rf"\b{_FY_PREFIX}Q(?P<q>[1-4])\b{_QUARTER_YEAR}",
        resolve_quarter,
    ),
    _rule(
        "year_quarter",
        "period",
        rf"\b(?P<year>{YEAR4})\s*[-/]?\s*Q(?P<q>[1-4])\b",
        resolve_quarter,
    ),
    _rule(
        "ordinal_quarter",
        "period",
        rf"\b(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"\s+(?:fiscal\s+)?quarter\b{_OF_YEAR}",
        resolve_quarter,
    ),
    _rule(
        "duration",
        "duration",
        rf"\b(?P<trig>within|in|inside|over|during|for|throughout|in\s+under|under"
        rf"|in\s+less\s+than|less\s+than|in\s+no\s+more\s+than|no\s+more\s+than|the\s+next"
        rf"|next)\s+(?:(?:the|my|our)\s+)?"
        rf"(?:(?P<qual>next|coming|following|upcoming|first|last|past|previous)\s+)?"
        rf"(?P<few>(?:few|couple\s+of)\s+)?(?P<n>{COUNT}|half\s+a|one\s+and\s+a\s+half"
        rf"|an?)?\s*{_DURATION_UNIT}\b(?!-)(?!\s+of\s+(?!(?:graduat|join|start|arriv|becom|tak"
        rf"|my\b|being|hire|now\b)))",
        resolve_duration,
    ),
    _rule(
        "misspelt_duration",
        "duration",
        rf"\b(?:within|in|over|for\s+the\s+next|in\s+the\s+next)\s+(?P<n>{COUNT})\s+"
        r"(?P<word>[a-z]{3,8})\b",
        resolve_misspelt_duration,
    ),
    _rule(
        "this_quarter",
        "period",
        r"\b(?P<rel>this|next|current|coming|following|the)\s+(?:fiscal\s+)?quarter\b"
        r"(?!ly)|\b(?P<edge2>EOQ|quarter[\s-]end)\b",
        resolve_this_quarter,
    ),
    _rule(
        "half",
        "period",
        rf"\b{_FY_PREFIX}H(?P<h>[12])\b{_QUARTER_YEAR}",
        resolve_half,
    ),
    _rule(
        "ordinal_half",
        "period",
        rf"(?:(?P<trig>{BY}|in|during|within|over|for|throughout|of)\s+)(?:the\s+)?(?:{EDGE}\s*)?"
        rf"\b(?P<ord>first|second|1st|2nd|latter|back)\s+half\b{_OF_YEAR}",
        resolve_half,
    ),
    _rule(
        "mid_year",
        "period",
        rf"(?:(?P<trig>{BY}|in|at|around)\s+)(?:the\s+)?\bmid-?year\b(?!\s+review)",
        resolve_half,
    ),
    _rule(
        "this_half",
        "period",
        r"\b(?P<rel>this|next|current|coming|the)\s+half\b(?!\s+of)",
        resolve_this_half,
    ),
    _rule(
        "fiscal_year",
        "period",
        rf"\b(?:FY\s?'?(?P<year>[0-9]{{4}}|[0-9]{{2}})\b"
        rf"|(?:(?P<rel>this|next|current|coming|the)\s+)?fiscal[\s-]+year(?:[\s-]+end)?"
        rf"(?:\s+(?P<y4>{YEAR4}))?\b|\bEOFY\b|(?P<bare>\bFY\b))",
        resolve_fiscal_year,
    ),
    _rule(
        "month_period",
        "period",
        rf"\b(?:(?P<rel>this|next|coming)\s+)?{MONTH}"
        rf"(?:,?\s+(?P<year>{YEAR4}|'[0-9]{{2}})\b|\s+(?:of\s+)?(?P<yrel>this|next)\s+year\b)?"
        rf"(?!\s*[0-9])",
        resolve_month_period,
    ),
    _rule(
        "calendar_year",
        "period",
        rf"\b(?:(?P<rel>this|next|current|coming|following|new|the)\s+(?:calendar\s+)?"
        rf"year\b(?!'s)(?![\s-]+(?:end|over)\b)|(?:year\s+)?(?P<year>{YEAR4})\b(?![-/.][0-9]))",
        resolve_calendar_year,
    ),
    _rule(
        "year_end",
        "period",
        r"\b(?:(?:by|before|until|at|through)\s+)?(?:the\s+)?"
        r"(?:EOY|year[\s-]end|end\s+of\s+(?:the\s+)?year)\b",
        resolve_calendar_year,
    ),
    _rule(
        "this_month",
        "period",
        r"\b(?P<rel>this|next|current|coming|the)\s+month\b(?!ly)(?!\s+of\b)"
        r"|\b(?:EOM|month[\s-]end|end\s+of\s+(?:the\s+)?month)\b",
        resolve_this_month,
    ),
    _rule(
        "this_week",
        "period",
        r"\b(?P<rel>this|next|current|coming|the)\s+week\b(?!ly)(?!\s+of\b)"
        r"|\b(?:EOW|end\s+of\s+(?:the\s+)?week|(?:(?:by|before|over|on|during)\s+the|this"
        r"|next|over)\s+weekend)\b",
        resolve_this_week,
    ),
    _rule(
        "day_word",
        "date",
        r"\b(?:(?:by|before|until)\s+)?(?P<dayword>today|tonight|tomorrow|EOD|end\s+of\s+day)"
        r"\b(?!'s)",
        resolve_day_word,
    ),
    _rule(
        "weekday",
        "date",
        rf"\b(?P<trig>{BY}|on|this|next|coming)\s+(?:(?P<rel>this|next|coming)\s+)?{WEEKDAY}"
        r"(?!s\b)",
        resolve_weekday,
    ),
    _rule(
        "numbered",
        "event",
        rf"\b(?:{BY}|in|during|for|(?:the\s+)?end\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
        r"(?:sprint|iteration|PI|release|milestone|phase|cycle)\s+[0-9]+(?:\.[0-9]+)?\b",
        resolve_event,
    ),
    _rule(
        "week_number",
        "date",
        rf"\b(?P<trig>{BY}|in|during|(?:the\s+)?end\s+of)\s+(?:calendar\s+|ISO\s+)?"
        r"(?:the\s+)?week\s+(?P<n>[0-9]{1,2})\b",
        resolve_week_number,
    ),
    _rule(
        "season",
        "period",
        rf"(?:\b(?P<trig>{BY}|in|during|over|for|throughout|at|within)\s+)?(?:the\s+)?"
        rf"(?:{EDGE}\s*)?\b(?:(?P<rel>this|next|coming|the)\s+)?"
        rf"(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?",
        resolve_season,
    ),
    _rule(
        "relative_to_event",
        "event",
        rf"\b(?:{COUNT}|a|an)\s+(?:days?|weeks?|months?|sprints?)\s+(?:after|before|from|of)\s+"
        r"(?:the\s+|our\s+|my\s+|each\s+|every\s+)?(?:[\w-]+\s+){0,2}?(?:launch(?:ing)?"
        r"|release|kick-?off|go-live|GA|beta|start(?:ing)?|shipping|ship|joining|rollout)\b",
        resolve_event,
    ),
    _rule(
        "event_by",
        "event",
        rf"\b(?:{BY})\s+(?:the\s+|my\s+|our\s+|this\s+|next\s+)?(?:end\s+of\s+(?:the\s+)?)?"
        rf"(?:[\w'-]+\s+){{0,3}}?{_EVENT}\b",
        resolve_event,
    ),
    _rule(
        "event_next",
        "event",
        rf"\b(?:in|during|at|for|within|by)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
        rf"(?:my\s+|our\s+)?(?:this|next|current|upcoming|coming|first)\s+(?:[\w'-]+\s+){{0,2}}?"
        rf"{_EVENT}\b"
        r"|\b(?:this|next|the\s+next|the\s+current)\s+(?:[\w-]+\s+)?(?:sprint|iteration|release"
        r"|intake|cohort|cycle)\b",
        resolve_event,
    ),
    _rule(
        "event_starts",
        "event",
        rf"\b(?:{BY})\s+(?:the\s+|my\s+|our\s+|I\s+|we\s+)?(?:[\w'-]+\s+){{0,4}}?"
        r"(?:starts?|begins?|closes?|ends?|kicks?\s+off|goes\s+live|ships|launches)\b",
        resolve_event,
    ),
)
